using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's SinkUpsertMaterializer, put before an upsert sink by <see cref="SinkUpsertMaterialization"/> when its input may
/// hold several live rows per sink key: keyed by the sink's primary key (<paramref name="Keys"/>), it keeps every live row
/// of a key and emits upserts by the key (<c>+I</c>, <c>+U</c>, <c>-D</c>), so a retraction of one row does not delete a
/// key that another row still holds; with <see cref="StateTtl"/> (<c>table.exec.state.ttl</c>, as Flink's) a key not
/// written for that long is forgotten. Runtime contract on <see cref="SinkMaterializerSpec"/>.
/// </summary>
public sealed record PhysicalSinkMaterializer(PhysicalNode Input, IReadOnlyList<int> Keys) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];

    public TimeSpan StateTtl { get; init; }
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    public override string StateSignature => $"SinkMaterializer|keys={ExplainText.Types(Input.Schema, Keys)}|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "SinkMaterializer";

    public override string Explain(bool infix) => $"SinkMaterializer(pk=[{string.Join(", ", Keys.Select(k => Input.Schema[k].Name))}])";

    public override Distribution Distribution => Distribution.Hash(Keys);

    public override Distribution RequiredDistribution(int input) => Distribution.Hash(Keys);

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.AllChanges;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;

    public string RequesterName => "StreamPhysicalSink";

    /// <summary>It removes the retracted row from the key's rows, so it needs every <c>-U</c>.</summary>
    public bool NeedsUpdateBefore => true;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [Keys];

    public OperatorSpec ToSpec(string description) => new SinkMaterializerSpec(Keys, StateTtl, description, Schema);
}
