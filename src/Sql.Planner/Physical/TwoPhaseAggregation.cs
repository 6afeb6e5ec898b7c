using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Splits an aggregation into a Local phase before the shuffle and a Global phase after it when
/// <c>table.optimizer.agg-phase-strategy</c> is not ONE_PHASE, the functions have mergeable accumulators
/// (<see cref="AccumulatorLayout.Supports"/>) and the input is not already distributed by the keys. A GROUP BY
/// aggregation also needs mini-batch (Flink's <c>TwoStageOptimizedAggregateRule</c>: the Local phase pre-aggregates each
/// mini-batch); a window aggregation needs event time, slices (not SESSION) and a time attribute rather than window
/// columns (Flink's <c>TwoStageOptimizedWindowAggregateRule</c>: the Local phase pre-aggregates each slice). Runs after
/// changelog inference: the Global phase keeps the aggregation's changelog; the Local phase emits inserts.
/// </summary>
internal static class TwoPhaseAggregation
{
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots, Configuration configuration)
    {
        if (configuration.Get(OptimizerConfigOptions.AggPhaseStrategy) == OptimizerConfigOptions.OnePhase) return roots;
        // Batch mode has no mini-batches (and its GROUP BY already emits once per group, at end of input).
        bool miniBatch = configuration.Get(ExecutionConfigOptions.MiniBatchEnabled) && !BatchModeCheck.IsBatch(configuration);
        return PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var rebuilt = PhysicalGraph.Over(node, inputs);
            switch (rebuilt)
            {
                case PhysicalGroupAggregate { Phase: AggregatePhase.Single } single when miniBatch:
                {
                    bool retracts = single.NeedRetraction;
                    if (!AccumulatorLayout.Supports(single.Calls, retracts) || Distributed(single, single.RequiredDistribution(0))) return rebuilt;
                    return Split(single, retracts);
                }
                case PhysicalWindowAggregate { Phase: AggregatePhase.Single, Legacy: false, Windowing: TimeAttributeWindowing { IsEventTime: true } } window
                    when window.Window.IsSliced && window.Input.Changelog.IsInsertOnly && AccumulatorLayout.Supports(window.Calls, false)
                        && !Distributed(window, window.RequiredDistribution(0)):
                    return Split(window);
                default:
                    return rebuilt;
            }
        });
    }

    private static bool Distributed(PhysicalNode aggregate, Traits.Distribution required) =>
        aggregate.Inputs[0].Distribution.Satisfies(required) && aggregate.Inputs[0].Parallelism == aggregate.Parallelism;

    /// <summary>LocalWindowAggregate (keys, accumulators, <c>$slice_end</c>) → GlobalWindowAggregate reading the slice end.</summary>
    private static PhysicalWindowAggregate Split(PhysicalWindowAggregate single)
    {
        var input = single.Input;
        var layout = AccumulatorLayout.For(single.Calls, input.Schema, inputRetracts: false);
        var localFields = single.Grouping.Select(k => new Field(input.Schema[k].Name, input.Schema[k].Type.WithoutTimeAttribute()))
            .Concat(layout.Fields.Select(f => new Field(f.Name, f.Type)))
            .Append(new Field("$slice_end", SqlType.BigInt.AsNotNull())).ToList();
        var local = single with
        {
            Phase = AggregatePhase.Local,
            Accumulators = layout,
            Properties = [WindowProperty.SliceEnd],
            OutputSchema = new RowSchema(localFields),
            Parallelism = input.Parallelism,
            PinnedId = null,
        };
        int keyCount = single.Grouping.Count;
        return single with
        {
            Input = local,
            Grouping = Enumerable.Range(0, keyCount).ToList(),
            Phase = AggregatePhase.Global,
            Accumulators = layout,
            Windowing = new SliceAttachedWindowing(keyCount + layout.Fields.Count, true) { TimeZone = single.Windowing.AlignmentZone },
        };
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
            PinnedId = null,
            PartialFinal = single.PartialFinal,
        };
        return single with
        {
            Input = local,
            Grouping = Enumerable.Range(0, single.Grouping.Count).ToList(),
            Phase = AggregatePhase.Global,
            Accumulators = layout,
            SplitInputRetracts = retracts,
            // Its input comes in mini-batches already (one per Local flush, at the boundary both phases end at in Flink):
            // it merges each as it arrives rather than waiting a latency of its own.
            MiniBatch = single.MiniBatch is { } m ? m with { AllowLatency = TimeSpan.Zero } : null,
        };
    }
}
