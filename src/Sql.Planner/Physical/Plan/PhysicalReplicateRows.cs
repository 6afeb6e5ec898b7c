using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A correlate over Flink's <c>$REPLICATE_ROWS$</c>; see <see cref="ReplicateRowsSpec"/>.</summary>
public sealed record PhysicalReplicateRows(PhysicalNode Input, RowSchema OutputSchema) : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "Correlate";
    public override string VertexName => "Correlate";

    public override string Explain(bool infix) =>
        $"Correlate(invocation=[$REPLICATE_ROWS$1({string.Join(", ", Input.Schema.Fields.Select(f => f.Name))})], "
        + $"select=[{string.Join(", ", Schema.Fields.Select(f => f.Name))}], joinType=[INNER])";

    public OperatorSpec ToSpec(string description) => new ReplicateRowsSpec(description, Schema, Changelog.ToRuntimeMode());
}
