using StreamSql.Execution.State;

namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// One file of a snapshot. <see cref="RelativePath"/> is relative to the directory holding <c>_metadata</c>
/// (<c>op-…-2.keyed</c>; incremental checkpoints also reference <c>../shared/…</c>); <see cref="LocalName"/> is the
/// file's name inside a restored RocksDB directory (empty for other files).
/// </summary>
public sealed record StateFileHandle(string RelativePath, long Size, uint Checksum, string LocalName = "");

/// <summary>Keyed state of one subtask.</summary>
/// <param name="Format"><see cref="KeyedStateFormats.Canonical"/> (one file; <paramref name="KeyGroupOffsets"/> has the byte
/// offset of each key group of <paramref name="KeyGroups"/>) or <see cref="KeyedStateFormats.RocksDbNative"/> (the files of a
/// RocksDB checkpoint, no offsets).</param>
public sealed record KeyedStateHandle(string Format, KeyGroupRange KeyGroups, IReadOnlyList<long> KeyGroupOffsets, IReadOnlyList<StateFileHandle> Files);

public static class KeyedStateFormats
{
    /// <summary>The backend-independent key-group-partitioned format (hashmap snapshots, rocksdb full snapshots and savepoints).</summary>
    public const string Canonical = "canonical";

    /// <summary>RocksDB's own files (incremental checkpoints).</summary>
    public const string RocksDbNative = "rocksdb-native";
}

/// <summary>The state of one operator subtask in a checkpoint.</summary>
public sealed record SubtaskStateHandle(int SubtaskIndex, KeyedStateHandle? Keyed, StateFileHandle? OperatorState);

/// <summary>The state of one operator (all its subtasks), under its stable id.</summary>
public sealed record OperatorStateEntry(string OperatorId, int Parallelism, int MaxParallelism, IReadOnlyList<SubtaskStateHandle> Subtasks)
{
    /// <summary>The operator's description when the checkpoint was taken (for reports; empty in version 1 metadata).</summary>
    public string OperatorName { get; init; } = "";

    /// <summary>Bytes of state files of all subtasks.</summary>
    public long StateSize
    {
        get
        {
            long size = 0;
            foreach (var subtask in Subtasks)
            {
                if (subtask.Keyed is not null)
                    foreach (var file in subtask.Keyed.Files) size += file.Size;
                if (subtask.OperatorState is not null) size += subtask.OperatorState.Size;
            }
            return size;
        }
    }
}

/// <summary>What <c>_metadata</c> holds: see docs/checkpoints.md for the byte layout.</summary>
public sealed record CheckpointMetadata(long CheckpointId, long TimestampMillis, string JobName, bool IsSavepoint, IReadOnlyList<OperatorStateEntry> Operators)
{
    /// <summary>Every file the checkpoint references, as paths relative to its directory.</summary>
    public IEnumerable<StateFileHandle> AllFiles()
    {
        foreach (var op in Operators)
        foreach (var subtask in op.Subtasks)
        {
            if (subtask.Keyed is not null)
                foreach (var file in subtask.Keyed.Files) yield return file;
            if (subtask.OperatorState is not null) yield return subtask.OperatorState;
        }
    }
}
