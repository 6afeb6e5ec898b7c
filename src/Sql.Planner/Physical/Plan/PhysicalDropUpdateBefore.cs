using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalDropUpdateBefore: between a source that emits full changes (<c>-U</c> and <c>+U</c>) and a
/// consumer that asks for <c>+U</c> only — a ChangelogNormalize over a CDC source with
/// <c>table.exec.source.cdc-events-duplicate</c> — it drops the <c>-U</c> rows, so the consumer sees an update as its new
/// row alone (the ChangelogNormalize then emits <c>-U</c> with its stored row and <c>+U</c>, not a delete and an insert).
/// </summary>
public sealed record PhysicalDropUpdateBefore(PhysicalNode Input) : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override Distribution Distribution => Input.Distribution;
    public override string StateSignature => "DropUpdateBefore";
    public override string VertexName => "DropUpdateBefore";
    public override string Explain(bool infix) => "DropUpdateBefore";

    public OperatorSpec ToSpec(string description) => new DropUpdateBeforeSpec(description, Schema, Changelog.ToRuntimeMode());
}
