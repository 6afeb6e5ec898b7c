using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>A projection over a filter (or either alone) becomes one Calc: what the physical Calc operator runs.</summary>
internal sealed class ProjectFilterToCalc : IRewriteRule
{
    public string Name => "ProjectFilterToCalc";

    public LogicalNode? TryRewrite(LogicalNode node) => node switch
    {
        LogicalProject { Input: LogicalFilter f } p => new LogicalCalc(f.Input, f.Condition, p.Projections, p.Schema),
        LogicalProject p => new LogicalCalc(p.Input, null, p.Projections, p.Schema),
        LogicalFilter f => new LogicalCalc(f.Input, f.Condition, Identity(f.Input), f.Schema),
        _ => null,
    };

    public static IReadOnlyList<ScalarExpr> Identity(LogicalNode input) =>
        input.Schema.Fields.Select((field, i) => (ScalarExpr)new InputRef(i, field.Type)).ToList();
}

/// <summary>Two stacked Calcs become one: the upper condition and projections are inlined over the lower projections.</summary>
internal sealed class MergeCalcs : IRewriteRule
{
    public string Name => "MergeCalcs";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalCalc { Input: LogicalCalc inner } outer) return null;
        if (!inner.Projections.All(ExpressionRewriting.IsDeterministic)) return null;
        var condition = outer.Condition is null ? null : ExpressionRewriting.Substitute(outer.Condition, inner.Projections);
        var merged = inner.Condition is null ? condition
            : condition is null ? inner.Condition : ExpressionRewriting.AndBoth(inner.Condition, condition);
        var projections = outer.Projections.Select(p => ExpressionRewriting.Substitute(p, inner.Projections)).ToList();
        return new LogicalCalc(inner.Input, merged, projections, outer.Schema);
    }
}

/// <summary>Drops a Calc that neither filters nor changes its input's columns.</summary>
internal sealed class RemoveIdentityCalc : IRewriteRule
{
    public string Name => "RemoveIdentityCalc";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalCalc { Condition: null } c) return null;
        var asProject = new LogicalProject(c.Input, c.Projections, c.Schema);
        return asProject.IsIdentity ? c.Input : null;
    }
}
