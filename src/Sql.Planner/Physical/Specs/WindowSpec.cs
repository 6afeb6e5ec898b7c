using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A window of a window table function or window aggregation (Flink's <c>WindowSpec</c>). Times are aligned to the epoch
/// (of the time attribute's own clock: local wall time for TIMESTAMP, UTC for TIMESTAMP_LTZ shifted by
/// <see cref="TimeAttributeWindowing.TimeZone"/>) plus <c>Offset</c>: a row at time t is in the tumbling window starting
/// at <c>t - ((t - offset) mod size)</c> (with a non-negative modulo), as Flink's <c>TimeWindow.getWindowStartWithOffset</c>.
/// A window covers [start, end); its <c>window_time</c> is <c>end - 1 ms</c>.
/// <para><b>Slicing</b> (Flink's <c>SliceAssigners</c>): a row belongs to exactly one slice; windows are made of slices, so
/// HOP and CUMULATE never copy a row into several windows. TUMBLE: one slice per window. HOP: slices of <c>Slide</c>,
/// a window is the last <c>Size / Slide</c> slices (Size is a multiple of Slide). CUMULATE: slices of <c>Step</c>; the
/// windows of one max-size period all start at its start and end at each step (the first slice, the first two, ... all).
/// SESSION: not sliced — per key a session grows while rows come less than <c>Gap</c> apart and merges with its neighbours.</para>
/// </summary>
public abstract record WindowSpec
{
    /// <summary>Flink's EXPLAIN text: <c>TUMBLE(time_col=[ts], size=[10 min])</c>, with <paramref name="windowing"/>
    /// (<c>time_col=[ts]</c>, <c>win_start=[...], win_end=[...]</c>, <c>slice_end=[...]</c>) as the first part.</summary>
    public abstract string Describe(string windowing, Types.RowSchema input);

    /// <summary>Whether windows are made of slices (every kind but SESSION).</summary>
    public virtual bool IsSliced => true;

    /// <summary>For stable ids: the kind and sizes.</summary>
    public abstract string Signature { get; }

    protected static string Format(TimeSpan d) => ConfigParsers.FormatDuration(d);

    protected static string OffsetText(TimeSpan? offset) => offset is { } o ? $", offset=[{Format(o)}]" : "";
}

/// <summary><c>TUMBLE(..., size [, offset])</c>: back-to-back windows of <see cref="Size"/>.</summary>
public sealed record TumbleWindow(TimeSpan Size, TimeSpan? Offset) : WindowSpec
{
    public override string Describe(string windowing, Types.RowSchema input) => $"TUMBLE({windowing}, size=[{Format(Size)}]{OffsetText(Offset)})";
    public override string Signature => $"TUMBLE({Size.Ticks},{Offset?.Ticks})";
}

/// <summary><c>HOP(..., slide, size [, offset])</c>: windows of <see cref="Size"/> starting every <see cref="Slide"/>.</summary>
public sealed record HopWindow(TimeSpan Size, TimeSpan Slide, TimeSpan? Offset) : WindowSpec
{
    public override string Describe(string windowing, Types.RowSchema input) =>
        $"HOP({windowing}, size=[{Format(Size)}], slide=[{Format(Slide)}]{OffsetText(Offset)})";
    public override string Signature => $"HOP({Size.Ticks},{Slide.Ticks},{Offset?.Ticks})";
}

/// <summary><c>CUMULATE(..., step, size [, offset])</c>: windows growing by <see cref="Step"/> up to <see cref="MaxSize"/>.</summary>
public sealed record CumulateWindow(TimeSpan MaxSize, TimeSpan Step, TimeSpan? Offset) : WindowSpec
{
    public override string Describe(string windowing, Types.RowSchema input) =>
        $"CUMULATE({windowing}, max_size=[{Format(MaxSize)}], step=[{Format(Step)}]{OffsetText(Offset)})";
    public override string Signature => $"CUMULATE({MaxSize.Ticks},{Step.Ticks},{Offset?.Ticks})";
}

/// <summary><c>SESSION(TABLE t [PARTITION BY k], ..., gap)</c>: per key, rows closer than <see cref="Gap"/> form one window.</summary>
/// <param name="PartitionKeys">The PARTITION BY columns of the input (empty: none); they are among the aggregation's keys.</param>
public sealed record SessionWindow(TimeSpan Gap, IReadOnlyList<int> PartitionKeys) : WindowSpec
{
    public override bool IsSliced => false;

    public override string Describe(string windowing, Types.RowSchema input) => PartitionKeys.Count == 0
        ? $"SESSION({windowing}, gap=[{Format(Gap)}])"
        : $"SESSION({windowing}, gap=[{Format(Gap)}], partition keys=[{string.Join(", ", PartitionKeys.Select(k => input[k].Name))}])";

    public override string Signature => $"SESSION({Gap.Ticks})";

    public bool Equals(SessionWindow? other) => other is not null && other.Gap == Gap && other.PartitionKeys.SequenceEqual(PartitionKeys);
    public override int GetHashCode() => Gap.GetHashCode();
}
