using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>How records travel along an edge between two vertices.</summary>
public enum ExchangeKind
{
    /// <summary>Subtask i sends to subtask i; both sides have the same parallelism.</summary>
    Forward,
    /// <summary>Rows go to the subtask that owns their key group (hash of <see cref="JobEdge.HashKeys"/>).</summary>
    Hash,
    /// <summary>Every row goes to every downstream subtask.</summary>
    Broadcast,
    /// <summary>Everything goes to one downstream subtask (parallelism 1).</summary>
    Single,
    /// <summary>Round-robin across downstream subtasks.</summary>
    Rebalance,
}

/// <summary>A chain of operators that run in one subtask with no exchange between them. The first operator is fed by
/// the vertex's input edges (or is a source); each next operator consumes the previous one's output.</summary>
public sealed record JobVertex(int Id, string Name, IReadOnlyList<OperatorSpec> Chain, int Parallelism)
{
    public OperatorSpec Head => Chain[0];
    public OperatorSpec Tail => Chain[^1];
}

/// <summary>An edge from <see cref="SourceVertex"/>'s output to input number <see cref="TargetInput"/> of <see cref="TargetVertex"/>'s head operator.</summary>
public sealed record JobEdge(int SourceVertex, int TargetVertex, int TargetInput, ExchangeKind Kind, IReadOnlyList<int> HashKeys);

/// <summary>The physical job: vertices, edges and the settings it runs with. Produced by the planner; run by Execution.</summary>
public sealed record JobGraph(string Name, IReadOnlyList<JobVertex> Vertices, IReadOnlyList<JobEdge> Edges, Config.Configuration Configuration)
{
    public IEnumerable<JobEdge> InputsOf(int vertexId) => Edges.Where(e => e.TargetVertex == vertexId).OrderBy(e => e.TargetInput);
    public IEnumerable<JobEdge> OutputsOf(int vertexId) => Edges.Where(e => e.SourceVertex == vertexId);
    public JobVertex Vertex(int id) => Vertices.First(v => v.Id == id);
}
