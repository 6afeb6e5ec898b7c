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
        var rowGroups = groups.Groups;
        var kinds = batch.RowKinds;
        bool all = true;
        HasRetractions = false;
        HasAccumulations = false;
        for (int i = 0; i < n; i++)
        {
            bool ok = rowGroups[i] >= 0 && (condition is null || IsTrue(condition, i));
            bool retract = kinds is not null && kinds[i] is RowKind.UpdateBefore or RowKind.Delete;
            _accumulate[i] = ok && !retract;
            _retract[i] = ok && retract;
            HasRetractions |= ok && retract;
            HasAccumulations |= ok && !retract;
            all &= ok && !retract;
        }
        _allAccumulate = all;
    }

    /// <summary>The rows to accumulate (empty, meaning every row, when all of them accumulate).</summary>
    public ReadOnlySpan<bool> Accumulate => _allAccumulate ? ReadOnlySpan<bool>.Empty : _accumulate.AsSpan(0, _rows);

    public ReadOnlySpan<bool> Retract => _retract.AsSpan(0, _rows);

    private static bool IsTrue(IArrowArray condition, int row)
    {
        if (condition.Data.DataType.TypeId != ArrowTypeId.Boolean || condition.IsNull(row)) return false;
        return ((BooleanArray)condition).GetValue(row) == true;
    }
}
