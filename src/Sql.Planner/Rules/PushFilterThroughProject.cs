using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>Moves a filter below a projection by inlining the projected expressions it reads, so rows are dropped before
/// columns are computed. Not when it reads a non-deterministic expression (it would be evaluated twice).</summary>
internal sealed class PushFilterThroughProject : IRewriteRule
{
    public string Name => "PushFilterThroughProject";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalFilter { Input: LogicalProject project } filter) return null;
        var used = new HashSet<int>();
        ExpressionRewriting.CollectInputs(filter.Condition, used);
        foreach (var i in used)
            if (!ExpressionRewriting.IsDeterministic(project.Projections[i])) return null;
        var condition = ExpressionRewriting.Substitute(filter.Condition, project.Projections);
        return project with { Input = new LogicalFilter(project.Input, condition) };
    }
}
