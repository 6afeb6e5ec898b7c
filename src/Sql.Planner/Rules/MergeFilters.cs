using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>Two stacked filters become one with both conditions ANDed (the lower one first).</summary>
internal sealed class MergeFilters : IRewriteRule
{
    public string Name => "MergeFilters";

    public LogicalNode? TryRewrite(LogicalNode node) =>
        node is LogicalFilter { Input: LogicalFilter inner } outer
            ? new LogicalFilter(inner.Input, ExpressionRewriting.AndBoth(inner.Condition, outer.Condition))
            : null;
}
