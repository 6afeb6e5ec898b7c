using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The physical phase: optimized logical plans (one per sink) → physical DAG with traits → <see cref="JobGraph"/>.
/// <list type="number">
/// <item><see cref="LogicalToPhysical"/>: one operator per logical node, parallelism chosen.</item>
/// <item><see cref="SubplanReuse"/>: equal sub-plans become one (views, CTEs, statement sets read a source once).</item>
/// <item><see cref="BatchModeCheck"/> (batch mode: bounded insert-only tables, aggregations emit final rows), then
/// <see cref="ChangelogInference"/>: changelog traits; sinks refuse changes they cannot take; <see cref="SinkUpsertMaterialization"/> puts a
/// SinkUpsertMaterializer before an upsert sink whose input is not unique by its key; then <see cref="StreamOverOrderCheck"/>
/// (an OVER ordering that cannot run in streaming, reported after the changelog check as Flink does).</item>
/// <item><see cref="MiniBatchAssignment"/> and <see cref="TwoPhaseAggregation"/>: mini-batches, local/global aggregation.</item>
/// <item><see cref="EnforceDistribution"/>: exchanges where a required distribution is not met.</item>
/// <item><see cref="OrderedValuesUnion"/> (not shown by EXPLAIN), <see cref="StableIds"/> and <see cref="JobGraphBuilder"/>.</item>
/// </list>
/// </summary>
internal sealed class PhysicalPlanner
{
    private readonly IConnectorCatalog _connectors;
    private readonly Configuration _configuration;

    public PhysicalPlanner(IConnectorCatalog connectors, Configuration configuration)
    {
        _connectors = connectors;
        _configuration = configuration;
    }

    /// <summary>The physical plan of <paramref name="roots"/>; <paramref name="rootSpans"/> say where each root's statement is.</summary>
    public IReadOnlyList<PhysicalNode> Optimize(IReadOnlyList<LogicalNode> roots, IReadOnlyList<Parser.SourceSpan> rootSpans)
    {
        var translator = new LogicalToPhysical(_connectors, _configuration);
        IReadOnlyList<PhysicalNode> plan = roots.Select((root, i) => translator.Translate(root, rootSpans[i])).ToList();
        plan = SubplanReuse.Run(plan);
        plan = BatchModeCheck.Prepare(plan, _configuration, rootSpans);
        plan = ChangelogInference.Run(plan, rootSpans, checkRequirements: !BatchModeCheck.IsBatch(_configuration));
        // Flink's batch mode writes final rows only: what would update is folded into its final rows, and no materializer.
        if (BatchModeCheck.IsBatch(_configuration)) plan = BatchFinalRows.Run(plan, p => ChangelogInference.Run(p, rootSpans));
        else
        {
            plan = SinkUpsertMaterialization.Run(plan, _configuration, out bool materialized);
            if (materialized) plan = ChangelogInference.Run(plan, rootSpans);
        }
        BatchModeCheck.Run(plan, _configuration, rootSpans);
        if (!BatchModeCheck.IsBatch(_configuration)) StreamOverOrderCheck.Run(plan);
        // Flink's batch mode has no mini-batches: its aggregations see all of their input before they emit.
        if (!BatchModeCheck.IsBatch(_configuration)) plan = MiniBatchAssignment.Run(plan, _configuration, rootSpans[0]);
        plan = TwoPhaseAggregation.Run(plan, _configuration);
        AggregateRetractionCheck.Run(plan, rootSpans);
        plan = EnforceDistribution.Run(plan);
        return SubplanReuse.Run(plan);
    }

    /// <summary>The job graph of <paramref name="plan"/> (as <see cref="Optimize"/> made it, which EXPLAIN prints), after
    /// the rewrites that change how the plan runs but not what EXPLAIN shows (<see cref="OrderedValuesUnion"/>).</summary>
    public JobGraph Build(string name, IReadOnlyList<PhysicalNode> plan)
    {
        plan = OrderedValuesUnion.Run(plan);
        return JobGraphBuilder.Build(name, plan, StableIds.Assign(plan), PrintChangelogBatching.Apply(plan, _configuration));
    }
}
