using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalWindowDeduplicate: the Top-1 of <c>ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k
/// ORDER BY rowtime [DESC])</c> over a window table function's rows: per window and key the row with the smallest
/// rowtime (keep first; ties keep the earlier row) or the largest (keep last; ties go to the later row), emitted once
/// as <c>+I</c> when the watermark passes the window's end. A selected rank number is the constant 1.
/// Runtime contract on <see cref="WindowRankSpec"/>.
/// </summary>
public sealed record PhysicalWindowDeduplicate(
    PhysicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    int OrderColumn,
    bool KeepLastRow,
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
        $"WindowDeduplicate|keys={ExplainText.Types(Input.Schema, StateKeys)}|{Window.Signature}|keep={(KeepLastRow ? "last" : "first")}"
        + $"|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "WindowDeduplicate";

    public override string Explain(bool infix) =>
        $"WindowDeduplicate(window=[{Window.Describe(Windowing.Describe(Input.Schema), Input.Schema)}], keep=[{(KeepLastRow ? "LastRow" : "FirstRow")}], "
        + $"partitionKeys=[{ExplainText.Names(Input.Schema, PartitionKeys)}], orderKey=[{Input.Schema[OrderColumn].Name}], order=[ROWTIME])";

    public override Distribution Distribution => PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(StateKeys);

    public override Distribution RequiredDistribution(int input) => Distribution;

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalWindowDeduplicate";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) =>
        new WindowRankSpec(StateKeys, [new RankOrderKey(OrderColumn, KeepLastRow, NullsFirst: !KeepLastRow)], 1, 1, OutputRankNumber,
            TiesReplace: KeepLastRow, Windowing, description, Schema);
}
