using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Plans a <see cref="LogicalSort"/> the way Flink's streaming rules do:
/// <list type="bullet">
/// <item>no ORDER BY: <see cref="PhysicalLimit"/> (StreamPhysicalLimitRule; a rank over an updating input);</item>
/// <item>ORDER BY with LIMIT or OFFSET: <see cref="PhysicalSortLimit"/>, a global Top-N (StreamPhysicalSortLimitRule);</item>
/// <item>ORDER BY a time attribute ascending first, without LIMIT or OFFSET: <see cref="PhysicalTemporalSort"/>
///   (StreamPhysicalTemporalSortRule);</item>
/// <item>any other ORDER BY without LIMIT: refused with Flink's message.</item>
/// </list>
/// In batch mode a LIMIT without ORDER BY runs as in streaming (its output is insert-only) and any ORDER BY sorts the final
/// rows (<see cref="PhysicalBatchSort"/>, Flink's BatchPhysicalSort / BatchPhysicalSortLimit).
/// </summary>
internal static class SortPlanning
{
    public static PhysicalNode Plan(LogicalSort s, PhysicalNode input, TimeSpan stateTtl, bool batch)
    {
        if (s.OrderKeys.Count == 0)
            return new PhysicalLimit(input, s.Offset, s.Fetch) { Parallelism = 1, StateTtl = stateTtl };
        if (batch)
            return new PhysicalBatchSort(input, s.OrderKeys, s.Offset, s.Fetch) { Parallelism = 1 };
        if (s.Fetch is not null || s.Offset > 0)
            return new PhysicalSortLimit(input, s.OrderKeys, s.Offset, s.Fetch) { Parallelism = 1, StateTtl = stateTtl };
        var first = s.OrderKeys[0];
        var time = s.Input.Schema[first.Column].Type;
        // Processing-time order is arrival order; with other keys the rows of one millisecond are ordered by them, as
        // Flink's ProcTimeSortOperator does.
        if (time.IsTimeAttribute && !first.Descending)
            return new PhysicalTemporalSort(input, s.OrderKeys) { Parallelism = 1 };
        throw new SqlValidationException("Sort on a non-time-attribute field is not supported.", s.OrderSpan);
    }
}
