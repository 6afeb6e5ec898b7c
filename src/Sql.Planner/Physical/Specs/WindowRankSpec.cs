using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's window Top-N and window deduplication (see <see cref="Plan.PhysicalWindowRank"/> and
/// <see cref="Plan.PhysicalWindowDeduplicate"/>): rows carry their window (<see cref="Windowing"/>'s end column) and are
/// kept per (partition key, window end), the top <paramref name="RankEnd"/> rows by <paramref name="OrderKeys"/> (a later
/// row of equal order goes after the kept ones, or before them with <paramref name="TiesReplace"/>: deduplication keeping
/// the last row). When the watermark reaches <c>window_end - 1 ms</c> the rows ranked <paramref name="RankStart"/>..
/// <paramref name="RankEnd"/> are emitted once as <c>+I</c> (with the rank number as a BIGINT after the input's columns
/// when <paramref name="OutputRankNumber"/>) and the window's state is dropped; rows of a window already fired are late:
/// dropped and counted.
/// </summary>
public sealed record WindowRankSpec(
    IReadOnlyList<int> PartitionKeys,
    IReadOnlyList<RankOrderKey> OrderKeys,
    long RankStart,
    long RankEnd,
    bool OutputRankNumber,
    bool TiesReplace,
    WindowAttachedWindowing Windowing,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
