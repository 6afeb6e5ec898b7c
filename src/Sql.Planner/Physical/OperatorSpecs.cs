using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>The runtime's description of each physical operator: what to compute, with the traits it needs (its
/// changelog in the runtime's <see cref="Types.ChangelogMode"/>), described by the node's EXPLAIN text.</summary>
internal static class OperatorSpecs
{
    public static OperatorSpec For(PhysicalNode node)
    {
        string description = node.Explain(infix: false);
        var changelog = node.Changelog.ToRuntimeMode();
        return node switch
        {
            PhysicalTableSourceScan s => new SourceSpec(s.TableName, s.Table, s.ProjectedColumns, s.MetadataKeys, s.Bounded, description, s.Schema) { Filters = s.Filters },
            PhysicalValues v => new ValuesSpec(v.Rows, description, v.Schema),
            PhysicalCalc c => new CalcSpec(c.Condition, c.Projections, description, c.Schema, changelog),
            PhysicalWatermarkAssigner w => new WatermarkAssignerSpec(w.RowtimeIndex, w.WatermarkExpression, description, w.Schema) { IdleTimeout = w.PushedDownIdleTimeout },
            PhysicalUnion u => new UnionSpec(u.Inputs.Count, description, u.Schema, changelog),
            PhysicalSink s => new SinkSpec(s.TableName, s.Table, s.Input.Changelog.ToRuntimeMode(), description, s.Schema) { Overwrite = s.Overwrite },
            PhysicalCollect c => new CollectSinkSpec(c.Input.Changelog.ToRuntimeMode(), description, c.Schema),
            ISpecSource source => source.ToSpec(description),
            _ => throw new InvalidOperationException($"no operator spec for {node.GetType().Name}"),
        };
    }
}
