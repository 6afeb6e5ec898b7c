using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// A join's residual (non-equi) condition, evaluated over every candidate pair of a batch in one vectorized call: the
/// arriving side's rows gathered with the take kernel, the other side's stored rows decoded, laid out as the joined row
/// (left columns, then right); a stored row several pairs share is decoded once (<see cref="DistinctEntries"/>). The other
/// side's decoded columns are handed back: the output gathers its rows from them instead of decoding the stored rows a
/// second time.
/// </summary>
internal sealed class JoinResidual(IVectorExpression condition, Schema joinedSchema)
{
    /// <summary>Per arriving side, builders of the other side's columns, kept batch after batch (a built column leaves its
    /// builder sized for the next).</summary>
    private readonly ColumnBuilder[]?[] _theirs = new ColumnBuilder[]?[2];
    private readonly DistinctEntries _distinct = new();

    /// <summary>Per candidate pair: TRUE passes, FALSE and NULL do not. <paramref name="theirs"/>: the other side's columns,
    /// one row per candidate pair.</summary>
    public bool[] Evaluate(int input, RecordBatch data, JoinCandidates candidates, JoinRecords other, SqlType[] otherTypes,
        KeyDecoder otherDecoder, EvaluationContext context, out IArrowArray[] theirs)
    {
        int count = candidates.Count;
        var mine = new IArrowArray[data.ColumnCount];
        for (int c = 0; c < mine.Length; c++) mine[c] = JoinGather.Take(data.Column(c), candidates.Rows, count);
        var builders = _theirs[input] ??= otherTypes.Select(t => ColumnBuilder.Create(t, count)).ToArray();
        // Each stored row the batch's pairs share is decoded once, then gathered per pair (all distinct: taken as is).
        int distinct = _distinct.Collect(candidates.Entries.AsSpan(0, count));
        var entries = _distinct.Entries;
        for (int i = 0; i < distinct; i++) otherDecoder.DecodeInto(other.Row(entries[i]), builders);
        theirs = new IArrowArray[builders.Length];
        for (int c = 0; c < theirs.Length; c++) theirs[c] = JoinGather.Take(builders[c].Build(), _distinct.Positions, count);
        var columns = input == 0 ? [.. mine, .. theirs] : (IArrowArray[])[.. theirs, .. mine];
        var mask = (BooleanArray)condition.Evaluate(new RecordBatch(joinedSchema, columns, count), context);
        var passed = new bool[count];
        for (int i = 0; i < count; i++) passed[i] = mask.GetValue(i) == true;
        return passed;
    }
}
