using Apache.Arrow;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>RANK()</c> and <c>DENSE_RANK()</c> as OVER aggregates (Flink's RankAggFunction and DenseRankAggFunction): rows arrive
/// in the window's time order and the argument is that time; a row whose time differs from the previous row's starts a
/// new rank — the rows so far plus one (RANK) or the previous rank plus one (DENSE_RANK). Rows of equal time share it.
/// BIGINT NOT NULL. Insert-only: an OVER window with a bounded frame cannot use it.
/// </summary>
public sealed class RankAccumulator : GroupsAccumulator
{
    private readonly bool _dense;
    private readonly Int64Vector _rows;
    private readonly Int64Vector _rank;
    private readonly Int64Vector _lastTime;

    public RankAccumulator(SnapshotEpoch epoch, bool dense) : base(SqlType.BigInt.AsNotNull(), retracting: false)
    {
        _dense = dense;
        _rows = State(new Int64Vector(epoch));
        _rank = State(new Int64Vector(epoch));
        _lastTime = State(new Int64Vector(epoch));
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var times = TimeValues.Micros(arguments[0]);
        var rows = _rows.Values;
        var rank = _rank.Values;
        var last = _lastTime.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i)) continue;
            int g = groups[i];
            long seen = ++rows[g];
            if (seen == 1 || last[g] != times[i])
            {
                rank[g] = _dense ? rank[g] + 1 : seen;
                last[g] = times[i];
            }
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups) => ResultArrays.Integers(ResultType, _rank.Values, groups, default);

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into) =>
        throw new NotSupportedException("RANK and DENSE_RANK cannot merge partial states");
}
