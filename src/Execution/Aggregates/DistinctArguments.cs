using Apache.Arrow;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// The DISTINCT argument tuples of a batch, encoded once and shared by the DISTINCT aggregates of one operator: q15's
/// <c>COUNT(DISTINCT bidder)</c> with four different FILTERs encodes <c>bidder</c> once per batch, not four times.
/// A batch is recognised by its argument arrays (Arrow arrays are immutable, and the last few are held, so an array
/// cannot be a new one at a recycled address); the few most recent argument lists are kept.
/// </summary>
public sealed class DistinctArguments
{
    private const int Kept = 4;
    private readonly List<DistinctArgumentRows> _recent = new(Kept);

    /// <summary>The rows of <paramref name="arguments"/> encoded as <see cref="DistinctAccumulator"/> keys them.</summary>
    public DistinctArgumentRows Encode(IReadOnlyList<IArrowArray> arguments, bool nullIsValue)
    {
        for (int i = _recent.Count - 1; i >= 0; i--)
            if (_recent[i].Holds(arguments, nullIsValue)) return _recent[i];
        DistinctArgumentRows rows;
        if (_recent.Count < Kept) rows = new DistinctArgumentRows();
        else
        {
            rows = _recent[0];
            _recent.RemoveAt(0);
        }
        _recent.Add(rows);
        rows.Encode(arguments, nullIsValue);
        return rows;
    }
}
