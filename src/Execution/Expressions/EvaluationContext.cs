namespace StreamSql.Execution.Expressions;

/// <summary>Per-subtask facts an expression may read: the session time zone and the current time.</summary>
public sealed class EvaluationContext
{
    public EvaluationContext(TimeZoneInfo timeZone, Operators.IClock clock)
    {
        TimeZone = timeZone;
        Clock = clock;
    }

    public TimeZoneInfo TimeZone { get; }
    public Operators.IClock Clock { get; }

    /// <summary>
    /// The last watermark the evaluating operator received (microseconds, as rowtime values), or null before the
    /// first; what <c>CURRENT_WATERMARK(rowtime)</c> returns. Set by the operator owning this context.
    /// </summary>
    public long? CurrentWatermark { get; set; }

    public static EvaluationContext Utc { get; } = new(TimeZoneInfo.Utc, Operators.SystemClock.Instance);
}
