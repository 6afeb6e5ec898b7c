using System.Globalization;

namespace StreamSql.Soak.Rounds;

/// <summary>
/// A job's checkpoints and savepoints on disk, as the engine lays them out: <c>{checkpoint root}/{job}/chk-{n}/_metadata</c>
/// (a <c>chk-n</c> without <c>_metadata</c> is incomplete) and <c>{savepoint root}/savepoint-…/_metadata</c>.
/// </summary>
public sealed class JobSnapshotFolders(string checkpointRoot, string savepointRoot, string jobName)
{
    private const string MetadataFile = "_metadata";

    public string CheckpointRoot { get; } = checkpointRoot;
    public string SavepointRoot { get; } = savepointRoot;
    public string JobName { get; } = jobName;

    /// <summary>Ids of the job's completed checkpoints, newest first.</summary>
    public List<long> CompletedCheckpoints()
    {
        var ids = new List<long>();
        var job = Path.Combine(CheckpointRoot, JobName);
        if (!Directory.Exists(job)) return ids;
        foreach (var dir in Directory.GetDirectories(job, "chk-*"))
            if (File.Exists(Path.Combine(dir, MetadataFile)) && long.TryParse(Path.GetFileName(dir)[4..], CultureInfo.InvariantCulture, out var id))
                ids.Add(id);
        ids.Sort((a, b) => b.CompareTo(a));
        return ids;
    }

    /// <summary>The id of the newest completed checkpoint, or 0 when there is none (ids start at 1).</summary>
    public long NewestCompletedCheckpoint()
    {
        var ids = CompletedCheckpoints();
        return ids.Count > 0 ? ids[0] : 0;
    }

    public string CheckpointDirectory(long id) => Path.Combine(CheckpointRoot, JobName, "chk-" + id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The savepoint directories, complete or still being written, in name order.</summary>
    public List<string> Savepoints() =>
        Directory.Exists(SavepointRoot) ? Directory.GetDirectories(SavepointRoot, "savepoint-*").Order(StringComparer.Ordinal).ToList() : [];

    /// <summary>The savepoint directories that have their <c>_metadata</c>.</summary>
    public List<string> CompletedSavepoints() => Savepoints().Where(d => File.Exists(Path.Combine(d, MetadataFile))).ToList();

    /// <summary>For logs: <c>checkpoints [7, 6], savepoints 1 (1 complete)</c>.</summary>
    public string Describe()
    {
        var savepoints = Savepoints();
        return $"checkpoints [{string.Join(", ", CompletedCheckpoints())}], savepoints {savepoints.Count} ({CompletedSavepoints().Count} complete)";
    }
}
