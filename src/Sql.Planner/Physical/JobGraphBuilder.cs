using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Physical.Traits;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Lays the physical DAG out as a <see cref="JobGraph"/>: each operator becomes a spec; exchanges become edges
/// (<c>hash[k]</c> a Hash edge with keys <c>k</c>, <c>single</c> a Single edge, <c>broadcast</c> a Broadcast edge); an
/// operator is chained into its input's vertex when it is that input's only consumer, has one input, no exchange in
/// between and the same parallelism. Otherwise the edge is Forward at equal parallelism, Rebalance at another.
/// </summary>
internal sealed class JobGraphBuilder
{
    private sealed class VertexBuilder
    {
        public required int Id;
        public required int Parallelism;
        public readonly List<OperatorSpec> Chain = new();
        public readonly List<string> Names = new();
        public readonly List<JobEdge> Inputs = new();
    }

    private readonly List<VertexBuilder> _vertices = new();
    private readonly Dictionary<PhysicalNode, VertexBuilder> _emitted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<PhysicalNode, int> _consumers;
    private readonly Dictionary<PhysicalNode, string> _ids;

    private JobGraphBuilder(IReadOnlyList<PhysicalNode> roots, Dictionary<PhysicalNode, string> ids)
    {
        _consumers = PhysicalGraph.ConsumerCounts(roots);
        _ids = ids;
    }

    public static JobGraph Build(string name, IReadOnlyList<PhysicalNode> roots, Dictionary<PhysicalNode, string> ids, Configuration configuration)
    {
        var builder = new JobGraphBuilder(roots, ids);
        foreach (var root in roots) builder.Emit(root);
        var vertices = new List<JobVertex>();
        var edges = new List<JobEdge>();
        foreach (var v in builder._vertices)
        {
            vertices.Add(new JobVertex(v.Id, string.Join(" -> ", v.Names), v.Chain, v.Parallelism));
            edges.AddRange(v.Inputs);
        }
        return new JobGraph(name, vertices, edges, configuration);
    }

    /// <summary>Emits <paramref name="node"/> (after its inputs) and returns the vertex whose last operator it is.</summary>
    private VertexBuilder Emit(PhysicalNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_emitted.TryGetValue(node, out var done)) return done;
        if (node is PhysicalExchange)
            throw new InvalidOperationException("an exchange is an edge of its consumer, not an operator");

        VertexBuilder target;
        if (node.Inputs.Count == 1 && node is not PhysicalCollect && Chainable(node, node.Inputs[0]) is { } chained)
        {
            target = chained;
            if (node is PhysicalCalc calc) TellJoinItsReadColumns(target, calc);
        }
        else
        {
            // Inputs first, so every vertex's inputs have smaller ids.
            var producers = node.Inputs.Select(Producer).ToList();
            target = NewVertex(node.Parallelism);
            for (int i = 0; i < producers.Count; i++) Connect(producers[i], target, i, node is PhysicalCollect);
        }
        target.Chain.Add(OperatorSpecs.For(node) with { StableId = _ids[node] });
        target.Names.Add(node.VertexName);
        _emitted[node] = target;
        return target;
    }

    /// <summary>A join whose only consumer is a Calc chained after it emits the columns the Calc reads, the others as
    /// all-null placeholders: the join's output is gathered from its inputs and stored rows, the Calc's only copied.</summary>
    private static void TellJoinItsReadColumns(VertexBuilder vertex, PhysicalCalc calc)
    {
        int last = vertex.Chain.Count - 1;
        if (last < 0 || vertex.Chain[last] is not (JoinSpec or IntervalJoinSpec)) return;
        var used = new SortedSet<int>();
        foreach (var p in calc.Projections) Logical.ExpressionRewriting.CollectInputs(p, used);
        if (calc.Condition is not null) Logical.ExpressionRewriting.CollectInputs(calc.Condition, used);
        var read = new bool[calc.Input.Schema.Count];
        foreach (int c in used) read[c] = true;
        if (used.Count == read.Length) return;
        vertex.Chain[last] = vertex.Chain[last] switch
        {
            JoinSpec j => j with { ReadColumns = read },
            IntervalJoinSpec j => j with { ReadColumns = read },
            var spec => spec,
        };
    }

    /// <summary>The input's vertex when <paramref name="node"/> can run in it, else null.</summary>
    private VertexBuilder? Chainable(PhysicalNode node, PhysicalNode input)
    {
        if (input is PhysicalExchange || _consumers[input] != 1) return null;
        var vertex = Emit(input);
        return vertex.Parallelism == node.Parallelism ? vertex : null;
    }

    /// <summary>The vertex an input's rows come from, and the exchange in between (null: none).</summary>
    private (VertexBuilder Source, ExchangeKind? Kind, IReadOnlyList<int> Keys) Producer(PhysicalNode input) =>
        input is PhysicalExchange e
            ? (Emit(e.Input), KindOf(e.Target), e.Target is HashDistribution h ? h.Keys : Array.Empty<int>())
            : (Emit(input), null, Array.Empty<int>());

    private static void Connect((VertexBuilder Source, ExchangeKind? Kind, IReadOnlyList<int> Keys) producer, VertexBuilder target, int inputIndex, bool toClient)
    {
        var (source, kind, keys) = producer;
        var edgeKind = toClient ? ExchangeKind.Single
            : kind ?? (source.Parallelism == target.Parallelism ? ExchangeKind.Forward : ExchangeKind.Rebalance);
        target.Inputs.Add(new JobEdge(source.Id, target.Id, inputIndex, edgeKind, keys));
    }

    private static ExchangeKind KindOf(Distribution distribution) => distribution switch
    {
        HashDistribution => ExchangeKind.Hash,
        SingleDistribution => ExchangeKind.Single,
        BroadcastDistribution => ExchangeKind.Broadcast,
        _ => ExchangeKind.Rebalance,
    };

    private VertexBuilder NewVertex(int parallelism)
    {
        var v = new VertexBuilder { Id = _vertices.Count, Parallelism = parallelism };
        _vertices.Add(v);
        return v;
    }
}
