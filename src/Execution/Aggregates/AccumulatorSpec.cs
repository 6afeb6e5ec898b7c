using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Functions.UserDefined;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>The aggregate functions the runtime has accumulators for.</summary>
public enum AggregateFunction
{
    Count, Sum, Sum0, Avg, Min, Max, FirstValue, LastValue, ListAgg, ArrayAgg, VarPop, VarSamp, StddevPop, StddevSamp, BoolAnd, BoolOr,
    RowNumber, Rank, DenseRank, Lag, User, ApproxCountDistinct,
}

/// <summary>
/// One aggregate call as the runtime builds it: function, argument types (none for <c>COUNT(*)</c>), result type, DISTINCT,
/// and whether the input is updating (the accumulator must take retractions: MIN/MAX/FIRST/LAST/LISTAGG then keep every
/// value). <see cref="Create"/> picks the accumulator; unsupported combinations fail with a message naming them.
/// </summary>
public sealed record AccumulatorSpec(
    AggregateFunction Function,
    IReadOnlyList<SqlType> ArgumentTypes,
    SqlType ResultType,
    bool Distinct = false,
    bool Retracting = false,
    string Separator = ",")
{
    /// <summary>SUM/$SUM0 as a Local phase's partial sum (see <see cref="IntegerSumAccumulator.Partial"/>).</summary>
    public bool Partial { get; init; }

    /// <summary>The variance family in a Local phase: the part of its Welford state to evaluate to.</summary>
    public VarianceOutput VarianceOutput { get; init; } = VarianceOutput.Statistic;

    /// <summary>A Global phase: the arguments are partial states to merge (the variance family: n, mean, m2 columns;
    /// ARRAY_AGG: arrays whose elements are appended).</summary>
    public bool MergesPartials { get; init; }

    /// <summary>For <see cref="AggregateFunction.User"/>: the function and its <c>Accumulate</c> overload.</summary>
    public UserFunctionCall? UserAggregate { get; init; }

    /// <summary>LAG's offset (rows back).</summary>
    public int LagOffset { get; init; } = 1;

    /// <summary>A new accumulator with the table's epoch (pass to <see cref="GroupTable.AddColumn{T}"/>).</summary>
    public IGroupsAccumulator Create(SnapshotEpoch epoch) => Create(epoch, null);

    /// <summary>A new accumulator; a DISTINCT one counts its tuples in <paramref name="distinctValues"/> when given (shared by
    /// the operator's DISTINCT aggregates over the same arguments, see <see cref="DistinctValueSets"/>).</summary>
    public IGroupsAccumulator Create(SnapshotEpoch epoch, DistinctValues? distinctValues)
    {
        if (Distinct && ArgumentTypes.Count > 0)
            return new DistinctAccumulator(epoch, (this with { Distinct = false, Retracting = true }).Create(epoch), ArgumentTypes,
                DistinctNullIsValue, distinctValues);
        var argument = ArgumentTypes.Count > 0 ? ArgumentTypes[0] : null;
        return Function switch
        {
            AggregateFunction.Count => new CountAccumulator(epoch, Retracting),
            AggregateFunction.Sum or AggregateFunction.Sum0 => Sum(epoch, Require(argument), Function == AggregateFunction.Sum0),
            AggregateFunction.Avg => new AvgAccumulator(epoch, Numeric(Require(argument)), ResultType, Retracting),
            AggregateFunction.Min or AggregateFunction.Max => Retracting
                ? new RetractableValueAccumulator(epoch, Function == AggregateFunction.Min ? ValueChoice.Min : ValueChoice.Max, Require(argument))
                : new ValueAccumulator(epoch, Function == AggregateFunction.Min ? ValueChoice.Min : ValueChoice.Max, Require(argument)),
            AggregateFunction.FirstValue => Retracting
                ? new OrderedValueAccumulator(epoch, OrderedValueAccumulator.Kind.FirstValue, Require(argument))
                : new ValueAccumulator(epoch, ValueChoice.First, Require(argument)),
            AggregateFunction.LastValue => Retracting
                ? new OrderedValueAccumulator(epoch, OrderedValueAccumulator.Kind.LastValue, Require(argument))
                : new ValueAccumulator(epoch, ValueChoice.Last, Require(argument)),
            AggregateFunction.ListAgg => Retracting
                ? new OrderedValueAccumulator(epoch, OrderedValueAccumulator.Kind.ListAgg, Text(Require(argument)), Separator)
                : ListAgg(epoch, Text(Require(argument))),
            AggregateFunction.ArrayAgg => new ArrayAggAccumulator(epoch, MergesPartials ? ResultType.Elements![0] : Require(argument), ResultType, MergesPartials),
            AggregateFunction.VarPop => Variance(epoch, VarianceKind.VarPop, argument),
            AggregateFunction.VarSamp => Variance(epoch, VarianceKind.VarSamp, argument),
            AggregateFunction.StddevPop => Variance(epoch, VarianceKind.StddevPop, argument),
            AggregateFunction.StddevSamp => Variance(epoch, VarianceKind.StddevSamp, argument),
            AggregateFunction.BoolAnd or AggregateFunction.BoolOr => Boolean(epoch, Require(argument)),
            AggregateFunction.RowNumber => new CountAccumulator(epoch, retracting: false),
            AggregateFunction.Rank or AggregateFunction.DenseRank => new RankAccumulator(epoch, dense: Function == AggregateFunction.DenseRank),
            AggregateFunction.User => UserAggregateAccumulator.Create(epoch, UserAggregate!, ArgumentTypes, Retracting),
            AggregateFunction.ApproxCountDistinct => new HyperLogLog.ApproxCountDistinctAccumulator(epoch, Require(argument)),
            AggregateFunction.Lag => new LagAccumulator(epoch, Require(argument), ResultType, LagOffset, hasDefault: ArgumentTypes.Count > 1),
            _ => throw new NotSupportedException($"no accumulator for {Function}"),
        };
    }

    /// <summary>Whether a DISTINCT call counts NULL as a value of its own (ARRAY_AGG keeps NULLs).</summary>
    public bool DistinctNullIsValue => Function == AggregateFunction.ArrayAgg;

    private IGroupsAccumulator Sum(SnapshotEpoch epoch, SqlType argument, bool zero) => Numeric(argument).Kind switch
    {
        SqlTypeKind.Float or SqlTypeKind.Double => new DoubleSumAccumulator(epoch, ResultType, zero, Retracting) { Partial = Partial },
        SqlTypeKind.Decimal => new DecimalSumAccumulator(epoch, ResultType, argument.Scale, zero, Retracting) { Partial = Partial },
        _ => new IntegerSumAccumulator(epoch, ResultType, zero, Retracting) { Partial = Partial },
    };

    private VarianceAccumulator Variance(SnapshotEpoch epoch, VarianceKind kind, SqlType? argument) =>
        new(epoch, kind, MergesPartials ? SqlType.Double : Numeric(Require(argument)), ResultType, Retracting, VarianceOutput, MergesPartials);

    private ListAggAccumulator ListAgg(SnapshotEpoch epoch, SqlType argument) => new(epoch, Separator);

    private BooleanAccumulator Boolean(SnapshotEpoch epoch, SqlType argument) => argument.Kind == SqlTypeKind.Boolean
        ? new BooleanAccumulator(epoch, Function == AggregateFunction.BoolAnd, Retracting)
        : throw new NotSupportedException($"{Function} takes a BOOLEAN argument, not {argument}");

    private SqlType Require(SqlType? argument) => argument ?? throw new ArgumentException($"{Function} needs an argument");

    private SqlType Numeric(SqlType type) => type.IsNumeric || type.Kind == SqlTypeKind.Null
        ? type
        : throw new NotSupportedException($"{Function} takes a numeric argument, not {type}");

    private SqlType Text(SqlType type) => type.IsCharacterString || type.Kind == SqlTypeKind.Null
        ? type
        : throw new NotSupportedException($"{Function} takes a character string argument, not {type}");
}
