namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>DecimalTypeTest</c> over <see cref="ExprTestRow.DecimalTypes"/>.</summary>
internal static class DecimalTypeCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("DecimalType", ExprTestRow.DecimalTypes);
        l.Method("testDecimalLiterals").Sql("11.2", "11.2").Sql("0.7623533651719233", "0.7623533651719233")
            .Sql("1234567891234567891", "1234567891234567891");
        l.Method("testDecimalBorders").Sql("1.7976931348623157E308", "1.7976931348623157E308")
            .Sql("-1.7976931348623157E308", "-1.7976931348623157E308");
        l.Method("testDecimalArithmetic")
            .Sql("f1 + 12", "123456789123456789123456801").Sql("12 + f1", "123456789123456789123456801")
            .Sql("f1 + 12.3", "123456789123456789123456801.3").Sql("12.3 + f1", "123456789123456789123456801.3")
            .Sql("f1 + f1", "246913578246913578246913578").Sql("f1 - f1", "0").Sql("f1 / f1", "1.00000000").Sql("MOD(f1, f1)", "0")
            .Sql("-f0", "-123456789.123456789123456789");
        l.Method("testDecimalComparison")
            .Sql("f1 < 12", "FALSE").Sql("f1 > 12", "TRUE").Sql("f1 = 12", "FALSE").Sql("f5 = 0", "TRUE")
            .Sql("f1 = CAST('123456789123456789123456789' AS DECIMAL(30, 0))", "TRUE")
            .Sql("f1 <> CAST('123456789123456789123456789' AS DECIMAL(30, 0))", "FALSE")
            .Sql("f4 < f0", "TRUE").Sql("12 < f1", "TRUE").Sql("12 > f1", "FALSE")
            .Sql("12 - f37", "10").Sql("12 + f37", "14").Sql("12 * f37", "24").Sql("12 / f37", "6");
        l.Method("testFieldAccess")
            .Sql("f6", "123").Sql("f7", "123.45").Sql("f8", "100.00").Sql("f8 + f8", "200.00").Sql("f9", "100.10").Sql("f9 + f9", "200.20")
            .Sql("f10", "100.00").Sql("f10 + f10", "200.00").Sql("f11", "NULL").Sql("f12", "NULL");
        l.Method("testUnaryPlusMinus").Sql("+f6", "123").Sql("-f7", "-123.45").Sql("- (( + f6) - ( - f7))", "-246.45");
        l.Method("testPlusMinus")
            .Sql("f13 + f14", "300.2434").Sql("f13 - f14", "-100.0034").Sql("f7 + f2", "165.45").Sql("f2 + f7", "165.45")
            .Sql("f7 + f3", "127.65").Sql("f3 + f7", "127.65").Sql("f15 + f16", "300.024691358").Sql("f15 - f16", "-100.000000000")
            .Sql("f17 + f18", "10000000000.000000000").Sql("f17 - f18", "10000000000.000000000")
            .Sql("f19 + f19", "NULL").Sql("f19 + f19 - f19", "NULL");
        l.Method("testMultiply")
            .Sql("f20 * f20", "1.0000").Sql("f20 * f21", "2.000000").Sql("f20 * f22", "200.00").Sql("f22 * f20", "200.00")
            .Sql("f20 * f23", "3.14").Sql("f23 * f20", "3.14").Sql("f24 * f24", "1.000000").Sql("f24 * f25", "2.000000")
            .Sql("f26 * f26", "0.00010000000000000").Sql("f27 * f28", "0.000001").Sql("f29 * f29", "NULL")
            .Sql("f30 * f30", "1.00000000000000000");
        l.Method("testDivide")
            .Sql("f31 / f32", "0.333333").Sql("f31 / f33", "0.3333333").Sql("f31 / f34", "0.3333333333").Sql("f31 / f35", "0.333333")
            .Sql("f36 / f37", "0.5000000000000").Sql("f37 / f36", "2.00000000000")
            .Sql("f36 / f38", StreamSql.Execution.Types.JavaNumberFormat.Double(1.0 / 3.0)).Sql("f38 / f36", "3.0")
            .Sql("f39 / f40", "NULL");
        l.Method("testMod")
            .Sql("mod(f41, f42)", "3.0000").Sql("mod(f42, f41)", "2.0000").Sql("mod(f41, f43)", "3.00").Sql("mod(f43, f41)", "1.00")
            .Sql("mod(f44, f45)", "3").Sql("mod(-f44, f45)", "-3").Sql("mod(f44, -f45)", "3").Sql("mod(-f44, -f45)", "-3")
            .Sql("mod(f46, f47)", "3.1234");
        l.Method("testExactionFunctions")
            .Sql("if(f48 > f49, f48, f49)", "3.14").Sql("abs(f48)", "3.14").Sql("abs(-f48)", "3.14").Sql("floor(f48)", "3")
            .Sql("ceil(f48)", "4").Sql("sign(f48)", "1.00").Sql("sign(-f48)", "-1.00").Sql("sign(f48 - f48)", "0.00")
            .Sql("round(f50)", "647").Sql("round(f50,0)", "647").Sql("round(f50,1)", "646.6").Sql("round(f50,2)", "646.65")
            .Sql("round(f50,3)", "646.646").Sql("round(f50,4)", "646.646").Sql("round(f50,-1)", "650").Sql("round(f50,-2)", "600")
            .Sql("round(f50,-3)", "1000").Sql("round(f50,-4)", "0").Sql("round(f51,1)", "100.0").Sql("round(-f51,1)", "-100.0")
            .Sql("round(f51,-1)", "100").Sql("round(-f51,-1)", "-100").Sql("round(f52,-1)", "NULL");
        l.Method("testCaseWhen")
            .Sql("case f53 when 0 then f53 else f54 end", "0.0100").Sql("case f53 when 0 then f53 else f2 end", "42.0000")
            .Sql("case f53 when 0 then f23 else f53 end", "1.0E-4");
        l.Method("testEquality");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f63", "f65"), ("f63", "f66"), ("f64", "f63"), ("f65", "f63"), ("f66", "f63") })
            l.Sql($"{a}={b}", "TRUE");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f63", "f65"), ("f63", "f66"), ("f64", "f63"), ("f65", "f63"), ("f66", "f63") })
            l.Sql($"{a} IN({b})", "TRUE");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f64", "f63"), ("f63", "f65"), ("f65", "f63"), ("f63", "f66"), ("f66", "f63") })
            l.Sql($"{a} IS DISTINCT FROM {b}", "FALSE");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f63", "f65"), ("f63", "f66"), ("f64", "f63"), ("f65", "f63"), ("f66", "f63"), ("f63", "f64") })
            l.Sql($"NULLIF({a},{b})", "NULL");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f63", "f65"), ("f63", "f66"), ("f64", "f63"), ("f65", "f64"), ("f66", "f65") })
            l.Sql($"case {a} when {b} then 1 else 0 end", "1");
        l.Method("testComparison");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f63", "f65"), ("f63", "f66"), ("f64", "f63"), ("f65", "f63"), ("f66", "f63") })
            l.Sql($"{a} < {b}", "FALSE");
        l.Sql("f67 < f68", "TRUE").Sql("f67 < f69", "TRUE").Sql("f67 < f70", "TRUE")
            .Sql("f68 < f67", "FALSE").Sql("f69 < f67", "FALSE").Sql("f70 < f67", "FALSE");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f64", "f63"), ("f63", "f65"), ("f65", "f63"), ("f63", "f66"), ("f66", "f63") })
            l.Sql($"{a} between {b} and 1", "TRUE");
        foreach (var (a, b) in new[] { ("f63", "f64"), ("f64", "f63"), ("f63", "f65"), ("f65", "f63"), ("f63", "f66"), ("f66", "f63") })
            l.Sql($"{a} between 0 and {b}", "TRUE");
        l.Method("testCompareDecimalColWithNull").Sql("f35>cast(1234567890123.123 as decimal(20,16))", "NULL");
        return l.Cases;
    }
}
