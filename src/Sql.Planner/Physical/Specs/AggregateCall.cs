using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// One aggregate function call of an aggregation: <c>SUM(DISTINCT b) FILTER (WHERE c &gt; 0)</c>.
/// </summary>
/// <param name="Kind">The function (semantics on <see cref="AggregateFunctionKind"/>).</param>
/// <param name="ArgIndexes">The argument columns of the operator's input rows (Single and Local phase; for the Global phase
/// they are the Local phase's input columns, kept for EXPLAIN — the Global phase reads accumulators instead, see
/// <see cref="AccumulatorLayout"/>). Empty for <c>COUNT(*)</c>. For LISTAGG with a separator the second argument is a
/// column holding the separator constant, as in Flink; <see cref="Separator"/> has its value.</param>
/// <param name="Distinct">Whether each distinct argument value counts once (<c>COUNT(DISTINCT x)</c>): the operator keeps,
/// per group, each distinct value with the number of rows that carry it; the function sees a value when its count goes
/// from 0 to 1 and a retraction of it when the count goes back to 0.</param>
/// <param name="FilterArg">A BOOLEAN NOT NULL input column; rows where it is FALSE are skipped for this call only. -1: none.</param>
/// <param name="ResultType">The result's type, Flink's: COUNT BIGINT NOT NULL, SUM(INT) INT, SUM(DECIMAL(p, s)) DECIMAL(38, s),
/// AVG(INT) INT, AVG(DECIMAL(p, s)) DECIMAL(38, max(6, s)), MIN/MAX/FIRST_VALUE/LAST_VALUE the argument's type, LISTAGG STRING.</param>
/// <param name="Name">The output column's name.</param>
public sealed record AggregateCall(
    AggregateFunctionKind Kind,
    IReadOnlyList<int> ArgIndexes,
    bool Distinct,
    int FilterArg,
    SqlType ResultType,
    string Name)
{
    /// <summary>LISTAGG's separator (<c>,</c> when not written); null for other functions.</summary>
    public string? Separator { get; init; }

    /// <summary>For <see cref="AggregateFunctionKind.User"/>: the function and its <c>Accumulate</c> method that takes the arguments.</summary>
    public Functions.UserDefined.UserFunctionCall? UserAggregate { get; init; }

    /// <summary>LAG's offset: how many rows back it reads (1 when not written).</summary>
    public int LagOffset { get; init; } = 1;

    /// <summary>The name Flink's plans print: <c>COUNT</c>, <c>$SUM0</c>, <c>FIRST_VALUE</c>.</summary>
    public string FunctionName => Kind switch
    {
        AggregateFunctionKind.Count or AggregateFunctionKind.ApproxCountDistinct => "COUNT",
        AggregateFunctionKind.Sum => "SUM",
        AggregateFunctionKind.Sum0 => "$SUM0",
        AggregateFunctionKind.Avg => "AVG",
        AggregateFunctionKind.Min => "MIN",
        AggregateFunctionKind.Max => "MAX",
        AggregateFunctionKind.FirstValue => "FIRST_VALUE",
        AggregateFunctionKind.LastValue => "LAST_VALUE",
        AggregateFunctionKind.ListAgg => "LISTAGG",
        AggregateFunctionKind.ArrayAgg => "ARRAY_AGG",
        AggregateFunctionKind.StddevPop => "STDDEV_POP",
        AggregateFunctionKind.StddevSamp => "STDDEV_SAMP",
        AggregateFunctionKind.VarPop => "VAR_POP",
        AggregateFunctionKind.VarSamp => "VAR_SAMP",
        AggregateFunctionKind.BoolAnd => "BOOL_AND",
        AggregateFunctionKind.BoolOr => "BOOL_OR",
        AggregateFunctionKind.RowNumber => "ROW_NUMBER",
        AggregateFunctionKind.Rank => "RANK",
        AggregateFunctionKind.DenseRank => "DENSE_RANK",
        AggregateFunctionKind.Lag => "LAG",
        AggregateFunctionKind.Lead => "LEAD",
        AggregateFunctionKind.Ntile => "NTILE",
        AggregateFunctionKind.CumeDist => "CUME_DIST",
        AggregateFunctionKind.PercentRank => "PERCENT_RANK",
        AggregateFunctionKind.Grouping => "GROUPING",
        AggregateFunctionKind.User => UserAggregate?.Function.Name ?? "USER",
        _ => "GROUPING_ID",
    };

    /// <summary>Whether plans print the call with DISTINCT: a DISTINCT call, or APPROX_COUNT_DISTINCT (Calcite makes it an
    /// approximate COUNT(DISTINCT x), which Flink's plans print as COUNT(DISTINCT x)).</summary>
    public bool PrintsDistinct => Distinct || Kind == AggregateFunctionKind.ApproxCountDistinct;

    /// <summary>The function's name in a state signature (stable ids): APPROX_COUNT_DISTINCT keeps a sketch, not a count.</summary>
    public string StateName => Kind == AggregateFunctionKind.ApproxCountDistinct ? "APPROX_COUNT_DISTINCT" : FunctionName;

    /// <summary>Whether two calls compute the same thing (same function, arguments, DISTINCT, FILTER and type).</summary>
    public bool SameComputation(AggregateCall other) =>
        Kind == other.Kind && Distinct == other.Distinct && FilterArg == other.FilterArg && ArgIndexes.SequenceEqual(other.ArgIndexes)
        && ResultType.Equals(other.ResultType) && Separator == other.Separator && LagOffset == other.LagOffset
        && ReferenceEquals(UserAggregate?.Function, other.UserAggregate?.Function);

    public bool Equals(AggregateCall? other) => other is not null && SameComputation(other) && Name == other.Name;

    public override int GetHashCode() => HashCode.Combine(Kind, ArgIndexes.Count, Distinct, FilterArg, Name);
}
