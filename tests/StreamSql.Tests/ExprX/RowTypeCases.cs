namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>RowTypeTest</c> over <see cref="ExprTestRow.Rows"/>.</summary>
internal static class RowTypeCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("RowType", ExprTestRow.Rows);
        l.Method("testRowLiteral")
            .Sql("ROW(1, 'foo', true)", "(1, foo, TRUE)")
            .Sql("ROW(DATE '1985-04-11', TIME '14:15:16', TIMESTAMP '1985-04-11 14:15:16', CAST(0.1 AS DECIMAL(2, 1)), ARRAY[1, 2, 3], MAP['foo', 'bar'], row(1, true))",
                "(1985-04-11, 14:15:16, 1985-04-11 14:15:16, 0.1, [1, 2, 3], {foo=bar}, (1, TRUE))")
            .Sql("ROW(DATE '1985-04-11', TIME '14:15:16', TIMESTAMP '1985-04-11 14:15:16.123456', CAST(0.1 AS DECIMAL(2, 1)), ARRAY[1, 2, 3], MAP['foo', 'bar'], row(1, true))",
                "(1985-04-11, 14:15:16, 1985-04-11 14:15:16.123456, 0.1, [1, 2, 3], {foo=bar}, (1, TRUE))")
            .Sql("ROW(1 + 1, 2 * 3, NULLIF(1, 1))", "(2, 6, NULL)")
            .Sql("(1, 'foo', true)", "(1, foo, TRUE)");
        l.Method("testRowField")
            .Sql("(f0, f1)", "(NULL, 1)").Sql("f2", "(2, foo, TRUE)").Sql("(f2, f5)", "((2, foo, TRUE), (foo, NULL))")
            .Sql("f4", "(1984-03-12, 0.00000000, [1, 2, 3])").Sql("(f1, 'foo',true)", "(1, foo, TRUE)");
        l.Method("testRowOperations").Sql("f5.f0", "foo").Sql("f3.f1.f2", "TRUE");
        l.Method("testUnsupportedCastSqlApi").Fails("CAST(f5 AS BIGINT)", "Cast function cannot convert value");
        return l.Cases;
    }
}
