using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Redistributes rows between subtasks as <see cref="Target"/> says; becomes a <see cref="JobEdge"/>, not an operator.
/// Inserted by <c>EnforceDistribution</c> only.</summary>
public sealed record PhysicalExchange(PhysicalNode Input, Distribution Target) : PhysicalNode
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override Distribution Distribution => Target;
    public override string StateSignature => "Exchange";
    public override string VertexName => "Exchange";
    public override string Explain(bool infix) => $"Exchange(distribution=[{Target.Describe(Schema)}])";
}
