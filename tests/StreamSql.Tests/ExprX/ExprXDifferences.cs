namespace StreamSql.Tests.ExprX;

/// <summary>
/// The ported cases where the engine does not yet give Flink's string. They are held out of <see cref="ExprXTests"/>'s
/// run (and <see cref="ExprXTests.Differences_are_still_real"/> fails when one starts to match, so it moves back in).
/// Why they differ (December 2026):
/// <list type="bullet">
/// <item>testStringFunctionAndExpressionResultType: Flink types IFNULL(x, y) as y's type when x is nullable and its
/// constant reduction then truncates to VARCHAR(2); the engine takes the common type.</item>
/// <item>testTruncate#3: Flink prints TRUNCATE(DECIMAL(38, 19), column) with the value's own scale (-0.123).</item>
/// <item>SqlExpression SIN(2.5): the JVM's Math.sin and .NET's differ in the last digit.</item>
/// <item>testTimePointLiterals #7, #8, #11, testBoundaryForToTimestampLtz#13: TIMESTAMP(7..9) values before 1677 and
/// year 0 are outside the engine's nanosecond/date range.</item>
/// </list>
/// </summary>
internal static class ExprXDifferences
{
    public static readonly HashSet<string> Names =
    [
        "ScalarFunctions.testStringFunctionAndExpressionResultType#1",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#14",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#16",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#2",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#24",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#3",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#36",
        "ScalarFunctions.testStringFunctionAndExpressionResultType#4",
        "ScalarFunctions.testTruncate#3",
        "SqlExpression.testArithmeticFunctions#19",
        "TemporalTypes.testBoundaryForToTimestampLtz#13",
        "TemporalTypes.testTimePointLiterals#11",
        "TemporalTypes.testTimePointLiterals#7",
        "TemporalTypes.testTimePointLiterals#8",
    ];
}
