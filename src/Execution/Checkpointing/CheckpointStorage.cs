using System.Globalization;
using System.Text;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.Checkpointing;

/// <summary>How a job ended, for the retention policy: <see cref="Finished"/> at the end of its input,
/// <see cref="Stopped"/> by a stop-with-savepoint.</summary>
public enum JobTermination { Finished, Stopped, Cancelled, Failed }

/// <summary>
/// Checkpoint storage (<c>jobmanager</c>: in memory; <c>filesystem</c>: a directory), one instance per job:
/// <code>
/// &lt;checkpoints dir&gt;/&lt;job&gt;/chk-&lt;n&gt;/_metadata          written last, atomically: a checkpoint without it is incomplete
/// &lt;checkpoints dir&gt;/&lt;job&gt;/chk-&lt;n&gt;/op-&lt;id&gt;-&lt;subtask&gt;.*   state files owned by that checkpoint
/// &lt;checkpoints dir&gt;/&lt;job&gt;/shared/                   files several checkpoints share (incremental rocksdb)
/// &lt;savepoint dir&gt;/savepoint-&lt;job prefix&gt;-&lt;random&gt;/       self-contained: every file inside, relative paths only
/// </code>
/// </summary>
public sealed class CheckpointStorage
{
    private readonly Random _random;
    /// <summary>Completing checkpoints and applying retention happen one at a time: two checkpoints finishing together must
    /// not both walk and delete the older ones.</summary>
    private readonly object _retention = new();

    public CheckpointStorage(IStateFileSystem fileSystem, string checkpointsDirectory, string jobId, string? savepointDirectory,
        int numRetained = 1, string retention = "NO_EXTERNALIZED_CHECKPOINTS", Random? random = null, IStateFileSystem? savepointFileSystem = null)
    {
        if (numRetained < 1) throw new ArgumentOutOfRangeException(nameof(numRetained), "execution.checkpointing.num-retained must be at least 1");
        FileSystem = fileSystem;
        SavepointFileSystem = savepointFileSystem ?? fileSystem;
        JobId = jobId;
        JobDirectory = Path.Combine(LocalPath.Full(checkpointsDirectory), SafeName(jobId));
        SavepointDirectory = savepointDirectory is null ? null : LocalPath.Full(savepointDirectory);
        NumRetained = numRetained;
        Retention = retention;
        _random = random ?? Random.Shared;
    }

    /// <summary>The storage the configuration asks for (see <see cref="CheckpointingOptions"/>).</summary>
    public static CheckpointStorage FromConfiguration(Configuration configuration, string jobId, Random? random = null) =>
        FromConfiguration(configuration, jobId, null, random);

    /// <summary>The storage the configuration asks for; <paramref name="providers"/> supplies storages kept outside the file
    /// system (<c>jdbc</c>), which live in other assemblies.</summary>
    public static CheckpointStorage FromConfiguration(Configuration configuration, string jobId, ICheckpointStorageProviders? providers, Random? random = null)
    {
        var directory = configuration.Get(CheckpointingOptions.CheckpointsDirectory);
        var type = configuration.Get(CheckpointingOptions.Storage) ?? (directory is null ? "jobmanager" : "filesystem");
        int retained = configuration.Get(CheckpointingOptions.NumRetained);
        var retention = configuration.Get(CheckpointingOptions.ExternalizedRetention);
        var savepoints = configuration.Get(CheckpointingOptions.SavepointDirectory);
        if (type == "jobmanager")
            // Checkpoints live in memory for the life of the job (restarts); savepoints always go to disk.
            return new CheckpointStorage(new InMemoryStateFileSystem(), "/jobmanager", jobId, savepoints, retained, retention, random,
                LocalStateFileSystem.Instance);
        if (type != "filesystem")
        {
            var provider = providers?.FindCheckpointStorage(type)
                ?? throw new InvalidOperationException($"'execution.checkpointing.storage' = '{type}' is not available here (its storage is registered by StreamSql.Connectors)");
            return new CheckpointStorage(provider.Open(configuration), provider.Root, jobId, savepoints, retained, retention, random, LocalStateFileSystem.Instance)
            {
                Description = provider.Describe(configuration),
            };
        }
        if (directory is null)
            throw new InvalidOperationException("'execution.checkpointing.storage' = 'filesystem' needs a directory: set 'execution.checkpointing.dir' (or 'state.checkpoints.dir')");
        return new CheckpointStorage(LocalStateFileSystem.Instance, directory, jobId, savepoints, retained, retention, random);
    }

