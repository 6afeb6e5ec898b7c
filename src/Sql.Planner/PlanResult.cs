using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner;

/// <summary>What planning one statement produced.</summary>
public abstract record PlanResult;

/// <summary>A DDL statement changed the catalog (CREATE/DROP/ALTER). Flink's shell prints <c>[INFO] Execute statement succeeded.</c></summary>
public sealed record CatalogChanged(string Message) : PlanResult;

/// <summary>A statement answered from the catalog (SHOW TABLES, DESCRIBE, SHOW CREATE TABLE ...): a small table of text cells.</summary>
public sealed record TableResult(IReadOnlyList<string> ColumnNames, IReadOnlyList<IReadOnlyList<string?>> Rows) : PlanResult;

/// <summary>The text of <c>EXPLAIN</c>: the abstract syntax tree, optimized logical plan and physical plan sections.</summary>
public sealed record ExplainResult(string Text) : PlanResult;

/// <summary>A SELECT: a job whose last operator is a <see cref="CollectSinkSpec"/> delivering rows of <paramref name="ResultSchema"/>.</summary>
public sealed record QueryPlan(JobGraph Job, RowSchema ResultSchema, ChangelogMode Changelog) : PlanResult;

/// <summary>An INSERT or a statement set: one job writing into <paramref name="TargetTables"/>.</summary>
public sealed record InsertPlan(JobGraph Job, IReadOnlyList<string> TargetTables) : PlanResult;
