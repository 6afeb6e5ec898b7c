using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>Drops a filter whose condition is the literal TRUE (typically left by constant folding).</summary>
internal sealed class RemoveTrueFilter : IRewriteRule
{
    public string Name => "RemoveTrueFilter";

    public LogicalNode? TryRewrite(LogicalNode node) =>
        node is LogicalFilter { Condition: Literal { Value: true } } f ? f.Input : null;
}
