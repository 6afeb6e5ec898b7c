namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>ScalarFunctionsValidationTest</c> (its SQL cases, each refused by Flink) over
/// <see cref="ExprTestRow.ScalarTypes"/>.</summary>
internal static class ScalarFunctionsValidationCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("ScalarFunctionsValidation", ExprTestRow.ScalarTypes);
        l.Method("testInvalidBin").Fails("BIN(f12)").Fails("BIN(f15)").Fails("BIN(f16)");
        l.Method("testInvalidTruncate")
            .Fails("TRUNCATE('abc', 'def')").Fails("TRUNCATE(f12, f0)").Fails("TRUNCATE(f12,f12)").Fails("TRUNCATE(f12, cast(f28 as DOUBLE))")
            .Fails("TRUNCATE(f12,f15)").Fails("TRUNCATE('abc')");
        l.Method("testTimestampAdd")
            .Fails("TIMESTAMPADD(XXX, 1, timestamp '2016-02-24'))").Fails("TIMESTAMPADD(YEAR, 1, timestamp '2016-02-24'))")
            .Fails("TIMESTAMPADD(YEAR, 1.0, timestamp '2016-02-24 12:42:25')");
        l.Method("testExtractFromTime");
        foreach (var unit in new[] { "DOW", "DOY", "ISODOW", "ISOYEAR", "EPOCH" }) l.Fails($"EXTRACT({unit} FROM TIME '12:42:25')");
        foreach (var unit in new[] { "MILLENNIUM", "CENTURY", "DECADE", "YEAR", "MONTH", "DAY" }) l.Fails($"EXTRACT({unit} FROM TIME '00:00:00')");
        l.Method("testInvalidStringToMap").Fails("STR_TO_MAP('k1:v1;k2:v2', ';')", "Invalid number of arguments to function 'STR_TO_MAP'");
        l.Method("testInvalidIf").Fails("IF(f7 > 5, f0, f1)", "Cannot apply 'IF' to arguments");
        l.Method("testInvalidToBase64").Fails("TO_BASE64(11)", "Cannot apply 'TO_BASE64' to arguments of type 'TO_BASE64(<INTEGER>)'");
        return l.Cases;
    }
}
