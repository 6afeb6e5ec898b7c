using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// A simple filter <c>column op literal</c> over a scan (physical column index into the table, op one of <c>=</c>,
/// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, or <c>IN</c> with the list in <see cref="Values"/>), handed to a
/// connector that can skip data it proves no row of passes (Parquet row groups by statistics, partition directories). A
/// hint only: the filter itself stays in the plan.
/// </summary>
public sealed record ScanPredicate(int PhysicalColumn, string Op, Literal Value)
{
    /// <summary>For <c>IN</c>: every literal of the list (<see cref="Value"/> is the first); otherwise just <see cref="Value"/>.</summary>
    public IReadOnlyList<Literal> Values { get; init; } = [Value];
}
