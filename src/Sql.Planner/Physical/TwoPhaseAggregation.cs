using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Splits a GROUP BY aggregation into a Local phase before the shuffle and a Global phase after it (Flink's
/// <c>TwoStageOptimizedAggregateRule</c>) when <c>table.optimizer.agg-phase-strategy</c> is not ONE_PHASE, mini-batch is
/// enabled (the Local phase pre-aggregates each mini-batch), the functions have mergeable accumulators
/// (<see cref="AccumulatorLayout.Supports"/>), and the input is not already distributed by the keys. Runs after changelog
/// inference: the Global phase keeps the aggregation's changelog; the Local phase emits inserts.
/// </summary>
internal static class TwoPhaseAggregation
{
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots, Configuration configuration)
    {
        if (configuration.Get(OptimizerConfigOptions.AggPhaseStrategy) == OptimizerConfigOptions.OnePhase) return roots;
        if (!configuration.Get(ExecutionConfigOptions.MiniBatchEnabled)) return roots;
        return PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var rebuilt = PhysicalGraph.Over(node, inputs);
            if (rebuilt is not PhysicalGroupAggregate { Phase: AggregatePhase.Single } single) return rebuilt;
            bool retracts = single.NeedRetraction;
            if (!AccumulatorLayout.Supports(single.Calls, retracts)) return rebuilt;
            var required = single.RequiredDistribution(0);
            if (single.Input.Distribution.Satisfies(required) && single.Input.Parallelism == single.Parallelism) return rebuilt;
            return Split(single, retracts);
        });
    }

    private static PhysicalGroupAggregate Split(PhysicalGroupAggregate single, bool retracts)
    {
        var input = single.Input;
        var layout = AccumulatorLayout.For(single.Calls, input.Schema, retracts);
        var localFields = single.Grouping.Select(k => new Field(input.Schema[k].Name, input.Schema[k].Type.WithoutTimeAttribute()))
            .Concat(layout.Fields.Select(f => new Field(f.Name, f.Type))).ToList();
        var local = new PhysicalGroupAggregate(input, single.Grouping, single.Calls, AggregatePhase.Local, new RowSchema(localFields))
        {
            Accumulators = layout,
            SplitInputRetracts = retracts,
            MiniBatch = single.MiniBatch,
            Parallelism = input.Parallelism,
            Changelog = Traits.ChangelogTrait.InsertOnly,
        };
        return single with
        {
            Input = local,
            Grouping = Enumerable.Range(0, single.Grouping.Count).ToList(),
            Phase = AggregatePhase.Global,
            Accumulators = layout,
            SplitInputRetracts = retracts,
        };
    }
}
