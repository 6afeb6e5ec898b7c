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
    /// <summary>The <c>scan.watermark.idle-timeout</c> of the table this assigner's rows come from, when its connector takes
    /// the watermark pushed into it as Flink's kafka source does (Flink ignores the option for other sources); null
    /// when not set there, so <c>table.exec.source.idle-timeout</c> applies.</summary>
    public TimeSpan? PushedDownIdleTimeout
    {
        get
        {
            PhysicalNode node = Input;
            while (node is not PhysicalTableSourceScan && node.Inputs.Count == 1) node = node.Inputs[0];
            if (node is not PhysicalTableSourceScan { Table: var table } || table.Connector is not ("kafka" or "upsert-kafka")) return null;
            return table.Options.TryGetValue(Catalog.WatermarkTableOptions.IdleTimeout.Key, out var text)
                ? Catalog.WatermarkTableOptions.IdleTimeout.Parse(text)
                : null;
        }
    }

    public override string Explain(bool infix) =>
        $"WatermarkAssigner(rowtime=[{Schema[RowtimeIndex].Name}], watermark=[{ExpressionPrinter.Print(WatermarkExpression, Input.Schema, infix)}])";
}
