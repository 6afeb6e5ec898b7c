namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// Flink's <c>LOOKUP</c> query hint for one lookup join (<c>SELECT /*+ LOOKUP('table'='dim', 'output-mode'='allow_unordered',
/// 'capacity'='100', 'timeout'='180s') */</c>): settings of its own that replace the session's
/// <c>table.exec.async-lookup.*</c> where given. <see cref="Async"/> = false asks for a synchronous lookup: one batch's
/// lookups at a time. <see cref="RetryOnMiss"/>: its retry options, when given.
/// </summary>
public sealed record LookupJoinHint(bool? Async, bool? Ordered, int? Capacity, TimeSpan? Timeout)
{
    public LookupMissRetry? RetryOnMiss { get; init; }
}
