using System.Buffers.Binary;

namespace StreamSql.Execution.State;

/// <summary>An event-time timer of one key.</summary>
public readonly record struct Timer(long Timestamp, int KeyGroup, byte[] Key);

/// <summary>Where a backend keeps its timers durably: the reserved map state <see cref="EventTimeTimerService.StateName"/>.</summary>
internal interface ITimerStore
{
    void PutTimer(int keyGroup, ReadOnlySpan<byte> key, long timestamp);
    void DeleteTimer(int keyGroup, ReadOnlySpan<byte> key, long timestamp);
    IEnumerable<Timer> LoadTimers();
}

/// <summary>
/// Event-time timers, fired in (timestamp, key) order. They live in the backend's state (the reserved map state
/// <see cref="StateName"/>: user key = the timestamp, order-preserving big-endian), so they are snapshot, restored and
/// rescaled with the key groups of their keys; an in-memory ordered index serves the watermark.
/// A key has at most one timer per timestamp (registering it again does nothing).
/// </summary>
public sealed class EventTimeTimerService
{
    /// <summary>The reserved state holding timers.</summary>
    public const string StateName = "_timers";

    private readonly SortedSet<Timer> _queue = new(TimerOrder.Instance);
    private readonly ITimerStore _store;
    private readonly IKeyedStateBackend _backend;

    internal EventTimeTimerService(ITimerStore store, IKeyedStateBackend backend)
    {
        _store = store;
        _backend = backend;
    }

    public int Count => _queue.Count;

    /// <summary>The earliest timer's timestamp, or <see cref="long.MaxValue"/> when there is none.</summary>
    public long NextTimestamp => _queue.Count == 0 ? long.MaxValue : _queue.Min.Timestamp;

    /// <summary>Registers a timer at <paramref name="timestamp"/> for the current key.</summary>
    public void Register(long timestamp)
    {
        var timer = new Timer(timestamp, _backend.CurrentKeyGroup, _backend.CurrentKey.ToArray());
        if (!_queue.Add(timer)) return;
        _store.PutTimer(timer.KeyGroup, timer.Key, timestamp);
    }

    /// <summary>Deletes the current key's timer at <paramref name="timestamp"/>, if any.</summary>
    public void Delete(long timestamp)
    {
        var key = _backend.CurrentKey.ToArray();
        if (_queue.Remove(new Timer(timestamp, _backend.CurrentKeyGroup, key)))
            _store.DeleteTimer(_backend.CurrentKeyGroup, key, timestamp);
    }

    /// <summary>Removes and returns the earliest timer at or before <paramref name="watermark"/>.</summary>
    public bool TryPollExpired(long watermark, out Timer timer)
    {
        if (_queue.Count == 0 || _queue.Min.Timestamp > watermark)
        {
            timer = default;
            return false;
        }
        timer = _queue.Min;
        _queue.Remove(timer);
        _store.DeleteTimer(timer.KeyGroup, timer.Key, timer.Timestamp);
        return true;
    }

    /// <summary>Rebuilds the index from the store (after a restore).</summary>
    internal void Reload()
    {
        _queue.Clear();
        foreach (var timer in _store.LoadTimers()) _queue.Add(timer);
    }

    /// <summary>The user key a timer is stored under: the timestamp, big-endian with the sign flipped so byte order is time order.</summary>
    internal static void EncodeTimestamp(long timestamp, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt64BigEndian(destination, (ulong)timestamp ^ 0x8000_0000_0000_0000UL);

    internal static long DecodeTimestamp(ReadOnlySpan<byte> source) =>
        (long)(BinaryPrimitives.ReadUInt64BigEndian(source) ^ 0x8000_0000_0000_0000UL);

    private sealed class TimerOrder : IComparer<Timer>
    {
        public static readonly TimerOrder Instance = new();

        public int Compare(Timer x, Timer y)
        {
            int c = x.Timestamp.CompareTo(y.Timestamp);
            if (c != 0) return c;
            c = ByteArrayComparer.Compare(x.Key, y.Key);
            return c != 0 ? c : x.KeyGroup.CompareTo(y.KeyGroup);
        }
    }
}
