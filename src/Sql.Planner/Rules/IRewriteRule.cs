using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>A local rewrite of the logical plan: looks at one node (and its inputs) and returns a replacement, or null when it does not apply.
/// A rewrite must keep the node's output schema (names and types, up to nullability).</summary>
public interface IRewriteRule
{
    string Name { get; }
    LogicalNode? TryRewrite(LogicalNode node);
}
