namespace StreamSql.Sql.Planner.Functions;

/// <summary>The aggregate and window-ranking functions (their planning belongs to the stateful operators; here only names).</summary>
internal static class AggregateFunctionNames
{
    public static readonly string[] Names =
    {
        "COUNT", "SUM", "SUM0", "AVG", "MIN", "MAX", "FIRST_VALUE", "LAST_VALUE", "LISTAGG", "COLLECT", "ARRAY_AGG", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "PERCENTILE",
        "APPROX_COUNT_DISTINCT",
        "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP",
        "ROW_NUMBER", "RANK", "DENSE_RANK", "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD",
    };

    public static IEnumerable<FunctionDefinition> All()
    {
        foreach (var name in Names)
            yield return new FunctionDefinition(name, FunctionKind.Aggregate, "", null);
    }
}
