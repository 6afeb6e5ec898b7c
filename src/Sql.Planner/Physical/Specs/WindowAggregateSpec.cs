using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A window aggregation: <c>GROUP BY window_start, window_end, k</c> over a window table function (Flink's WindowAggregate,
/// LocalWindowAggregate, GlobalWindowAggregate), or the older group window <c>GROUP BY TUMBLE(ts, ...)</c> (Flink's
/// GroupWindowAggregate, same contract).
/// <para><b>Input.</b> Single and Global: hash-distributed by <see cref="GroupKeys"/> (a Single edge and parallelism 1
/// without keys). <see cref="Windowing"/> says how a row finds its window; <see cref="Window"/> what the windows are.
/// <see cref="InputChangelog"/> is insert-only for window table functions (Flink refuses updating input there); a group
/// window may see <c>-U</c>/<c>-D</c> rows, which retract from their window (when it has not fired yet).</para>
/// <para><b>Firing.</b> Event time: when the watermark reaches <c>window_end - 1 ms</c>, every key's window emits one
/// <c>+I</c> row — keys, the aggregates over the window's rows, then <see cref="Properties"/> — and windows (slices) no
/// longer needed are dropped from state. HOP and CUMULATE windows merge their slices' accumulators when they fire. A
/// window without rows emits nothing. Rows of a slice that already fired are late: dropped and counted (not an error).
/// Processing time: the same when the processing-time clock passes the window's end. At end of input (a bounded source
/// ends with the maximum watermark) every remaining event-time window fires.</para>
/// <para><b>Output layout.</b> Single and Global: group keys, one column per call, then one column per property.
/// Local: group keys, <see cref="Accumulators"/>, then <see cref="WindowProperty.SliceEnd"/>: it holds no state between
/// slices, pre-aggregating each slice per key and emitting the slice's partial accumulators when the watermark reaches
/// the slice's end (and before a barrier).</para>
/// <para><b>State</b> (Single, Global): per key and slice (or session window) the accumulators; timers per slice end,
/// not per key. <see cref="AggregateCall"/> documents each function.</para>
/// </summary>
public sealed record WindowAggregateSpec(
    IReadOnlyList<int> GroupKeys,
    IReadOnlyList<AggregateCall> Calls,
    WindowSpec Window,
    WindowingStrategy Windowing,
    IReadOnlyList<WindowProperty> Properties,
    AggregatePhase Phase,
    AccumulatorLayout Accumulators,
    ChangelogMode InputChangelog,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly)
{
    /// <summary>A TUMBLE or HOP group window's early and late firings (null: it fires once). With them the output carries
    /// <c>+I</c>, <c>-U</c> and <c>+U</c> rows (see <see cref="WindowEmit"/>) and an event-time window keeps its state
    /// until the watermark passes <c>window_end - 1 ms + AllowLatenessMillis</c>; rows of a window that fired but is still
    /// kept update it rather than being dropped.</summary>
    public WindowEmit? Emit { get; init; }

    /// <summary>A SESSION window table function read without aggregation (Flink's <c>UnalignedWindowTableFunctionOperator</c>):
    /// no calls, <see cref="GroupKeys"/> are its <c>PARTITION BY</c> columns, and each session, when it fires, emits its rows
    /// in arrival order, every input column followed by <c>window_start</c>, <c>window_end</c> and <c>window_time</c>.</summary>
    public bool EmitsRows { get; init; }
}
