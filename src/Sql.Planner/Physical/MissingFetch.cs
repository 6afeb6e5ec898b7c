using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// An <c>OFFSET m</c> without <c>LIMIT</c>/<c>FETCH</c> in streaming mode (<c>SELECT * FROM t OFFSET 2</c>,
/// <c>... ORDER BY x OFFSET 2</c>): Flink plans it (EXPLAIN shows <c>fetch=[unlimited]</c>) but StreamExecLimit and
/// StreamExecSortLimit refuse it when the job is built, so it is refused here when a job is compiled, not for EXPLAIN.
/// Batch mode runs it.
/// </summary>
internal static class MissingFetch
{
    public static void Refuse(IEnumerable<LogicalNode> roots)
    {
        foreach (var root in roots) Visit(root);
    }

    private static void Visit(LogicalNode node)
    {
        if (node is LogicalSort { Fetch: null, Offset: > 0 } sort)
            throw new SqlValidationException("FETCH is missed, which on streaming table is not supported currently.", sort.OffsetSpan);
        foreach (var input in node.Inputs) Visit(input);
    }
}
