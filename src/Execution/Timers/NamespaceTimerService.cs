using System.Buffers.Binary;
using StreamSql.Execution.State;

namespace StreamSql.Execution.Timers;

/// <summary>Which clock a timer follows.</summary>
public enum TimeDomain : byte
{
    /// <summary>Fires when the watermark reaches its timestamp (microseconds, as watermarks are).</summary>
    EventTime = 0,
    /// <summary>Fires when the wall clock reaches its timestamp (microseconds since the epoch, <see cref="Operators.IClock.NowMicros"/>).</summary>
    ProcessingTime = 1,
}

/// <summary>A timer of an operator subtask: at <see cref="Timestamp"/> in <see cref="Domain"/>, for every group of <see cref="Namespace"/>.</summary>
public readonly record struct NamespaceTimer(TimeDomain Domain, long Timestamp, long Namespace);

/// <summary>
/// Timers by (namespace, timestamp) for a whole operator subtask — one per window slice end, not one per key (Flink's
/// slicing window operators register per key and deduplicate; here the slice is the unit): a fired timer hands the
/// operator a namespace, and the operator processes every group of it as one batch (<see cref="Groups.GroupTable.GroupsOf"/>).
/// Event-time timers fire in (timestamp, namespace) order when the watermark passes them, processing-time ones when the
/// clock does. Registering an existing timer does nothing.
/// <para>Checkpointed in the subtask's operator state as a union list (every timer of every old subtask goes to every new
/// subtask on a restore at another parallelism): a subtask that has no group of a fired namespace emits nothing for it, so
/// the timers rescale with the keyed state without being split by key group.</para>
/// </summary>
public sealed class NamespaceTimerService
{
    private readonly SortedSet<(long Timestamp, long Namespace)>[] _queues = [new(), new()];
    private readonly IOperatorListState _state;

    internal NamespaceTimerService(IOperatorListState state)
    {
        _state = state;
        foreach (var entry in state.Get())
        {
            if (entry.Length != 17) continue;
            _queues[entry[0] & 1].Add((BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(1)), BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(9))));
        }
    }

    public int Count(TimeDomain domain) => _queues[(int)domain].Count;

    /// <summary>Registers a timer (idempotent).</summary>
    public void Register(TimeDomain domain, long timestamp, long @namespace) => _queues[(int)domain].Add((timestamp, @namespace));

    /// <summary>Deletes a timer; false when there was none.</summary>
    public bool Delete(TimeDomain domain, long timestamp, long @namespace) => _queues[(int)domain].Remove((timestamp, @namespace));

    /// <summary>The namespaces that have a timer of <paramref name="domain"/> (after a restore at another parallelism: every
    /// old subtask's).</summary>
    public IEnumerable<long> Namespaces(TimeDomain domain) => _queues[(int)domain].Select(t => t.Namespace);

    /// <summary>The earliest timestamp of a domain, or <see cref="long.MaxValue"/>.</summary>
    public long Next(TimeDomain domain) => _queues[(int)domain].Count == 0 ? long.MaxValue : _queues[(int)domain].Min.Timestamp;

    /// <summary>Removes every timer of <paramref name="domain"/> due at <paramref name="time"/> (timestamp ≤ time) and adds them to
    /// <paramref name="fired"/> in (timestamp, namespace) order; returns how many.</summary>
    public int PollDue(TimeDomain domain, long time, List<NamespaceTimer> fired)
    {
        var queue = _queues[(int)domain];
        int n = 0;
        while (queue.Count > 0 && queue.Min.Timestamp <= time)
        {
            var (timestamp, ns) = queue.Min;
            queue.Remove(queue.Min);
            fired.Add(new NamespaceTimer(domain, timestamp, ns));
            n++;
        }
        return n;
    }

    /// <summary>Monotonic time (ms, <see cref="Operators.IClock.MonotonicMillis"/>) when the next processing-time timer is due,
    /// or <see cref="long.MaxValue"/>: what an <see cref="Operators.IPeriodicOperator"/> returns as its next due time.</summary>
    public long NextProcessingTimeDueMillis(Operators.IClock clock)
    {
        long next = Next(TimeDomain.ProcessingTime);
        if (next == long.MaxValue) return long.MaxValue;
        long wait = Math.Max(0, next - clock.NowMicros());
        return clock.MonotonicMillis() + (wait + 999) / 1000;
    }

    /// <summary>Writes the timers into operator state (the store calls it before every snapshot).</summary>
    internal void Save()
    {
        var entries = new List<byte[]>(_queues[0].Count + _queues[1].Count);
        for (int d = 0; d < 2; d++)
            foreach (var (timestamp, ns) in _queues[d])
            {
                var entry = new byte[17];
                entry[0] = (byte)d;
                BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(1), timestamp);
                BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(9), ns);
                entries.Add(entry);
            }
        _state.Update(entries);
    }
}
