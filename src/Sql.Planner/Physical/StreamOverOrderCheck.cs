using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Streaming: refuses an OVER aggregate whose ORDER BY is not one ascending time attribute, with Flink's message at the
/// ORDER BY. It runs after the changelog check, as Flink's StreamExecOverAggregate checks the ordering when the optimized
/// plan is translated: an OVER over an updating input (a GROUP BY result) is refused for its input first.
/// </summary>
internal static class StreamOverOrderCheck
{
    /// <exception cref="SqlValidationException">An OVER aggregate's ordering cannot run in streaming.</exception>
    public static void Run(IReadOnlyList<PhysicalNode> plan)
    {
        foreach (var node in PhysicalGraph.InputsFirst(plan))
            if (node is PhysicalOverAggregate { OrderError: { } error })
                throw new SqlValidationException(error.Message, error.Span);
    }
}
