using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>Drops a projection that returns its input unchanged (same columns, same names).</summary>
internal sealed class RemoveIdentityProject : IRewriteRule
{
    public string Name => "RemoveIdentityProject";

    public LogicalNode? TryRewrite(LogicalNode node) => node is LogicalProject { IsIdentity: true } p ? p.Input : null;
}
