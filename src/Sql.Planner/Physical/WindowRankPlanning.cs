using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A Top-N whose PARTITION BY holds window_start and window_end of an event-time TUMBLE, HOP or CUMULATE window table
/// function (read directly, through a window aggregation grouped by them or through another window Top-N), or of a
/// SESSION window aggregation, is a window Top-N (Flink's StreamPhysicalWindowRankRule): the rows carry their window, so
/// the rank reads its end and fires it on the watermark; a Top-1 ordered by a rowtime attribute is a window deduplication
/// (StreamPhysicalWindowDeduplicateRule). As Flink's StreamExecWindowRank, a window Top-N by RANK or DENSE_RANK, or over
/// a processing-time window aggregation, is refused. Anything else stays a regular Top-N.
/// </summary>
internal static class WindowRankPlanning
{
    /// <param name="timeZone">The session time zone (<c>table.local-time-zone</c>), for windows over a TIMESTAMP_LTZ.</param>
    public static PhysicalNode? TryPlan(LogicalRank r, Func<PhysicalNode> translateInput, int parallelism, string? timeZone = null)
    {
        // Flink's window Top-N takes a constant range only; a variable one stays a regular Rank.
        if (r.RankEnd is not { } end || r.RankEndColumn >= 0 || Windowed(r) is not var (function, start, stop, aggregated)) return null;
        if (!function.IsEventTime)
        {
            if (!aggregated) return null;
            throw new SqlValidationException("Processing time Window TopN is not supported yet.", r.Span);
        }
        if (r.RankType != RankType.RowNumber)
            throw new SqlValidationException(
                $"{PhysicalRank.RankTypeName(r.RankType)}() function is not supported on Window TopN currently, only ROW_NUMBER() is supported.", r.Span);

        var keys = r.PartitionKeys.Where(k => k != start && k != stop).Distinct().ToList();
        var zone = function.Input.Schema[function.TimeColumn].Type.Kind == SqlTypeKind.TimestampLtz ? timeZone : null;
        var windowing = new WindowAttachedWindowing(start, stop, IsEventTime: true) { TimeZone = zone };
        var window = RankWindow(function.Window, r.Input, function);
        var input = translateInput();
        int p = keys.Count == 0 ? 1 : parallelism;
        var order = r.OrderKeys;
        if (r.RankStart == 1 && end == 1 && order.Count == 1 && r.Input.Schema[order[0].Column].Type.IsRowtime)
            return new PhysicalWindowDeduplicate(input, keys, order[0].Column, order[0].Descending, r.OutputRankNumber, window, windowing, r.Schema)
            {
                Parallelism = p,
            };
        return new PhysicalWindowRank(input, keys, order, r.RankStart, end, r.OutputRankNumber, window, windowing, r.Schema)
        {
            Parallelism = p,
        };
    }

    /// <summary>The window table function column <paramref name="column"/> of <paramref name="node"/> is a copy of, and its
    /// role there (0 window_start, 1 window_end, 2 window_time), or null.</summary>
    internal static (LogicalWindowTableFunction Function, int Role)? Trace(LogicalNode node, int column) =>
        Source(node, column) is var (f, c, _) && c >= f.WindowStart ? (f, c - f.WindowStart) : null;

    /// <summary>The window table function whose window_start and window_end <paramref name="r"/> is partitioned by, those
    /// columns of its input, and whether they come through a window aggregation; null when it is not a window rank (a
    /// SESSION window table function counts only through its aggregation, as in Flink).</summary>
    private static (LogicalWindowTableFunction Function, int Start, int End, bool Aggregated)? Windowed(LogicalRank r)
    {
        int start = -1, stop = -1;
        LogicalWindowTableFunction? function = null;
        bool aggregated = false;
        foreach (int k in r.PartitionKeys)
        {
            if (Source(r.Input, k) is not var (f, column, throughAggregate) || column < f.WindowStart || column > f.WindowEnd) continue;
            if (function is not null && !ReferenceEquals(function, f)) return null;
            function = f;
            aggregated = throughAggregate;
            if (column == f.WindowStart && start < 0) start = k;
            else if (column == f.WindowEnd && stop < 0) stop = k;
        }
        if (function is null || start < 0 || stop < 0 || (!function.Window.IsSliced && !aggregated)) return null;
        return (function, start, stop, aggregated);
    }

