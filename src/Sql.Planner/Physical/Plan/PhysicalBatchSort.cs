using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Batch mode's ORDER BY [LIMIT]: Flink's BatchPhysicalSort (<c>Sort(orderBy=[...])</c>) or global
/// BatchPhysicalSortLimit (<c>SortLimit(orderBy=[...], offset=[0], fetch=[10], global=[true])</c>) on one subtask, the
/// final rows sorted at end of input, insert-only. Runtime contract on <see cref="BatchSortSpec"/>.
/// </summary>
public sealed record PhysicalBatchSort(PhysicalNode Input, IReadOnlyList<RankOrderKey> OrderKeys, long Offset, long? Fetch)
    : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override string StateSignature => "BatchSort";

    public override string VertexName => Fetch is null && Offset == 0 ? "Sort" : "SortLimit";

    public override string Explain(bool infix) => Fetch is null && Offset == 0
        ? $"Sort(orderBy=[{PhysicalRank.OrderText(Input.Schema, OrderKeys)}])"
        : $"SortLimit(orderBy=[{PhysicalRank.OrderText(Input.Schema, OrderKeys)}], offset=[{Offset}], fetch=[{(Fetch is { } f ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}], global=[true])";

    public override Distribution Distribution => Distribution.Single;

    public override Distribution RequiredDistribution(int input) => Distribution.Single;

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "BatchPhysicalSort";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) => new BatchSortSpec(OrderKeys, Offset, Fetch, description, Schema);
}
