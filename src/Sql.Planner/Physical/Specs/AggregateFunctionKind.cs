namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The built-in aggregate functions, with Flink's semantics. Every function ignores NULL arguments (a row whose argument is
/// NULL does not count) and skips rows whose <see cref="AggregateCall.FilterArg"/> column is not TRUE. "Over retractions"
/// says what a <c>-U</c>/<c>-D</c> input row does: it removes one earlier occurrence of its values.
/// </summary>
public enum AggregateFunctionKind
{
    /// <summary><c>COUNT(*)</c> (no arguments: every row) or <c>COUNT(x, ...)</c> (rows where every argument is non-NULL).
    /// BIGINT NOT NULL; 0 for a group that has rows but none counted. Retraction subtracts one.</summary>
    Count,
    /// <summary><c>SUM(x)</c>: the sum in the result type (integer overflow wraps as Java's; DECIMAL(38, s) overflow gives NULL);
    /// NULL while no non-NULL value is in the group. Retraction subtracts; needs the count of non-NULL values to know when
    /// the sum becomes NULL again.</summary>
    Sum,
    /// <summary>Flink's <c>$SUM0(x)</c> (written <c>SUM0(x)</c>): like <see cref="Sum"/> but 0 instead of NULL, NOT NULL.</summary>
    Sum0,
    /// <summary><c>AVG(x)</c>: sum / count of the non-NULL values, computed as Flink's AvgAggFunction: the sum in BIGINT for
    /// integer arguments, DOUBLE for FLOAT/DOUBLE, DECIMAL(38, s) for DECIMAL(p, s); the quotient cast to the result type
    /// (integers divide truncating toward zero, so AVG of INT 1 and 2 is 1; DECIMAL divides HALF_UP to the result scale).
    /// NULL when the count is 0.</summary>
    Avg,
    /// <summary><c>MIN(x)</c>: the smallest non-NULL value (strings by UTF-16 code units as Java's <c>compareTo</c>).
    /// Over retractions the operator keeps every value with its count (Flink's MinWithRetract) to find the next one.</summary>
    Min,
    /// <summary><c>MAX(x)</c>, as <see cref="Min"/> with the largest value.</summary>
    Max,
    /// <summary><c>FIRST_VALUE(x)</c>: the first non-NULL value in arrival order. Over retractions: the earliest value still
    /// present (Flink's FirstValueWithRetract keeps values with their arrival order).</summary>
    FirstValue,
    /// <summary><c>LAST_VALUE(x)</c>: the last non-NULL value in arrival order; over retractions the latest still present.</summary>
    LastValue,
    /// <summary><c>LISTAGG(x [, separator])</c>: the non-NULL values in arrival order joined by the separator
    /// (<see cref="AggregateCall.Separator"/>, default <c>,</c>); NULL when there are none. A retraction removes the first
    /// equal value from the list (Flink's ListAggWithRetract).</summary>
    ListAgg,
    /// <summary><c>STDDEV_POP(x)</c>, computed as Flink 2.x: Welford's running mean and M2 (sum of squared deviations) in
    /// DOUBLE over the non-NULL values; result <c>CAST(POWER(M2 / n, 0.5) AS result type)</c> (so an INT argument gives a
    /// truncated INT); NULL when n = 0. Retraction runs Welford's update backwards.</summary>
    StddevPop,
    /// <summary><c>STDDEV_SAMP(x)</c> (also <c>STDDEV(x)</c>): <c>CAST(POWER(M2 / (n - 1), 0.5) AS result type)</c>; NULL when n ≤ 1.</summary>
    StddevSamp,
    /// <summary><c>VAR_POP(x)</c>: <c>CAST(M2 / n AS result type)</c>; NULL when n = 0.</summary>
    VarPop,
    /// <summary><c>VAR_SAMP(x)</c> (also <c>VARIANCE(x)</c>): <c>CAST(M2 / (n - 1) AS result type)</c>; NULL when n ≤ 1.</summary>
    VarSamp,
    /// <summary><c>BOOL_AND(x)</c>: TRUE when every non-NULL value is TRUE (MIN over BOOLEAN, FALSE &lt; TRUE); NULL when none.</summary>
    BoolAnd,
    /// <summary><c>BOOL_OR(x)</c>: TRUE when any non-NULL value is TRUE (MAX over BOOLEAN); NULL when none.</summary>
    BoolOr,
    /// <summary><c>APPROX_COUNT_DISTINCT(x)</c>: the number of distinct non-NULL values estimated by a HyperLogLog++ sketch
    /// of precision 14, bit for bit as Flink's <c>ApproxCountDistinctAggFunctions</c> (same hashes, registers and bias
    /// correction). BIGINT NOT NULL; 0 when there are none. No retraction (a sketch cannot forget a value), so never over an
    /// updating input; sketches merge (window slices, sessions). Flink plans it as an approximate <c>COUNT(DISTINCT x)</c>
    /// and prints it so.</summary>
    ApproxCountDistinct,
    /// <summary><c>ARRAY_AGG(x)</c>: every value in arrival order, NULLs included (Flink's <c>ArrayAggFunction</c>, RESPECT
    /// NULLS); NULL when the group has none. A retraction removes the first equal value (NULL equals NULL).</summary>
    ArrayAgg,
    /// <summary><c>ROW_NUMBER()</c> as an OVER aggregate (no filter on it, so not a Top-N): the number of rows of the
    /// partition up to the current one (a RANGE frame counts the current row's peers too, as Flink's RowNumberAggFunction
    /// under RowTimeRangeUnboundedPrecedingFunction). BIGINT NOT NULL; unbounded frames only.</summary>
    RowNumber,
    /// <summary><c>RANK()</c> as an OVER aggregate: one more than the number of rows before the first row with the current
    /// ORDER BY value (the argument is the order column). BIGINT NOT NULL; unbounded frames only.</summary>
    Rank,
    /// <summary><c>DENSE_RANK()</c> as an OVER aggregate: the number of distinct ORDER BY values up to the current row.</summary>
    DenseRank,
    /// <summary><c>LAG(x [, offset [, default]])</c> as an OVER aggregate: x of the row <see cref="AggregateCall.LagOffset"/>
    /// rows before the current one in the partition, else the default (second argument column) or NULL (Flink's
    /// LagAggFunction). Unbounded frames only.</summary>
    Lag,
    /// <summary><c>GROUPING(x)</c>. Planner only: resolved into an expression over the Expand's <c>$e</c> column; never in a spec.</summary>
    Grouping,
    /// <summary><c>GROUPING_ID(x, ...)</c>. Planner only, as <see cref="Grouping"/>.</summary>
    GroupingId,
    /// <summary>A user-defined aggregate function (<see cref="AggregateCall.UserAggregate"/>): its <c>Accumulate</c>, and
    /// <c>Retract</c> over retractions, fold rows into a .NET accumulator per group; the result is its <c>GetValue</c>. Called
    /// with NULL arguments too, except into a parameter of a non-nullable value type. One phase only.</summary>
    User,
    /// <summary><c>LEAD(x [, offset [, default]])</c>, batch mode only: x of the row <see cref="AggregateCall.LagOffset"/> rows
    /// after the current one in the partition, else the default or NULL.</summary>
    Lead,
    /// <summary><c>NTILE(n)</c>, batch mode only: the bucket (1..n) of the row when the partition is split in order into n
    /// buckets whose sizes differ by at most one, the larger first (n is <see cref="AggregateCall.LagOffset"/>). BIGINT NOT NULL.</summary>
    Ntile,
    /// <summary><c>CUME_DIST()</c>, batch mode only: the rows up to the current row's last peer over the partition's rows. DOUBLE NOT NULL.</summary>
    CumeDist,
    /// <summary><c>PERCENT_RANK()</c>, batch mode only: (RANK - 1) / (rows of the partition - 1), 0 for a partition of one row. DOUBLE NOT NULL.</summary>
    PercentRank,
}
