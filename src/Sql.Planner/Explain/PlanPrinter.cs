using System.Runtime.CompilerServices;
using System.Text;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Explain;

/// <summary>Prints logical plans (EXPLAIN's abstract syntax tree) as Flink does: one node per line, inputs indented under
/// <c>+- </c> (last) or <c>:- </c>. Physical plans are <see cref="PhysicalPlanPrinter"/>'s.</summary>
public static class PlanPrinter
{
    public static string Print(LogicalNode root)
    {
        var sb = new StringBuilder();
        Write(sb, root, "", "");
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, LogicalNode node, string firstPrefix, string restPrefix)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is LogicalCollect collect)
        {
            // A SELECT's result is not a plan node in Flink's plans.
            Write(sb, collect.Input, firstPrefix, restPrefix);
            return;
        }
        sb.Append(firstPrefix).Append(Describe(node)).Append('\n');
        var inputs = node.Inputs;
        for (int i = 0; i < inputs.Count; i++)
        {
            bool last = i == inputs.Count - 1;
            Write(sb, inputs[i], restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
        }
    }

    private static string TableId(string table) => Physical.Plan.ExplainText.TableId(table);

    private static string Fields(LogicalNode node) => string.Join(", ", node.Schema.Fields.Select(f => f.Name));

    /// <summary>The one-line description of a node (without its inputs).</summary>
    public static string Describe(LogicalNode node) => node switch
    {
        LogicalScan s => $"LogicalTableScan(table={TableId(s.TableName)})",
        LogicalProject p => "LogicalProject(" + string.Join(", ", p.Projections.Select((e, i) => $"{p.Schema[i].Name}=[{ExpressionPrinter.Print(e, p.Input.Schema)}]")) + ")",
        LogicalFilter f => $"LogicalFilter(condition=[{ExpressionPrinter.Print(f.Condition, f.Input.Schema)}])",
        LogicalCalc c => $"LogicalCalc({CalcArguments(c)})",
        LogicalUnion => "LogicalUnion(all=[true])",
        LogicalValues v => $"LogicalValues(tuples=[{Tuples(v)}])",
        LogicalWatermarkAssigner w => $"LogicalWatermarkAssigner(rowtime=[{w.Schema[w.RowtimeIndex].Name}], watermark=[{ExpressionPrinter.Print(w.WatermarkExpression, w.Input.Schema)}])",
        LogicalSink s => $"LogicalSink(table=[{ObjectNames.FullName(s.TableName)}], fields=[{Fields(s.Input)}])",
        LogicalCollect => "LogicalCollect",
        LogicalAggregate a => $"LogicalAggregate({AggregateArguments(a)})",
        LogicalWindowTableFunction w => $"LogicalTableFunctionScan(invocation=[{Invocation(w)}], rowType=[RecordType({string.Join(", ", w.Schema.Fields.Select(f => $"{f.Type} {f.Name}"))})])",
        LogicalWindowAggregate g => $"LogicalWindowAggregate({GroupWindowArguments(g)})",
        LogicalUnnest u => $"LogicalCorrelate(unnest=[{ExpressionPrinter.Print(u.Collection, u.Input.Schema)}]{(u.WithOrdinality ? ", ordinality=[true]" : "")}{(u.LeftOuter ? ", joinType=[left]" : "")})",
        LogicalTableFunctionCorrelate t => $"LogicalCorrelate(invocation=[{ExpressionPrinter.Print(t.Invocation, t.Input.Schema)}], joinType=[{(t.LeftOuter ? "left" : "inner")}])",
        LogicalReplicateRows r => $"LogicalCorrelate(invocation=[$REPLICATE_ROWS$1({Fields(r.Input)})])",
        LogicalLookupJoin j => $"LogicalLookupJoin({LookupJoinArguments(j)})",
        LogicalTemporalJoin t => $"LogicalTemporalJoin(joinType=[{t.JoinType.ToString().ToLowerInvariant()}], leftKeys=[{string.Join(", ", t.LeftKeys.Select(k => "$" + k))}], " +
                                 $"rightKeys=[{string.Join(", ", t.RightKeys.Select(k => "$" + k))}], leftTime=[${t.LeftTimeIndex}], rightTime=[${t.RightTimeIndex}]" +
                                 (t.Condition is null ? "" : $", condition=[{ExpressionPrinter.Print(t.Condition, t.Schema)}]") + ")",
        LogicalJoin j => $"LogicalJoin(condition=[{JoinCondition(j)}], joinType=[{j.JoinType.ToString().ToLowerInvariant()}])",
        LogicalOverAggregate o => $"FlinkLogicalOverAggregate(partitionBy=[{string.Join(", ", o.PartitionKeys.Select(k => "$" + k))}], orderBy=[${o.OrderColumn} ASC], window=[{o.Frame}], "
                                  + $"calls=[{string.Join(", ", o.Calls.Select(c => $"{c.FunctionName}({string.Join(", ", c.ArgIndexes.Select(a => "$" + a))}) AS {c.Name}"))}])",
        LogicalRank r => $"FlinkLogicalRank(rankType=[{Physical.Plan.PhysicalRank.RankTypeName(r.RankType)}], rankRange=[{(r.RankEndColumn >= 0 ? $"rankEnd={r.Input.Schema[r.RankEndColumn].Name}" : $"rankStart={r.RankStart}, rankEnd={r.RankEnd?.ToString() ?? "?"}")}], "
                         + $"partitionBy=[{string.Join(", ", r.PartitionKeys.Select(k => "$" + k))}], orderBy=[{string.Join(", ", r.OrderKeys.Select(k => "$" + k.Column + (k.Descending ? " DESC" : " ASC")))}], select=[{string.Join(", ", r.Schema.Fields.Select(f => f.Name))}])",
        LogicalSort s => "LogicalSort(" + string.Join(", ", s.OrderKeys.Select((k, i) => $"sort{i}=[${k.Column}], dir{i}=[{(k.Descending ? "DESC" : "ASC")}]")
                         .Append(s.Offset > 0 ? $"offset=[{s.Offset}]" : null).Append(s.Fetch is { } f ? $"fetch=[{f}]" : null).OfType<string>()) + ")",
        LogicalMatch m => "FlinkLogical" + Physical.Plan.PhysicalMatch.Text(m.Input.Schema, m),
        _ => node.GetType().Name,
    };

    /// <summary>Calcite's form: <c>group=[{0}], groups=[[{0, 1}, {0}, {}]], EXPR$1=[COUNT(DISTINCT $1) FILTER $2]</c>.</summary>
    /// <summary>A join's keys and residual condition as one condition over the joined row.</summary>
    private static string JoinCondition(LogicalJoin j)
    {
        int leftWidth = j.Left.Schema.Count;
        var terms = new List<ScalarExpr>();
        for (int k = 0; k < j.LeftKeys.Count; k++)
        {
            var l = new InputRef(j.LeftKeys[k], j.JoinedSchema[j.LeftKeys[k]].Type);
            var r = new InputRef(leftWidth + j.RightKeys[k], j.JoinedSchema[leftWidth + j.RightKeys[k]].Type);
            terms.Add(new Call(j.NullSafeKeys ? "IS NOT DISTINCT FROM" : "=", [l, r], SqlType.Boolean));
        }
        if (j.Condition is not null) terms.Add(j.Condition);
        return terms.Count == 0 ? "true" : ExpressionPrinter.Print(ExpressionRewriting.And(terms)!, j.JoinedSchema);
    }

    private static string LookupJoinArguments(LogicalLookupJoin j)
    {
        var dim = j.Table.PhysicalSchema;
        var text = $"table=[{ObjectNames.FullName(j.TableName)}], joinType=[{(j.JoinType == LookupJoinType.Left ? "left" : "inner")}], " +
            $"lookup=[{string.Join(", ", j.Keys.Select(k => dim[k.DimColumn].Name + "=" + ExpressionPrinter.Print(k.Source, j.Input.Schema)))}]";
        return j.Condition is null ? text : text + $", condition=[{ExpressionPrinter.Print(j.Condition, j.Schema)}]";
    }

    /// <summary>Calcite's <c>AggregateCall.toString</c> qualifiers: <c>APPROXIMATE DISTINCT </c> for APPROX_COUNT_DISTINCT.</summary>
    private static string CalciteQualifiers(Physical.AggregateCall call) =>
        (call.Kind == Physical.AggregateFunctionKind.ApproxCountDistinct ? "APPROXIMATE " : "") + (call.PrintsDistinct ? "DISTINCT " : "");

    private static string AggregateArguments(LogicalAggregate a)
    {
        var parts = new List<string> { $"group=[{BitSet(a.GroupKeys)}]" };
        if (a.GroupingSets is not null) parts.Add("groups=[[" + string.Join(", ", a.GroupingSets.Select(BitSet)) + "]]");
        foreach (var call in a.Calls)
        {
            string args = CalciteQualifiers(call) + string.Join(", ", call.ArgIndexes.Select(i => "$" + i));
            string filter = call.FilterArg >= 0 ? $" FILTER ${call.FilterArg}" : "";
            parts.Add($"{call.Name}=[{call.FunctionName}({args}){filter}]");
        }
        return string.Join(", ", parts);
    }

    /// <summary>Calcite's call of a window table function: <c>TUMBLE(DESCRIPTOR($5), 600000:INTERVAL MILLISECOND)</c>.</summary>
    private static string Invocation(LogicalWindowTableFunction w)
    {
        static string Interval(TimeSpan t) => $"{(long)t.TotalMilliseconds}:INTERVAL MILLISECOND";
        string descriptor = $"DESCRIPTOR(${w.TimeColumn})";
        static string Offset(TimeSpan? o) => o is { } t ? ", " + Interval(t) : "";
        return w.Window switch
        {
            Physical.TumbleWindow t => $"TUMBLE({descriptor}, {Interval(t.Size)}{Offset(t.Offset)})",
            Physical.HopWindow h => $"HOP({descriptor}, {Interval(h.Slide)}, {Interval(h.Size)}{Offset(h.Offset)})",
            Physical.CumulateWindow c => $"CUMULATE({descriptor}, {Interval(c.Step)}, {Interval(c.MaxSize)}{Offset(c.Offset)})",
            Physical.SessionWindow s => s.PartitionKeys.Count == 0
                ? $"SESSION({descriptor}, {Interval(s.Gap)})"
                : $"SESSION(PARTITION BY({string.Join(", ", s.PartitionKeys.Select(k => "$" + k))}), {descriptor}, {Interval(s.Gap)})",
            _ => w.Window.ToString(),
        };
    }

    /// <summary><c>group=[{0}], window=[TumblingGroupWindow('w$, ts, 60000)], properties=[w$start, w$end], EXPR$1=[COUNT()]</c>.</summary>
    private static string GroupWindowArguments(LogicalWindowAggregate g)
    {
        string time = g.Input.Schema[g.TimeColumn].Name;
        static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;
        string window = g.Window switch
        {
            Physical.TumbleWindow t => $"TumblingGroupWindow('w$, {time}, {Ms(t.Size)})",
            Physical.HopWindow h => $"SlidingGroupWindow('w$, {time}, {Ms(h.Size)}, {Ms(h.Slide)})",
            Physical.SessionWindow s => $"SessionGroupWindow('w$, {time}, {Ms(s.Gap)})",
            _ => g.Window.ToString(),
        };
        var parts = new List<string> { $"group=[{BitSet(g.GroupKeys)}]", $"window=[{window}]" };
        if (g.Properties.Count > 0)
            parts.Add("properties=[" + string.Join(", ", g.Schema.Fields.Skip(g.GroupKeys.Count + g.Calls.Count).Select(f => f.Name)) + "]");
        foreach (var call in g.Calls)
        {
            string args = CalciteQualifiers(call) + string.Join(", ", call.ArgIndexes.Select(i => "$" + i));
            string filter = call.FilterArg >= 0 ? $" FILTER ${call.FilterArg}" : "";
            parts.Add($"{call.Name}=[{call.FunctionName}({args}){filter}]");
        }
        return string.Join(", ", parts);
    }

    private static string BitSet(IEnumerable<int> columns) => "{" + string.Join(", ", columns.Order()) + "}";

    private static string CalcArguments(LogicalCalc c)
    {
        string select = $"select=[{ExpressionPrinter.Projections(c.Projections, c.Input.Schema, c.Schema)}]";
        return c.Condition is null ? select : $"{select}, where=[{ExpressionPrinter.Print(c.Condition, c.Input.Schema)}]";
    }

    private static string Tuples(LogicalValues v) =>
        "[" + string.Join(", ", v.Rows.Select(r => "{ " + string.Join(", ", r.Select(l => l.ToString())) + " }")) + "]";
}
