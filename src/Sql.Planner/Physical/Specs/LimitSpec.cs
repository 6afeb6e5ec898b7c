using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's limit (see <see cref="Plan.PhysicalLimit"/>): one subtask reads an insert-only input, skips its first
/// <paramref name="Offset"/> rows and passes on the next <paramref name="Fetch"/> (all of them when null), dropping the
/// rest. The number of rows seen is its state, checkpointed, so a restored job neither repeats nor skips rows.
/// </summary>
public sealed record LimitSpec(long Offset, long? Fetch, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
