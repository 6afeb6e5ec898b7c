namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>ScalarOperatorsTest</c> over <see cref="ExprTestRow.ScalarOperators"/>.</summary>
internal static class ScalarOperatorsCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("ScalarOperators", ExprTestRow.ScalarOperators);
        l.Method("testIn")
            .Sql("f2 IN (1, 2, 42)", "TRUE")
            .Sql("CAST (f0 AS DECIMAL) IN (42.0, 2.00, 3.01, 1.000000)", "TRUE")
            .Sql("f10 IN ('This is a test String.', 'String', 'Hello world', 'Comment#1')", "TRUE")
            .Sql("f14 IN ('This is a test String.', 'String', 'Hello world')", "NULL")
            .Sql("f15 IN (DATE '1996-11-10')", "TRUE")
            .Sql("f15 IN (DATE '1996-11-10', DATE '1996-11-11')", "TRUE")
            .Sql("f7 IN (f16, f17)", "TRUE");
        l.Method("testCompareOperator")
            .Sql("f18 > f19", "TRUE").Sql("f18 >= f19", "TRUE").Sql("f18 < f19", "FALSE").Sql("f18 <= f19", "FALSE").Sql("f18 = f18", "TRUE")
            .Sql("f19 < f20", "TRUE")
            .Sql("x'68656C6C6F20636F6465' < x'68656C6C6F2063617374'", "FALSE")
            .Sql("x'68656C6C6F20636F6465' > x'68656C6C6F2063617374'", "TRUE");
        l.Method("testFunctionWithBooleanExpression")
            .Sql("IFNULL(f18 > f19, false)", "TRUE").Sql("IFNULL(f18 >= f19, false)", "TRUE").Sql("IFNULL(f18 < f19, true)", "FALSE")
            .Sql("IFNULL(f18 <= f19, true)", "FALSE").Sql("IFNULL(f18 = f18, false)", "TRUE")
            .Sql("IFNULL((f6 is false) and f11, true) ", "FALSE").Sql("IFNULL((f6 is true) or f11, false) ", "TRUE")
            .Sql("IFNULL(not f11, false) ", "TRUE").Sql("IFNULL(f6 is true, false) ", "TRUE").Sql("IFNULL(f6 is not true, true) ", "FALSE")
            .Sql("IFNULL(f6 is false, true) ", "FALSE").Sql("IFNULL(f6 is not false, false) ", "TRUE");
        l.Method("testOtherExpressions")
            .Sql("CASE WHEN f13.f1 IS NULL THEN 'a' ELSE 'b' END", "a").Sql("CASE WHEN f13.f1 IS NOT NULL THEN 'a' ELSE 'b' END", "b")
            .Sql("f13 IS NULL", "FALSE").Sql("f13 IS NOT NULL", "TRUE").Sql("f13.f0 IS NULL", "FALSE").Sql("f13.f0 IS NOT NULL", "TRUE")
            .Sql("f13.f1 IS NULL", "TRUE").Sql("f13.f1 IS NOT NULL", "FALSE")
            .Sql("true", "TRUE").Sql("fAlse", "FALSE").Sql("tRuE", "TRUE")
            .Sql("CASE 11 WHEN 1 THEN 'a' ELSE 'b' END", "b").Sql("CASE 2 WHEN 1 THEN 'a' ELSE 'b' END", "b");
        foreach (var (n, expected) in new[] { (1, "1 or 2"), (2, "1 or 2"), (3, "3"), (4, "none of the above") })
            l.Sql($"CASE {n} WHEN 1, 2 THEN '1 or 2' WHEN 2 THEN 'not possible' WHEN 3, 2 THEN '3' ELSE 'none of the above' END", expected);
        l.Sql("CASE WHEN 'a'='a' THEN 1 END", "1").Sql("CASE 2 WHEN 1 THEN 'a' WHEN 2 THEN 'bcd' END", "bcd")
            .Sql("CASE 1 WHEN 1 THEN 'a' WHEN 2 THEN 'bcd' END", "a").Sql("CASE f2 WHEN 1 THEN 11 WHEN 2 THEN 4 ELSE NULL END", "11")
            .Sql("CASE f7 WHEN 1 THEN 11 WHEN 2 THEN 4 ELSE NULL END", "NULL").Sql("CASE 42 WHEN 1 THEN 'a' WHEN 2 THEN 'bcd' END", "NULL")
            .Sql("CASE 1 WHEN 1 THEN true WHEN 2 THEN false ELSE NULL END", "TRUE")
            .Sql("IF(true, TRY_CAST ('non-numeric' AS BIGINT), 0)", "NULL");
        l.Method("testUnaryPlusMinus")
            .Sql("-f0", "-1").Sql("+f0", "1").Sql("-f1", "-1").Sql("+f1", "1").Sql("-f2", "-1").Sql("+f2", "1").Sql("-f3", "-1").Sql("+f3", "1")
            .Sql("-f4", "-1.0").Sql("+f4", "1.0").Sql("-f5", "-1.0").Sql("+f5", "1.0").Sql("-f17", "-10.0").Sql("+f17", "10.0");
        l.Method("testTemporalTypeEqualsStringLiteral");
        TemporalEqualsLiteral(l, negated: false);
        l.Method("testTemporalTypeEqualsStringType");
        TemporalEqualsString(l, negated: false);
        l.Method("testTimePointTypeNotEqualsString");
        TemporalEqualsLiteral(l, negated: true);
        TemporalEqualsString(l, negated: true);
        l.Method("testMoreEqualAndNonEqual");
        Equalities(l, "f10", "'String'", "'string'", "CAST(NULL AS STRING)");
        Equalities(l, "f2", "1", "2", "CAST(NULL AS INT)");
        Equalities(l, "f24", "ARRAY['hello', 'world']", "ARRAY['hello1', 'world']", "CAST(NULL AS ARRAY<STRING>)");
        Equalities(l, "f25", "MAP['a', 1, 'b', 2]", "MAP['a', 3, 'b', 2]", "CAST(NULL AS MAP<STRING, INT>)");
        Equalities(l, "f30", "ROW('abc', 'def')", "ROW('abc', 'xyz')", "CAST(NULL AS ROW<f0 STRING, f1 STRING>)");
        foreach (var not in new[] { false, true })
        {
            string N(string e) => not ? $"NOT({e})" : e;
            string B(string b) => !not ? b : b == "TRUE" ? "FALSE" : b == "FALSE" ? "TRUE" : b;
            l.Sql(N("f31 = f33"), B("TRUE")).Sql(N("f31 = f32"), B("FALSE")).Sql(N("f31 = NULL"), "NULL").Sql(N("f31 = f34"), "NULL")
                .Sql(N("f31 = CAST(NULL AS INTERVAL DAY)"), "NULL").Sql(N("f33 = f31"), B("TRUE")).Sql(N("f32 = f31"), B("FALSE"))
                .Sql(N("NULL = f31"), "NULL").Sql(N("f34 = f31"), "NULL").Sql(N("CAST(NULL AS INTERVAL DAY) = f31"), "NULL");
        }
        l.Method("testTryCast").Sql("TRY_CAST ('non-numeric' AS BIGINT)", "NULL").Sql("TRY_CAST (f10 AS BIGINT)", "NULL");
        return l.Cases;
    }

    /// <summary><c>c = equal</c>, <c>c = unequal</c>, <c>c = NULL</c>, <c>c = typedNull</c>, the same reversed, then all eight
    /// negated, as <c>testMoreEqualAndNonEqual</c> lists them per type.</summary>
    private static void Equalities(ExprCaseList l, string column, string equal, string unequal, string typedNull)
    {
        foreach (var not in new[] { false, true })
        {
            string N(string e) => not ? $"NOT({e})" : e;
            string T = not ? "FALSE" : "TRUE", F = not ? "TRUE" : "FALSE";
            l.Sql(N($"{column} = {equal}"), T).Sql(N($"{column} = {unequal}"), F).Sql(N($"{column} = NULL"), "NULL")
                .Sql(N($"{column} = {typedNull}"), "NULL").Sql(N($"{equal} = {column}"), T).Sql(N($"{unequal} = {column}"), F)
                .Sql(N($"NULL = {column}"), "NULL").Sql(N($"{typedNull} = {column}"), "NULL");
        }
    }

    private static void TemporalEqualsLiteral(ExprCaseList l, bool negated)
    {
        string N(string e) => negated ? $"NOT({e})" : e;
        string T = negated ? "FALSE" : "TRUE", F = negated ? "TRUE" : "FALSE";
        l.Sql(N("f15 = '1996-11-10'"), T).Sql(N("f15 = '1996-11-11'"), F).Sql(N("'1996-11-10' = f15"), T).Sql(N("'1996-11-11' = f15"), F)
            .Sql(N("f21 = '12:34:56'"), T).Sql(N("f21 = '13:34:56'"), F).Sql(N("'12:34:56' = f21"), T).Sql(N("'13:34:56' = f21"), F)
            .Sql("TYPEOF(f22)", "TIMESTAMP(6)")
            .Sql(N("f22 = '1996-11-10 12:34:56'"), T).Sql(N("f22 = '1996-11-10 12:34:57'"), F).Sql(N("f22 = cast(null as string)"), "NULL")
            .Sql(N("'1996-11-10 12:34:56' = f22"), T).Sql(N("'1996-11-10 12:34:57' = f22"), F).Sql(N("cast(null as string) = f22"), "NULL")
            .Sql("TYPEOF(f23)", "TIMESTAMP_LTZ(6)")
            // Flink's testTimePointTypeNotEqualsString repeats the TIMESTAMP_LTZ comparisons without NOT.
            .Sql("f23 = '1996-11-10 12:34:56'", "TRUE").Sql("f23 = '1996-11-10 12:34:57'", "FALSE").Sql("f23 = cast(null as string)", "NULL")
            .Sql("'1996-11-10 12:34:56' = f23", "TRUE").Sql("'1996-11-10 12:34:57' = f23", "FALSE").Sql("cast(null as string) = f23", "NULL");
    }

    private static void TemporalEqualsString(ExprCaseList l, bool negated)
    {
        string N(string e) => negated ? $"NOT({e})" : e;
        string T = negated ? "FALSE" : "TRUE", F = negated ? "TRUE" : "FALSE";
        foreach (var (column, same, next) in new[]
                 {
                     ("f15", "date_format(cast(f15 as timestamp), 'yyyy-MM-dd')", "date_format(cast(f15 as timestamp) + interval '1' day, 'yyyy-MM-dd')"),
                     ("f21", "date_format(cast(f21 as timestamp), 'HH:mm:ss')", "date_format(cast(f21 as timestamp) + interval '1' hour, 'HH:mm:ss')"),
                     ("f22", "date_format(f22, 'yyyy-MM-dd HH:mm:ss')", "date_format(f22 + interval '1' second, 'yyyy-MM-dd HH:mm:ss')"),
                     ("cast(f22 as timestamp_ltz)", "date_format(f22, 'yyyy-MM-dd HH:mm:ss')", "date_format(f22 + interval '1' second, 'yyyy-MM-dd HH:mm:ss')"),
                     ("f23", "date_format(f23, 'yyyy-MM-dd HH:mm:ss')", "date_format(f23 + interval '1' second, 'yyyy-MM-dd HH:mm:ss')"),
                 })
        {
            l.Sql(N($"{column} = {same}"), T).Sql(N($"{column} = {next}"), F).Sql(N($"{column} = uuid()"), "NULL")
                .Sql(N($"{same} = {column}"), T).Sql(N($"{next} = {column}"), F).Sql(N($"uuid() = {column}"), "NULL");
        }
    }
}
