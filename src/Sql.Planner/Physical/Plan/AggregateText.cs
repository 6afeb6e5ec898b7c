using System.Text;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>How Flink's plans print aggregations (its <c>RelExplainUtil</c>): <c>groupBy=[a], select=[a, COUNT(*) AS cnt]</c>.</summary>
internal static class AggregateText
{
    /// <summary><c>SUM_RETRACT(DISTINCT b) FILTER $f2</c>: a call over input columns.</summary>
    public static string Call(AggregateCall call, RowSchema input, bool retract)
    {
        var sb = new StringBuilder(call.FunctionName);
        if (retract) sb.Append("_RETRACT");
        sb.Append('(');
        if (call.PrintsDistinct) sb.Append(call.ArgIndexes.Count > 0 ? "DISTINCT " : "DISTINCT");
        // RANK and DENSE_RANK read the order column, which Flink's plans do not show.
        bool star = call.ArgIndexes.Count == 0 || call.Kind is AggregateFunctionKind.Rank or AggregateFunctionKind.DenseRank;
        sb.Append(star ? "*" : string.Join(", ", call.ArgIndexes.Select(a => input[a].Name)));
        sb.Append(')');
        if (call.FilterArg >= 0) sb.Append(" FILTER ").Append(input[call.FilterArg].Name);
        return sb.ToString();
    }

    /// <summary>A Local phase's accumulators of a call as its output names: <c>sum$0</c> or <c>(sum$1, count$2)</c>.</summary>
    public static string Accumulators(IReadOnlyList<AccumulatorField> fields) =>
        fields.Count == 1 ? fields[0].Name : "(" + string.Join(", ", fields.Select(f => f.Name)) + ")";

    /// <summary><c>groupBy=[a, b], </c> (empty without keys) followed by <c>select=[...]</c> of the given items.</summary>
    public static string GroupAndSelect(RowSchema input, IReadOnlyList<int> grouping, RowSchema output, IEnumerable<string> items)
    {
        var select = new List<string>();
        for (int i = 0; i < grouping.Count; i++)
        {
            string name = input[grouping[i]].Name;
            select.Add(name == output[i].Name ? name : $"{name} AS {output[i].Name}");
        }
        select.AddRange(items);
        string group = grouping.Count == 0 ? "" : $"groupBy=[{ExplainText.Names(input, grouping)}], ";
        return $"{group}select=[{string.Join(", ", select)}]";
    }

    /// <summary>
    /// The shape of the calls' state for stable ids: function, DISTINCT, FILTER, argument and result types. A Global phase's
    /// calls index the Local phase's input, not the accumulator rows it reads: there each call's accumulator types stand in
    /// for its argument types.
    /// </summary>
    public static string Signature(IReadOnlyList<AggregateCall> calls, AggregatePhase phase, RowSchema input, AccumulatorLayout accumulators)
    {
        if (phase != AggregatePhase.Global) return Signature(calls, input);
        var sb = new StringBuilder();
        for (int i = 0; i < calls.Count; i++)
        {
            var c = calls[i];
            sb.Append(c.StateName).Append('(');
            if (c.Distinct) sb.Append("DISTINCT ");
            sb.Append(string.Join(",", accumulators.Of(i).Select(f => f.Type.WithNullable(true)))).Append(')');
            if (c.FilterArg >= 0) sb.Append(" FILTER");
            sb.Append(':').Append(c.ResultType.WithNullable(true)).Append(';');
        }
        return sb.ToString();
    }

    private static string Signature(IReadOnlyList<AggregateCall> calls, RowSchema input)
    {
        var sb = new StringBuilder();
        foreach (var c in calls)
        {
            sb.Append(c.StateName).Append('(');
            if (c.Distinct) sb.Append("DISTINCT ");
            sb.Append(ExplainText.Types(input, c.ArgIndexes)).Append(')');
            if (c.FilterArg >= 0) sb.Append(" FILTER");
            sb.Append(':').Append(c.ResultType.WithNullable(true)).Append(';');
        }
        return sb.ToString();
    }
}
