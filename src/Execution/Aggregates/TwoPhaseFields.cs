using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// The accumulators behind each field of a two-phase aggregation's intermediate row (<see cref="AccumulatorLayout"/>): what
/// the Local phase computes a field with from its input rows, and what the Global phase merges the field into its state
/// with.
/// </summary>
public static class TwoPhaseFields
{
    /// <summary>The Local phase's accumulator of <paramref name="field"/>, over rows of <paramref name="input"/>.</summary>
    public static AggregateCallBinding Local(AccumulatorField field, IReadOnlyList<AggregateCall> calls, RowSchema input, bool retracting)
    {
        if (field.CallIndex < 0)
            return new AggregateCallBinding(new AccumulatorSpec(AggregateFunction.Count, [], field.Type, Retracting: retracting), [], -1);
        var call = calls[field.CallIndex];
        var arguments = call.ArgIndexes.ToArray();
        var types = arguments.Select(a => input[a].Type).ToArray();
        var spec = field.Role switch
        {
            // COUNT itself, or the count of non-NULL values beside a SUM or AVG.
            AccumulatorRole.Count => new AccumulatorSpec(AggregateFunction.Count, types, field.Type, Retracting: retracting),
            AccumulatorRole.Sum => new AccumulatorSpec(call.Kind == AggregateFunctionKind.Sum ? AggregateFunction.Sum : AggregateFunction.Sum0, types,
                field.Type, Retracting: retracting) { Partial = retracting },
            _ => new AccumulatorSpec(AggregateCallBinding.FunctionOf(call), types, field.Type, Retracting: retracting),
        };
        return new AggregateCallBinding(spec, arguments, call.FilterArg);
    }

    /// <summary>The Global phase's accumulator merging <paramref name="field"/> (read from input column <paramref name="column"/>).</summary>
    public static AggregateCallBinding Global(AccumulatorField field, IReadOnlyList<AggregateCall> calls, int column)
    {
        var function = field.Role switch
        {
            AccumulatorRole.Count => AggregateFunction.Sum0,
            AccumulatorRole.Sum => field.Type.Nullable ? AggregateFunction.Sum : AggregateFunction.Sum0,
            _ => AggregateCallBinding.FunctionOf(calls[field.CallIndex]),
        };
        return new AggregateCallBinding(new AccumulatorSpec(function, [field.Type], field.Type), [column], -1);
    }
}
