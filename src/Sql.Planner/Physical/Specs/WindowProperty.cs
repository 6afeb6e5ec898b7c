namespace StreamSql.Sql.Planner.Physical;

/// <summary>A column a window aggregation appends after its aggregates, per fired window (Flink's window properties).</summary>
public enum WindowProperty
{
    /// <summary><c>window_start</c> / <c>w$start</c>: the window's start, TIMESTAMP(3) (TIMESTAMP_LTZ(3) for an LTZ time attribute) NOT NULL.</summary>
    Start,
    /// <summary><c>window_end</c> / <c>w$end</c>: the window's end (exclusive), same type.</summary>
    End,
    /// <summary><c>window_time</c> / <c>w$rowtime</c>: <c>end - 1 ms</c> as an event-time attribute, so windows can be cascaded.</summary>
    RowTime,
    /// <summary><c>window_time</c> of a processing-time window / <c>w$proctime</c>: the processing time the window fired, TIMESTAMP_LTZ(3) NOT NULL.</summary>
    ProcTime,
    /// <summary>The Local phase's <c>$slice_end</c>: the slice's end, BIGINT NOT NULL microseconds since the epoch.</summary>
    SliceEnd,
}
