namespace StreamSql.Tests.ExprX;

/// <summary>
/// One <c>testSqlApi(expr, expected)</c> (or <c>testAllApis</c>' SQL string) of Flink's planner expression tests
/// (flink-table-planner, <c>planner/expressions/*Test.scala</c>): the expression is evaluated over the source's one-row
/// <see cref="ExprTestRow"/> and its value cast to STRING, as <c>ExpressionTestBase</c> does; a NULL reads "NULL".
/// </summary>
/// <param name="Name">The Flink test file and method, with the case's number within it.</param>
/// <param name="Row">The test row the expression reads.</param>
/// <param name="Sql">The SQL expression, as Flink's test writes it.</param>
/// <param name="Expected">Flink's expected string, or null when the expression must be refused.</param>
/// <param name="Error">For a refused expression (<c>testExpectedSqlException</c>): the words Flink's message contains,
/// or "" when the test names none.</param>
internal sealed record ExprCase(string Name, ExprTestRow Row, string Sql, string? Expected, string? Error = null)
{
    /// <summary>The session time zone (<c>table.local-time-zone</c>) the test sets; Flink's test default here is UTC.</summary>
    public string TimeZone { get; init; } = "UTC";

    public override string ToString() => Name;
}
