namespace StreamSql.Tests.ExprX;

/// <summary>The SQL refusals of Flink's <c>ScalarOperatorsValidationTest</c>, <c>ArrayTypeValidationTest</c> and
/// <c>MapTypeValidationTest</c>, over their tests' rows.</summary>
internal static class ValidationCases
{
    public static IEnumerable<ExprCase> All()
    {
        var operators = new ExprCaseList("ScalarOperatorsValidation", ExprTestRow.ScalarOperators);
        operators.Method("testTemporalTypeEqualsInvalidStringLiteral");
        // Flink 1.20's test: "Error when casting CHAR(7) NOT NULL to DATE" (TIME, TIMESTAMP(6)); older ones named the
        // DateTimeException behind it.
        foreach (var (column, type) in new[] { ("f15", "DATE"), ("f21", "TIME"), ("f22", "TIMESTAMP(6)") })
        {
            var message = $"Error when casting CHAR(7) NOT NULL to {type}";
            operators.Fails($"{column} = 'invalid'", message).Fails($"'invalid' = {column}", message);
        }
        var arrays = new ExprCaseList("ArrayTypeValidation", ExprTestRow.Arrays);
        arrays.Method("testInvalidArrays")
            .Fails("ARRAY['string', 12]").Fails("ARRAY[]").Fails("ARRAY[NULL]").Fails("ARRAY[1, TRUE]").Fails("ELEMENT(f0)").Fails("CARDINALITY(f0)");
        var maps = new ExprCaseList("MapTypeValidation", ExprTestRow.Maps);
        maps.Method("testInvalidMaps")
            .Fails("f2[12]").Fails("f1 = f3").Fails("f6 <> f2").Fails("MAP[]").Fails("MAP['k1', 'string', 'k2', 12]");
        return operators.Cases.Concat(arrays.Cases).Concat(maps.Cases);
    }
}
