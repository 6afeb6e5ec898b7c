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
    /// <summary>DOUBLE NOT NULL: the mean of the values counted by the call's <see cref="Count"/> field (the variance family's
    /// Welford state, Flink's <c>WelfordM2AggFunction</c> accumulator n, mean, m2). Merged with the count and
    /// <see cref="M2"/> by Welford's parallel combination, never alone.</summary>
    Mean,
    /// <summary>DOUBLE NOT NULL: the sum of squared deviations from <see cref="Mean"/> (Welford's M2); see <see cref="Mean"/>.</summary>
    M2,
    /// <summary>STRING: LISTAGG's values joined by its separator, NULL when there were none (Flink's <c>ListAggFunction</c>
    /// accumulator). Merge: join the non-NULL partial strings with the separator, in arrival order.</summary>
    Concat,
    /// <summary>ARRAY: ARRAY_AGG's values in arrival order, NULL when there were none (Flink's <c>ArrayAggFunction</c>
    /// accumulator <c>list</c>). Merge: append the partial arrays' elements, in arrival order.</summary>
    Collect,
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
/// BOOL_AND, BOOL_OR, LISTAGG: the value; VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP: from the merged (n, mean, m2).</para>
/// </summary>
public sealed record AccumulatorLayout(IReadOnlyList<AccumulatorField> Fields)
{
    public static AccumulatorLayout None { get; } = new(Array.Empty<AccumulatorField>());

    /// <summary>
    /// Whether these calls can run in two phases: every function merges partial accumulators. Flink's rule
    /// (<c>AggregateUtil.doAllSupportPartialMerge</c>) is that every function is declarative or has a <c>merge</c> method;
    /// this engine merges COUNT, SUM, $SUM0, AVG, and over an insert-only input MIN, MAX, BOOL_AND, BOOL_OR, LISTAGG
    /// (Flink's declarative <c>ListAggFunction</c>), ARRAY_AGG (its <c>merge</c> appends the lists) and the variance family
    /// (Flink 2.x rewrites it to <c>WELFORD_M2</c>, which merges). FIRST_VALUE and LAST_VALUE have no <c>merge</c> in Flink
    /// either, so they keep the aggregation in one phase. Flink would also split DISTINCT calls (with a map of distinct
    /// values per key) and MIN, MAX, LISTAGG, ARRAY_AGG and the variance family over retractions: those run in one phase
    /// here (docs/sql.md).
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
                case AggregateFunctionKind.Min or AggregateFunctionKind.Max or AggregateFunctionKind.BoolAnd or AggregateFunctionKind.BoolOr
                    or AggregateFunctionKind.ListAgg or AggregateFunctionKind.ArrayAgg:
                    if (inputRetracts) return false;
                    break;
                case var kind when IsVariance(kind):
                    // A partial state with retracted values cannot be merged exactly (Flink's WelfordM2 merge drops the mean
                    // and M2 of a partial whose count is not positive).
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
                case AggregateFunctionKind.ListAgg:
                    Add(i, AccumulatorRole.Concat, SqlType.String, "concatAcc");
                    break;
                case AggregateFunctionKind.ArrayAgg:
                    Add(i, AccumulatorRole.Collect, call.ResultType.WithNullable(true), "list");
                    break;
                case var kind when IsVariance(kind):
                    Add(i, AccumulatorRole.Count, count, "n");
                    Add(i, AccumulatorRole.Mean, SqlType.Double.AsNotNull(), "mean");
                    Add(i, AccumulatorRole.M2, SqlType.Double.AsNotNull(), "m2");
                    break;
                default:
                    throw new InvalidOperationException($"{call.FunctionName} has no two-phase accumulators");
            }
        }
        if (inputRetracts) Add(-1, AccumulatorRole.Count, count, "count1");
        return new AccumulatorLayout(fields);
    }

    /// <summary>VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP: the functions whose partial state is Welford's (n, mean, m2).</summary>
    public static bool IsVariance(AggregateFunctionKind kind) => kind is AggregateFunctionKind.VarPop or AggregateFunctionKind.VarSamp
        or AggregateFunctionKind.StddevPop or AggregateFunctionKind.StddevSamp;

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
