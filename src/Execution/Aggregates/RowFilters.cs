using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// The row filters an aggregating operator hands its accumulators for one batch: rows to accumulate (<c>+I</c>, <c>+U</c>)
/// and rows to retract (<c>-U</c>, <c>-D</c>), each limited to rows with a group (resolved, not left out by a selection)
/// and, per aggregate, to rows whose <c>FILTER (WHERE ...)</c> condition is TRUE (NULL and FALSE leave a row out, as in
/// Flink). An insert-only batch with every row resolved and no condition gets the empty filter (every row, the fast path).
/// Buffers are reused: valid until the next call.
/// </summary>
public sealed class RowFilters
{
    private bool[] _accumulate = new bool[256];
    private bool[] _retract = new bool[256];
    private int _rows;
    private bool _allAccumulate;

    /// <summary>Whether the last batch had rows to retract.</summary>
    public bool HasRetractions { get; private set; }

    /// <summary>Whether the last batch had rows to accumulate.</summary>
    public bool HasAccumulations { get; private set; }

    /// <summary>Splits <paramref name="batch"/> by row kind for the groups of <paramref name="groups"/>, and by
    /// <paramref name="condition"/> (a BOOLEAN column, or null).</summary>
    public void Build(Batch batch, GroupBatch groups, IArrowArray? condition = null)
    {
        int n = batch.Length;
        _rows = n;
        if (_accumulate.Length < n)
        {
            _accumulate = new bool[Math.Max(n, _accumulate.Length * 2)];
            _retract = new bool[_accumulate.Length];
        }
        var accumulate = _accumulate.AsSpan(0, n);
        var retract = _retract.AsSpan(0, n);
        var rowGroups = groups.Groups;
        if (condition is null && batch.RowKinds is null && !rowGroups.ContainsAnyInRange(int.MinValue, -1))
        {
            // The commonest batch (insert-only, every row resolved, no FILTER): every row accumulates, found with one
            // vectorized scan of the groups; the row flags are not written (Accumulate is then empty: every row).
            retract.Clear();
            HasRetractions = false;
            HasAccumulations = n > 0;
            _allAccumulate = true;
            return;
        }
        // Column at a time: which rows have a group, then the condition's TRUE rows, then the split by row kind.
        bool all = true;
        for (int i = 0; i < n; i++)
        {
            bool resolved = rowGroups[i] >= 0;
            accumulate[i] = resolved;
            all &= resolved;
        }
        if (condition is not null) all &= AndTrue(condition, accumulate);
        var kinds = batch.RowKinds;
        if (kinds is null)
        {
            retract.Clear();
            HasRetractions = false;
            HasAccumulations = all || accumulate.Contains(true);
            _allAccumulate = all;
            return;
        }
        bool any = false, anyRetract = false;
        for (int i = 0; i < n; i++)
        {
            bool ok = accumulate[i];
            bool back = kinds[i] is RowKind.UpdateBefore or RowKind.Delete;
            accumulate[i] = ok & !back;
            retract[i] = ok & back;
            any |= ok & !back;
            anyRetract |= ok & back;
            all &= !back;
        }
        HasAccumulations = any;
        HasRetractions = anyRetract;
        _allAccumulate = all;
    }

    /// <summary>The rows to accumulate (empty, meaning every row, when all of them accumulate).</summary>
    public ReadOnlySpan<bool> Accumulate => _allAccumulate ? ReadOnlySpan<bool>.Empty : _accumulate.AsSpan(0, _rows);

    public ReadOnlySpan<bool> Retract => _retract.AsSpan(0, _rows);

    /// <summary>Clears the rows of <paramref name="rows"/> where <paramref name="condition"/> is not TRUE (NULL or FALSE, or
    /// not a BOOLEAN column); returns whether it is TRUE on every row.</summary>
    private static bool AndTrue(IArrowArray condition, Span<bool> rows)
    {
        int n = rows.Length;
        if (condition.Data.DataType.TypeId != ArrowTypeId.Boolean)
        {
            rows.Clear();
            return n == 0;
        }
        var data = condition.Data;
        int offset = data.Offset;
        var bits = data.Buffers[1].Span;
        var validity = data.NullCount != 0 ? data.Buffers[0].Span : default;
        bool all = true;
        for (int i = 0; i < n; i++)
        {
            int at = offset + i;
            bool isTrue = (bits[at >> 3] >> (at & 7) & 1) != 0 && (validity.IsEmpty || (validity[at >> 3] >> (at & 7) & 1) != 0);
            rows[i] &= isTrue;
            all &= isTrue;
        }
        return all;
    }
}
