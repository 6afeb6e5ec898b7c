using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Marks mini-batch boundaries for the operators downstream that buffer mini-batches (<see cref="MiniBatch"/>). Rows pass
/// unchanged. In processing-time mode a boundary is marked every <see cref="Interval"/> of processing time (Flink's
/// ProcTimeMiniBatchAssigner); in event-time mode at watermarks, at most one per <see cref="Interval"/> of event time.
/// Until the runtime has a boundary element, passing rows through and letting each mini-batch operator end its batches
/// by its own <see cref="MiniBatch.AllowLatency"/> timer gives the same results.
/// </summary>
public sealed record MiniBatchAssignerSpec(TimeSpan Interval, bool EventTime, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
