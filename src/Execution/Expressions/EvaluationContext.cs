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

    public static EvaluationContext Utc { get; } = new(TimeZoneInfo.Utc, Operators.SystemClock.Instance);
}
