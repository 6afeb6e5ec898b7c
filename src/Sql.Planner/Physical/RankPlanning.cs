using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Plans a <see cref="LogicalRank"/>: a Top-1 by ROW_NUMBER over a time attribute without the rank number in the output
/// is Flink's deduplication (<see cref="PhysicalDeduplicate"/>, its RankUtil.canConvertToDeduplicate); any other bounded
/// ROW_NUMBER a <see cref="PhysicalRank"/>, unless it partitions by a window (<see cref="WindowRankPlanning"/>). A rank without a filter on its number is an OVER aggregate.
/// </summary>
internal static class RankPlanning
{
    public static PhysicalNode Plan(LogicalRank r, Func<LogicalNode, PhysicalNode> translate, int parallelism, TimeSpan stateTtl, string? timeZone = null,
        bool batch = false)
    {
        if (WindowRankPlanning.TryPlan(r, () => translate(r.Input), parallelism, timeZone) is { } windowed) return windowed;
        if (r.RankEnd is null) return batch ? PlanAsBatchOverAggregate(r, translate) : PlanAsOverAggregate(r, translate);
        // Flink's batch rank rules take a constant range only; a variable one finds no batch plan.
        if (batch && r.RankEndColumn >= 0) throw Unsupported.Feature("a Top-N bounded by a column (rn <= column) in batch mode", r.Span);
        if (batch && r.RankType != RankType.RowNumber) return PlanAsBatchRankFilter(r, translate);
        var input = translate(r.Input);
        string name = PhysicalRank.RankTypeName(r.RankType);
        long end = r.RankEnd.Value;
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
        if (r.RankEndColumn >= 0 && r.Input.Schema[r.RankEndColumn].Type.Kind is not (SqlTypeKind.BigInt or SqlTypeKind.Int or SqlTypeKind.SmallInt))
            throw new SqlValidationException(
                $"variable rank index column must be long, short or int type, while input type is {r.Input.Schema[r.RankEndColumn].Type}", r.Span);
        return new PhysicalRank(input, r.PartitionKeys, r.OrderKeys, r.RankType, r.RankStart, end, r.OutputRankNumber, r.Schema)
        {
            Parallelism = p,
            StateTtl = stateTtl,
            RankEndColumn = r.RankEndColumn,
        };
    }

    /// <summary>
    /// A rank function without a filter on its number is not a Top-N: Flink plans it as an OVER aggregate (its
    /// RowNumberAggFunction, RankAggFunction, DenseRankAggFunction), whose ORDER BY must be one ascending key (a non-time one runs as
    /// Flink 2.1's non-time OVER).
    /// A number nobody reads leaves just the input.
    /// </summary>
    private static PhysicalNode PlanAsOverAggregate(LogicalRank r, Func<LogicalNode, PhysicalNode> translate)
    {
        if (!r.OutputRankNumber) return translate(r.Input);
        if (r.OrderKeys.Count == 0)
            throw new SqlValidationException("OVER windows in streaming need an ORDER BY on a time attribute (ORDER BY rowtime or proctime)", r.Span);
        var order = r.OrderKeys[0];
        var orderError = OverOrderError.Of(r.OrderKeys.Count, order.Descending, r.Span, r.Span);
        // Flink processes each row of a processing-time window at its own time, so no two rows are peers: RANK and
        // DENSE_RANK count the rows as ROW_NUMBER does (OverAggregateITCase.testRankOnOver).
        var (kind, arguments) = r.RankType switch
        {
            _ when r.Input.Schema[order.Column].Type.IsProctime => (AggregateFunctionKind.RowNumber, new List<int>()),
            RankType.RowNumber => (AggregateFunctionKind.RowNumber, new List<int>()),
            RankType.Rank => (AggregateFunctionKind.Rank, new List<int> { order.Column }),
            _ => (AggregateFunctionKind.DenseRank, new List<int> { order.Column }),
        };
        var call = new AggregateCall(kind, arguments, false, -1, SqlType.BigInt.WithNullable(false), r.RankColumnName);
        // Calcite's frames for them: ROWS for ROW_NUMBER, the default RANGE for the others.
        var frame = new OverFrame(r.RankType == RankType.RowNumber, null);
        var over = new LogicalOverAggregate(r.Input, r.PartitionKeys, order.Column, frame, [call],
            LogicalOverAggregate.SchemaOf(r.Input.Schema, [call])) { Span = r.Span, OrderError = orderError };
        return translate(over);
    }

    /// <summary>Batch mode: a rank function without a filter on its number is a batch OVER aggregate ordered by any keys.</summary>
    private static PhysicalNode PlanAsBatchOverAggregate(LogicalRank r, Func<LogicalNode, PhysicalNode> translate)
    {
        if (!r.OutputRankNumber) return translate(r.Input);
        var kind = r.RankType switch
        {
            RankType.RowNumber => AggregateFunctionKind.RowNumber,
            RankType.Rank => AggregateFunctionKind.Rank,
            _ => AggregateFunctionKind.DenseRank,
        };
        var call = new AggregateCall(kind, new List<int>(), false, -1, SqlType.BigInt.WithNullable(false), r.RankColumnName);
        var frame = new OverFrame(r.RankType == RankType.RowNumber, null);
        var over = new LogicalOverAggregate(r.Input, r.PartitionKeys, r.OrderKeys.Count > 0 ? r.OrderKeys[0].Column : -1, frame, [call],
            LogicalOverAggregate.SchemaOf(r.Input.Schema, [call])) { Span = r.Span, BatchOrderKeys = r.OrderKeys };
        return translate(over);
    }

    /// <summary>
    /// Batch mode's RANK / DENSE_RANK Top-N (Flink's batch Rank): the rank of every row from the batch OVER aggregate, then
    /// a filter keeping ranks RankStart..RankEnd (all rows of the last kept rank, ties included) and, without the rank
    /// number in the output, a projection dropping it.
    /// </summary>
    private static PhysicalNode PlanAsBatchRankFilter(LogicalRank r, Func<LogicalNode, PhysicalNode> translate)
    {
        var ranked = PlanAsBatchOverAggregate(r with { RankEnd = null, OutputRankNumber = true }, translate);
        var rankType = SqlType.BigInt.WithNullable(false);
        var condition = new Call("AND", new ScalarExpr[]
        {
            new Call(">=", new ScalarExpr[] { new InputRef(r.RankColumn, rankType), new Literal(r.RankStart, rankType) }, SqlType.Boolean.WithNullable(false)),
            new Call("<=", new ScalarExpr[] { new InputRef(r.RankColumn, rankType), new Literal(r.RankEnd!.Value, rankType) }, SqlType.Boolean.WithNullable(false)),
        }, SqlType.Boolean.WithNullable(false));
        int width = r.OutputRankNumber ? r.RankColumn + 1 : r.RankColumn;
        var projections = Enumerable.Range(0, width).Select(i => (ScalarExpr)new InputRef(i, ranked.Schema[i].Type)).ToList();
        return new PhysicalCalc(ranked, condition, projections, r.Schema) { Parallelism = ranked.Parallelism };
    }

    private static bool IsDeduplication(LogicalRank r, out RankOrderKey order)
    {
        order = r.OrderKeys[0];
        return r.RankType == RankType.RowNumber && r.RankStart == 1 && r.RankEnd == 1 && !r.OutputRankNumber
               && r.OrderKeys.Count == 1 && r.Input.Schema[order.Column].Type.IsTimeAttribute;
    }
}
