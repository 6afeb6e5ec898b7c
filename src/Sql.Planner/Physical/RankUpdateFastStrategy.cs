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
    public static bool Applies(PhysicalNode input, IReadOnlyList<int> partitionKeys, IReadOnlyList<RankOrderKey> orderKeys) =>
        UniqueKey(input, partitionKeys, orderKeys) is not null;

    /// <summary>The strategy as Flink's plan prints it: <c>UpdateFastStrategy[0,1]</c> with the input's unique key, else
    /// <c>RetractStrategy</c> over an updating input and <c>AppendFastStrategy</c> over an insert-only one.</summary>
    public static string Name(PhysicalNode input, IReadOnlyList<int> partitionKeys, IReadOnlyList<RankOrderKey> orderKeys) =>
        input.Changelog.IsInsertOnly ? "AppendFastStrategy"
        : UniqueKey(input, partitionKeys, orderKeys) is { } key ? $"UpdateFastStrategy[{string.Join(',', key)}]"
        : "RetractStrategy";

    /// <summary>When the strategy applies, the input's unique key it names (Flink's <c>UpdateFastStrategy.primaryKeys</c>):
    /// the input columns passing the GROUP BY's grouping columns through, each at its first place, in ascending order;
    /// else null.</summary>
    public static int[]? UniqueKey(PhysicalNode input, IReadOnlyList<int> partitionKeys, IReadOnlyList<RankOrderKey> orderKeys)
    {
        if (input.Changelog.IsInsertOnly || orderKeys.Count == 0) return null;
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
                    return null;
            }
        }
        var aggregate = (PhysicalGroupAggregate)node;
        int keyCount = aggregate.Grouping.Count;
        if (aggregate.Phase == AggregatePhase.Local || aggregate.NeedRetraction || keyCount == 0
            || aggregate.PartialFinal != PartialFinalType.None) return null;
        var key = new int[keyCount];
        for (int k = 0; k < keyCount; k++)
            if ((key[k] = System.Array.IndexOf(columns, k)) < 0) return null;
        foreach (int p in partitionKeys)
            if (columns[p] < 0 || columns[p] >= keyCount) return null;
        foreach (var order in orderKeys)
        {
            int c = columns[order.Column];
            if (c < 0) return null;
            if (c < keyCount) continue;
            bool monotonic = aggregate.Calls[c - keyCount].Kind switch
            {
                AggregateFunctionKind.Count or AggregateFunctionKind.Max => order.Descending,
                AggregateFunctionKind.Min => !order.Descending,
                _ => false,
            };
            if (!monotonic) return null;
        }
        System.Array.Sort(key);
        return key;
    }
}
