using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A window table function on its own (<c>SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' MINUTES))</c>):
/// every input row comes out with three more columns, <c>window_start</c>, <c>window_end</c> (TIMESTAMP(3), or
/// TIMESTAMP_LTZ(3) for an LTZ time attribute, NOT NULL) and <c>window_time</c> (<c>end - 1 ms</c>, the time attribute's
/// type: an event-time attribute downstream), once per window it belongs to (HOP: <c>size / slide</c> rows, CUMULATE: one
/// per window up to the max size that contains it). The row kind is kept. Stateless: rows are not held until windows end.
/// </summary>
/// <param name="Windowing">Always a <see cref="TimeAttributeWindowing"/>.</param>
public sealed record WindowTableFunctionSpec(WindowSpec Window, WindowingStrategy Windowing, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
