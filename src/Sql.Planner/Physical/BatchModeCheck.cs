using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// <c>'execution.runtime-mode' = 'batch'</c>, in two steps around changelog inference.
/// <list type="number">
/// <item><see cref="Prepare"/>: every table must be bounded and insert-only (Flink's rules and messages), and every GROUP BY
///   aggregation emits its final rows at end of input (<see cref="PhysicalGroupAggregate.EmitFinalRowsOnly"/>), so the
///   plan is insert-only as a Flink batch plan is, and append-only sinks take it. Watermark assigners are dropped: the
///   sources' maximum watermark at end of input fires every event-time window over all of its rows.</item>
/// <item><see cref="Run"/>: after <see cref="BatchFinalRows"/> folded every updating result into its final rows, whatever
///   still reads updates (other than a final-rows GROUP BY) is refused, naming the operator, rather than answered with a
///   changelog where Flink's batch mode gives final rows.</item>
/// </list>
/// </summary>
internal static class BatchModeCheck
{
    public static bool IsBatch(Configuration configuration) =>
        string.Equals(configuration.Get(CoreOptions.RuntimeMode), "batch", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="SqlValidationException">A table is unbounded or produces changes other than inserts.</exception>
    public static IReadOnlyList<PhysicalNode> Prepare(IReadOnlyList<PhysicalNode> roots, Configuration configuration, IReadOnlyList<Parser.SourceSpan> rootSpans)
    {
        if (!IsBatch(configuration)) return roots;
        var seen = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < roots.Count; i++) CheckSources(roots[i], rootSpans[i], seen);
        return PhysicalGraph.Rewrite(roots, (node, inputs) => PhysicalGraph.Over(node, inputs) switch
        {
            PhysicalGroupAggregate aggregate => aggregate with { EmitFinalRowsOnly = true },
            PhysicalWindowAggregate window => window with { Batch = true },
            // A batch job has no late rows: its only watermark is the maximum one at end of input, so event-time windows
            // see every row (Flink's batch plans have no watermark assigner either).
            PhysicalWatermarkAssigner assigner => assigner.Input,
            var other => other,
        });
    }

    private static void CheckSources(PhysicalNode node, Parser.SourceSpan span, HashSet<PhysicalNode> seen)
    {
        if (!seen.Add(node)) return;
        foreach (var input in node.Inputs) CheckSources(input, span, seen);
        if (node is not PhysicalTableSourceScan scan) return;
        string table = ObjectNames.FullName(scan.TableName);
        if (!scan.Bounded)
            throw new SqlValidationException($"Querying an unbounded table '{table}' in batch mode is not allowed. The table source is unbounded.", span);
        if (scan.SourceChangelog != Types.ChangelogMode.InsertOnly)
            throw new SqlValidationException(
                "Querying a table in batch mode is currently only possible for INSERT-only table sources. " +
                $"But the source for table '{table}' produces other changelog messages than just INSERT.", span);
    }

    /// <exception cref="SqlValidationException">A node still produces updates.</exception>
    public static void Run(IReadOnlyList<PhysicalNode> roots, Configuration configuration, IReadOnlyList<Parser.SourceSpan> rootSpans)
    {
        if (!IsBatch(configuration)) return;
        var seen = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < roots.Count; i++)
        {
            Visit(roots[i], rootSpans[i], seen);
            if (!roots[i].Changelog.IsInsertOnly) throw Updating(roots[i], rootSpans[i]);
        }
    }

    private static void Visit(PhysicalNode node, Parser.SourceSpan span, HashSet<PhysicalNode> seen)
    {
        if (!seen.Add(node)) return;
        foreach (var input in node.Inputs)
        {
            Visit(input, span, seen);
            if (!input.Changelog.IsInsertOnly && !BatchFinalRows.FoldsUpdates(node)) throw Updating(input, span);
        }
    }

    private static SqlValidationException Updating(PhysicalNode node, Parser.SourceSpan span) => new(
        $"Not supported yet: an updating result ({node.VertexName}) in batch mode, where Flink emits final rows only; " +
        "run it in streaming mode (SET 'execution.runtime-mode' = 'streaming') to get its changelog", span);
}
