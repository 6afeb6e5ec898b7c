using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's batch-mode sort (see <see cref="Plan.PhysicalBatchSort"/>): one subtask holds every row of its bounded,
/// insert-only input (in memory: batch jobs take no checkpoints) and at end of input emits them ordered by
/// <paramref name="OrderKeys"/> (arrival order on ties), skipping <paramref name="Offset"/> and keeping at most
/// <paramref name="Fetch"/> when given.
/// </summary>
public sealed record BatchSortSpec(IReadOnlyList<RankOrderKey> OrderKeys, long Offset, long? Fetch, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
