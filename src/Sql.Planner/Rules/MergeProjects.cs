using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>Two stacked projections become one by inlining the lower one's expressions into the upper one.
/// Not when a non-deterministic lower expression is read more than once.</summary>
internal sealed class MergeProjects : IRewriteRule
{
    public string Name => "MergeProjects";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalProject { Input: LogicalProject inner } outer) return null;
        var uses = new int[inner.Projections.Count];
        foreach (var p in outer.Projections) CountUses(p, uses);
        for (int i = 0; i < uses.Length; i++)
            if (uses[i] > 1 && !ExpressionRewriting.IsDeterministic(inner.Projections[i])) return null;
        var merged = outer.Projections.Select(p => ExpressionRewriting.Substitute(p, inner.Projections)).ToList();
        return new LogicalProject(inner.Input, merged, outer.Schema);
    }

    private static void CountUses(ScalarExpr e, int[] uses)
    {
        if (e is InputRef r) uses[r.Index]++;
        else if (e is Call c) foreach (var o in c.Operands) CountUses(o, uses);
    }
}
