using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalSortLimit: <c>ORDER BY keys LIMIT n [OFFSET m]</c>, a global Top-N on one subtask: the rows
/// ranked m+1..m+n by <see cref="OrderKeys"/>, kept up to date as rows arrive (<c>+I</c> for a row entering the range,
/// <c>-D</c> for the row it pushes out). It runs the Top-N operator (<see cref="RankSpec"/> with no partition keys and no
/// rank number): over an insert-only input Flink's AppendFastStrategy, over an updating one its RetractStrategy, or its
/// UpdateFastStrategy over a GROUP BY whose order keys only move a row up (<see cref="RankUpdateFastStrategy"/>).
/// <c>ORDER BY ... OFFSET m</c> without a LIMIT is one too (Flink's rule takes a fetch or an offset), its
/// <see cref="Fetch"/> null (<c>fetch=[unlimited]</c>): every row past the first m is kept and ranked.
/// </summary>
public sealed record PhysicalSortLimit(PhysicalNode Input, IReadOnlyList<RankOrderKey> OrderKeys, long Offset, long? Fetch)
    : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>Flink's <c>table.exec.state.ttl</c>: the Top-N not written for that long is forgotten; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    private long RankEnd => Fetch is not { } f || f > long.MaxValue - Offset ? long.MaxValue : Offset + f;

    public override string StateSignature =>
        $"SortLimit|order={string.Join(",", OrderKeys.Select(k => $"{Input.Schema[k.Column].Type.WithoutTimeAttribute()}{(k.Descending ? " DESC" : "")}{(k.NullsFirst ? " NULLS FIRST" : "")}"))}"
        + $"|end={RankEnd}|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "SortLimit";

    public string Strategy => RankUpdateFastStrategy.Name(Input, [], OrderKeys);

    public override string Explain(bool infix) =>
        $"SortLimit(orderBy=[{PhysicalRank.OrderText(Input.Schema, OrderKeys)}], offset=[{Offset}], fetch=[{(Fetch is { } f ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}], strategy=[{Strategy}])";

    public override Distribution Distribution => Distribution.Single;

    public override Distribution RequiredDistribution(int input) => Distribution.Single;

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.AllChanges;

    /// <summary>Any input: over updates and deletes the Top-N's retract strategy keeps every row.</summary>
    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;

    public string RequesterName => "StreamPhysicalSortLimit";

    /// <summary>The retract strategy removes the row a <c>-U</c> names, so an updating input must send it.</summary>
    public bool NeedsUpdateBefore => true;

    /// <summary>A Top-1 has at most one row, so the empty key identifies it.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) =>
        Fetch == 1 ? [Array.Empty<int>()] : [];

    public OperatorSpec ToSpec(string description) =>
        new RankSpec([], OrderKeys, RankType.RowNumber, Offset + 1, RankEnd, false, !Input.Changelog.IsInsertOnly, Changelog.HasUpdateBefore, StateTtl, description, Schema)
        {
            UpdateFast = Offset == 0 && RankUpdateFastStrategy.Applies(Input, [], OrderKeys),
            UniqueKey = Offset == 0 ? RankUpdateFastStrategy.UniqueKey(Input, [], OrderKeys) ?? [] : [],
        };
}
