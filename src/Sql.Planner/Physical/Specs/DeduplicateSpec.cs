using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's deduplication (see <see cref="Plan.PhysicalDeduplicate"/>): rows of an insert-only input keyed by
/// <paramref name="Keys"/> (hash-distributed by them), one row kept per key. Processing time (<paramref name="IsRowtime"/>
/// false): keep first emits a key's first row as <c>+I</c> and drops the rest; keep last emits <c>+I</c> then, for each
/// later row, <c>-U</c> with the kept row (when <paramref name="GenerateUpdateBefore"/>) and <c>+U</c>. Event time: a row
/// replaces the kept one when its <paramref name="OrderColumn"/> is at least the kept one's (keep last) or below it (keep
/// first), emitted the same way; Flink's RowTimeDeduplicateFunction. <paramref name="StateTtl"/> &gt; 0 forgets a key not
/// written for that long.
/// </summary>
public sealed record DeduplicateSpec(
    IReadOnlyList<int> Keys,
    int OrderColumn,
    bool KeepLastRow,
    bool IsRowtime,
    bool GenerateUpdateBefore,
    TimeSpan StateTtl,
    string Description,
    RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema,
        !KeepLastRow && !IsRowtime ? ChangelogMode.InsertOnly : GenerateUpdateBefore ? ChangelogMode.All : ChangelogMode.Upsert);
