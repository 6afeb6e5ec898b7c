using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Generates watermarks from <see cref="WatermarkExpression"/> over the input row; rows pass unchanged.</summary>
public sealed record PhysicalWatermarkAssigner(PhysicalNode Input, int RowtimeIndex, ScalarExpr WatermarkExpression) : PhysicalNode
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override Distribution Distribution => Input.Distribution;
    public override string StateSignature => "WatermarkAssigner";
    public override string VertexName => "WatermarkAssigner";
    public override string Explain(bool infix) =>
        $"WatermarkAssigner(rowtime=[{Schema[RowtimeIndex].Name}], watermark=[{ExpressionPrinter.Print(WatermarkExpression, Input.Schema, infix)}])";
}