    public IStateFileSystem FileSystem { get; }

    /// <summary>Where the checkpoints are, for messages: the job's directory, or the database of a <c>jdbc</c> storage.</summary>
    public string Description
    {
        get => _description ?? JobDirectory;
        init => _description = value + " (job '" + JobId + "')";
    }

    private readonly string? _description;

    /// <summary>Where savepoints are written: local disk, also when checkpoints are kept in memory.</summary>
    public IStateFileSystem SavepointFileSystem { get; }
    public string JobId { get; }
    public string JobDirectory { get; }
    public string SharedDirectory => Path.Combine(JobDirectory, "shared");
    public string? SavepointDirectory { get; }
    public int NumRetained { get; }
    public string Retention { get; }

    public string CheckpointDirectory(long checkpointId) => Path.Combine(JobDirectory, "chk-" + checkpointId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts writing checkpoint <paramref name="checkpointId"/>.</summary>
    public ICheckpointWriter BeginCheckpoint(long checkpointId) =>
        new Writer(this, checkpointId, CheckpointDirectory(checkpointId), isSavepoint: false);

    /// <summary>Starts writing a savepoint into a new <c>savepoint-…</c> directory under <paramref name="targetDirectory"/>
    /// (default: the configured savepoint directory).</summary>
    public ICheckpointWriter BeginSavepoint(long checkpointId, string? targetDirectory = null)
    {
        var parent = targetDirectory ?? SavepointDirectory
            ?? throw new InvalidOperationException("no savepoint directory: give one, or set 'execution.checkpointing.savepoint-dir' (or 'state.savepoints.dir')");
        var prefix = SafeName(JobId);
        prefix = prefix.Length > 6 ? prefix[..6] : prefix;
        var random = new byte[6];
        _random.NextBytes(random);
        var directory = Path.Combine(LocalPath.Full(parent), $"savepoint-{prefix}-{Convert.ToHexStringLower(random)}");
        return new Writer(this, checkpointId, directory, isSavepoint: true);
    }

    /// <summary>
    /// Completes a checkpoint or savepoint: writes <c>_metadata</c> last and atomically, then (checkpoints only) deletes the
    /// completed checkpoints beyond <see cref="NumRetained"/>, with the shared files no retained checkpoint references.
    /// </summary>
    public CompletedCheckpoint Complete(ICheckpointWriter writer, CheckpointMetadata metadata)
    {
        var w = (Writer)writer;
        // Durable in order: the state files (each synced when written), the entries of the directories holding them, then
        // _metadata (written and renamed atomically, its directory synced), then the job directory's entry for chk-N. A
        // crash at any point leaves either a complete checkpoint or one without _metadata, never a _metadata whose files
        // were lost.
        if (w.FileSystem.DirectoryExists(w.Location)) w.FileSystem.Sync(w.Location);
        if (!w.IsSavepoint && w.WroteShared) w.FileSystem.Sync(SharedDirectory);
        if (w.IsSavepoint && w.FileSystem.DirectoryExists(Path.Combine(w.Location, "shared"))) w.FileSystem.Sync(Path.Combine(w.Location, "shared"));
        lock (_retention)
        {
            w.FileSystem.WriteAtomically(Path.Combine(w.Location, CheckpointMetadataFormat.FileName), CheckpointMetadataFormat.Serialize(metadata));
            w.FileSystem.Sync(Path.GetDirectoryName(w.Location)!);
            var completed = new CompletedCheckpoint(w.FileSystem, w.Location, metadata);
            if (w.IsSavepoint) return completed;
            // The checkpoint is complete from here on: failing to delete older ones only leaves disk space behind, and must
            // never be reported as this checkpoint failing (which would delete it).
            try
            {
                Subsume();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CheckpointFormatException)
            {
            }
            return completed;
        }
    }

    /// <summary>Drops a checkpoint that will not complete (its exclusive files; shared files it uploaded stay until unreferenced).</summary>
    public void Abort(ICheckpointWriter writer) => ((Writer)writer).FileSystem.DeleteDirectory(writer.Location);

    /// <summary>The highest checkpoint id with a directory here (complete or not) or of one of the job's savepoints, or 0: a
    /// new run numbers its checkpoints above it, so "the latest checkpoint" is always the one with the highest id.</summary>
    public long HighestCheckpointId()
    {
        var directories = CheckpointDirectories();
        long highest = directories.Count == 0 ? 0 : directories[0].Id;
        // Savepoints share the job's id sequence, so "newest" between a checkpoint and a savepoint is the higher id.
        var savepoints = Savepoints();
        return savepoints.Count == 0 ? highest : Math.Max(highest, savepoints[0].CheckpointId);
    }

    /// <summary>This job's savepoints directly under the savepoint directory (their <c>_metadata</c> names the job), newest
    /// first by id; directories that are not savepoints, or whose metadata cannot be read, are not the job's as far as
    /// anyone can tell and are passed over.</summary>
    public IReadOnlyList<CompletedCheckpoint> Savepoints()
    {
        var found = new List<CompletedCheckpoint>();
        if (SavepointDirectory is null) return found;
        foreach (var name in SavepointFileSystem.ListDirectories(SavepointDirectory))
        {
            if (!name.StartsWith("savepoint-", StringComparison.Ordinal)) continue;
            try
            {
                var savepoint = Load(SavepointFileSystem, Path.Combine(SavepointDirectory, name));
                if (savepoint.Metadata.IsSavepoint && string.Equals(savepoint.Metadata.JobName, JobId, StringComparison.Ordinal)) found.Add(savepoint);
            }
            catch (CheckpointFormatException)
            {
            }
        }
        found.Sort((a, b) => b.CheckpointId.CompareTo(a.CheckpointId));
        return found;
    }

    /// <summary>The newest of this job's savepoints whose files are all present; <paramref name="skipped"/> gets one line per
    /// newer one passed over and why.</summary>
    public CompletedCheckpoint? FindLatestSavepoint(ICollection<string>? skipped = null)
    {
        foreach (var savepoint in Savepoints())
        {
            try
            {
                savepoint.VerifyFilesPresent();
                return savepoint;
            }
            catch (CheckpointFormatException e)
            {
                skipped?.Add(e.Message);
            }
        }
        return null;
    }

    /// <summary>The newest checkpoint of this job that loads and whose files are all present; <paramref name="skipped"/> gets
    /// one line per newer checkpoint passed over and why.</summary>
    public CompletedCheckpoint? FindLatestCompleted(ICollection<string>? skipped = null, long minimumId = 0)
    {
        foreach (var (id, directory) in CheckpointDirectories())
        {
            if (id < minimumId) break;
            var metadataPath = Path.Combine(directory, CheckpointMetadataFormat.FileName);
            if (!FileSystem.FileExists(metadataPath))
            {
                skipped?.Add($"checkpoint {directory} is incomplete (no {CheckpointMetadataFormat.FileName})");
                continue;
            }
            try
            {
                var checkpoint = Load(directory);
                checkpoint.VerifyFilesPresent();
                return checkpoint;
            }
            catch (CheckpointFormatException e)
            {
                skipped?.Add(e.Message);
            }
        }
        return null;
    }

    /// <summary>Loads a checkpoint or savepoint from its directory or its <c>_metadata</c> file (any location: savepoints move).</summary>
    public CompletedCheckpoint Load(string path) => Load(FileSystem, path);

    public static CompletedCheckpoint Load(IStateFileSystem fileSystem, string path)
    {
        path = LocalPath.Full(path);
        var directory = Path.GetFileName(path) == CheckpointMetadataFormat.FileName ? Path.GetDirectoryName(path)! : path;
        var metadataPath = Path.Combine(directory, CheckpointMetadataFormat.FileName);
        if (!fileSystem.FileExists(metadataPath))
            throw new CheckpointFormatException(fileSystem.DirectoryExists(directory)
                ? $"checkpoint {directory} is incomplete: it has no {CheckpointMetadataFormat.FileName} file"
                : $"checkpoint {directory} does not exist");
        byte[] bytes;
        using (var stream = fileSystem.OpenRead(metadataPath))
        {
            var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        return new CompletedCheckpoint(fileSystem, directory, CheckpointMetadataFormat.Deserialize(bytes, metadataPath));
    }

    /// <summary>Applies the retention policy when the job ends. A job that finished its input keeps its last checkpoint
    /// (the final one, with every operator at its end), so resuming it from its latest checkpoint (a script run again with
    /// <c>--from-latest-checkpoint</c>, a kill just after it finished) publishes nothing twice; Flink deletes it. A job
    /// stopped with a savepoint drops its checkpoints (the savepoint is its state); cancelled ones unless
    /// RETAIN_ON_CANCELLATION; failed ones only under NO_EXTERNALIZED_CHECKPOINTS. Savepoints are never deleted.</summary>
    public void OnJobTerminated(JobTermination termination)
    {
        lock (_retention)
            switch (termination)
            {
                case JobTermination.Finished:
                    RetainNewest(1);
                    return;
                case JobTermination.Stopped:
                case JobTermination.Cancelled when Retention != "RETAIN_ON_CANCELLATION":
                case JobTermination.Failed when Retention == "NO_EXTERNALIZED_CHECKPOINTS":
                    RetainNewest(0);
                    FileSystem.DeleteDirectory(JobDirectory);
                    return;
            }
    }

    /// <summary>Deletes a checkpoint so that a crash midway leaves it incomplete, never complete with files missing:
    /// <c>_metadata</c> first (and that made durable), then the rest.</summary>
    private void DeleteCheckpoint(string directory)
    {
        var metadata = Path.Combine(directory, CheckpointMetadataFormat.FileName);
        if (FileSystem.FileExists(metadata))
        {
            FileSystem.DeleteFile(metadata);
            FileSystem.Sync(directory);
        }
        FileSystem.DeleteDirectory(directory);
    }

    /// <summary>
    /// Removes what runs of this job that died left behind: <c>chk-N</c> directories without <c>_metadata</c> (never
    /// restorable) and shared files no completed checkpoint references (uploads of checkpoints that never completed). Only
    /// for a job that holds its state name exclusively (<see cref="JobStateClaim"/>) and has not started checkpointing;
    /// when a completed checkpoint cannot be read, shared files are left alone (which it uses is unknown).
    /// </summary>
    public void RemoveLeftovers()
    {
        lock (_retention) RemoveLeftoversLocked();
    }

    private void RemoveLeftoversLocked()
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        bool everyReferenceKnown = true;
        foreach (var (_, directory) in CheckpointDirectories())
        {
            if (!FileSystem.FileExists(Path.Combine(directory, CheckpointMetadataFormat.FileName)))
            {
                FileSystem.DeleteDirectory(directory);
                continue;
            }
            try
            {
                var checkpoint = Load(directory);
                foreach (var file in checkpoint.Metadata.AllFiles()) referenced.Add(checkpoint.PathOf(file));
            }
            catch (CheckpointFormatException)
            {
                everyReferenceKnown = false;
            }
        }
        if (!everyReferenceKnown) return;
        foreach (var name in FileSystem.ListFiles(SharedDirectory))
        {
            var path = Path.Combine(SharedDirectory, name);
            if (!referenced.Contains(Path.GetFullPath(path))) FileSystem.DeleteFile(path);
        }
    }

    /// <summary>Completed checkpoints of this job, newest first.</summary>
    public IReadOnlyList<long> CompletedCheckpointIds()
    {
        var ids = new List<long>();
        foreach (var (id, directory) in CheckpointDirectories())
            if (FileSystem.FileExists(Path.Combine(directory, CheckpointMetadataFormat.FileName))) ids.Add(id);
        return ids;
    }

    private List<(long Id, string Directory)> CheckpointDirectories()
    {
        var found = new List<(long, string)>();
        foreach (var name in FileSystem.ListDirectories(JobDirectory))
            if (name.StartsWith("chk-", StringComparison.Ordinal)
                && long.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                found.Add((id, Path.Combine(JobDirectory, name)));
        found.Sort((a, b) => b.Item1.CompareTo(a.Item1));
        return found;
    }

    private void Subsume() => RetainNewest(NumRetained);

    /// <summary>Deletes the completed checkpoints beyond the newest <paramref name="count"/>, with the shared files no kept
    /// checkpoint references.</summary>
    private void RetainNewest(int count)
    {
        var completed = new List<CompletedCheckpoint>();
        foreach (var (_, directory) in CheckpointDirectories())
        {
            if (!FileSystem.FileExists(Path.Combine(directory, CheckpointMetadataFormat.FileName))) continue;
            try
            {
                completed.Add(Load(directory));
            }
            catch (CheckpointFormatException)
            {
                // A corrupt checkpoint is neither retained nor trusted to say which shared files it uses; left for inspection.
            }
        }
        if (completed.Count <= count) return;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
            foreach (var file in completed[i].Metadata.AllFiles()) referenced.Add(completed[i].PathOf(file));
        var shared = SharedDirectory + Path.DirectorySeparatorChar;
        // Oldest first: a crash midway leaves the newer ones complete, so a resume never goes back to an older state.
        for (int i = completed.Count - 1; i >= count; i--)
        {
            DeleteCheckpoint(completed[i].Directory);
            foreach (var file in completed[i].Metadata.AllFiles())
            {
                var path = completed[i].PathOf(file);
                if (path.StartsWith(shared, StringComparison.Ordinal) && !referenced.Contains(path)) FileSystem.DeleteFile(path);
            }
        }
    }

    /// <summary>The most UTF-8 bytes of a job's directory name: file systems allow 255 per path component, and the job's
    /// lock file adds a few.</summary>
    internal const int MaxSafeNameBytes = 200;

    /// <summary>A job name as a directory name: characters other than letters, digits, '-', '_' and '.' become '_'. A name
    /// longer than <see cref="MaxSafeNameBytes"/> (Flink's default name of a statement set lists every sink table) keeps its
    /// start and ends with a hash of the whole name, so that the same job finds its directory again.</summary>
    internal static string SafeName(string name)
    {
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (!(char.IsLetterOrDigit(chars[i]) || chars[i] is '-' or '_' or '.')) chars[i] = '_';
        var safe = new string(chars);
        if (safe.Length == 0 || safe is "." or "..") return "job";
        if (Encoding.UTF8.GetByteCount(safe) <= MaxSafeNameBytes) return safe;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 8));
        int keep = 0, bytes = 0;
        const int Budget = MaxSafeNameBytes - 17; // '-' and 16 hex digits
        while (keep < safe.Length)
        {
            int width = char.IsSurrogatePair(safe, keep) ? 2 : 1;
            int size = Encoding.UTF8.GetByteCount(safe.AsSpan(keep, width));
            if (bytes + size > Budget) break;
            bytes += size;
            keep += width;
        }
        return safe[..keep] + "-" + hash;
    }

