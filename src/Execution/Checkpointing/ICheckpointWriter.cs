namespace StreamSql.Execution.Checkpointing;

/// <summary>Where the asynchronous part of a snapshot writes its files, for one checkpoint or savepoint in progress.</summary>
public interface ICheckpointWriter
{
    long CheckpointId { get; }

    bool IsSavepoint { get; }

    /// <summary>The checkpoint's directory (for messages).</summary>
    string Location { get; }

    /// <summary>Writes a file owned by this checkpoint alone (inside its directory); size and CRC-32C are computed on the way.</summary>
    StateFileHandle WriteExclusive(string relativeName, Action<Stream> write);

    /// <summary>Writes a file later checkpoints may reference too (<c>&lt;job&gt;/shared/</c>; a savepoint keeps it inside its own
    /// directory, so it stays self-contained). <paramref name="localName"/> is recorded in the handle.</summary>
    StateFileHandle WriteShared(string name, string localName, Action<Stream> write);
}

/// <summary>Reads the files of a completed checkpoint, verifying each against its handle.</summary>
public interface IStateFileReader
{
    /// <summary>The file's bytes; <see cref="CheckpointFormatException"/> naming the file when it is missing, truncated or corrupt.</summary>
    byte[] ReadAll(StateFileHandle file);

    /// <summary>Copies the file to local disk, verified like <see cref="ReadAll"/>.</summary>
    void CopyTo(StateFileHandle file, string localPath);

    /// <summary>The file's full path (its handle's path is relative to the checkpoint).</summary>
    string PathOf(StateFileHandle file);
}

/// <summary>A checkpoint or one of its files is missing, truncated, corrupt or of an unknown version. The message names the file.</summary>
public sealed class CheckpointFormatException : Exception
{
    public CheckpointFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
