using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State.HashMap;
using StreamSql.Execution.State.RocksDb;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution.State;

/// <summary>Creates the keyed state backend <c>state.backend.type</c> (or <c>state.backend</c>) names. In batch mode the
/// option is ignored, as Flink ignores the state backend of a batch job: state lives in memory (hashmap) for the job's one
/// run, and an aggregation reads all of its groups back at end of input.</summary>
public static class StateBackends
{
    /// <summary>The most characters of the job's name in a rocksdb working directory's name.</summary>
    private const int MaxJobNameInDirectory = 64;

    /// <summary>A fresh, empty backend for subtask <paramref name="subtaskIndex"/> of <paramref name="parallelism"/>.</summary>
    /// <param name="resources">What the job's rocksdb backends share (its block cache); null: a private cache.</param>
    public static IKeyedStateBackend CreateKeyed(Configuration configuration, string jobId, string operatorId, int subtaskIndex, int parallelism,
        int maxParallelism, RocksDbResources? resources = null)
    {
        var range = KeyGroupRange.ForSubtask(subtaskIndex, parallelism, maxParallelism);
        bool batch = string.Equals(configuration.Get(CoreOptions.RuntimeMode), "batch", StringComparison.OrdinalIgnoreCase);
        switch (batch ? "hashmap" : configuration.Get(CheckpointingOptions.StateBackend))
        {
            case "rocksdb":
                var root = configuration.Get(CheckpointingOptions.RocksDbLocalDirectory) ?? Path.Combine(Path.GetTempPath(), "streamsql-rocksdb");
                // The name only helps a person find the directory (the Guid makes it unique): cut short, it stays within the
                // 255 bytes of a directory name however long the job's name (a statement set's default name lists every sink).
                var job = Sanitize(jobId);
                var directory = RocksDbWorkDirectories.Create(root, job.Length > MaxJobNameInDirectory ? job[..MaxJobNameInDirectory] : job, Sanitize(operatorId), subtaskIndex);
                return new RocksDbKeyedStateBackend(range, maxParallelism, directory, configuration.Get(CheckpointingOptions.Incremental),
                    resources ?? new RocksDbResources(configuration.Get(CheckpointingOptions.RocksDbBlockCacheSize)),
                    configuration.Get(CheckpointingOptions.RocksDbGroupCacheSize));
            default:
                return new HashMapKeyedStateBackend(range, maxParallelism);
        }
    }

    /// <summary>Restores a backend from the keyed state of every old subtask (of any old parallelism; only the handles
    /// overlapping the new subtask's key groups are read).</summary>
    public static void Restore(IKeyedStateBackend backend, IReadOnlyList<KeyedStateHandle> handles, IStateFileReader reader)
    {
        switch (backend)
        {
            case HashMapKeyedStateBackend hashMap: hashMap.Restore(handles, reader); break;
            case RocksDbKeyedStateBackend rocksDb: rocksDb.Restore(handles, reader); break;
            default: throw new NotSupportedException($"state backend {backend.Name} cannot restore");
        }
    }

    /// <summary>The file name prefix of a subtask's state files: <c>op-&lt;operator id&gt;-&lt;subtask&gt;</c>.</summary>
    public static string FileNamePrefix(string operatorId, int subtaskIndex) => $"op-{Sanitize(operatorId)}-{subtaskIndex}";

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '-' or '_')) chars[i] = '_';
        return new string(chars);
    }
}
