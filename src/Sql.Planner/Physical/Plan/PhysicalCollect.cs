using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Hands a SELECT's rows to the client. Not printed by EXPLAIN (Flink shows the query's root instead).</summary>
public sealed record PhysicalCollect(PhysicalNode Input) : PhysicalNode
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "CollectSink";
    public override string VertexName => "CollectSink";
    public override string Explain(bool infix) => $"CollectSink(fields=[{ExplainText.Fields(Schema)}])";
}
