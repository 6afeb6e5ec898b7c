using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>How a lookup join keeps its requests in flight (<c>table.exec.async-lookup.*</c>): at most
/// <see cref="Capacity"/> requests at once, each failing the job after <see cref="Timeout"/>, results in input order
/// unless <see cref="Ordered"/> is false (only for an insert-only input).</summary>
public sealed record AsyncLookupSettings(int Capacity, TimeSpan Timeout, bool Ordered)
{
    /// <summary>The LOOKUP hint's retry of keys without a row (null: none).</summary>
    public LookupMissRetry? RetryOnMiss { get; init; }
}

/// <summary>
/// A lookup join (<see cref="LogicalLookupJoin"/>): for every input row, the rows of <see cref="Table"/> whose
/// <see cref="Keys"/> columns equal the row's key values (fetched by the table's connector a batch of distinct keys at a
/// time, through <see cref="Cache"/>), kept where <see cref="Condition"/> (over input columns then the table's physical
/// columns) holds; a LEFT join pads an input row without a match with NULLs. Output rows carry their input row's kind.
/// Stateless: a restart looks the rows up again.
/// </summary>
public sealed record LookupJoinSpec(
    string TableName,
    CatalogTable Table,
    LookupJoinType JoinType,
    IReadOnlyList<LookupKey> Keys,
    ScalarExpr? Condition,
    LookupCacheSettings Cache,
    AsyncLookupSettings Async,
    string Description,
    RowSchema OutputSchema,
    ChangelogMode OutputChangelog) : OperatorSpec(Description, OutputSchema, OutputChangelog);
