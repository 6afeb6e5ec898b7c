using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// With <c>table.exec.mini-batch.enabled</c>: every GROUP BY aggregation processes mini-batches, and a
/// <c>MiniBatchAssigner</c> marks their boundaries where its input rows enter the plan — above each watermark assigner,
/// or above the source when there is none — as Flink's <c>MiniBatchIntervalInferRule</c> places it.
/// </summary>
internal static class MiniBatchAssignment
{
    /// <exception cref="SqlValidationException">Mini-batch is enabled without a positive latency or size.</exception>
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots, Configuration configuration, Parser.SourceSpan span)
    {
        if (!configuration.Get(ExecutionConfigOptions.MiniBatchEnabled)) return roots;
        var nodes = PhysicalGraph.InputsFirst(roots);
        if (!nodes.Any(n => n is PhysicalGroupAggregate)) return roots;
        var latency = configuration.Get(ExecutionConfigOptions.MiniBatchAllowLatency);
        long size = configuration.Get(ExecutionConfigOptions.MiniBatchSize);
        if (latency <= TimeSpan.Zero)
            throw new SqlValidationException($"'{ExecutionConfigOptions.MiniBatchAllowLatency.Key}' must be greater than 0 when '{ExecutionConfigOptions.MiniBatchEnabled.Key}' is true", span);
        if (size <= 0)
            throw new SqlValidationException($"'{ExecutionConfigOptions.MiniBatchSize.Key}' must be greater than 0 when '{ExecutionConfigOptions.MiniBatchEnabled.Key}' is true", span);

        // Nodes whose rows reach an aggregation, and the sources that have a watermark assigner above them.
        var feedsAggregate = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        for (int i = nodes.Count - 1; i >= 0; i--)
            if (nodes[i] is PhysicalGroupAggregate || feedsAggregate.Contains(nodes[i]))
                foreach (var input in nodes[i].Inputs) feedsAggregate.Add(input);
        var belowWatermarks = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in nodes)
            if (node is PhysicalWatermarkAssigner w) MarkBelow(w.Input, belowWatermarks);

        // Nodes with an aggregation upstream: an aggregation there gets its rows in mini-batches already, flushed at the
        // boundary that ends them in Flink too, so it takes each as it comes instead of waiting the latency again.
        var afterAggregate = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in nodes)
            if (node.Inputs.Any(i => i is PhysicalGroupAggregate || afterAggregate.Contains(i))) afterAggregate.Add(node);

        var miniBatch = new MiniBatch(latency, size);
        var atOnce = miniBatch with { AllowLatency = TimeSpan.Zero };
        return PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var rebuilt = PhysicalGraph.Over(node, inputs);
            if (rebuilt is PhysicalGroupAggregate aggregate) return aggregate with { MiniBatch = afterAggregate.Contains(node) ? atOnce : miniBatch };
            bool leaf = rebuilt is PhysicalWatermarkAssigner || rebuilt.Inputs.Count == 0 && !belowWatermarks.Contains(node);
            return leaf && feedsAggregate.Contains(node)
                ? new PhysicalMiniBatchAssigner(rebuilt, latency, EventTime: false)
                {
                    Parallelism = rebuilt.Parallelism,
                    Changelog = rebuilt.Changelog,
                    UpsertKeys = rebuilt.UpsertKeys,
                }
                : rebuilt;
        });
    }

    private static void MarkBelow(PhysicalNode node, HashSet<PhysicalNode> marked)
    {
        marked.Add(node);
        if (node is PhysicalCalc calc) MarkBelow(calc.Input, marked);
    }
}
