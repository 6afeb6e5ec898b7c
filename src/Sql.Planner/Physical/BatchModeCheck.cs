using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// <c>'execution.runtime-mode' = 'batch'</c>: every table must be bounded (Flink's rule), and — since this engine runs a
/// batch job as a streaming job over bounded input — the plan must be insert-only, where both modes give the same rows.
/// An updating plan (GROUP BY, a changelog source) would print or write its changelog where Flink's batch mode gives final
/// rows only, so it is refused rather than answered differently.
/// </summary>
internal static class BatchModeCheck
{
    public static void Run(IReadOnlyList<PhysicalNode> roots, Configuration configuration, IReadOnlyList<Parser.SourceSpan> rootSpans)
    {
        if (!string.Equals(configuration.Get(CoreOptions.RuntimeMode), "batch", StringComparison.OrdinalIgnoreCase)) return;
        var seen = new HashSet<PhysicalNode>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < roots.Count; i++) Visit(roots[i], rootSpans[i], seen);
    }

    private static void Visit(PhysicalNode node, Parser.SourceSpan span, HashSet<PhysicalNode> seen)
    {
        if (!seen.Add(node)) return;
        foreach (var input in node.Inputs) Visit(input, span, seen);
        if (node is PhysicalTableSourceScan { Bounded: false } scan)
            throw new SqlValidationException($"Querying an unbounded table '{ObjectNames.FullName(scan.TableName)}' in batch mode is not allowed. The table source is unbounded.", span);
        if (!node.Changelog.IsInsertOnly)
            throw new SqlValidationException(
                $"Not supported yet: an updating result ({node.VertexName}) in batch mode, where Flink emits final rows only; " +
                "run it in streaming mode (SET 'execution.runtime-mode' = 'streaming') to get its changelog", span);
    }
}
