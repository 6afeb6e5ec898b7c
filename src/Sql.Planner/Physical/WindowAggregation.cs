using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// An aggregation grouped by <c>window_start</c> and <c>window_end</c> of a window table function is a window aggregation
/// (Flink's <c>StreamPhysicalWindowAggregateRule</c>). When nothing between the function and the aggregation reads the
/// window columns, the function is merged into the aggregation, which then assigns rows to slices by the time
/// attribute itself (<c>window=[TUMBLE(time_col=[ts], ...)]</c>); otherwise it reads the window columns the function
/// computed (<c>window=[TUMBLE(win_start=[window_start], win_end=[window_end], ...)]</c>). The aggregation emits its
/// keys, its aggregates and the window properties; a Calc puts them back in the query's order. With GROUPING SETS,
/// ROLLUP or CUBE whose every set holds the window, an Expand below the aggregation (as GROUP BY's) adds <c>$e</c> to
/// its keys and the Calc computes GROUPING/GROUPING_ID from it.
/// </summary>
internal static class WindowAggregation
{
    /// <summary>The window aggregation for <paramref name="a"/>, or null when it does not group by a window.</summary>
    public static PhysicalCalc? TryPlan(LogicalAggregate a, Func<LogicalNode, PhysicalNode> translate, int parallelism, string? timeZone)
    {
        var calc = a.Input as LogicalCalc;
        if ((calc?.Input ?? a.Input) is not LogicalWindowTableFunction tvf)
            return WindowJoinPlanning.WindowedColumns(a.Input, a.GroupKeys) is { } windowed && a.GroupingSets is null
                ? PlanOverWindowedRows(a, windowed, translate, parallelism, timeZone)
                : null;
        ScalarExpr Projection(int i) => calc is null ? new InputRef(i, a.Input.Schema[i].Type) : calc.Projections[i];
        int Role(int column) => Projection(column) is InputRef r && r.Index >= tvf.WindowStart ? r.Index - tvf.WindowStart : -1;

        // Positions in the key list of window_start (role 0), window_end (1), window_time (2).
        var windowKeys = new int[] { -1, -1, -1 };
        var regular = new List<int>();
        for (int p = 0; p < a.GroupKeys.Count; p++)
        {
            int role = Role(a.GroupKeys[p]);
            if (role >= 0 && windowKeys[role] < 0) windowKeys[role] = p;
            else regular.Add(p);
        }
        // Without both window_start and window_end in every grouping set it is a plain GROUP BY over the function's rows
        // (Flink's fallback: an updating GroupAggregate, not an error).
        if (windowKeys[0] < 0 || windowKeys[1] < 0) return null;
        if (a.GroupingSets is not null)
        {
            int start = a.GroupKeys[windowKeys[0]], end = a.GroupKeys[windowKeys[1]];
            if (a.GroupingSets.Any(set => !set.Contains(start) || !set.Contains(end))) return null;
            // The aggregation emits window_time as a window property of every row; a set without it would need it NULL.
            if (windowKeys[2] >= 0 && a.GroupingSets.Any(set => !set.Contains(a.GroupKeys[windowKeys[2]])))
                throw Unsupported.Feature("window_time in only some grouping sets of a window aggregation (group by it beside window_start and window_end)", a.Span);
        }

        WindowArguments.CheckSliceable(tvf.Window, tvf.Span);
        bool eventTime = tvf.IsEventTime;
        var timeType = tvf.Input.Schema[tvf.TimeColumn].Type;
        string? zone = timeType.Kind == SqlTypeKind.TimestampLtz ? timeZone : null;
        var properties = new List<WindowProperty> { WindowProperty.Start, WindowProperty.End };
        if (windowKeys[2] >= 0) properties.Add(eventTime ? WindowProperty.RowTime : WindowProperty.ProcTime);

        var windowKeyColumns = windowKeys.Where(p => p >= 0).Select(p => a.GroupKeys[p]).ToHashSet();
        bool ReadsWindow(ScalarExpr e)
        {
            var used = new HashSet<int>();
            ExpressionRewriting.CollectInputs(e, used);
            return used.Any(i => i >= tvf.WindowStart);
        }
        bool mergeable = (calc?.Condition is null || !ReadsWindow(calc.Condition))
            && Enumerable.Range(0, a.Input.Schema.Count).All(i => windowKeyColumns.Contains(i) || !ReadsWindow(Projection(i)));

        PhysicalNode input;
        WindowingStrategy windowing;
        var window = tvf.Window;
        Func<int, int> map;
        if (mergeable)
        {
            // The aggregation reads the function's input: every column but the window keys, and the time attribute.
            var projections = new List<ScalarExpr>();
            var names = new List<string>();
            var columnMap = new int[a.Input.Schema.Count];
            for (int i = 0; i < a.Input.Schema.Count; i++)
            {
                if (windowKeyColumns.Contains(i)) { columnMap[i] = -1; continue; }
                columnMap[i] = projections.Count;
                projections.Add(Projection(i));
                names.Add(a.Input.Schema[i].Name);
            }
            int time = projections.FindIndex(p => p is InputRef r && r.Index == tvf.TimeColumn);
            if (time < 0)
            {
                time = projections.Count;
                projections.Add(new InputRef(tvf.TimeColumn, timeType));
                names.Add(tvf.Input.Schema[tvf.TimeColumn].Name);
            }
            var uniqueNames = QueryBinder.Uniquify(names);
            var schema = new RowSchema(projections.Select((p, i) => new Field(uniqueNames[i], p.Type)).ToList());
            input = Merged(new PhysicalCalc(translate(tvf.Input), calc?.Condition, projections, schema) { Parallelism = parallelism });
            windowing = new TimeAttributeWindowing(time, eventTime, zone);
            map = i => columnMap[i];
            if (window is SessionWindow session)
                window = session with { PartitionKeys = session.PartitionKeys.Select(k => projections.FindIndex(p => p is InputRef r && r.Index == k)).ToList() };
        }
        else
        {
            input = translate(a.Input);
            windowing = new WindowAttachedWindowing(a.GroupKeys[windowKeys[0]], a.GroupKeys[windowKeys[1]], eventTime) { TimeZone = zone };
            map = i => i;
        }
        if (window is SessionWindow s)
        {
            var keys = regular.Select(p => map(a.GroupKeys[p])).ToHashSet();
            if (s.PartitionKeys.Any(k => k < 0 || !keys.Contains(k)))
                throw new SqlValidationException("The PARTITION BY columns of a SESSION window must be grouped by in its aggregation", tvf.Span);
            if (a.GroupingSets is not null && s.PartitionKeys.Any(k => a.GroupingSets.Any(set => !set.Select(map).Contains(k))))
                throw new SqlValidationException("The PARTITION BY columns of a SESSION window must be in every grouping set of its aggregation", tvf.Span);
        }

        var grouping = regular.Select(p => map(a.GroupKeys[p])).ToList();
        var calls = a.Calls.Where(c => !GroupingSetsExpansion.IsGroupingFunction(c)).Select(c => c with
        {
            ArgIndexes = c.ArgIndexes.Select(map).ToList(),
            FilterArg = c.FilterArg < 0 ? -1 : map(c.FilterArg),
        }).ToList();
        if (a.GroupingSets is not null)
        {
            // Flink's decomposition below the window aggregation: an Expand row per grouping set with the regular keys
            // outside the set NULL and the set's id in $e, an extra group key. The window keys are in every set, so the
            // window assignment (by the time attribute or the window columns) sees every row unchanged.
            var copies = GroupingSetsExpansion.KeysReadByCalls(grouping, calls);
            var sets = a.GroupingSets.Select(set => (IReadOnlyList<int>)set.Where(k => !windowKeyColumns.Contains(k)).Select(map).ToList()).ToList();
            var ids = a.GroupingSets.Select(set => GroupingSetsExpansion.ExpandId(a.GroupKeys, set)).ToList();
            var expand = GroupingSetsExpansion.Expand(input, grouping, sets, copies, parallelism, ids);
            input = expand;
            calls = calls.Select(c => GroupingSetsExpansion.ReadCopies(c, copies, expand.ExpandIdIndex)).ToList();
            grouping.Add(expand.ExpandIdIndex);
        }
        var fields = regular.Select(p => a.Schema[p]).ToList();
        if (a.GroupingSets is not null) fields.Add(input.Schema[grouping[^1]]);
        fields.AddRange(calls.Select(c => new Field(c.Name, c.ResultType)));
        for (int i = 0; i < properties.Count; i++)
            fields.Add(LogicalWindowAggregate.PropertyField(properties[i], timeType, a.Schema[windowKeys[i]].Name));
        var aggregate = new PhysicalWindowAggregate(input, grouping, calls, window, windowing, properties, AggregatePhase.Single, new RowSchema(fields))
        {
            Parallelism = grouping.Count == 0 ? 1 : parallelism,
            PinnedId = a.PinnedId,
        };

        // Back to the logical aggregate's layout: keys in their order, then the calls (GROUPING and GROUPING_ID from $e).
        var reorder = new List<ScalarExpr>();
        for (int p = 0; p < a.GroupKeys.Count; p++)
        {
            int role = Array.IndexOf(windowKeys, p);
            int column = role >= 0 ? grouping.Count + calls.Count + role : regular.IndexOf(p);
            reorder.Add(new InputRef(column, aggregate.Schema[column].Type));
        }
        int next = grouping.Count;
        foreach (var call in a.Calls)
        {
            if (GroupingSetsExpansion.IsGroupingFunction(call))
            {
                var expandId = new InputRef(regular.Count, aggregate.Schema[regular.Count].Type);
                reorder.Add(GroupingSetsExpansion.GroupingValue(call, a.GroupKeys, a.GroupingSets!, expandId));
                continue;
            }
            reorder.Add(new InputRef(next, aggregate.Schema[next].Type));
            next++;
        }
        var outputSchema = new RowSchema(reorder.Select((e, i) => new Field(a.Schema[i].Name, e.Type)).ToList());
        return new PhysicalCalc(aggregate, null, reorder, outputSchema) { Parallelism = parallelism };
    }

