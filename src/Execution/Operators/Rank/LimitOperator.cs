using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Flink's LimitOperator for a streaming <c>LIMIT</c> without ORDER BY: the rows of an insert-only input numbered past
/// <see cref="LimitSpec.Offset"/> and up to Offset + Fetch pass on, the others are dropped. A batch entirely inside the
/// range passes on as it is; only the (at most two) batches that straddle its ends are cut. The number of rows seen is
/// keyed state under the empty key (one group), so it is checkpointed and restored with the table.
/// </summary>
public sealed class LimitOperator(LimitSpec spec) : StreamOperatorBase
{
    private readonly long _end = spec.Fetch is { } f ? (f > long.MaxValue - spec.Offset ? long.MaxValue : spec.Offset + f) : long.MaxValue;
    private GroupTable _table = null!;
    private GroupRowCounts _counts = null!;
    private bool[] _firstRowOnly = [];
    private int[] _rows = [];
    /// <summary>The range's end was passed: later rows are dropped without reading the count (it only grows).</summary>
    private bool _done;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _table = context.State.KeyedState.GetGroupTable("limit", new GroupTableSpec([]));
        _counts = _table.AddColumn(epoch => new GroupRowCounts(epoch));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0 || _done) return default;
        batch.RequireInsertOnly(spec.Description);
        int group = CountGroup(batch);
        long seen = _counts.Get(group);
        if (seen >= _end)
        {
            _done = true;
            return default;
        }
        _counts.Set(group, seen + n);
        // Rows seen .. seen + n - 1 of the input; those in [Offset, end) pass.
        long first = Math.Max(spec.Offset - seen, 0);
        long last = Math.Min(_end - seen, n);
        if (first >= last) return default;
        if (first == 0 && last == n) return output.EmitAsync(batch, cancellationToken);
        int count = (int)(last - first);
        if (_rows.Length < count) _rows = new int[count];
        for (int i = 0; i < count; i++) _rows[i] = (int)first + i;
        return output.EmitAsync(new Batch(ArrayGather.Take(batch.Data, _rows, count)), cancellationToken);
    }

    /// <summary>The one group of the count, resolved through the batch's first row (the key has no columns).</summary>
    private int CountGroup(Batch batch)
    {
        if (_firstRowOnly.Length < batch.Length) _firstRowOnly = new bool[Math.Max(batch.Length, _firstRowOnly.Length * 2)];
        _firstRowOnly[0] = true;
        return _table.Resolve(batch.Data, [], default, _firstRowOnly.AsSpan(0, batch.Length)).Groups[0];
    }
}