    private sealed class Writer(CheckpointStorage storage, long checkpointId, string location, bool isSavepoint) : ICheckpointWriter
    {
        public IStateFileSystem FileSystem { get; } = isSavepoint ? storage.SavepointFileSystem : storage.FileSystem;
        public long CheckpointId { get; } = checkpointId;
        public bool IsSavepoint { get; } = isSavepoint;
        public string Location { get; } = location;

        public StateFileHandle WriteExclusive(string relativeName, Action<Stream> write) =>
            WriteTo(Path.Combine(Location, relativeName), relativeName, write);

        /// <summary>Whether a file went to the job's shared directory (its entries need flushing at completion).</summary>
        public bool WroteShared { get; private set; }

        public StateFileHandle WriteShared(string name, string localName, Action<Stream> write)
        {
            if (!IsSavepoint) WroteShared = true;
            var handle = IsSavepoint
                ? WriteTo(Path.Combine(Location, "shared", name), "shared/" + name, write)
                : WriteTo(Path.Combine(storage.SharedDirectory, name), "../shared/" + name, write);
            return handle with { LocalName = localName };
        }

        private StateFileHandle WriteTo(string path, string relativePath, Action<Stream> write)
        {
            ChecksummingStream checksumming;
            using (var stream = FileSystem.Create(path))
            {
                checksumming = new ChecksummingStream(stream);
                write(checksumming);
                checksumming.Flush();
            }
            FileSystem.Sync(path);
            return new StateFileHandle(relativePath, checksumming.BytesWritten, checksumming.Checksum);
        }
    }
}
