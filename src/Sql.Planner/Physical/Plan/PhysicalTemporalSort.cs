using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalTemporalSort: <c>ORDER BY time_attribute [ASC], ...</c> without LIMIT, on one subtask,
/// insert-only: on event time rows are emitted in rowtime order as the watermark passes them (then by the other keys);
/// on processing time in arrival order, the rows of one millisecond ordered by the other keys when there are any (then
/// held until the millisecond is over, as Flink's ProcTimeSortOperator). Runtime contract on <see cref="TemporalSortSpec"/>.
/// </summary>
public sealed record PhysicalTemporalSort(PhysicalNode Input, IReadOnlyList<RankOrderKey> OrderKeys) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    private bool IsRowtime => Input.Schema[OrderKeys[0].Column].Type.IsRowtime;

    public override bool IsStateful => IsRowtime || OrderKeys.Count > 1;

    public override string StateSignature =>
        $"TemporalSort|order={string.Join(",", OrderKeys.Select(k => $"{Input.Schema[k.Column].Type.WithoutTimeAttribute()}{(k.Descending ? " DESC" : "")}{(k.NullsFirst ? " NULLS FIRST" : "")}"))}"
        + $"|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "TemporalSort";

    public override string Explain(bool infix) => $"TemporalSort(orderBy=[{PhysicalRank.OrderText(Input.Schema, OrderKeys)}])";

    public override Distribution Distribution => Distribution.Single;

    public override Distribution RequiredDistribution(int input) => Distribution.Single;

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalTemporalSort";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) =>
        new TemporalSortSpec(OrderKeys[0].Column, IsRowtime, OrderKeys.Skip(1).ToList(), description, Schema);
}
