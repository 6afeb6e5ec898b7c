namespace StreamSql.Sql.Planner.Physical;

/// <summary>How an operator finds a row's window (Flink's <c>WindowingStrategy</c>).</summary>
/// <param name="IsEventTime">Event time: windows follow the rows' time attribute and fire when the watermark reaches
/// <c>window_end - 1 ms</c>; rows of a window (slice) that already fired are late: dropped and counted. Processing time:
/// a row belongs to the window of the operator's clock when it arrives; windows fire when the clock passes their end.</param>
public abstract record WindowingStrategy(bool IsEventTime)
{
    /// <summary>EXPLAIN's first window argument: <c>time_col=[ts]</c>.</summary>
    public abstract string Describe(Types.RowSchema input);

    /// <summary>The session time zone windows are aligned in when the time attribute is a TIMESTAMP_LTZ (processing time
    /// is one), else null. Window bounds are then the zone's wall time (what window_start and window_end hold, as
    /// TIMESTAMP); timers and window_time are the UTC instants of those wall times.</summary>
    public abstract string? AlignmentZone { get; }
}

/// <summary>Rows are assigned to windows (slices) by the time attribute in column <paramref name="TimeColumn"/>
/// (a window table function merged into the aggregation). For processing time the column's value is not used.</summary>
/// <param name="TimeZone">For a TIMESTAMP_LTZ time attribute (processing time is one): the session time zone
/// (<c>table.local-time-zone</c>) windows are aligned in, so a day window starts at local midnight; null for TIMESTAMP.</param>
public sealed record TimeAttributeWindowing(int TimeColumn, bool IsEventTime, string? TimeZone) : WindowingStrategy(IsEventTime)
{
    public override string Describe(Types.RowSchema input) => $"time_col=[{input[TimeColumn].Name}]";

    public override string? AlignmentZone => TimeZone;
}

/// <summary>Rows carry their window's start and end (TIMESTAMP(3) columns of a window table function
/// upstream); <paramref name="StartColumn"/> is -1 when only the end is carried (the Global phase over such rows).</summary>
public sealed record WindowAttachedWindowing(int StartColumn, int EndColumn, bool IsEventTime) : WindowingStrategy(IsEventTime)
{
    /// <summary>The zone of the upstream window table function's TIMESTAMP_LTZ time attribute (see <see cref="AlignmentZone"/>).</summary>
    public string? TimeZone { get; init; }

    public override string? AlignmentZone => TimeZone;

    public override string Describe(Types.RowSchema input) => StartColumn < 0
        ? $"win_end=[{input[EndColumn].Name}]"
        : $"win_start=[{input[StartColumn].Name}], win_end=[{input[EndColumn].Name}]";
}

/// <summary>Rows are partial accumulators of one slice, whose end (BIGINT NOT NULL, microseconds since the epoch) is in
/// column <paramref name="SliceEndColumn"/> (the Global phase after a Local window aggregation).</summary>
public sealed record SliceAttachedWindowing(int SliceEndColumn, bool IsEventTime) : WindowingStrategy(IsEventTime)
{
    /// <summary>The Local phase's alignment zone (see <see cref="AlignmentZone"/>).</summary>
    public string? TimeZone { get; init; }

    public override string? AlignmentZone => TimeZone;

    public override string Describe(Types.RowSchema input) => $"slice_end=[{input[SliceEndColumn].Name}]";
}
