using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// A checkpoint storage kept outside the file system (<c>jdbc</c>: PostgreSQL tables), plugged in by its
/// <c>execution.checkpointing.storage</c> name. It offers the storage's files through <see cref="IStateFileSystem"/>, so
/// retention, restore, fallback and SHOW CHECKPOINTS are <see cref="CheckpointStorage"/>'s, the same for every storage.
/// </summary>
public interface ICheckpointStorageProvider
{
    /// <summary>The <c>execution.checkpointing.storage</c> value it serves.</summary>
    string Type { get; }

    /// <summary>The root its paths start from (a name, not a local directory).</summary>
    string Root { get; }

    /// <summary>The storage's files for the configuration; errors name the option to fix.</summary>
    IStateFileSystem Open(Configuration configuration);

    /// <summary>Where the checkpoints are kept, for messages (no secrets).</summary>
    string Describe(Configuration configuration);
}

/// <summary>Finds a checkpoint storage provider by name.</summary>
public interface ICheckpointStorageProviders
{
    ICheckpointStorageProvider? FindCheckpointStorage(string type);
}
