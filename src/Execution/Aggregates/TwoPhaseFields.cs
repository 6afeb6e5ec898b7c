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
        // LISTAGG's separator column is not an argument: its value is the call's Separator.
        var arguments = call.Kind == AggregateFunctionKind.ListAgg ? call.ArgIndexes.Take(1).ToArray() : call.ArgIndexes.ToArray();
        var types = arguments.Select(a => input[a].Type).ToArray();
        return new AggregateCallBinding(LocalSpec(field, call, types, retracting), arguments, call.FilterArg);
    }

    /// <summary>The Local phase's accumulator of a field of <paramref name="call"/> over arguments of <paramref name="types"/>.</summary>
    public static AccumulatorSpec LocalSpec(AccumulatorField field, AggregateCall call, IReadOnlyList<SqlType> types, bool retracting) => field.Role switch
    {
        // COUNT itself, or the count of non-NULL values beside a SUM, AVG or variance.
        AccumulatorRole.Count => new AccumulatorSpec(AggregateFunction.Count, types, field.Type, Retracting: retracting),
        AccumulatorRole.Sum => new AccumulatorSpec(call.Kind == AggregateFunctionKind.Sum ? AggregateFunction.Sum : AggregateFunction.Sum0, types,
            field.Type, Retracting: retracting) { Partial = retracting },
        AccumulatorRole.Mean or AccumulatorRole.M2 => new AccumulatorSpec(AggregateCallBinding.FunctionOf(call), types, field.Type, Retracting: retracting)
        {
            VarianceOutput = field.Role == AccumulatorRole.Mean ? VarianceOutput.Mean : VarianceOutput.M2,
        },
        AccumulatorRole.Concat => new AccumulatorSpec(AggregateFunction.ListAgg, types, field.Type, Separator: call.Separator ?? ","),
        _ => new AccumulatorSpec(AggregateCallBinding.FunctionOf(call), types, field.Type, Retracting: retracting),
    };

    /// <summary>
    /// The Global phase's accumulator merging <paramref name="field"/> (read from input column <paramref name="column"/>), or
    /// null for a field another field's accumulator merges: a variance's mean and M2 go with its count (the next two
    /// columns), into one accumulator that yields the call's result.
    /// </summary>
    public static AggregateCallBinding? Global(AccumulatorField field, IReadOnlyList<AggregateCall> calls, int column)
    {
        var call = field.CallIndex >= 0 ? calls[field.CallIndex] : null;
        if (call is not null && AccumulatorLayout.IsVariance(call.Kind))
        {
            if (field.Role != AccumulatorRole.Count) return null;
            var spec = new AccumulatorSpec(AggregateCallBinding.FunctionOf(call), [field.Type, SqlType.Double.AsNotNull(), SqlType.Double.AsNotNull()],
                call.ResultType) { MergesPartials = true };
            return new AggregateCallBinding(spec, [column, column + 1, column + 2], -1);
        }
        return new AggregateCallBinding(GlobalSpec(field, call), [column], -1);
    }

    /// <summary>The Global phase's accumulator of a single-column field of <paramref name="call"/> (null: the row count).</summary>
    public static AccumulatorSpec GlobalSpec(AccumulatorField field, AggregateCall? call)
    {
        var function = field.Role switch
        {
            AccumulatorRole.Count => AggregateFunction.Sum0,
            AccumulatorRole.Sum => field.Type.Nullable ? AggregateFunction.Sum : AggregateFunction.Sum0,
            AccumulatorRole.Concat => AggregateFunction.ListAgg,
            _ => AggregateCallBinding.FunctionOf(call!),
        };
        return new AccumulatorSpec(function, [field.Type], field.Type, Separator: call?.Separator ?? ",")
        {
            // ARRAY_AGG's partials are arrays whose elements it appends.
            MergesPartials = field.Role == AccumulatorRole.Collect,
        };
    }
}
