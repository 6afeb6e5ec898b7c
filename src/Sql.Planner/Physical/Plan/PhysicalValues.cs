using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Constant rows (<c>VALUES</c>), emitted once by one subtask.</summary>
public sealed record PhysicalValues(IReadOnlyList<IReadOnlyList<Literal>> Rows, RowSchema OutputSchema) : PhysicalNode
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this;
    public override string StateSignature => "Values";
    public override string VertexName => "Values";
    public override string Explain(bool infix) => $"Values(tuples=[{ExplainText.Tuples(Rows)}])";
}
