using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A ROW_NUMBER Top-N whose PARTITION BY holds window_start and window_end of an event-time TUMBLE, HOP or CUMULATE
/// window table function (read directly, or through a window aggregation grouped by them) is a window Top-N (Flink's
/// StreamPhysicalWindowRankRule): the rows carry their window, so the rank reads its end and fires it on the watermark;
/// a Top-1 ordered by a rowtime attribute is a window deduplication (StreamPhysicalWindowDeduplicateRule). Anything else
/// stays a regular Top-N.
/// </summary>
internal static class WindowRankPlanning
{
    /// <param name="timeZone">The session time zone (<c>table.local-time-zone</c>), for windows over a TIMESTAMP_LTZ.</param>
    public static PhysicalNode? TryPlan(LogicalRank r, Func<PhysicalNode> translateInput, int parallelism, string? timeZone = null)
    {
        if (r.RankType != RankType.RowNumber || r.RankEnd is not { } end) return null;
        int start = -1, stop = -1;
        LogicalWindowTableFunction? function = null;
        foreach (int k in r.PartitionKeys)
        {
            if (Trace(r.Input, k) is not var (f, role) || role > 1) continue;
            if (function is not null && !ReferenceEquals(function, f)) return null;
            function = f;
            if (role == 0 && start < 0) start = k;
            else if (role == 1 && stop < 0) stop = k;
        }
        if (function is null || start < 0 || stop < 0 || !function.IsEventTime || !function.Window.IsSliced) return null;

        var keys = r.PartitionKeys.Where(k => k != start && k != stop).Distinct().ToList();
        var zone = function.Input.Schema[function.TimeColumn].Type.Kind == SqlTypeKind.TimestampLtz ? timeZone : null;
        var windowing = new WindowAttachedWindowing(start, stop, IsEventTime: true) { TimeZone = zone };
        var input = translateInput();
        int p = keys.Count == 0 ? 1 : parallelism;
        var order = r.OrderKeys;
        if (r.RankStart == 1 && end == 1 && order.Count == 1 && r.Input.Schema[order[0].Column].Type.IsRowtime)
            return new PhysicalWindowDeduplicate(input, keys, order[0].Column, order[0].Descending, r.OutputRankNumber, function.Window, windowing, r.Schema)
            {
                Parallelism = p,
            };
        return new PhysicalWindowRank(input, keys, order, r.RankStart, end, r.OutputRankNumber, function.Window, windowing, r.Schema)
        {
            Parallelism = p,
        };
    }

    /// <summary>The window table function column <paramref name="column"/> of <paramref name="node"/> is a copy of, and its
    /// role there (0 window_start, 1 window_end, 2 window_time), or null.</summary>
    internal static (LogicalWindowTableFunction Function, int Role)? Trace(LogicalNode node, int column) => node switch
    {
        LogicalWindowTableFunction w => column >= w.WindowStart ? (w, column - w.WindowStart) : null,
        LogicalCalc c => c.Projections[column] is InputRef r ? Trace(c.Input, r.Index) : null,
        LogicalProject p => p.Projections[column] is InputRef r ? Trace(p.Input, r.Index) : null,
        LogicalFilter f => Trace(f.Input, column),
        LogicalAggregate a when a.GroupingSets is null && column < a.GroupKeys.Count && IsWindowAggregate(a) => Trace(a.Input, a.GroupKeys[column]),
        LogicalJoin j when WindowJoinPlanning.Analyze(j) is not null => column < j.Left.Schema.Count
            ? (LogicalJoin.PadsLeft(j.JoinType) ? null : Trace(j.Left, column))
            : (LogicalJoin.PadsRight(j.JoinType) || LogicalJoin.IsSemiOrAnti(j.JoinType) ? null : Trace(j.Right, column - j.Left.Schema.Count)),
        _ => null,
    };

    /// <summary>Whether <paramref name="a"/> is planned as a window aggregation (<see cref="WindowAggregation"/>): grouped by
    /// window_start and window_end of the window table function right below it (or below one Calc).</summary>
    private static bool IsWindowAggregate(LogicalAggregate a)
    {
        if (((a.Input as LogicalCalc)?.Input ?? a.Input) is not LogicalWindowTableFunction below) return false;
        bool start = false, end = false;
        foreach (int k in a.GroupKeys)
        {
            if (Trace(a.Input, k) is not var (f, role) || !ReferenceEquals(f, below)) continue;
            start |= role == 0;
            end |= role == 1;
        }
        return start && end;
    }
}
