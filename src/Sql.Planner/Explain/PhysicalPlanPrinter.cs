using System.Runtime.CompilerServices;
using System.Text;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Explain;

/// <summary>
/// Prints physical plans as Flink's EXPLAIN does: one node per line, inputs indented under <c>+- </c> (last) or <c>:- </c>;
/// with <c>CHANGELOG_MODE</c> each node ends in <c>changelogMode=[I,UB,UA,D]</c> (a sink in <c>[NONE]</c>). A node read by
/// several consumers is printed once with <c>(reuse_id=[n])</c> and referred to later as <c>Reused(reference_id=[n])</c>.
/// </summary>
public static class PhysicalPlanPrinter
{
    /// <summary>The plans of <paramref name="roots"/> (one per sink), separated by a blank line.</summary>
    /// <param name="infix">Infix expressions (Flink's execution plan) instead of prefix ones (its physical plan).</param>
    public static string Print(IReadOnlyList<PhysicalNode> roots, bool infix, bool changelog)
    {
        var consumers = PhysicalGraph.ConsumerCounts(roots);
        var reuseIds = new Dictionary<PhysicalNode, int>(ReferenceEqualityComparer.Instance);
        var sb = new StringBuilder();
        for (int i = 0; i < roots.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            // A SELECT's result is not a plan node in Flink's physical plan.
            var root = roots[i] is PhysicalCollect collect ? collect.Input : roots[i];
            Write(sb, root, infix, changelog, consumers, reuseIds, "", "");
        }
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, PhysicalNode node, bool infix, bool changelog,
        Dictionary<PhysicalNode, int> consumers, Dictionary<PhysicalNode, int> reuseIds, string firstPrefix, string restPrefix)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        sb.Append(firstPrefix);
        if (reuseIds.TryGetValue(node, out int reference))
        {
            sb.Append("Reused(reference_id=[").Append(reference).Append("])\n");
            return;
        }
        var text = node.Explain(infix);
        if (changelog) text = text[..^1] + ", changelogMode=[" + node.Changelog.ToExplainString() + "])";
        sb.Append(text);
        if (consumers[node] > 1)
        {
            int id = reuseIds.Count + 1;
            reuseIds[node] = id;
            sb.Append("(reuse_id=[").Append(id).Append("])");
        }
        sb.Append('\n');
        var inputs = node.Inputs;
        for (int i = 0; i < inputs.Count; i++)
        {
            bool last = i == inputs.Count - 1;
            Write(sb, inputs[i], infix, changelog, consumers, reuseIds, restPrefix + (last ? "+- " : ":- "), restPrefix + (last ? "   " : ":  "));
        }
    }
}
