using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The last result each key's window emitted, for a group window whose early or late firings make it produce updates
/// (Flink's <c>WindowOperator.previousState</c>): kept as a copy of the window's accumulators at that firing, in a shadow
/// namespace of the window's own group table, so it is checkpointed and restored with the windows themselves. A firing
/// emits <c>+I</c> for a key's first result, <c>-U</c> (the kept result) and <c>+U</c> (the new one) when the result
/// changed, and nothing when it did not.
/// </summary>
internal sealed class EmittedWindowResults
{
    private readonly GroupTable _table;
    private readonly WindowAccumulators _accumulators;
    private readonly int _calls;
    private readonly List<int> _order = new();
    private readonly List<RowKind> _kinds = new();
    private readonly List<int> _current = new();
    private readonly List<int> _copies = new();
    private readonly List<int> _kept = new();
    private readonly List<int> _fired = new();
    private readonly List<int> _shadows = new();

    public EmittedWindowResults(GroupTable table, WindowAccumulators accumulators, int calls)
    {
        _table = table;
        _accumulators = accumulators;
        _calls = calls;
    }

    /// <summary>The namespace holding the results window <paramref name="windowEnd"/> emitted. Window ends are aligned
    /// instants, so the bitwise complement of one never is another window's end in practice.</summary>
    public static long ShadowOf(long windowEnd) => ~windowEnd;

    /// <summary>The rows a firing of <paramref name="groups"/> (non-empty groups of window <paramref name="windowEnd"/>)
    /// emits, in the order of <paramref name="groups"/>: groups to evaluate (current or kept results) and each row's kind. Evaluate them, then call
    /// <see cref="Remember"/> with the same groups before the table changes.</summary>
    public void Plan(long windowEnd, int[] groups, out int[] order, out RowKind[] kinds)
    {
        _order.Clear();
        _kinds.Clear();
        _kept.Clear();
        _current.Clear();
        _fired.Clear();
        _shadows.Clear();
        long shadow = ShadowOf(windowEnd);
        foreach (int g in groups)
        {
            int s = _table.Find(_table.KeyOf(g), _table.KeyGroupOf(g), shadow);
            _shadows.Add(s);
            if (s < 0) continue;
            _current.Add(g);
            _kept.Add(s);
        }
        var same = Same(_kept, _current);
        int withShadow = 0;
        for (int i = 0; i < groups.Length; i++)
        {
            int g = groups[i], s = _shadows[i];
            if (s < 0)
            {
                _order.Add(g);
                _kinds.Add(RowKind.Insert);
            }
            else if (!same[withShadow++])
            {
                _order.Add(s);
                _kinds.Add(RowKind.UpdateBefore);
                _order.Add(g);
                _kinds.Add(RowKind.UpdateAfter);
            }
            else continue;
            _fired.Add(i);
        }
        order = _order.ToArray();
        kinds = _kinds.ToArray();
    }

    /// <summary>Whether each kept result equals the current one (call columns only: keys are equal and window properties
    /// constant).</summary>
    private bool[] Same(List<int> kept, List<int> current)
    {
        var same = new bool[kept.Count];
        if (kept.Count == 0) return same;
        same.AsSpan().Fill(true);
        var before = new List<IArrowArray>(_calls);
        var after = new List<IArrowArray>(_calls);
        _accumulators.Evaluate(CollectionsMarshal.AsSpan(kept), before);
        _accumulators.Evaluate(CollectionsMarshal.AsSpan(current), after);
        for (int c = 0; c < before.Count; c++) ColumnEquality.And(before[c], after[c], same);
        return same;
    }

    /// <summary>Replaces the kept results of the groups the last <see cref="Plan"/> fired with copies of their accumulators.</summary>
    public void Remember(long windowEnd, int[] groups)
    {
        long shadow = ShadowOf(windowEnd);
        _current.Clear();
        _copies.Clear();
        foreach (int i in _fired)
        {
            int g = groups[i];
            // Emptied (or new) accumulators, which the merge then makes a copy of g's.
            int copy = _shadows[i];
            if (copy >= 0) _table.ResetState(copy);
            else copy = _table.FindOrAddSameKey(g, shadow, out _);
            _current.Add(g);
            _copies.Add(copy);
        }
        _accumulators.Merge(CollectionsMarshal.AsSpan(_current), CollectionsMarshal.AsSpan(_copies));
    }

    /// <summary>Drops the results kept for window <paramref name="windowEnd"/> (its state is cleaned up).</summary>
    public void Forget(long windowEnd) => _table.RemoveNamespace(ShadowOf(windowEnd));
}
