using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;

namespace StreamSql.Tests;

/// <summary>Savepoints and checkpoints written with <see cref="CheckpointStorage"/> directly, and temporary directories.</summary>
internal static class StateFixtures
{
    /// <summary>A fresh empty directory under the temp directory; delete it with <see cref="Delete"/>.</summary>
    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "streamsql-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A savepoint without operator state (any plan restores from it) under <paramref name="parent"/>; returns its directory.</summary>
    public static string EmptySavepoint(string parent, string jobName = "job", long id = 3, long timestampMillis = 1_700_000_000_000)
    {
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(parent, "unused-checkpoints"), jobName, parent);
        var writer = storage.BeginSavepoint(id);
        var completed = storage.Complete(writer, new CheckpointMetadata(id, timestampMillis, jobName, true, Array.Empty<OperatorStateEntry>()));
        return completed.Directory;
    }

    /// <summary>A completed checkpoint chk-<paramref name="id"/> without operator state in the job directory
    /// <c>{checkpointsDirectory}/{jobName}</c>; returns its directory.</summary>
    public static string EmptyCheckpoint(string checkpointsDirectory, string jobName, long id, long timestampMillis = 1_700_000_000_000)
    {
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, checkpointsDirectory, jobName, null, numRetained: 10);
        var writer = storage.BeginCheckpoint(id);
        Directory.CreateDirectory(writer.Location);
        return storage.Complete(writer, new CheckpointMetadata(id, timestampMillis, jobName, false, Array.Empty<OperatorStateEntry>())).Directory;
    }

    /// <summary>
    /// A savepoint of job 'shop' (id 7) with two operators: "agg" (GroupAggregate(groupBy=[id])) at parallelism 2 of 128, whose subtask 0 has 100 bytes
    /// of canonical keyed state (key groups 0..63) and subtask 1 20 bytes of operator state; "src" at parallelism 1 of
    /// 128 without state. Returns its directory.
    /// </summary>
    public static string TwoOperatorSavepoint(string parent)
    {
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(parent, "unused-checkpoints"), "shop", parent);
        var writer = storage.BeginSavepoint(7);
        var keyedFile = writer.WriteExclusive("op-agg-0.keyed", s => s.Write(new byte[100]));
        var operatorFile = writer.WriteExclusive("op-agg-1.operator", s => s.Write(new byte[20]));
        var offsets = new long[64];
        var agg = new OperatorStateEntry("agg", 2, 128, new[]
        {
            new SubtaskStateHandle(0, new KeyedStateHandle(KeyedStateFormats.Canonical, new KeyGroupRange(0, 63), offsets, new[] { keyedFile }), null),
            new SubtaskStateHandle(1, null, operatorFile),
        }) { OperatorName = "GroupAggregate(groupBy=[id])" };
        var src = new OperatorStateEntry("src", 1, 128, Array.Empty<SubtaskStateHandle>());
        return storage.Complete(writer, new CheckpointMetadata(7, 1_700_000_000_000, "shop", true, new[] { agg, src })).Directory;
    }
}
