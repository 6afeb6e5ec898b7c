using System.Diagnostics;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Execution.State.HashMap;
using StreamSql.Execution.State.RocksDb;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- state [keys]</c>: fills one subtask's value state with N keys
/// (default 1M, 8-byte keys, 32-byte values), then times the synchronous and asynchronous parts of a checkpoint, its size,
/// a restore, and a second checkpoint after 1% of the keys changed (which shows what incremental rocksdb saves).
/// "total" is the checkpoint's duration as the coordinator sees it for this subtask: the synchronous part plus the
/// asynchronous write of the state files and of <c>_metadata</c>.
/// </summary>
internal static class StateBenchmark
{
    public static int Run(string[] args)
    {
        int keys = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var root = Path.Combine(Path.GetTempPath(), "streamsql-state-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"state backends, {keys:N0} keys of value state, one subtask, filesystem checkpoint storage in {root}");
        Console.WriteLine($"{"backend",-22} {"fill",9} {"sync",9} {"async",9} {"total",9} {"size",10} {"restore",9} {"2nd sync",9} {"2nd async",10} {"2nd new bytes",14}");
        try
        {
            foreach (var (name, incremental) in new[] { ("hashmap", false), ("rocksdb", false), ("rocksdb", true) })
                RunOne(root, name, incremental, keys);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
        return 0;
    }

    private static IKeyedStateBackend Create(string root, string name, bool incremental) =>
        name == "rocksdb"
            ? new RocksDbKeyedStateBackend(new KeyGroupRange(0, 127), 128, Path.Combine(root, "work-" + Guid.NewGuid().ToString("N")), incremental)
            : new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128);

    private static void RunOne(string root, string name, bool incremental, int keys)
    {
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(root, "chk"), $"{name}-{incremental}", null, numRetained: 2);
        using var backend = Create(root, name, incremental);
        var state = backend.GetValueState("v");
        var key = new byte[8];
        var value = new byte[32];
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < keys; i++)
        {
            BitConverter.TryWriteBytes(key, (long)i);
            BitConverter.TryWriteBytes(value, i);
            backend.SetCurrentKey(key, i & 127);
            state.Update(value);
        }
        var fill = watch.Elapsed;
        var (sync, write, checkpoint) = Checkpoint(storage, backend, 1);
        long size = checkpoint.Metadata.AllFiles().Sum(f => f.Size);

        watch.Restart();
        using (var restored = Create(root, name, incremental))
        {
            StateBackends.Restore(restored, new[] { checkpoint.Metadata.Operators[0].Subtasks[0].Keyed! }, checkpoint);
        }
        var restore = watch.Elapsed;

        for (int i = 0; i < keys; i += 100)
        {
            BitConverter.TryWriteBytes(key, (long)i);
            backend.SetCurrentKey(key, i & 127);
            state.Update(new byte[32]);
        }
        var previous = checkpoint.Metadata.AllFiles().Select(checkpoint.PathOf).ToHashSet();
        var (sync2, write2, second) = Checkpoint(storage, backend, 2);
        long fresh = second.Metadata.AllFiles().Where(f => !previous.Contains(second.PathOf(f))).Sum(f => f.Size);
        var label = name + (incremental ? " (incremental)" : name == "rocksdb" ? " (full)" : "");
        Console.WriteLine($"{label,-22} {Ms(fill),9} {Ms(sync),9} {Ms(write),9} {Ms(sync + write),9} {Mb(size),10} {Ms(restore),9} {Ms(sync2),9} {Ms(write2),10} {Mb(fresh),14}");
    }

    private static (TimeSpan Sync, TimeSpan Async, CompletedCheckpoint Checkpoint) Checkpoint(CheckpointStorage storage, IKeyedStateBackend backend, long id)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = backend.Snapshot(id, SnapshotType.Checkpoint);
        var sync = watch.Elapsed;
        watch.Restart();
        var writer = storage.BeginCheckpoint(id);
        var handle = snapshot.Write(writer, "op-bench-0", CancellationToken.None);
        var completed = storage.Complete(writer, new CheckpointMetadata(id, 0, "bench", false,
            new[] { new OperatorStateEntry("bench", 1, 128, new[] { new SubtaskStateHandle(0, handle, null) }) }));
        return (sync, watch.Elapsed, completed);
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
