namespace StreamSql.Execution.Checkpointing;

/// <summary>A checkpoint or savepoint whose <c>_metadata</c> was read and validated; reads its state files, verified.</summary>
public sealed class CompletedCheckpoint : IStateFileReader
{
    private readonly IStateFileSystem _fileSystem;

    internal CompletedCheckpoint(IStateFileSystem fileSystem, string directory, CheckpointMetadata metadata)
    {
        _fileSystem = fileSystem;
        Directory = directory;
        Metadata = metadata;
    }

    /// <summary>The directory holding <c>_metadata</c>.</summary>
    public string Directory { get; }

    public CheckpointMetadata Metadata { get; }

    public long CheckpointId => Metadata.CheckpointId;

    public string MetadataPath => Path.Combine(Directory, CheckpointMetadataFormat.FileName);

    /// <summary>The absolute path of a file of this checkpoint.</summary>
    public string PathOf(StateFileHandle file) => Path.GetFullPath(Path.Combine(Directory, file.RelativePath));

    /// <summary>Checks that every referenced file exists with its recorded size (contents are verified when read).</summary>
    public void VerifyFilesPresent()
    {
        foreach (var file in Metadata.AllFiles()) CheckLength(file);
    }

    private string CheckLength(StateFileHandle file)
    {
        var path = PathOf(file);
        long length = _fileSystem.Length(path);
        if (length < 0) throw new CheckpointFormatException($"state file {path} of checkpoint {Directory} is missing");
        if (length != file.Size)
            throw new CheckpointFormatException($"state file {path} is truncated or corrupt: {length} bytes, the checkpoint recorded {file.Size}");
        return path;
    }

    public byte[] ReadAll(StateFileHandle file)
    {
        var path = CheckLength(file);
        byte[] bytes;
        using (var stream = _fileSystem.OpenRead(path))
        {
            bytes = new byte[file.Size];
            stream.ReadExactly(bytes);
        }
        if (Crc32C.Compute(bytes) != file.Checksum) throw new CheckpointFormatException($"checksum mismatch in {path}");
        return bytes;
    }

    public void CopyTo(StateFileHandle file, string localPath)
    {
        var path = CheckLength(file);
        uint crc = Crc32C.Start;
        using (var source = _fileSystem.OpenRead(path))
        using (var target = new FileStream(localPath, FileMode.Create, FileAccess.Write))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = source.Read(buffer)) > 0)
            {
                crc = Crc32C.Append(crc, buffer.AsSpan(0, n));
                target.Write(buffer, 0, n);
            }
        }
        if (Crc32C.Finish(crc) != file.Checksum)
        {
            File.Delete(localPath);
            throw new CheckpointFormatException($"checksum mismatch in {path}");
        }
    }
}
