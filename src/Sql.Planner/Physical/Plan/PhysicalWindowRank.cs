using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalWindowRank: <c>ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY ...)</c>
/// filtered to ranks <see cref="RankStart"/>..<see cref="RankEnd"/>, where window_start and window_end come from a
/// window table function (directly or through a window aggregation). The rows of each window and partition are kept
/// until the watermark passes the window's end, then its top rows are emitted once, insert-only. The window columns
/// are not in <see cref="PartitionKeys"/> (rows are distributed by the other keys); <see cref="Windowing"/> names them.
/// Runtime contract on <see cref="WindowRankSpec"/>.
/// </summary>
public sealed record PhysicalWindowRank(
    PhysicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    IReadOnlyList<RankOrderKey> OrderKeys,
    long RankStart,
    long RankEnd,
    bool OutputRankNumber,
    WindowSpec Window,
    WindowAttachedWindowing Windowing,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>The keys a window's rows are kept and distributed by: <see cref="PartitionKeys"/>, and for a SESSION window
    /// its window_start too, since sessions of different keys may end at the same time (Flink keys them by the end alone).
    /// Distributed by window_start only beside other keys: without them one subtask ranks all rows, as Flink's.</summary>
    public IReadOnlyList<int> StateKeys => Window.IsSliced ? PartitionKeys : [.. PartitionKeys, Windowing.StartColumn];

    public override string StateSignature =>
        $"WindowRank|keys={ExplainText.Types(Input.Schema, StateKeys)}|{Window.Signature}|order={string.Join(",", OrderKeys.Select(k => $"{Input.Schema[k.Column].Type.WithoutTimeAttribute()}{(k.Descending ? " DESC" : "")}{(k.NullsFirst ? " NULLS FIRST" : "")}"))}"
        + $"|end={RankEnd}|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "WindowRank";

    public override string Explain(bool infix) =>
        $"WindowRank(window=[{Window.Describe(Windowing.Describe(Input.Schema), Input.Schema)}], rankType=[ROW_NUMBER], "
        + $"rankRange=[rankStart={RankStart}, rankEnd={RankEnd}], partitionBy=[{ExplainText.Names(Input.Schema, PartitionKeys)}], "
        + $"orderBy=[{PhysicalRank.OrderText(Input.Schema, OrderKeys)}], select=[{ExplainText.Fields(Schema)}])";

    public override Distribution Distribution => PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(StateKeys);

    public override Distribution RequiredDistribution(int input) => Distribution;

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalWindowRank";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) =>
        new WindowRankSpec(StateKeys, OrderKeys, RankStart, RankEnd, OutputRankNumber, TiesReplace: false, Windowing, description, Schema);
}