    /// <summary>
    /// An aggregation grouped by window_start and window_end carried through a window join or a window aggregation
    /// (Flink's window properties of their output): the rows carry their window, so it reads the window columns
    /// (<c>window=[TUMBLE(win_start=[window_start], win_end=[window_end], ...)]</c>) and fires each window once.
    /// </summary>
    private static PhysicalCalc PlanOverWindowedRows(LogicalAggregate a, WindowJoinPlanning.WindowColumns joined,
        Func<LogicalNode, PhysicalNode> translate, int parallelism, string? timeZone)
    {
        var regular = Enumerable.Range(0, a.GroupKeys.Count).Where(p => p != joined.StartKey && p != joined.EndKey).ToList();
        var input = translate(a.Input);
        var windowing = new WindowAttachedWindowing(a.GroupKeys[joined.StartKey], a.GroupKeys[joined.EndKey], IsEventTime: true)
        {
            TimeZone = joined.TimeType.Kind == SqlTypeKind.TimestampLtz ? timeZone : null,
        };
        var properties = new List<WindowProperty> { WindowProperty.Start, WindowProperty.End };
        var grouping = regular.Select(p => a.GroupKeys[p]).ToList();
        var fields = regular.Select(p => a.Schema[p]).ToList();
        fields.AddRange(a.Calls.Select(c => new Field(c.Name, c.ResultType)));
        fields.Add(LogicalWindowAggregate.PropertyField(WindowProperty.Start, joined.TimeType, a.Schema[joined.StartKey].Name));
        fields.Add(LogicalWindowAggregate.PropertyField(WindowProperty.End, joined.TimeType, a.Schema[joined.EndKey].Name));
        var aggregate = new PhysicalWindowAggregate(input, grouping, a.Calls, joined.Window, windowing, properties, AggregatePhase.Single, new RowSchema(fields))
        {
            Parallelism = grouping.Count == 0 ? 1 : parallelism,
            PinnedId = a.PinnedId,
        };
        var reorder = new List<ScalarExpr>();
        for (int p = 0; p < a.GroupKeys.Count; p++)
        {
            int column = p == joined.StartKey ? grouping.Count + a.Calls.Count : p == joined.EndKey ? grouping.Count + a.Calls.Count + 1 : regular.IndexOf(p);
            reorder.Add(new InputRef(column, aggregate.Schema[column].Type));
        }
        for (int c = 0; c < a.Calls.Count; c++) reorder.Add(new InputRef(grouping.Count + c, aggregate.Schema[grouping.Count + c].Type));
        var outputSchema = new RowSchema(reorder.Select((e, i) => new Field(a.Schema[i].Name, e.Type)).ToList());
        return new PhysicalCalc(aggregate, null, reorder, outputSchema) { Parallelism = parallelism };
    }

    /// <summary>A Calc over a projection-only Calc as one Calc, unless that would evaluate a non-deterministic expression
    /// (PROCTIME()) twice. The original input stays as it is for its other readers.</summary>
    private static PhysicalCalc Merged(PhysicalCalc outer)
    {
        if (outer.Input is not PhysicalCalc { Condition: null } inner) return outer;
        var uses = new int[inner.Projections.Count];
        void Count(ScalarExpr e)
        {
            if (e is InputRef r) uses[r.Index]++;
            else if (e is Call c) foreach (var o in c.Operands) Count(o);
        }
        foreach (var p in outer.Projections) Count(p);
        if (outer.Condition is not null) Count(outer.Condition);
        for (int i = 0; i < uses.Length; i++)
            if (uses[i] > 1 && !ExpressionRewriting.IsDeterministic(inner.Projections[i])) return outer;
        return outer with
        {
            Input = inner.Input,
            Condition = outer.Condition is null ? null : ExpressionRewriting.Substitute(outer.Condition, inner.Projections),
            Projections = outer.Projections.Select(p => ExpressionRewriting.Substitute(p, inner.Projections)).ToList(),
        };
    }
}
