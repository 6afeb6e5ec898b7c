using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// <c>$REPLICATE_ROWS$</c> (INTERSECT ALL / EXCEPT ALL): input column 0 is a BIGINT count; each input row is emitted
/// count times (none for NULL or a count below 1) as its other columns, keeping the row's kind. Stateless.
/// </summary>
public sealed record ReplicateRowsSpec(string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
