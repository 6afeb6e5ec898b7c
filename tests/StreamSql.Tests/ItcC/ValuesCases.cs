namespace StreamSql.Tests.ItcC;

/// <summary>Flink's <c>ValuesITCase</c>: its one case.</summary>
internal static class ValuesCases
{
    public static IEnumerable<ItcCase> All()
    {
        yield return new("Values.testValues", [], "SELECT * FROM (VALUES (1, 'Bob'), (1, 'Alice')) T(a, b)", ["+I(1,Alice)", "+I(1,Bob)"])
        {
            Result = ItcResult.Raw,
        };
    }
}
