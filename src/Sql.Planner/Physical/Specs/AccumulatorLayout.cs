using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>What an accumulator column of a two-phase aggregation holds, and how the Global phase merges it into its state.</summary>
public enum AccumulatorRole
{
    /// <summary>BIGINT NOT NULL: rows counted (COUNT, the count of non-NULL values of SUM/AVG, or the group's row count).
    /// Merge: add (a retracting Local phase sends negative partial counts).</summary>
    Count,
    /// <summary>A sum in the field's type; NULL (SUM) or 0 (SUM0, AVG) when nothing was summed. Merge: add, NULL counting as nothing.</summary>
    Sum,
    /// <summary>The smallest non-NULL value (FALSE &lt; TRUE for BOOL_AND). Merge: the smaller, NULL counting as nothing.</summary>
    Min,
    /// <summary>The largest non-NULL value (BOOL_OR). Merge: the larger, NULL counting as nothing.</summary>
    Max,
}

/// <summary>One accumulator column. <paramref name="CallIndex"/> is the aggregate call it belongs to, or -1 for the
/// group's row count (accumulated minus retracted rows) that an aggregation over retractions carries so the Global
/// phase knows when a group is empty and must be deleted.</summary>
public sealed record AccumulatorField(int CallIndex, AccumulatorRole Role, SqlType Type, string Name);

/// <summary>
/// The intermediate row of a two-phase aggregation — the one place its layout is defined. The Local phase emits, per key,
/// the group key columns followed by <see cref="Fields"/>; the Global phase reads them in that order (window
/// aggregations add the slice end after them). Field names follow Flink's (<c>count1$0</c>, <c>sum$1</c>, <c>(sum$2, count$3)</c>).
/// <para>Per function, from its Local accumulators, the Global phase's result is: COUNT: the count; SUM: the sum, or NULL
/// when its count of non-NULL values is 0 (that count is only there over retractions); $SUM0: the sum; AVG: NULL when the
/// count is 0, else <c>CAST(sum / count AS result type)</c> as <see cref="AggregateFunctionKind.Avg"/> says; MIN, MAX,
/// BOOL_AND, BOOL_OR: the value.</para>
/// </summary>
public sealed record AccumulatorLayout(IReadOnlyList<AccumulatorField> Fields)
{
    public static AccumulatorLayout None { get; } = new(Array.Empty<AccumulatorField>());

    /// <summary>
    /// Whether these calls can run in two phases: every function has mergeable accumulators (COUNT, SUM, $SUM0, AVG, and
    /// MIN, MAX, BOOL_AND, BOOL_OR over an insert-only input), and none is DISTINCT. Flink also splits DISTINCT calls
    /// (with a map of distinct values per key) and FIRST_VALUE, LISTAGG and the variance family; this engine runs those
    /// in one phase.
    /// </summary>
    public static bool Supports(IReadOnlyList<AggregateCall> calls, bool inputRetracts)
    {
        foreach (var call in calls)
        {
            if (call.Distinct) return false;
            switch (call.Kind)
            {
                case AggregateFunctionKind.Count or AggregateFunctionKind.Sum or AggregateFunctionKind.Sum0 or AggregateFunctionKind.Avg:
                    break;
                case AggregateFunctionKind.Min or AggregateFunctionKind.Max or AggregateFunctionKind.BoolAnd or AggregateFunctionKind.BoolOr:
                    if (inputRetracts) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary>The layout for <paramref name="calls"/> over rows of <paramref name="input"/>.</summary>
    public static AccumulatorLayout For(IReadOnlyList<AggregateCall> calls, RowSchema input, bool inputRetracts)
    {
        var fields = new List<AccumulatorField>();
        void Add(int call, AccumulatorRole role, SqlType type, string prefix) =>
            fields.Add(new AccumulatorField(call, role, type, prefix + "$" + fields.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var count = SqlType.BigInt.AsNotNull();
        for (int i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            switch (call.Kind)
            {
                case AggregateFunctionKind.Count:
                    Add(i, AccumulatorRole.Count, count, call.ArgIndexes.Count == 0 ? "count1" : "count");
                    break;
                case AggregateFunctionKind.Sum:
                    Add(i, AccumulatorRole.Sum, call.ResultType.WithNullable(true), "sum");
                    if (inputRetracts) Add(i, AccumulatorRole.Count, count, "count");
                    break;
                case AggregateFunctionKind.Sum0:
                    Add(i, AccumulatorRole.Sum, call.ResultType.AsNotNull(), "sum");
                    break;
                case AggregateFunctionKind.Avg:
                    Add(i, AccumulatorRole.Sum, AvgSumType(input[call.ArgIndexes[0]].Type), "sum");
                    Add(i, AccumulatorRole.Count, count, "count");
                    break;
                case AggregateFunctionKind.Min or AggregateFunctionKind.BoolAnd:
                    Add(i, AccumulatorRole.Min, call.ResultType.WithNullable(true), call.Kind == AggregateFunctionKind.Min ? "min" : "bool_and");
                    break;
                case AggregateFunctionKind.Max or AggregateFunctionKind.BoolOr:
                    Add(i, AccumulatorRole.Max, call.ResultType.WithNullable(true), call.Kind == AggregateFunctionKind.Max ? "max" : "bool_or");
                    break;
                default:
                    throw new InvalidOperationException($"{call.FunctionName} has no two-phase accumulators");
            }
        }
        if (inputRetracts) Add(-1, AccumulatorRole.Count, count, "count1");
        return new AccumulatorLayout(fields);
    }

    /// <summary>The accumulator fields of call <paramref name="callIndex"/>, in order.</summary>
    public IReadOnlyList<AccumulatorField> Of(int callIndex) => Fields.Where(f => f.CallIndex == callIndex).ToList();

    /// <summary>AVG's running sum (Flink's AvgAggFunction): BIGINT for integers, DOUBLE for FLOAT/DOUBLE, DECIMAL(38, s) for DECIMAL.</summary>
    public static SqlType AvgSumType(SqlType argument) => argument.Kind switch
    {
        SqlTypeKind.Float or SqlTypeKind.Double => SqlType.Double.AsNotNull(),
        SqlTypeKind.Decimal => SqlType.Decimal(SqlType.MaxDecimalPrecision, argument.Scale).AsNotNull(),
        _ => SqlType.BigInt.AsNotNull(),
    };
}
