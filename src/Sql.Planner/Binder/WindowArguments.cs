using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Checks shared by the window table functions and the group windows: the time attribute and the interval arguments.</summary>
internal static class WindowArguments
{
    /// <summary>Flink's signature of a window table function, as its errors print it.</summary>
    public static string Signature(string function) => function switch
    {
        "TUMBLE" => "TUMBLE(TABLE table_name, DESCRIPTOR(timecol), datetime interval[, datetime interval])",
        "HOP" => "HOP(TABLE table_name, DESCRIPTOR(timecol), datetime interval, datetime interval[, datetime interval])",
        "CUMULATE" => "CUMULATE(TABLE table_name, DESCRIPTOR(timecol), datetime interval, datetime interval[, datetime interval])",
        _ => "SESSION(TABLE table_name [PARTITION BY (keycols, ...)], DESCRIPTOR(timecol), datetime interval)",
    };

    /// <summary>Whether a column of <paramref name="type"/> can be a window's time column: a time attribute in streaming mode;
    /// in batch mode any TIMESTAMP or TIMESTAMP_LTZ (there is no watermark to wait for: every window fires at end of input),
    /// but not a processing-time column, which Flink's batch mode refuses too.</summary>
    public static bool IsWindowTime(SqlType type, bool batchMode) =>
        batchMode ? type.IsTimestamp && !type.IsProctime : type.IsTimeAttribute;

    /// <summary>Batch mode refuses windows over processing time, as Flink's batch planner does (the rows of a bounded table
    /// have no arrival time to window by).</summary>
    public static void CheckNotProcessingTimeInBatch(SqlType type, bool batchMode, SourceSpan span)
    {
        if (batchMode && type.IsProctime)
            throw new SqlValidationException("Processing time Window TableFunction is not supported yet. In batch mode a window needs a TIMESTAMP or TIMESTAMP_LTZ column of the rows, not PROCTIME()", span);
    }

    /// <summary>What to do when a column is not a time attribute: say whether a watermark or a time type is missing.</summary>
    public static string TimeAttributeHint(string column, SqlType type, bool batchMode = false) =>
        batchMode
            ? $" Column '{column}' is not a time column: in batch mode windows need a TIMESTAMP or TIMESTAMP_LTZ column."
        : type.IsTimestamp && type.Precision <= 3
            ? $" Column '{column}' has no watermark: declare WATERMARK FOR {column} AS ... on its table for event-time windows, or window on a processing-time column (pt AS PROCTIME())."
            : $" Column '{column}' is not a time column: windows need an event-time column (TIMESTAMP(3) or TIMESTAMP_LTZ(3) with a WATERMARK) or a processing-time column (PROCTIME()).";

    /// <summary>An interval argument as a duration: a day-time interval literal, positive unless <paramref name="allowNegative"/>.</summary>
    public static TimeSpan Interval(Expression argument, string function, string what, bool allowNegative = false)
    {
        var bound = new ExpressionBinder(Scope.Empty).Bind(argument);
        if (bound is not Literal { Value: { } value } literal || !literal.Type.IsInterval)
            throw new SqlValidationException($"The {what} of {function} must be an interval literal such as INTERVAL '10' MINUTE, but is {bound.Type}", argument.Span);
        if (literal.Type.Kind != SqlTypeKind.IntervalDayTime)
            throw new SqlValidationException($"The {what} of {function} must be a day-time interval (SECOND, MINUTE, HOUR, DAY); windows of months or years are not supported", argument.Span);
        var duration = TimeSpan.FromMilliseconds((long)value);
        if (!allowNegative && duration <= TimeSpan.Zero)
            throw new SqlValidationException($"The {what} of {function} must be positive, but is {Physical.Plan.WindowText.Duration(duration)}", argument.Span);
        return duration;
    }

    /// <summary>Flink's window aggregation slices HOP by its slide and CUMULATE by its step, so the size must be a multiple
    /// (Flink's <c>WindowUtil</c> wording). A window table function alone, or a group window, has no such limit.</summary>
    public static void CheckSliceable(WindowSpec window, SourceSpan span)
    {
        static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;
        switch (window)
        {
            case HopWindow h when h.Size.Ticks % h.Slide.Ticks != 0:
                throw new SqlValidationException($"HOP table function based aggregate requires size must be an integral multiple of slide, but got size {Ms(h.Size)} ms and slide {Ms(h.Slide)} ms", span);
            case CumulateWindow c when c.MaxSize.Ticks % c.Step.Ticks != 0:
                throw new SqlValidationException($"CUMULATE table function based aggregate requires maxSize must be an integral multiple of step, but got maxSize {Ms(c.MaxSize)} ms and step {Ms(c.Step)} ms", span);
        }
    }
}
