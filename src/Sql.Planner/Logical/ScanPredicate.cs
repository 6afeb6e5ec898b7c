using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// A simple filter <c>column op literal</c> over a scan (physical column index into the table, op one of <c>=</c>,
/// <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>), handed to a connector that can skip data it proves no row of
/// passes (Parquet row groups by statistics, partition directories). A hint only: the filter itself stays in the plan.
/// </summary>
public sealed record ScanPredicate(int PhysicalColumn, string Op, Literal Value);
