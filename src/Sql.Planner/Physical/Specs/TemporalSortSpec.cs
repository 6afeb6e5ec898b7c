using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's temporal sort (see <see cref="Plan.PhysicalTemporalSort"/>): one subtask reads an insert-only input.
/// On event time (<paramref name="IsRowtime"/>) rows are buffered by their rowtime (column <paramref name="TimeColumn"/>)
/// and emitted, ordered by <paramref name="ThenBy"/> within a rowtime (arrival order on ties), when the watermark reaches
/// it; a row whose rowtime is not above the current watermark is late and dropped, as Flink's RowTimeSortOperator does.
/// On processing time the rows pass in arrival order (which is processing-time order); with <paramref name="ThenBy"/> keys
/// they are buffered per millisecond of their processing time and emitted in that order once the clock has left it (the
/// end of input emits the rest).
/// </summary>
public sealed record TemporalSortSpec(int TimeColumn, bool IsRowtime, IReadOnlyList<RankOrderKey> ThenBy, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
