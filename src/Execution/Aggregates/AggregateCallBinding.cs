using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// A planned <see cref="AggregateCall"/> bound to the runtime: the accumulator to build, the input columns it reads (LISTAGG's
/// separator column is not one: its value is <see cref="AccumulatorSpec.Separator"/>), and its FILTER column (-1: none).
/// </summary>
public sealed record AggregateCallBinding(AccumulatorSpec Accumulator, int[] ArgumentColumns, int FilterColumn)
{
    /// <summary>Binds <paramref name="call"/> over rows of <paramref name="input"/>; <paramref name="retracting"/>: the input
    /// has <c>-U</c>/<c>-D</c> rows the accumulator must take back.</summary>
    public static AggregateCallBinding Of(AggregateCall call, RowSchema input, bool retracting)
    {
        var arguments = call.Kind == AggregateFunctionKind.ListAgg && call.ArgIndexes.Count > 1
            ? new[] { call.ArgIndexes[0] }
            : call.ArgIndexes.ToArray();
        var types = new SqlType[arguments.Length];
        for (int i = 0; i < arguments.Length; i++) types[i] = input[arguments[i]].Type;
        var spec = new AccumulatorSpec(FunctionOf(call), types, call.ResultType, call.Distinct, retracting, call.Separator ?? ",") { LagOffset = call.LagOffset, UserAggregate = call.UserAggregate };
        return new AggregateCallBinding(spec, arguments, call.FilterArg);
    }

    /// <summary>The runtime function of a planned call.</summary>
    public static AggregateFunction FunctionOf(AggregateCall call) => call.Kind switch
    {
        AggregateFunctionKind.Count => AggregateFunction.Count,
        AggregateFunctionKind.Sum => AggregateFunction.Sum,
        AggregateFunctionKind.Sum0 => AggregateFunction.Sum0,
        AggregateFunctionKind.Avg => AggregateFunction.Avg,
        AggregateFunctionKind.Min => AggregateFunction.Min,
        AggregateFunctionKind.Max => AggregateFunction.Max,
        AggregateFunctionKind.FirstValue => AggregateFunction.FirstValue,
        AggregateFunctionKind.LastValue => AggregateFunction.LastValue,
        AggregateFunctionKind.ListAgg => AggregateFunction.ListAgg,
        AggregateFunctionKind.ArrayAgg => AggregateFunction.ArrayAgg,
        AggregateFunctionKind.StddevPop => AggregateFunction.StddevPop,
        AggregateFunctionKind.StddevSamp => AggregateFunction.StddevSamp,
        AggregateFunctionKind.VarPop => AggregateFunction.VarPop,
        AggregateFunctionKind.VarSamp => AggregateFunction.VarSamp,
        AggregateFunctionKind.BoolAnd => AggregateFunction.BoolAnd,
        AggregateFunctionKind.BoolOr => AggregateFunction.BoolOr,
        AggregateFunctionKind.RowNumber => AggregateFunction.RowNumber,
        AggregateFunctionKind.Rank => AggregateFunction.Rank,
        AggregateFunctionKind.DenseRank => AggregateFunction.DenseRank,
        AggregateFunctionKind.Lag => AggregateFunction.Lag,
        AggregateFunctionKind.User => AggregateFunction.User,
        AggregateFunctionKind.ApproxCountDistinct => AggregateFunction.ApproxCountDistinct,
        _ => throw new NotSupportedException($"{call.FunctionName} is resolved by the planner and has no accumulator"),
    };
}
