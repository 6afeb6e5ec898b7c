using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalLimit: <c>LIMIT n [OFFSET m]</c> (or <c>FETCH FIRST n ROWS ONLY</c>) without ORDER BY, on a
/// single subtask: over an insert-only input the rows after the first <see cref="Offset"/>, up to <see cref="Fetch"/> of
/// them, insert-only; later rows are dropped. The source keeps running (as Flink: a limit does not stop its input), so the
/// query ends when its input does. Flink's rank-based limit over an updating input is not built (its RetractStrategy).
/// Runtime contract on <see cref="LimitSpec"/>.
/// </summary>
public sealed record PhysicalLimit(PhysicalNode Input, long Offset, long? Fetch) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    public override string StateSignature => $"Limit|offset={Offset}|fetch={Fetch}";

    public override string VertexName => "Limit";

    public override string Explain(bool infix) => $"Limit(offset=[{Offset}], fetch=[{(Fetch is { } f ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}])";

    public override Distribution Distribution => Distribution.Single;

    public override Distribution RequiredDistribution(int input) => Distribution.Single;

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalLimit";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) => new LimitSpec(Offset, Fetch, description, Schema);
}
