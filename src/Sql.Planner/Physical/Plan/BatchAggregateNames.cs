using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// The names aggregations have in batch mode, as Flink's batch planner chooses between its operators: a hash aggregation
/// when every aggregate buffer is fixed-length, a sort aggregation otherwise (<c>BatchPhysicalHashAggRule</c> needs
/// <c>AggregateUtil.isAggBufferFixedLength</c>: every buffer field in the fixed-length part of a binary row, and no
/// imperative function whose accumulator is an object).
/// </summary>
internal static class BatchAggregateNames
{
    /// <summary><c>HashAggregate</c> or <c>SortAggregate</c>.</summary>
    public static string Aggregate(IReadOnlyList<AggregateCall> calls, RowSchema input) =>
        HashBuffers(calls, input) ? "HashAggregate" : "SortAggregate";

    /// <summary><c>HashWindowAggregate</c> or <c>SortWindowAggregate</c>.</summary>
    public static string WindowAggregate(IReadOnlyList<AggregateCall> calls, RowSchema input) =>
        HashBuffers(calls, input) ? "HashWindowAggregate" : "SortWindowAggregate";

    private static bool HashBuffers(IReadOnlyList<AggregateCall> calls, RowSchema input)
    {
        foreach (var call in calls)
        {
            bool fixedLength = call.Kind switch
            {
                AggregateFunctionKind.Count => true,
                AggregateFunctionKind.Sum or AggregateFunctionKind.Sum0 => FixedLength(call.ResultType),
                AggregateFunctionKind.Avg => FixedLength(AccumulatorLayout.AvgSumType(input[call.ArgIndexes[0]].Type)),
                AggregateFunctionKind.Min or AggregateFunctionKind.Max or AggregateFunctionKind.BoolAnd or AggregateFunctionKind.BoolOr =>
                    FixedLength(call.ResultType),
                // LISTAGG's buffer is a string; FIRST_VALUE, LAST_VALUE, ARRAY_AGG and WELFORD_M2 (the variance family)
                // are imperative functions with object accumulators.
                _ => false,
            };
            if (!fixedLength) return false;
        }
        return true;
    }

    /// <summary>Flink's <c>BinaryRowData.isInFixedLengthPart</c>: primitives, compact DECIMAL (precision ≤ 18) and compact
    /// TIMESTAMP (precision ≤ 3).</summary>
    private static bool FixedLength(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Float
            or SqlTypeKind.Double or SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.IntervalYearMonth or SqlTypeKind.IntervalDayTime => true,
        SqlTypeKind.Decimal => type.Precision <= 18,
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => type.Precision <= 3,
        _ => false,
    };
}
