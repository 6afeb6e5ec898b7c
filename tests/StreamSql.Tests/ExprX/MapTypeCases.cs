namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>MapTypeTest</c> over <see cref="ExprTestRow.Maps"/>.</summary>
internal static class MapTypeCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("MapType", ExprTestRow.Maps);
        l.Method("testInputTypeGeneralization").Sql("MAP[CAST(1 AS DOUBLE), 'ABC']", "{1.0=ABC}");
        l.Method("testItem")
            .Sql("f0['map is null']", "NULL").Sql("f1['map is empty']", "NULL").Sql("f2['b']", "13").Sql("f3[1]", "NULL").Sql("f3[12]", "a")
            .Sql("f2[f3[12]]", "12");
        l.Method("testMapLiteral")
            .Sql("MAP[1, 1]", "{1=1}").Sql("map[TRUE, TRUE]", "{TRUE=TRUE}").Sql("MAP[MAP[1, 2], MAP[3, 4]]", "{{1=2}={3=4}}")
            .Sql("map[1, NULLIF(1,1)]", "{1=NULL}").Sql("MAP[1, CAST(2 AS BIGINT)]", "{1=2}")
            .Sql("MAP[DATE '1985-04-11', TIME '14:15:16']", "{1985-04-11=14:15:16}")
            .Sql("MAP[TIME '14:15:16', TIMESTAMP '1985-04-11 14:15:16']", "{14:15:16=1985-04-11 14:15:16}")
            .Sql("MAP[TIME '14:15:16', TIMESTAMP '1985-04-11 14:15:16.123']", "{14:15:16=1985-04-11 14:15:16.123}")
            .Sql("MAP[TIME '14:15:16', TIMESTAMP '1985-04-11 14:15:16.123456']", "{14:15:16=1985-04-11 14:15:16.123456}")
            .Sql("MAP[CAST(2.0002 AS DECIMAL(5, 4)), CAST(2.0003 AS DECIMAL(5, 4))]", "{2.0002=2.0003}")
            .Sql("MAP['k1', CAST(1 AS DOUBLE)]", "{k1=1.0}");
        l.Method("testMapField")
            .Sql("MAP[f4, f5]", "{foo=12}").Sql("MAP[f4, f1]", "{foo={}}").Sql("MAP[f2, f3]", "{{a=12, b=13}={12=a, 13=b}}")
            .Sql("MAP[f1['a'], f5]", "{NULL=12}").Sql("f1", "{}").Sql("f2", "{a=12, b=13}").Sql("f2['a']", "12").Sql("f3[12]", "a")
            .Sql("MAP[f4, f3]['foo'][13]", "b");
        l.Method("testMapOperations")
            .Sql("f1 = f2", "FALSE").Sql("f3 = f7", "TRUE").Sql("f5 = f2['a']", "TRUE").Sql("f8 = f9", "TRUE").Sql("f10 = f11", "TRUE")
            .Sql("f8 <> f9", "FALSE").Sql("f10 <> f11", "FALSE").Sql("f0['map is null']", "NULL").Sql("f1['map is empty']", "NULL")
            .Sql("f2['b']", "13").Sql("f3[1]", "NULL").Sql("f3[12]", "a").Sql("CARDINALITY(f3)", "2").Sql("f2['a'] IS NOT NULL", "TRUE")
            .Sql("f2['a'] IS NULL", "FALSE").Sql("f2['c'] IS NOT NULL", "FALSE").Sql("f2['c'] IS NULL", "TRUE");
        return l.Cases;
    }
}
