using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A window table function on its own; see <see cref="WindowTableFunctionSpec"/>.</summary>
public sealed record PhysicalWindowTableFunction(PhysicalNode Input, WindowSpec Window, WindowingStrategy Windowing, RowSchema OutputSchema)
    : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "WindowTableFunction";
    public override string VertexName => "WindowTableFunction";
    public override string Explain(bool infix) => $"WindowTableFunction(window=[{Window.Describe(Windowing.Describe(Input.Schema), Input.Schema)}])";
    public OperatorSpec ToSpec(string description) => new WindowTableFunctionSpec(Window, Windowing, description, Schema, Changelog.ToRuntimeMode());
}
