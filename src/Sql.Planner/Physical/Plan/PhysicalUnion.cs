using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>UNION ALL: merges inputs whose schemas equal <see cref="OutputSchema"/>.</summary>
public sealed record PhysicalUnion(IReadOnlyList<PhysicalNode> Branches, RowSchema OutputSchema) : PhysicalNode
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => Branches;
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Branches = inputs };
    public override string StateSignature => "Union";
    public override string VertexName => "Union";
    public override string Explain(bool infix) => $"Union(all=[true], union=[{ExplainText.Fields(Schema)}])";
}
