using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>The rewrite program: simplify and push filters down, prune columns into the scans, then fuse into Calcs.</summary>
internal sealed class LogicalOptimizer
{
    private readonly IReadOnlyList<IRewriteRule> _simplify;
    private readonly IReadOnlyList<IRewriteRule> _fuse;

    public LogicalOptimizer(IConstantEvaluator? evaluator)
    {
        _simplify = new IRewriteRule[]
        {
            new ConstantFolding(evaluator), new RemoveTrueFilter(), new MergeFilters(), new PushFilterThroughProject(),
            new PushFilterIntoUnion(), new PushFilterIntoJoin(), new MergeProjects(), new RemoveIdentityProject(), new FoldProjectIntoValues(), new MergeUnionOfValues(),
        };
        _fuse = new IRewriteRule[] { new ProjectFilterToCalc(), new MergeCalcs(), new RemoveIdentityCalc(), new ConstantFolding(evaluator) };
    }

    public LogicalNode Optimize(LogicalNode root)
    {
        var plan = RuleDriver.Apply(root, _simplify);
        plan = PruneColumns.Run(plan);
        plan = RuleDriver.Apply(plan, _simplify);
        return Fuse(plan);
    }

    /// <summary>Fuses projections and filters into Calcs (again, after a rewrite such as <see cref="ScanReuse"/> added some).</summary>
    public LogicalNode Fuse(LogicalNode plan) => RuleDriver.Apply(plan, _fuse);
}
