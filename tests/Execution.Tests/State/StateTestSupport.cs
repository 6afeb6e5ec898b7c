using Apache.Arrow;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Execution.State.HashMap;
using StreamSql.Execution.State.RocksDb;

namespace StreamSql.Execution.Tests.State;

/// <summary>Backends, keys and checkpoints for the state tests. Keys are BIGINTs encoded by <see cref="KeySerializer"/>.</summary>
internal static class StateTestSupport
{
    public const int MaxParallelism = 128;

    /// <summary>Backend kinds every shared test runs against: (type, incremental).</summary>
    public static TheoryData<string, bool> Backends => new() { { "hashmap", false }, { "rocksdb", false }, { "rocksdb", true } };

    public static string TempDirectory(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static IKeyedStateBackend Create(string type, bool incremental, KeyGroupRange range) => type switch
    {
        "rocksdb" => new RocksDbKeyedStateBackend(range, MaxParallelism, TempDirectory("rocksdb"), incremental),
        _ => new HashMapKeyedStateBackend(range, MaxParallelism),
    };

    public static IKeyedStateBackend CreateSubtask(string type, bool incremental, int subtask, int parallelism) =>
        Create(type, incremental, KeyGroupRange.ForSubtask(subtask, parallelism, MaxParallelism));

    /// <summary>The serialized key and key group of each BIGINT key.</summary>
    public static (byte[] Key, int KeyGroup)[] Keys(long first, int count)
    {
        var builder = new Int64Array.Builder();
        for (int i = 0; i < count; i++) builder.Append(first + i);
        var batch = new RecordBatch(new Schema.Builder().Field(f => f.Name("k").DataType(Apache.Arrow.Types.Int64Type.Default)).Build(),
            new IArrowArray[] { builder.Build() }, count);
        var serializer = new KeySerializer(new[] { 0 });
        var groups = new int[count];
        serializer.ComputeKeyGroups(batch, MaxParallelism, groups);
        var keys = new (byte[], int)[count];
        for (int i = 0; i < count; i++) keys[i] = (serializer.Serialize(batch, i).ToArray(), groups[i]);
        return keys;
    }

    public static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    public static string Text(byte[]? bytes) => bytes is null ? "<null>" : System.Text.Encoding.UTF8.GetString(bytes);

    /// <summary>Snapshots every subtask backend of one operator and completes the checkpoint (or savepoint).</summary>
    public static CompletedCheckpoint Checkpoint(CheckpointStorage storage, long id, IReadOnlyList<IKeyedStateBackend> subtasks,
        bool savepoint = false, string? savepointTarget = null)
    {
        var type = savepoint ? SnapshotType.Savepoint : SnapshotType.Checkpoint;
        var snapshots = subtasks.Select(b => b.Snapshot(id, type)).ToArray();
        var writer = savepoint ? storage.BeginSavepoint(id, savepointTarget) : storage.BeginCheckpoint(id);
        var handles = new List<SubtaskStateHandle>();
        for (int i = 0; i < snapshots.Length; i++)
            handles.Add(new SubtaskStateHandle(i, snapshots[i].Write(writer, StateBackends.FileNamePrefix("op1", i), CancellationToken.None), null));
        var metadata = new CheckpointMetadata(id, 1_700_000_000_000 + id, "job", savepoint,
            new[] { new OperatorStateEntry("op1", subtasks.Count, MaxParallelism, handles) });
        return storage.Complete(writer, metadata);
    }

    /// <summary>New subtask backends at <paramref name="parallelism"/>, restored from <paramref name="checkpoint"/>.</summary>
    public static IKeyedStateBackend[] Restore(string type, bool incremental, CompletedCheckpoint checkpoint, int parallelism)
    {
        var handles = checkpoint.Metadata.Operators[0].Subtasks.Select(s => s.Keyed!).ToArray();
        var backends = new IKeyedStateBackend[parallelism];
        for (int i = 0; i < parallelism; i++)
        {
            backends[i] = CreateSubtask(type, incremental, i, parallelism);
            StateBackends.Restore(backends[i], handles, checkpoint);
        }
        return backends;
    }

    public static CheckpointStorage MemoryStorage(int retained = 1) =>
        new(new InMemoryStateFileSystem(), "/checkpoints", "job-1", "/savepoints", retained, random: new Random(7));

    public static void DisposeAll(IEnumerable<IKeyedStateBackend> backends)
    {
        foreach (var b in backends) b.Dispose();
    }
}
