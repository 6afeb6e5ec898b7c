using System.Text;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Makes equal sub-plans one (Flink's <c>SubplanReuser</c>): two nodes that describe the same operator over the same
/// inputs become one node whose output feeds both consumers, so a view, a CTE or a table read by several INSERTs of a
/// statement set is computed once. Sinks are never merged.
/// </summary>
internal static class SubplanReuse
{
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots)
    {
        var canonical = new Dictionary<string, PhysicalNode>(StringComparer.Ordinal);
        var numbers = new Dictionary<PhysicalNode, int>(ReferenceEqualityComparer.Instance);
        return PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var rebuilt = PhysicalGraph.Over(node, inputs);
            if (rebuilt is PhysicalSink or PhysicalCollect) return rebuilt;
            string digest = Digest(rebuilt, numbers);
            if (canonical.TryGetValue(digest, out var existing)) return existing;
            canonical[digest] = rebuilt;
            numbers[rebuilt] = numbers.Count;
            return rebuilt;
        });
    }

    /// <summary>What makes two nodes the same: kind, description, output types, traits and the identity of the inputs.</summary>
    private static string Digest(PhysicalNode node, Dictionary<PhysicalNode, int> numbers)
    {
        var sb = new StringBuilder();
        sb.Append(node.GetType().Name).Append('|').Append(node.Explain(infix: false)).Append('|').Append(node.Schema)
          .Append('|').Append(node.Parallelism).Append('|').Append(node.Changelog).Append('|').Append(node.PinnedId);
        // Two reads of a table with different options (an OPTIONS hint) explain alike but are different sources.
        if (node is PhysicalTableSourceScan scan)
            foreach (var (key, value) in scan.Table.Options.OrderBy(o => o.Key, StringComparer.Ordinal)) sb.Append('|').Append(key).Append('=').Append(value);
        foreach (var input in node.Inputs) sb.Append('|').Append(numbers[input]);
        return sb.ToString();
    }
}
