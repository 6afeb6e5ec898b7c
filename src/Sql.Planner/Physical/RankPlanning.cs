using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Plans a <see cref="LogicalRank"/>: a Top-1 by ROW_NUMBER over a time attribute without the rank number in the output
/// is Flink's deduplication (<see cref="PhysicalDeduplicate"/>, its RankUtil.canConvertToDeduplicate); any other bounded
/// ROW_NUMBER a <see cref="PhysicalRank"/>, unless it partitions by a window (<see cref="WindowRankPlanning"/>). A rank without a filter on its number is refused.
/// </summary>
internal static class RankPlanning
{
    public static PhysicalNode Plan(LogicalRank r, Func<LogicalNode, PhysicalNode> translate, int parallelism, TimeSpan stateTtl)
    {
        if (WindowRankPlanning.TryPlan(r, () => translate(r.Input), parallelism) is { } windowed) return windowed;
        var input = translate(r.Input);
        string name = PhysicalRank.RankTypeName(r.RankType);
        if (r.RankEnd is not { } end)
            throw new SqlValidationException(
                $"Not supported yet: {name}() OVER without a filter on its result (WHERE rank <= N makes a Top-N)", r.Span);
        // Flink's streaming Top-N has ROW_NUMBER only (StreamExecRank refuses the others with this text).
        if (r.RankType != RankType.RowNumber)
            throw new SqlValidationException($"{name}() on streaming table is not supported currently", r.Span);
        int p = r.PartitionKeys.Count == 0 ? 1 : parallelism;
        if (IsDeduplication(r, out var order))
        {
            var time = r.Input.Schema[order.Column].Type;
            return new PhysicalDeduplicate(input, r.PartitionKeys, order.Column, order.Descending, time.IsRowtime)
            {
                Parallelism = p,
                StateTtl = stateTtl,
            };
        }
        return new PhysicalRank(input, r.PartitionKeys, r.OrderKeys, r.RankType, r.RankStart, end, r.OutputRankNumber, r.Schema)
        {
            Parallelism = p,
            StateTtl = stateTtl,
        };
    }

    private static bool IsDeduplication(LogicalRank r, out RankOrderKey order)
    {
        order = r.OrderKeys[0];
        return r.RankType == RankType.RowNumber && r.RankStart == 1 && r.RankEnd == 1 && !r.OutputRankNumber
               && r.OrderKeys.Count == 1 && r.Input.Schema[order.Column].Type.IsTimeAttribute;
    }
}
