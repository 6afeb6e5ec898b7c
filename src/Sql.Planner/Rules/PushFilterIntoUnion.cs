using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>A filter over UNION ALL is applied to each branch instead (branches have the union's column layout).</summary>
internal sealed class PushFilterIntoUnion : IRewriteRule
{
    public string Name => "PushFilterIntoUnion";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalFilter { Input: LogicalUnion union } filter) return null;
        var branches = union.Branches.Select(b => (LogicalNode)new LogicalFilter(b, filter.Condition)).ToList();
        return union with { Branches = branches };
    }
}
