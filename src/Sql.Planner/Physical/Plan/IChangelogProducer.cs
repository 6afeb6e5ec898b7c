using StreamSql.Sql.Planner.Physical.Traits;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A node that makes its own changelog rather than forwarding its inputs' (aggregates, windows, deduplication).</summary>
public interface IChangelogProducer
{
    /// <summary>What the node emits given what its inputs emit.</summary>
    ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs);

    /// <summary>What the node accepts from each input.</summary>
    ModifyKindSet RequiredInputKinds { get; }

    /// <summary>The name errors use for this node as a consumer (Flink's: <c>StreamPhysicalWindowAggregate</c>).</summary>
    string RequesterName { get; }

    /// <summary>Whether the node needs <c>-U</c> rows of an updating input (to retract what it holds).</summary>
    bool NeedsUpdateBefore { get; }

    /// <summary>The node's upsert keys given its inputs'.</summary>
    IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs);
}
