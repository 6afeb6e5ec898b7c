using System.Runtime.CompilerServices;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Walks and rewrites physical DAGs by node identity, so a node shared by several consumers stays one node.</summary>
internal static class PhysicalGraph
{
    /// <summary>Every node reachable from <paramref name="roots"/>, each once, inputs before their consumers.</summary>
    public static List<PhysicalNode> InputsFirst(IReadOnlyList<PhysicalNode> roots)
    {
        var order = new List<PhysicalNode>();
        var seen = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        void Visit(PhysicalNode node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!seen.Add(node)) return;
            foreach (var input in node.Inputs) Visit(input);
            order.Add(node);
        }
        foreach (var root in roots) Visit(root);
        return order;
    }

    /// <summary>How many input slots read each node (a union reading one node twice counts two); roots count one each.</summary>
    public static Dictionary<PhysicalNode, int> ConsumerCounts(IReadOnlyList<PhysicalNode> roots)
    {
        var counts = new Dictionary<PhysicalNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var node in InputsFirst(roots))
        {
            counts.TryAdd(node, 0);
            foreach (var input in node.Inputs) counts[input] = counts.GetValueOrDefault(input) + 1;
        }
        foreach (var root in roots) counts[root] += 1;
        return counts;
    }

    /// <summary>
    /// Rebuilds the graph inputs first: <paramref name="rewrite"/> gets each node with its already rewritten inputs (the
    /// node itself is not yet changed) and returns its replacement. Shared nodes are rewritten once.
    /// </summary>
    public static IReadOnlyList<PhysicalNode> Rewrite(IReadOnlyList<PhysicalNode> roots,
        Func<PhysicalNode, IReadOnlyList<PhysicalNode>, PhysicalNode> rewrite)
    {
        var done = new Dictionary<PhysicalNode, PhysicalNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in InputsFirst(roots))
        {
            var inputs = new PhysicalNode[node.Inputs.Count];
            for (int i = 0; i < inputs.Length; i++) inputs[i] = done[node.Inputs[i]];
            done[node] = rewrite(node, inputs);
        }
        return roots.Select(r => done[r]).ToList();
    }

    /// <summary><paramref name="node"/> over <paramref name="inputs"/>, or the node itself when they are the same instances.</summary>
    public static PhysicalNode Over(PhysicalNode node, IReadOnlyList<PhysicalNode> inputs)
    {
        for (int i = 0; i < inputs.Count; i++)
            if (!ReferenceEquals(inputs[i], node.Inputs[i])) return node.WithInputs(inputs);
        return node;
    }
}
