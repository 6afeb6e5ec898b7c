namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// The retry of Flink's <c>LOOKUP</c> hint (<c>'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay',
/// 'fixed-delay'='10s', 'max-attempts'='3'</c>): a key the table has no row for is looked up again after
/// <see cref="FixedDelay"/>, at most <see cref="MaxAttempts"/> more times (Flink's FixedDelayRetryStrategy retries while the
/// attempt number is at most the maximum).
/// </summary>
public sealed record LookupMissRetry(TimeSpan FixedDelay, int MaxAttempts);
