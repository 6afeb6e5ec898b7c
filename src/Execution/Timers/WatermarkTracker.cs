using System.Buffers.Binary;
using StreamSql.Execution.State;

namespace StreamSql.Execution.Timers;

/// <summary>
/// The current event time of an operator subtask: the highest watermark it has seen (<see cref="long.MinValue"/> before
/// the first), kept in operator state so that a restored operator decides lateness as the uninterrupted run would have
/// from its first row on, before any watermark reaches it again (as the watermark assigners restore theirs). Restored at the
/// same parallelism a subtask gets its own; at another parallelism, the lowest of all (no row that was on time for some
/// old subtask becomes late).
/// </summary>
public sealed class WatermarkTracker
{
    private readonly IOperatorListState _state;
    private readonly int _subtask;
    private readonly int _parallelism;

    internal WatermarkTracker(IOperatorListState state, int subtask, int parallelism)
    {
        _state = state;
        _subtask = subtask;
        _parallelism = parallelism;
        Current = Restored(state.Get(), subtask, parallelism);
    }

    /// <summary>The highest watermark seen (or restored), microseconds; <see cref="long.MinValue"/> when none.</summary>
    public long Current { get; private set; }

    /// <summary>Moves the watermark forward; false when <paramref name="watermark"/> is not above the current one.</summary>
    public bool Advance(long watermark)
    {
        if (watermark <= Current) return false;
        Current = watermark;
        return true;
    }

    /// <summary>Whether an event at <paramref name="timestamp"/> is late (at or below the current watermark).</summary>
    public bool IsLate(long timestamp) => timestamp <= Current;

    private static long Restored(IReadOnlyList<byte[]> entries, int subtask, int parallelism)
    {
        long? lowest = null;
        foreach (var entry in entries)
        {
            if (entry.Length != 16) continue;
            int oldSubtask = BinaryPrimitives.ReadInt32LittleEndian(entry);
            int oldParallelism = BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(4));
            long watermark = BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(8));
            if (oldParallelism == parallelism && oldSubtask == subtask && entries.Count == parallelism) return watermark;
            lowest = lowest is { } l ? Math.Min(l, watermark) : watermark;
        }
        return lowest ?? long.MinValue;
    }

    internal void Save()
    {
        var entry = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(entry, _subtask);
        BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(4), _parallelism);
        BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(8), Current);
        _state.Update([entry]);
    }
}