    /// <summary>The window as the rank's input sees it: a SESSION's partition keys named by the rank input's columns that
    /// copy them (Flink's <c>partition keys=[a]</c>), those with no copy left out.</summary>
    private static WindowSpec RankWindow(WindowSpec window, LogicalNode input, LogicalWindowTableFunction function)
    {
        if (window is not SessionWindow session || session.PartitionKeys.Count == 0) return window;
        var keys = new List<int>();
        foreach (int key in session.PartitionKeys)
        {
            for (int c = 0; c < input.Schema.Count; c++)
            {
                if (Source(input, c) is not var (f, column, _) || !ReferenceEquals(f, function) || column != key) continue;
                keys.Add(c);
                break;
            }
        }
        return session with { PartitionKeys = keys };
    }

    /// <summary>The window table function column <paramref name="column"/> of <paramref name="node"/> is a copy of, and
    /// whether the copy passes through a window aggregation, or null.</summary>
    private static (LogicalWindowTableFunction Function, int Column, bool ThroughAggregate)? Source(LogicalNode node, int column) => node switch
    {
        LogicalWindowTableFunction w => (w, column, false),
        LogicalCalc c => c.Projections[column] is InputRef r ? Source(c.Input, r.Index) : null,
        LogicalProject p => p.Projections[column] is InputRef r ? Source(p.Input, r.Index) : null,
        LogicalFilter f => Source(f.Input, column),
        // A window Top-N keeps its input's windows (Flink: a window Top-N may follow a window Top-N).
        LogicalRank k when column < k.Input.Schema.Count && k.RankEnd is not null && k.RankType == RankType.RowNumber
                           && Windowed(k) is { Function.IsEventTime: true } => Source(k.Input, column),
        LogicalAggregate a when a.GroupingSets is null && column < a.GroupKeys.Count && IsWindowAggregate(a)
            => Source(a.Input, a.GroupKeys[column]) is var (f, c, _) ? (f, c, true) : null,
        // A window join keeps each non-padded side's windows (Flink's window properties of a window join).
        LogicalJoin j when WindowJoinPlanning.Analyze(j) is not null => column < j.Left.Schema.Count
            ? (LogicalJoin.PadsLeft(j.JoinType) ? null : Source(j.Left, column))
            : (LogicalJoin.PadsRight(j.JoinType) || LogicalJoin.IsSemiOrAnti(j.JoinType) ? null : Source(j.Right, column - j.Left.Schema.Count)),
        _ => null,
    };

    /// <summary>Whether <paramref name="node"/> is a window aggregation (<see cref="IsWindowAggregate"/>), possibly under
    /// projections and filters.</summary>
    internal static bool HasWindowAggregate(LogicalNode node) => node switch
    {
        LogicalAggregate a => a.GroupingSets is null && IsWindowAggregate(a),
        LogicalCalc or LogicalProject or LogicalFilter => HasWindowAggregate(node.Inputs[0]),
        _ => false,
    };

    /// <summary>Whether <paramref name="a"/> is planned as a window aggregation (<see cref="WindowAggregation"/>): grouped by
    /// window_start and window_end of the window table function right below it (or below one Calc), or of an event-time
    /// TUMBLE, HOP or CUMULATE carried through a window aggregation or window join below (Flink's window properties: a
    /// cascade such as Nexmark q5's MAX per window of a window COUNT).</summary>
    private static bool IsWindowAggregate(LogicalAggregate a)
    {
        var below = ((a.Input as LogicalCalc)?.Input ?? a.Input) as LogicalWindowTableFunction;
        // Otherwise exactly when WindowAggregation plans it over the attached window columns.
        if (below is null) return a.GroupingSets is null && WindowJoinPlanning.WindowedColumns(a.Input, a.GroupKeys) is not null;
        LogicalWindowTableFunction? function = below;
        bool start = false, end = false;
        foreach (int k in a.GroupKeys)
        {
            if (Source(a.Input, k) is not var (f, column, _) || (function is not null && !ReferenceEquals(f, function))) continue;
            function = f;
            start |= column == f.WindowStart;
            end |= column == f.WindowEnd;
        }
        return start && end;
    }
}
