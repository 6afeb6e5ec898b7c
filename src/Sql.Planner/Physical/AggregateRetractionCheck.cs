using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Refuses, when the plan is made (as Flink does), an aggregate function that cannot take rows back out where it would
/// have to (an aggregation over an updating input, a bounded OVER frame): a user-defined one without a <c>Retract</c> for
/// its <c>Accumulate</c>, and APPROX_COUNT_DISTINCT (a HyperLogLog sketch cannot forget a value).
/// </summary>
internal static class AggregateRetractionCheck
{
    /// <exception cref="SqlValidationException">Flink's message, at the statement.</exception>
    public static void Run(IReadOnlyList<PhysicalNode> plan, IReadOnlyList<SourceSpan> rootSpans)
    {
        var seen = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < plan.Count; i++) Visit(plan[i], rootSpans[Math.Min(i, rootSpans.Count - 1)], seen);
    }

    private static void Visit(PhysicalNode node, SourceSpan span, HashSet<PhysicalNode> seen)
    {
        if (!seen.Add(node)) return;
        switch (node)
        {
            case PhysicalGroupAggregate g when g.NeedRetraction:
                Check(g.Calls, span);
                break;
            case PhysicalWindowAggregate w when !w.Input.Changelog.IsInsertOnly:
                Check(w.Calls, span);
                break;
            case PhysicalOverAggregate o when !o.Frame.IsUnbounded:
                Check(o.Calls, span);
                break;
        }
        foreach (var input in node.Inputs) Visit(input, span, seen);
    }

    private static void Check(IReadOnlyList<AggregateCall> calls, SourceSpan span)
    {
        foreach (var call in calls)
        {
            if (call.Kind == AggregateFunctionKind.ApproxCountDistinct) throw new SqlValidationException(ApproxCountDistinctRetraction, span);
            if (call.UserAggregate is { } user && user.Function.AggregateShape!.RetractFor(user.Method) is null)
                throw new SqlValidationException(Functions.UserDefined.UserAggregateShape.MissingRetract(user.Function), span);
        }
    }

    /// <summary>Why APPROX_COUNT_DISTINCT is refused over an updating input.</summary>
    public const string ApproxCountDistinctRetraction =
        "APPROX_COUNT_DISTINCT aggregate function does not support retraction: its input must be insert-only (it cannot "
        + "aggregate an updating input, such as the result of a non-windowed GROUP BY, a regular join or a CDC source).";
}
