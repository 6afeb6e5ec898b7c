using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// A node of the physical plan: an operator (or an exchange) with its traits. The plan is a DAG: a node read by several
/// consumers is one instance, so graphs of these nodes are always walked with reference identity
/// (<see cref="PhysicalGraph"/>). Nodes are immutable; the programs that set traits rebuild the graph.
/// </summary>
/// <remarks>
/// Traits: <see cref="Parallelism"/> is chosen when the node is made; <see cref="Changelog"/> and <see cref="UpsertKeys"/>
/// are set by <c>ChangelogInference</c>; the distribution a node provides follows from its inputs
/// (<see cref="Distribution"/>), the one it requires of each input is <see cref="RequiredDistribution"/>, and
/// <c>EnforceDistribution</c> inserts a <see cref="PhysicalExchange"/> where the two differ.
/// </remarks>
public abstract record PhysicalNode
{
    public abstract RowSchema Schema { get; }
    public abstract IReadOnlyList<PhysicalNode> Inputs { get; }

    /// <summary>The same node over new inputs (same count, same schemas).</summary>
    public abstract PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs);

    /// <summary>Subtasks this operator runs with.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>The changes this node emits.</summary>
    public ChangelogTrait Changelog { get; init; } = ChangelogTrait.InsertOnly;

    /// <summary>Column sets that identify a row of the changelog (Flink's upsert keys): updates and deletes of one key
    /// always carry the same values in these columns. Empty when none is known.</summary>
    public IReadOnlyList<IReadOnlyList<int>> UpsertKeys { get; init; } = [];

    /// <summary>An operator id pinned by the user (<c>/*+ OPERATOR_ID('name') */</c>), or null.</summary>
    public string? PinnedId { get; init; }

    /// <summary>How this node's output rows are spread over its subtasks.</summary>
    public virtual Distribution Distribution => Distribution.Any;

    /// <summary>The distribution this node needs of input <paramref name="input"/>.</summary>
    public virtual Distribution RequiredDistribution(int input) => Distribution.Any;

    /// <summary>Whether the operator keeps state (and so needs an id that survives cosmetic changes of the query).</summary>
    public virtual bool IsStateful => false;

    /// <summary>
    /// What the operator's state looks like, for its stable id: operator kind plus what determines the layout of its state
    /// (key types, aggregate functions and argument types, window sizes), never names or expression text. Stateless
    /// operators return their kind only.
    /// </summary>
    public abstract string StateSignature { get; }

    /// <summary>Whether the operator's state belongs to the rows its inputs send it (aggregates, windows) rather than to
    /// the operator alone (a sink's pending transactions), so its id includes the stateful operators upstream.</summary>
    public virtual bool StateDependsOnInputs => true;

    /// <summary>The node as EXPLAIN prints it, without inputs: <c>Calc(select=[a, b], where=[&gt;(a, 1)])</c>.</summary>
    /// <param name="infix">Expressions in infix form (Flink's execution plan) instead of prefix form (its physical plan).</param>
    public abstract string Explain(bool infix);

    /// <summary>The node's name in job vertex names (<c>Calc</c>, <c>Source: bids</c>).</summary>
    public abstract string VertexName { get; }
}
