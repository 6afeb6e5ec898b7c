namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// The few file operations checkpoint storage needs, so the same storage logic runs on local disk (<c>filesystem</c>)
/// and in memory (<c>jobmanager</c>). Paths are absolute, '/'-separated.
/// </summary>
public interface IStateFileSystem
{
    /// <summary>Creates (or replaces) a file for writing; parent directories are created.</summary>
    Stream Create(string path);

    /// <summary>Opens a file for reading; <see cref="FileNotFoundException"/> when it does not exist.</summary>
    Stream OpenRead(string path);

    bool FileExists(string path);

    /// <summary>The file's size, or -1 when it does not exist.</summary>
    long Length(string path);

    /// <summary>Writes a whole file so that readers see the old state or the complete new one, never a part
    /// (local disk: temp file, fsync, rename).</summary>
    void WriteAtomically(string path, ReadOnlySpan<byte> content);

    /// <summary>Names of the directories directly under <paramref name="path"/> (none when it does not exist).</summary>
    IReadOnlyList<string> ListDirectories(string path);

    /// <summary>Names of the files directly under <paramref name="path"/>.</summary>
    IReadOnlyList<string> ListFiles(string path);

    bool DirectoryExists(string path);

    void DeleteFile(string path);

    /// <summary>Deletes a directory and everything in it (nothing when it does not exist).</summary>
    void DeleteDirectory(string path);

    /// <summary>Makes a file, or a directory's entries, survive a crash of the machine (fsync); in memory, nothing.</summary>
    void Sync(string path);
}

/// <summary>Local disk.</summary>
public sealed class LocalStateFileSystem : IStateFileSystem
{
    public static readonly LocalStateFileSystem Instance = new();

    private LocalStateFileSystem() { }

    public Stream Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public void Sync(string path)
    {
        if (Directory.Exists(path)) FileDurability.SyncDirectory(path);
        else FileDurability.SyncFile(path);
    }

    public Stream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    public bool FileExists(string path) => File.Exists(path);

    public long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : -1;

    public void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".inprogress-" + Guid.NewGuid().ToString("N");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        FileDurability.SyncDirectory(Path.GetDirectoryName(path)!);
    }

    public IReadOnlyList<string> ListDirectories(string path) =>
        Directory.Exists(path) ? Directory.GetDirectories(path).Select(d => Path.GetFileName(d)!).ToArray() : Array.Empty<string>();

    public IReadOnlyList<string> ListFiles(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path).Select(f => Path.GetFileName(f)!).ToArray() : Array.Empty<string>();

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public void DeleteFile(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }

    public void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }
}

/// <summary>In memory (the <c>jobmanager</c> storage): thread-safe, gone with the process.</summary>
public sealed class InMemoryStateFileSystem : IStateFileSystem
{
    private const int ChunkSize = 1 << 20;

    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    // Chunks of deleted and replaced files, for the next files written: a checkpoint of a large state every second would
    // otherwise allocate its size in large-object-heap arrays each time (and the GC collect them in full collections that
    // stop every subtask). At most about as many are kept as the stored files hold (counting the file being removed).
    private readonly Stack<byte[]> _spareChunks = new();
    private int _storedChunks;

    public Stream Create(string path) => new CommitOnDispose(this, Normalize(path));

    public Stream OpenRead(string path)
    {
        lock (_lock)
            return _files.TryGetValue(Normalize(path), out var file)
                ? new MemoryStream(file.Contiguous(), writable: false)
                : throw new FileNotFoundException($"{path} does not exist", path);
    }

    public bool FileExists(string path)
    {
        lock (_lock) return _files.ContainsKey(Normalize(path));
    }

    public long Length(string path)
    {
        lock (_lock) return _files.TryGetValue(Normalize(path), out var file) ? file.Length : -1;
    }

