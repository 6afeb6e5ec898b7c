using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>A projection over VALUES that only picks, reorders or exactly converts columns is applied to the rows now
/// (e.g. the sink casts of <c>INSERT INTO t VALUES (1, 2)</c>).</summary>
internal sealed class FoldProjectIntoValues : IRewriteRule
{
    public string Name => "FoldProjectIntoValues";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalProject { Input: LogicalValues values } project) return null;
        var rows = new List<IReadOnlyList<Literal>>(values.Rows.Count);
        foreach (var row in values.Rows)
        {
            var result = new List<Literal>(project.Projections.Count);
            for (int i = 0; i < project.Projections.Count; i++)
            {
                Literal? value = project.Projections[i] switch
                {
                    InputRef r => row[r.Index],
                    Literal l => l,
                    Call { Function: "CAST", Operands: [InputRef r] } c => LiteralConversion.To(row[r.Index], c.Type),
                    Call { Function: "CAST", Operands: [Literal l] } c => LiteralConversion.To(l, c.Type),
                    _ => null,
                };
                if (value is null) return null;
                result.Add(value.Type.Equals(project.Schema[i].Type) ? value : LiteralConversion.To(value, project.Schema[i].Type) ?? value);
            }
            rows.Add(result);
        }
        return new LogicalValues(rows, project.Schema);
    }
}
