using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A correlate over UNNEST; see <see cref="UnnestSpec"/>.</summary>
public sealed record PhysicalUnnest(PhysicalNode Input, ScalarExpr Collection, bool WithOrdinality, RowSchema OutputSchema, bool LeftOuter = false)
    : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "Correlate";
    public override string VertexName => "Correlate";

    public override string Explain(bool infix) =>
        $"Correlate(invocation=[UNNEST({ExpressionPrinter.Print(Collection, Input.Schema)}){(WithOrdinality ? " WITH ORDINALITY" : "")}], "
        + $"select=[{string.Join(", ", Schema.Fields.Select(f => f.Name))}], joinType=[{(LeftOuter ? "LEFT" : "INNER")}])";

    public OperatorSpec ToSpec(string description) => new UnnestSpec(Collection, WithOrdinality, description, Schema, Changelog.ToRuntimeMode(), LeftOuter);
}
