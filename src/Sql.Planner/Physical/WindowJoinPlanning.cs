using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A join of two event-time windowed relations on their windows is a window join (Flink's WindowJoinUtil.satisfyWindowJoin
/// and StreamPhysicalWindowJoinRule): each side carries window_start and window_end of a TUMBLE, HOP or CUMULATE window
/// table function (directly or through a window aggregation), the join keys pair window_start with window_start and
/// window_end with window_end, both windows are the same spec and both time attributes of one type. Anything else stays a
/// regular join, as in Flink (which only logs why).
/// </summary>
internal static class WindowJoinPlanning
{
    /// <summary>What makes <see cref="LogicalJoin"/> a window join: the window, each side's window_start/window_end
    /// columns, and the join keys other than the window equalities.</summary>
    internal sealed record Match(
        WindowSpec Window,
        WindowAttachedWindowing LeftWindowing,
        WindowAttachedWindowing RightWindowing,
        IReadOnlyList<int> LeftKeys,
        IReadOnlyList<int> RightKeys,
        Types.SqlType TimeType);

    /// <summary>The window join <paramref name="join"/> is, or null when it is not one.</summary>
    public static Match? Analyze(LogicalJoin join) => Analyze(join.Left, join.Right, join.LeftKeys, join.RightKeys, join.NullSafeKeys);

    public static Match? Analyze(LogicalNode left, LogicalNode right, IReadOnlyList<int> leftKeys, IReadOnlyList<int> rightKeys, bool nullSafe = false)
    {
        if (nullSafe) return null;
        int leftStart = -1, leftEnd = -1, rightStart = -1, rightEnd = -1;
        LogicalWindowTableFunction? leftFunction = null, rightFunction = null;
        var keptLeft = new List<int>();
        var keptRight = new List<int>();
        for (int k = 0; k < leftKeys.Count; k++)
        {
            var l = WindowRankPlanning.Trace(left, leftKeys[k]);
            var r = WindowRankPlanning.Trace(right, rightKeys[k]);
            if (l is var (lf, lRole) && r is var (rf, rRole) && lRole == rRole && lRole <= 1
                && (leftFunction is null || ReferenceEquals(leftFunction, lf)) && (rightFunction is null || ReferenceEquals(rightFunction, rf)))
            {
                leftFunction = lf;
                rightFunction = rf;
                if (lRole == 0 && leftStart < 0) (leftStart, rightStart) = (leftKeys[k], rightKeys[k]);
                else if (lRole == 1 && leftEnd < 0) (leftEnd, rightEnd) = (leftKeys[k], rightKeys[k]);
                continue;
            }
            keptLeft.Add(leftKeys[k]);
            keptRight.Add(rightKeys[k]);
        }
        if (leftFunction is null || rightFunction is null || leftStart < 0 || leftEnd < 0) return null;
        if (!leftFunction.IsEventTime || !rightFunction.IsEventTime || !leftFunction.Window.IsSliced) return null;
        if (!Equals(leftFunction.Window, rightFunction.Window)) return null;
        if (leftFunction.Input.Schema[leftFunction.TimeColumn].Type.Kind != rightFunction.Input.Schema[rightFunction.TimeColumn].Type.Kind)
            return null;
        return new Match(leftFunction.Window,
            new WindowAttachedWindowing(leftStart, leftEnd, IsEventTime: true),
            new WindowAttachedWindowing(rightStart, rightEnd, IsEventTime: true),
            keptLeft, keptRight, leftFunction.Input.Schema[leftFunction.TimeColumn].Type);
    }

    /// <summary>The window an aggregation over a window join's or a window aggregation's output groups by: positions in
    /// <c>GroupKeys</c> of a window_start and a window_end, the window spec and the type of its time attribute.</summary>
    internal sealed record WindowColumns(int StartKey, int EndKey, WindowSpec Window, Types.SqlType TimeType);

    /// <summary>
    /// The window columns among <paramref name="keys"/> of <paramref name="input"/> when they come through a window join
    /// or a window aggregation (Flink's window properties of their output, which StreamPhysicalWindowAggregateRule
    /// matches: Nexmark q5's MAX per window_start/window_end of a HOP COUNT): a window_start and a window_end of
    /// event-time windows of one spec, each a column of a side the join never pads (an outer join's padded side has NULL
    /// windows). Null otherwise, and when no window join or window aggregation lies below (an aggregation right over a
    /// window table function is planned on its own).
    /// </summary>
    public static WindowColumns? WindowedColumns(LogicalNode input, IReadOnlyList<int> keys)
    {
        if (!HasWindowJoin(input) && !WindowRankPlanning.HasWindowAggregate(input)) return null;
        int start = -1, end = -1;
        LogicalWindowTableFunction? function = null;
        for (int p = 0; p < keys.Count; p++)
        {
            if (WindowRankPlanning.Trace(input, keys[p]) is not var (f, role) || role > 1) continue;
            if (function is not null && !Equals(function.Window, f.Window)) return null;
            function ??= f;
            if (role == 0 && start < 0) start = p;
            else if (role == 1 && end < 0) end = p;
        }
        if (function is null || start < 0 || end < 0 || !function.IsEventTime || !function.Window.IsSliced) return null;
        return new WindowColumns(start, end, function.Window, function.Input.Schema[function.TimeColumn].Type);
    }

    private static bool HasWindowJoin(LogicalNode node) => node switch
    {
        LogicalJoin j => Analyze(j) is not null,
        LogicalCalc or LogicalProject or LogicalFilter => HasWindowJoin(node.Inputs[0]),
        _ => false,
    };

    /// <param name="timeZone">The session time zone (<c>table.local-time-zone</c>), for windows over a TIMESTAMP_LTZ.</param>
    public static PhysicalNode? TryPlan(LogicalJoin j, Func<LogicalNode, PhysicalNode> translate, int parallelism, string? timeZone)
    {
        if (Analyze(j) is not { } match) return null;
        var zone = match.TimeType.Kind == Types.SqlTypeKind.TimestampLtz ? timeZone : null;
        return new PhysicalWindowJoin(translate(j.Left), translate(j.Right), j.JoinType, match.LeftKeys, match.RightKeys, j.Condition,
            match.Window, match.LeftWindowing with { TimeZone = zone }, match.RightWindowing with { TimeZone = zone }, j.Schema)
        {
            Parallelism = match.LeftKeys.Count == 0 ? 1 : parallelism,
        };
    }
}
