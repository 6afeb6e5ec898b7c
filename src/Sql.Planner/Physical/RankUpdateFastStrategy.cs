using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Whether a Top-N over an updating input is Flink's <c>UpdateFastStrategy</c> (RankProcessStrategy
/// .analyzeRankProcessStrategies): its input is a GROUP BY over an insert-only input, reached through exchanges and
/// projections only (a filter between them makes Flink fall back to the retract strategy, FLINK-9528), every grouping
/// column reaches the rank (the unique key), the partition keys are grouping columns, and every order key can only move a
/// row up: a grouping column, or <c>COUNT</c> / <c>MAX</c> ordered descending, <c>MIN</c> ascending (Flink's
/// modified monotonicity of an aggregate over an append-only input). Then an update of a row in the top is one
/// <c>-U</c>/<c>+U</c> of that row (UpdatableTopNFunction) rather than its removal and insertion.
/// </summary>
internal static class RankUpdateFastStrategy
{
    public static bool Applies(PhysicalNode input, IReadOnlyList<int> partitionKeys, IReadOnlyList<RankOrderKey> orderKeys)
    {
        if (input.Changelog.IsInsertOnly || orderKeys.Count == 0) return false;
        // For each column of the rank's input, the aggregate output column it passes through unchanged (else -1).
        var columns = Enumerable.Range(0, input.Schema.Count).ToArray();
        var node = input;
        while (node is not PhysicalGroupAggregate)
        {
            switch (node)
            {
                case PhysicalExchange or PhysicalMiniBatchAssigner or PhysicalDropUpdateBefore:
                    node = node.Inputs[0];
                    break;
                case PhysicalCalc { Condition: null } calc:
                    for (int i = 0; i < columns.Length; i++)
                        if (columns[i] >= 0) columns[i] = calc.Projections[columns[i]] is InputRef r ? r.Index : -1;
                    node = calc.Input;
                    break;
                default:
                    return false;
            }
        }
        var aggregate = (PhysicalGroupAggregate)node;
        int keyCount = aggregate.Grouping.Count;
        if (aggregate.Phase == AggregatePhase.Local || aggregate.NeedRetraction || keyCount == 0
            || aggregate.PartialFinal != PartialFinalType.None) return false;
        for (int k = 0; k < keyCount; k++)
            if (System.Array.IndexOf(columns, k) < 0) return false;
        foreach (int p in partitionKeys)
            if (columns[p] < 0 || columns[p] >= keyCount) return false;
        foreach (var order in orderKeys)
        {
            int c = columns[order.Column];
            if (c < 0) return false;
            if (c < keyCount) continue;
            bool monotonic = aggregate.Calls[c - keyCount].Kind switch
            {
                AggregateFunctionKind.Count or AggregateFunctionKind.Max => order.Descending,
                AggregateFunctionKind.Min => !order.Descending,
                _ => false,
            };
            if (!monotonic) return false;
        }
        return true;
    }
}
