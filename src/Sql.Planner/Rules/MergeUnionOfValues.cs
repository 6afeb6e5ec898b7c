using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>A UNION ALL whose branches are all VALUES is one VALUES with every row (converted to the union's types).</summary>
internal sealed class MergeUnionOfValues : IRewriteRule
{
    public string Name => "MergeUnionOfValues";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalUnion union || !union.Branches.All(b => b is LogicalValues)) return null;
        var rows = new List<IReadOnlyList<Literal>>();
        foreach (LogicalValues branch in union.Branches)
        {
            foreach (var row in branch.Rows)
            {
                var converted = new List<Literal>(row.Count);
                for (int i = 0; i < row.Count; i++)
                {
                    var value = LiteralConversion.To(row[i], union.Schema[i].Type);
                    if (value is null) return null;
                    converted.Add(value);
                }
                rows.Add(converted);
            }
        }
        return new LogicalValues(rows, union.Schema);
    }
}
