using System.Text;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Pieces of Flink's EXPLAIN notation shared by the physical nodes.</summary>
internal static class ExplainText
{
    public static string Fields(RowSchema schema) => string.Join(", ", schema.Fields.Select(f => f.Name));

    public static string Names(RowSchema schema, IEnumerable<int> columns) => string.Join(", ", columns.Select(c => schema[c].Name));

    public static string TableId(string table, string? suffix = null)
    {
        var (catalog, database, name) = Binder.ObjectNames.SplitKey(table);
        return $"[[{catalog}, {database}, {name}{suffix}]]";
    }

    public static string Tuples(IReadOnlyList<IReadOnlyList<Literal>> rows) =>
        "[" + string.Join(", ", rows.Select(r => "{ " + string.Join(", ", r.Select(l => l.ToString())) + " }")) + "]";

    public static string Calc(ScalarExpr? condition, IReadOnlyList<ScalarExpr> projections, RowSchema input, RowSchema output, bool infix)
    {
        string select = $"select=[{ExpressionPrinter.Projections(projections, input, output, infix)}]";
        return condition is null ? select : $"{select}, where=[{ExpressionPrinter.Print(condition, input, infix)}]";
    }

    /// <summary>Key column types for state signatures: <c>BIGINT,STRING</c> (nullability and names left out).</summary>
    public static string Types(RowSchema schema, IEnumerable<int> columns)
    {
        var sb = new StringBuilder();
        foreach (var c in columns)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(schema[c].Type.WithoutTimeAttribute().WithNullable(true));
        }
        return sb.ToString();
    }
}
