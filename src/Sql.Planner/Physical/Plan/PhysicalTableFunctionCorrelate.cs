using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A correlate over a user-defined table function; see <see cref="TableFunctionCorrelateSpec"/>.</summary>
public sealed record PhysicalTableFunctionCorrelate(PhysicalNode Input, Call Invocation, RowSchema OutputSchema, bool LeftOuter)
    : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "Correlate";
    public override string VertexName => "Correlate";

    private static readonly RowSchema Positions = new([]);

    /// <summary>Flink's text: the invocation with input positions, the correlate with input names, then the columns.</summary>
    public override string Explain(bool infix) =>
        $"Correlate(invocation=[{ExpressionPrinter.Print(Invocation, Positions)}], "
        + $"correlate=[table({ExpressionPrinter.Print(Invocation, Input.Schema)})], "
        + $"select=[{string.Join(",", Schema.Fields.Select(f => f.Name))}], "
        + $"rowType=[RecordType({string.Join(", ", Schema.Fields.Select(f => $"{f.Type} {f.Name}"))})], joinType=[{(LeftOuter ? "LEFT" : "INNER")}])";

    public OperatorSpec ToSpec(string description) => new TableFunctionCorrelateSpec(Invocation, description, Schema, Changelog.ToRuntimeMode(), LeftOuter);
}
