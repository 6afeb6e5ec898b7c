using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's Top-N (see <see cref="Plan.PhysicalRank"/>): rows hash-distributed by
/// <paramref name="PartitionKeys"/>, ranked within their partition by <paramref name="OrderKeys"/> (a later row ranks
/// after earlier rows of equal order, as Flink's AppendOnlyTopNFunction); the top <paramref name="RankEnd"/> rows of each
/// partition are kept in keyed state, and changes to the rows ranked <paramref name="RankStart"/>..<paramref name="RankEnd"/>
/// are emitted. With <paramref name="Retract"/> (an updating input, Flink's RetractStrategy) every row of a partition is
/// kept, and <c>-U</c>/<c>-D</c> rows remove theirs (see <see cref="UpdateFast"/> for Flink's UpdateFastStrategy). Output: the input's columns, then the rank number (BIGINT) when <paramref name="OutputRankNumber"/>.
/// A rank whose row changes emits <c>-U</c> with the old row (when <paramref name="GenerateUpdateBefore"/>) and <c>+U</c>.
/// <paramref name="StateTtl"/> &gt; 0 forgets a partition not written for that long.
/// </summary>
public sealed record RankSpec(
    IReadOnlyList<int> PartitionKeys,
    IReadOnlyList<RankOrderKey> OrderKeys,
    RankType RankType,
    long RankStart,
    long RankEnd,
    bool OutputRankNumber,
    bool Retract,
    bool GenerateUpdateBefore,
    TimeSpan StateTtl,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.All)
{
    /// <summary>Flink's VariableRankRange (<c>WHERE rn &lt;= b</c>, <c>b</c> an input column of BIGINT, INT or SMALLINT):
    /// the input column whose value in a partition's first row is that partition's rank end, the range starting at 1
    /// (<see cref="RankEnd"/> is then unbounded); -1 for a constant range.</summary>
    public int RankEndColumn { get; init; } = -1;

    /// <summary>Flink's UpdateFastStrategy (see <c>RankUpdateFastStrategy</c>; only with <paramref name="RankStart"/> 1): the
    /// input's <c>-U</c>/<c>+U</c> of a row in the top can only move it up, and are emitted as UpdatableTopNFunction does —
    /// without the number one <c>-U</c>/<c>+U</c> of the row; with it, the ranks from its new place down to its old one.</summary>
    public bool UpdateFast { get; init; }

    /// <summary>With <see cref="UpdateFast"/>: the input's unique key (the GROUP BY's keys, Flink's
    /// <c>UpdateFastStrategy.primaryKeys</c>); a <c>+U</c> updates the row of a <c>-U</c> only when their keys are equal.
    /// Empty: not checked (the input sends each row's <c>+U</c> right after its <c>-U</c>).</summary>
    public IReadOnlyList<int> UniqueKey { get; init; } = [];
}
