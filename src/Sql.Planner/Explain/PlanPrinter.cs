using System.Runtime.CompilerServices;
using System.Text;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Explain;

/// <summary>Prints plans as Flink's EXPLAIN does: one node per line, children indented under <c>+- </c> (last) or <c>:- </c>.</summary>
public static class PlanPrinter
{
    public enum Style
    {
        /// <summary>The bound plan before rewrites, with Logical* node names.</summary>
        Logical,
        /// <summary>The optimized plan with physical node names, prefix expressions.</summary>
        Physical,
        /// <summary>The optimized plan with physical node names, infix expressions.</summary>
        Execution,
    }

    public static string Print(LogicalNode root, Style style, bool changelogMode = false)
    {
        var sb = new StringBuilder();
        Write(sb, root, style, changelogMode, "", "");
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, LogicalNode node, Style style, bool changelog, string firstPrefix, string restPrefix)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is LogicalCollect collect)
        {
            // A SELECT's result is not a plan node in Flink's physical plan.
            Write(sb, collect.Input, style, changelog, firstPrefix, restPrefix);
            return;
        }
        sb.Append(firstPrefix).Append(Describe(node, style));
        if (changelog && style != Style.Logical)
        {
            sb.Length--;
            sb.Append(", changelogMode=[").Append(ChangelogText(node.Changelog)).Append("])");
        }
        sb.Append('\n');
        var inputs = node.Inputs;
        for (int i = 0; i < inputs.Count; i++)
        {
            bool last = i == inputs.Count - 1;
            Write(sb, inputs[i], style, changelog, restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
        }
    }

    private static string ChangelogText(Types.ChangelogMode mode) => mode switch
    {
        Types.ChangelogMode.InsertOnly => "I",
        Types.ChangelogMode.Upsert => "I,UA,D",
        _ => "I,UB,UA,D",
    };

    private static string TableId(string table, string? suffix = null) =>
        $"[[{TableCatalog.DefaultCatalog}, {TableCatalog.DefaultDatabase}, {table}{suffix}]]";

    private static string Fields(LogicalNode node) => string.Join(", ", node.Schema.Fields.Select(f => f.Name));

    /// <summary>The one-line description of a node (without its inputs).</summary>
    public static string Describe(LogicalNode node, Style style)
    {
        bool infix = style == Style.Execution;
        if (style == Style.Logical)
        {
            return node switch
            {
                LogicalScan s => $"LogicalTableScan(table={TableId(s.TableName)})",
                LogicalProject p => "LogicalProject(" + string.Join(", ", p.Projections.Select((e, i) => $"{p.Schema[i].Name}=[{ExpressionPrinter.Print(e, p.Input.Schema)}]")) + ")",
                LogicalFilter f => $"LogicalFilter(condition=[{ExpressionPrinter.Print(f.Condition, f.Input.Schema)}])",
                LogicalCalc c => $"LogicalCalc({CalcArguments(c, false)})",
                LogicalUnion => "LogicalUnion(all=[true])",
                LogicalValues v => $"LogicalValues(tuples=[{Tuples(v)}])",
                LogicalWatermarkAssigner w => $"LogicalWatermarkAssigner(rowtime=[{w.Schema[w.RowtimeIndex].Name}], watermark=[{ExpressionPrinter.Print(w.WatermarkExpression, w.Input.Schema)}])",
                LogicalSink s => $"LogicalSink(table=[{ObjectNames.FullName(s.TableName)}], fields=[{Fields(s.Input)}])",
                LogicalCollect => "LogicalCollect",
                _ => node.GetType().Name,
            };
        }
        return node switch
        {
            LogicalScan s => ScanDescription(s),
            LogicalCalc c => $"Calc({CalcArguments(c, infix)})",
            LogicalProject p => $"Calc(select=[{ExpressionPrinter.Projections(p.Projections, p.Input.Schema, p.Schema, infix)}])",
            LogicalFilter f => $"Calc(select=[{Fields(f)}], where=[{ExpressionPrinter.Print(f.Condition, f.Input.Schema, infix)}])",
            LogicalUnion u => $"Union(all=[true], union=[{Fields(u)}])",
            LogicalValues v => $"Values(tuples=[{Tuples(v)}])",
            LogicalWatermarkAssigner w => $"WatermarkAssigner(rowtime=[{w.Schema[w.RowtimeIndex].Name}], watermark=[{ExpressionPrinter.Print(w.WatermarkExpression, w.Input.Schema, infix)}])",
            LogicalSink s => $"Sink(table=[{ObjectNames.FullName(s.TableName)}], fields=[{Fields(s.Input)}])",
            LogicalCollect c => $"CollectSink(fields=[{Fields(c)}])",
            _ => node.GetType().Name,
        };
    }

    private static string CalcArguments(LogicalCalc c, bool infix)
    {
        string select = $"select=[{ExpressionPrinter.Projections(c.Projections, c.Input.Schema, c.Schema, infix)}]";
        return c.Condition is null ? select : $"{select}, where=[{ExpressionPrinter.Print(c.Condition, c.Input.Schema, infix)}]";
    }

    private static string ScanDescription(LogicalScan s)
    {
        var suffix = new StringBuilder();
        int physicalCount = s.Table.PhysicalSchema.Count;
        bool allPhysical = s.ProjectedColumns.Count == physicalCount && s.ProjectedColumns.Select((c, i) => c == i).All(b => b);
        if (!allPhysical)
        {
            var names = s.ProjectedColumns.Select(i => s.Table.PhysicalSchema[i].Name).Concat(s.MetadataColumns);
            suffix.Append(", project=[").Append(string.Join(", ", names)).Append(']');
        }
        if (s.MetadataColumns.Count > 0)
        {
            var keys = s.MetadataColumns.Select(n => ((MetadataColumn)s.Table.Columns[s.Table.ColumnIndex(n)]).MetadataKey);
            suffix.Append(", metadata=[").Append(string.Join(", ", keys)).Append(']');
        }
        return $"TableSourceScan(table={TableId(s.TableName, suffix.ToString())}, fields=[{Fields(s)}])";
    }

    private static string Tuples(LogicalValues v) =>
        "[" + string.Join(", ", v.Rows.Select(r => "{ " + string.Join(", ", r.Select(l => l.ToString())) + " }")) + "]";
}
