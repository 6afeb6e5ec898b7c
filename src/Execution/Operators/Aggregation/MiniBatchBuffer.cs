using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators.Aggregation;

/// <summary>
/// The input an operator buffers for one mini-batch (<c>table.exec.mini-batch.*</c>): it is full when
/// <see cref="MiniBatch.Size"/> rows are buffered or its first row waited <see cref="MiniBatch.AllowLatency"/>; the operator
/// also ends it before a barrier and at the end of input. <see cref="Take"/> hands the rows over as one batch.
/// </summary>
public sealed class MiniBatchBuffer(MiniBatch settings, Schema schema)
{
    private readonly List<Batch> _batches = new();
    private long _rows;
    private long _startedMillis;
    private int[] _identity = [];

    public long BufferedRows => _rows;

    public void Add(Batch batch, long nowMillis)
    {
        if (_batches.Count == 0) _startedMillis = nowMillis;
        _batches.Add(batch);
        _rows += batch.Length;
    }

    /// <summary>Monotonic time (ms) when the buffered rows' latency runs out, or <see cref="long.MaxValue"/> when none are buffered.</summary>
    public long DueMillis => _rows > 0 ? _startedMillis + (long)settings.AllowLatency.TotalMilliseconds : long.MaxValue;

    public bool IsFull(long nowMillis) =>
        _rows > 0 && ((settings.Size > 0 && _rows >= settings.Size) || nowMillis - _startedMillis >= (long)settings.AllowLatency.TotalMilliseconds);

    /// <summary>The buffered rows as one batch (null when none), and an empty buffer.</summary>
    public Batch? Take()
    {
        if (_batches.Count == 0) return null;
        Batch result;
        if (_batches.Count == 1) result = _batches[0];
        else
        {
            int max = 0;
            foreach (var b in _batches) max = Math.Max(max, b.Length);
            if (_identity.Length < max)
            {
                _identity = new int[max];
                for (int i = 0; i < max; i++) _identity[i] = i;
            }
            var pieces = new BatchPiece[_batches.Count];
            for (int p = 0; p < pieces.Length; p++) pieces[p] = new BatchPiece(_batches[p], _identity, 0, _batches[p].Length);
            result = BatchGather.Gather(schema, pieces, (int)_rows);
        }
        _batches.Clear();
        _rows = 0;
        return result;
    }
}
