using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;

namespace StreamSql.Execution.Runtime.Exchange;

/// <summary>
/// Routes each row to the subtask owning its key group (<see cref="KeyGroups"/>). A batch is split by gathering the rows
/// of each target; small pieces are coalesced per target up to <c>execution.batch.max-rows</c> and flushed after
/// <c>execution.batch.linger</c> or before any control element.
/// </summary>
internal sealed class HashPartitioner : OutputPartitioner
{
    private readonly IReadOnlyList<int> _keys;
    private readonly int _maxParallelism;
    private readonly int _maxRows;
    private readonly long _lingerMillis;
    private readonly IClock _clock;
    private readonly int[] _subtaskOfKeyGroup;
    private readonly int[] _counts;
    private readonly int[][] _indices;
    private readonly PendingRows[] _pending;
    private int[] _hashes = [];
    private int[] _targets = [];
    private long _pendingSince = long.MaxValue;

    public HashPartitioner(ChannelWriter<StreamElement>[] channels, IReadOnlyList<int> keys, int maxParallelism, int maxRows,
        TimeSpan linger, IClock clock) : base(channels)
    {
        _keys = keys;
        _maxParallelism = maxParallelism;
        _maxRows = Math.Max(1, maxRows);
        _lingerMillis = (long)linger.TotalMilliseconds;
        _clock = clock;
        _subtaskOfKeyGroup = new int[maxParallelism];
        for (int g = 0; g < maxParallelism; g++) _subtaskOfKeyGroup[g] = KeyGroups.SubtaskOf(g, channels.Length, maxParallelism);
        _counts = new int[channels.Length];
        _indices = new int[channels.Length][];
        _pending = new PendingRows[channels.Length];
        for (int t = 0; t < channels.Length; t++) _pending[t] = new PendingRows();
    }

    public override long FlushDeadline => _pendingSince == long.MaxValue ? long.MaxValue : _pendingSince + _lingerMillis;

    public override async ValueTask WriteBatchAsync(Batch batch, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return;
        if (Channels.Length == 1)
        {
            await WriteAsync(Channels[0], new BatchElement(batch), cancellationToken).ConfigureAwait(false);
            return;
        }
        int target = Route(batch);
        // The keyed operator downstream reuses the hashes instead of hashing the keys again.
        batch = new Batch(batch.Data, batch.RowKinds) { KeyHashes = new KeyHashes(_hashes[..n], _keys) };
        if (target >= 0)
        {
            // Every row goes to one subtask that has nothing buffered: pass the batch on as it is.
            await WriteAsync(Channels[target], new BatchElement(batch), cancellationToken).ConfigureAwait(false);
            return;
        }
        Split(batch);
        for (int t = 0; t < Channels.Length; t++)
            while (_pending[t].Rows >= _maxRows)
                await WriteAsync(Channels[t], new BatchElement(_pending[t].Take(_maxRows)), cancellationToken).ConfigureAwait(false);
        if (!AnyPending()) _pendingSince = long.MaxValue;
    }

    /// <summary>Computes each row's target; returns the single target when all rows share one that has nothing pending, else -1.</summary>
    private int Route(Batch batch)
    {
        int n = batch.Length;
        if (_hashes.Length < n)
        {
            _hashes = new int[n];
            _targets = new int[n];
        }
        KeyGroups.HashKeys(batch.Data, _keys, _hashes);
        Array.Clear(_counts);
        var hashes = _hashes;
        var targets = _targets;
        var owner = _subtaskOfKeyGroup;
        for (int i = 0; i < n; i++)
        {
            int t = owner[KeyGroups.KeyGroupOf(hashes[i], _maxParallelism)];
            targets[i] = t;
            _counts[t]++;
        }
        for (int t = 0; t < _counts.Length; t++)
            if (_counts[t] == n) return _pending[t].Rows == 0 ? t : -1;
        return -1;
    }

    private void Split(Batch batch)
    {
        int n = batch.Length;
        for (int t = 0; t < _counts.Length; t++)
        {
            _indices[t] = _counts[t] == 0 ? [] : new int[_counts[t]];
            _counts[t] = 0;
        }
        var targets = _targets;
        for (int i = 0; i < n; i++)
        {
            int t = targets[i];
            _indices[t][_counts[t]++] = i;
        }
        for (int t = 0; t < _counts.Length; t++)
        {
            if (_counts[t] == 0) continue;
            _pending[t].Add(new BatchPiece(batch, _indices[t], 0, _counts[t]));
            _indices[t] = null!;
        }
        if (_pendingSince == long.MaxValue) _pendingSince = _clock.MonotonicMillis();
    }

    public override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingSince == long.MaxValue) return;
        for (int t = 0; t < Channels.Length; t++)
            while (_pending[t].Rows > 0)
                await WriteAsync(Channels[t], new BatchElement(_pending[t].Take(_maxRows)), cancellationToken).ConfigureAwait(false);
        _pendingSince = long.MaxValue;
    }

    private bool AnyPending()
    {
        foreach (var p in _pending)
            if (p.Rows > 0) return true;
        return false;
    }
}