    public void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var copy = content.ToArray();
        lock (_lock) Store(Normalize(path), StoredFile.Whole(copy));
    }

    public IReadOnlyList<string> ListDirectories(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        var names = new SortedSet<string>(StringComparer.Ordinal);
        lock (_lock)
            foreach (var file in _files.Keys)
            {
                if (!file.StartsWith(prefix, StringComparison.Ordinal)) continue;
                int slash = file.IndexOf('/', prefix.Length);
                if (slash > 0) names.Add(file.Substring(prefix.Length, slash - prefix.Length));
            }
        return names.ToArray();
    }

    public IReadOnlyList<string> ListFiles(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        var names = new List<string>();
        lock (_lock)
            foreach (var file in _files.Keys)
                if (file.StartsWith(prefix, StringComparison.Ordinal) && file.IndexOf('/', prefix.Length) < 0)
                    names.Add(file.Substring(prefix.Length));
        return names;
    }

    public bool DirectoryExists(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        lock (_lock)
            foreach (var file in _files.Keys)
                if (file.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    public void DeleteFile(string path)
    {
        lock (_lock) Remove(Normalize(path));
    }

    public void DeleteDirectory(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        lock (_lock)
            foreach (var file in _files.Keys.ToArray())
                if (file.StartsWith(prefix, StringComparison.Ordinal)) Remove(file);
    }

    public void Sync(string path)
    {
    }

    /// <summary>Replaces a file's bytes (tests corrupt checkpoints with it).</summary>
    public void Overwrite(string path, byte[] content)
    {
        lock (_lock) Store(Normalize(path), StoredFile.Whole(content));
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    // The callers hold _lock.
    private void Store(string path, StoredFile file)
    {
        Remove(path);
        _files[path] = file;
        _storedChunks += file.Chunks.Length;
    }

    private void Remove(string path)
    {
        if (!_files.Remove(path, out var file)) return;
        foreach (var chunk in file.Chunks) ReturnChunk(chunk);
        _storedChunks -= file.Chunks.Length;
    }

    private void ReturnChunk(byte[] chunk)
    {
        // One or two beyond what the stored files hold, so that a series of small files reuses one chunk.
        if (_spareChunks.Count < _storedChunks + 2) _spareChunks.Push(chunk);
    }

    private byte[] RentChunk()
    {
        lock (_lock)
            if (_spareChunks.TryPop(out var chunk)) return chunk;
        return GC.AllocateUninitializedArray<byte>(ChunkSize);
    }

    /// <summary>A stored file: whole chunks of <see cref="ChunkSize"/> bytes (they go back to the spare chunks when the file is
    /// gone, so they are never handed out: readers get a copy), then the rest in an array of its exact length.</summary>
    private sealed record StoredFile(byte[][] Chunks, byte[] Tail)
    {
        public static StoredFile Whole(byte[] bytes) => new([], bytes);

        public long Length => (long)Chunks.Length * ChunkSize + Tail.Length;

        public byte[] Contiguous()
        {
            if (Chunks.Length == 0) return Tail;
            var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
            int offset = 0;
            foreach (var chunk in Chunks)
            {
                chunk.CopyTo(bytes, offset);
                offset += ChunkSize;
            }
            Tail.CopyTo(bytes, offset);
            return bytes;
        }
    }

    /// <summary>
    /// A file being written: its bytes go into chunks (spare ones first) that become the stored file as they are when the
    /// stream is disposed. (A <see cref="MemoryStream"/> doubling its buffer and copying it once more at the end moved and
    /// faulted in about three times a checkpoint's size, which a checkpoint of a large state every second paid each time.)
    /// </summary>
    private sealed class CommitOnDispose(InMemoryStateFileSystem owner, string path) : Stream
    {
        private readonly List<byte[]> _chunks = new();
        private int _used = ChunkSize;
        private long _length;
        private bool _disposed;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (!buffer.IsEmpty)
            {
                if (_used == ChunkSize)
                {
                    _chunks.Add(owner.RentChunk());
                    _used = 0;
                }
                int n = Math.Min(buffer.Length, ChunkSize - _used);
                buffer[..n].CopyTo(_chunks[^1].AsSpan(_used));
                _used += n;
                _length += n;
                buffer = buffer[n..];
            }
        }

        public override void WriteByte(byte value) => Write([value]);

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                // The last chunk's bytes move into an array of their length (a small file does not hold a whole chunk).
                byte[] tail = [];
                if (_chunks.Count > 0 && _used < ChunkSize)
                {
                    tail = _chunks[^1].AsSpan(0, _used).ToArray();
                    lock (owner._lock) owner.ReturnChunk(_chunks[^1]);
                    _chunks.RemoveAt(_chunks.Count - 1);
                }
                var file = new StoredFile(_chunks.ToArray(), tail);
                _chunks.Clear();
                lock (owner._lock) owner.Store(path, file);
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => !_disposed;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
