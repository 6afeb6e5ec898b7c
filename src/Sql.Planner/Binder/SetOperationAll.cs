using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// <c>INTERSECT ALL</c> and <c>EXCEPT ALL</c> as Flink's RewriteIntersectAllRule and RewriteMinusAllRule plan them: both
/// sides tagged with a marker column and unioned, an aggregation grouped by every column counting each side's rows
/// (NULLs group together, so they compare equal), a filter keeping the rows the result has, and a
/// <c>$REPLICATE_ROWS$</c> correlate emitting each row min(left, right) times (INTERSECT ALL) or left - right times
/// (EXCEPT ALL). The aggregation makes the result updating.
/// </summary>
internal static class SetOperationAll
{
    public static LogicalNode Bind(LogicalUnion both, bool intersect, SourceSpan span)
    {
        var (left, right) = (both.Branches[0], both.Branches[1]);
        int width = left.Schema.Count;
        var keys = Enumerable.Range(0, width).ToList();
        return intersect ? Intersect(left, right, keys, span) : Except(left, right, keys, span);
    }

    private static LogicalNode Intersect(LogicalNode left, LogicalNode right, List<int> keys, SourceSpan span)
    {
        var present = new Literal(true, SqlType.Boolean.AsNotNull());
        var absent = new Literal(null, SqlType.Boolean.WithNullable(true));
        var union = Tagged(left, right, [("vcol_left", present, absent), ("vcol_right", absent, present)]);
        int width = keys.Count;
        var count = AggregateFunctions.Resolve("COUNT", [SqlType.Boolean.WithNullable(true)]);
        AggregateCall[] calls =
        [
            new(count.Kind, [width], false, -1, count.ResultType, "vcol_left_cnt"),
            new(count.Kind, [width + 1], false, -1, count.ResultType, "vcol_right_cnt"),
        ];
        var aggregate = new LogicalAggregate(union, keys, null, calls, LogicalAggregate.SchemaOf(union, keys, null, calls)) { Span = span };
        var leftCount = new InputRef(width, count.ResultType);
        var rightCount = new InputRef(width + 1, count.ResultType);
        var one = new Literal(1L, SqlType.BigInt.AsNotNull());
        var both = ExpressionBinder.MakeCall("AND",
            [ExpressionBinder.MakeCall(">=", [leftCount, one], span), ExpressionBinder.MakeCall(">=", [rightCount, one], span)], span);
        var smaller = ExpressionBinder.MakeCall("IF", [ExpressionBinder.MakeCall(">", [leftCount, rightCount], span), rightCount, leftCount], span);
        return Replicated(new LogicalFilter(aggregate, both), smaller, "$f0", width);
    }

    private static LogicalNode Except(LogicalNode left, LogicalNode right, List<int> keys, SourceSpan span)
    {
        var union = Tagged(left, right, [("vcol_marker", new Literal(1L, SqlType.BigInt.AsNotNull()), new Literal(-1L, SqlType.BigInt.AsNotNull()))]);
        int width = keys.Count;
        var sum = AggregateFunctions.Resolve("SUM", [SqlType.BigInt.AsNotNull()]);
        AggregateCall[] calls = [new(sum.Kind, [width], false, -1, sum.ResultType, "sum_vcol_marker")];
        var aggregate = new LogicalAggregate(union, keys, null, calls, LogicalAggregate.SchemaOf(union, keys, null, calls)) { Span = span };
        var difference = new InputRef(width, sum.ResultType);
        var positive = ExpressionBinder.MakeCall(">", [difference, new Literal(0L, SqlType.BigInt.AsNotNull())], span);
        return Replicated(new LogicalFilter(aggregate, positive), difference, "sum_vcol_marker", width);
    }

    /// <summary>UNION ALL of both sides, each with the marker columns (their left-side and right-side values) appended.</summary>
    private static LogicalNode Tagged(LogicalNode left, LogicalNode right, (string Name, Literal Left, Literal Right)[] markers)
    {
        LogicalNode Tag(LogicalNode side, bool isLeft)
        {
            var projections = new List<ScalarExpr>();
            var fields = side.Schema.Fields.ToList();
            for (int i = 0; i < side.Schema.Count; i++) projections.Add(new InputRef(i, side.Schema[i].Type));
            foreach (var m in markers)
            {
                // Both branches carry the union's types: a marker is nullable when either side's value is NULL.
                var type = m.Left.Type.WithNullable(m.Left.Type.Nullable || m.Right.Type.Nullable);
                projections.Add(new Literal((isLeft ? m.Left : m.Right).Value, type));
                fields.Add(new Field(m.Name, type));
            }
            return new LogicalProject(side, projections, new RowSchema(fields));
        }
        var tagged = new List<LogicalNode> { Tag(left, true), Tag(right, false) };
        return new LogicalUnion(tagged, tagged[0].Schema);
    }

    /// <summary>The data columns of <paramref name="input"/> (its first <paramref name="width"/>) replicated
    /// <paramref name="times"/> times (named <paramref name="timesName"/> in the plan, as Flink's).</summary>
    private static LogicalNode Replicated(LogicalNode input, ScalarExpr times, string timesName, int width)
    {
        var projections = new List<ScalarExpr> { times };
        var names = new List<string> { timesName };
        for (int i = 0; i < width; i++)
        {
            projections.Add(new InputRef(i, input.Schema[i].Type));
            names.Add(input.Schema[i].Name);
        }
        return LogicalReplicateRows.Over(LogicalProject.Create(input, projections, names));
    }
}
