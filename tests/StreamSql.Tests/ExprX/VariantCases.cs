namespace StreamSql.Tests.ExprX;

/// <summary>
/// Flink's <c>VariantSemanticTest</c> (PARSE_JSON / TRY_PARSE_JSON over NULL and malformed text, <c>v[i]</c>,
/// <c>v['key']</c>, nested access and their errors) over <see cref="ExprTestRow.Variants"/>, each value read as text as
/// Flink's <c>VariantToStringCastRule</c> casts it: a stored string unquoted, a JSON null NULL, an object or array its
/// JSON (<c>BinaryVariant.toJson</c>). The number, escaping and duplicate-key cases follow <c>parseJson</c>.
/// </summary>
internal static class VariantCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("VariantSemantic", ExprTestRow.Variants);
        l.Method("parseJson")
            .Sql("PARSE_JSON(f0)", "{\"age\":30,\"city\":\"NYC\",\"name\":\"Alice\"}")
            .Sql("PARSE_JSON(f1)", "[1,\"hello\",3.14]")
            .Sql("PARSE_JSON(f3)", "NULL")
            .Sql("TRY_PARSE_JSON(f3)", "NULL")
            .Sql("TRY_PARSE_JSON(f4)", "NULL")
            .Sql("PARSE_JSON('1')", "1")
            .Sql("PARSE_JSON('  \"a\\u0041\\n\"  ')", "aA\n")
            .Sql("PARSE_JSON('[1.0, 1e0, 10000000000, 123456789012345678901234567890]')", "[1.0,1.0,10000000000,123456789012345678901234567890]")
            // Jackson reads 1.5E400 as an infinite double, which parses but cannot be written back as JSON.
            .Fails("PARSE_JSON('[1.5E400]')", "Non-finite value Infinity cannot be serialized to JSON.")
            .Fails("PARSE_JSON(f4)", "Failed to parse json string: {")
            .Fails("PARSE_JSON('{\"a\":1,\"a\":2}')", "Failed to parse json string: {\"a\":1,\"a\":2}")
            .Sql("PARSE_JSON('{\"a\":1,\"a\":2}', TRUE)", "{\"a\":2}")
            .Sql("TRY_PARSE_JSON('{\"a\":1,\"a\":2}')", "NULL")
            .Sql("TRY_PARSE_JSON('{\"a\":1,\"a\":2}', TRUE)", "{\"a\":2}")
            .Sql("PARSE_JSON(f0) IS NULL", "FALSE")
            .Sql("PARSE_JSON(f0) = PARSE_JSON(f0)", "TRUE")
            .Sql("PARSE_JSON('{\"a\":1,\"b\":2}') = PARSE_JSON('{\"b\":2,\"a\":1}')", "FALSE")
            .Sql("PARSE_JSON('7') <> PARSE_JSON('7.0')", "TRUE");
        l.Method("variantArrayAccess")
            .Sql("PARSE_JSON(f1)[1]", "1").Sql("PARSE_JSON(f1)[2]", "hello").Sql("PARSE_JSON(f1)[3]", "3.14")
            .Sql("PARSE_JSON(f1)[4]", "NULL").Sql("PARSE_JSON(f1)[0]", "NULL").Sql("PARSE_JSON(f3)[1]", "NULL")
            .Fails("PARSE_JSON(f1)['1']", "String key access on variant requires an object variant, but a non-object variant was provided.")
            .Fails("PARSE_JSON(f1)[1.5]",
                "Cannot apply 'ITEM' to arguments of type 'ITEM(<VARIANT>, <DECIMAL(2, 1)>)'. Supported form(s): <ARRAY>[<INTEGER>]\n<MAP>[<ANY>]\n<ROW>[<CHARACTER>|<INTEGER>]\n<VARIANT>[<CHARACTER>|<INTEGER>]");
        l.Method("variantObjectAccess")
            .Sql("PARSE_JSON(f0)['name']", "Alice").Sql("PARSE_JSON(f0)['age']", "30").Sql("PARSE_JSON(f0)['city']", "NYC")
            .Sql("PARSE_JSON(f0)['country']", "NULL").Sql("PARSE_JSON(f0)['Name']", "NULL").Sql("PARSE_JSON(f5)['k']", "NULL")
            .Sql("PARSE_JSON(f5)['k'] IS NULL", "FALSE").Sql("PARSE_JSON('true')", "TRUE").Sql("PARSE_JSON('[true]')", "[true]")
            .Fails("PARSE_JSON(f0)[1]", "Integer index access on variant requires an array variant, but a non-array variant was provided.");
        l.Method("variantNestedAccess")
            .Sql("PARSE_JSON(f2)['users'][1]['id']", "1").Sql("PARSE_JSON(f2)['users'][1]['name']", "Alice")
            .Sql("PARSE_JSON(f2)['users'][2]['name']", "NULL")
            .Sql("PARSE_JSON(f2)['users'][1] = PARSE_JSON('{\"id\":1,\"name\":\"Alice\"}')", "FALSE");
        l.Method("variantCasts")
            .Sql("CAST(PARSE_JSON(f0)['name'] AS VARCHAR(3))", "Ali")
            .Sql("CAST(PARSE_JSON(f0)['age'] AS INT)", "30").Sql("CAST(PARSE_JSON(f0)['age'] AS TINYINT)", "30")
            .Fails("CAST(PARSE_JSON('300') AS TINYINT)", "Cannot cast VARIANT value 300 to TINYINT")
            .Sql("TRY_CAST(PARSE_JSON('300') AS TINYINT)", "NULL")
            .Fails("CAST(PARSE_JSON('1.5') AS INT)", "Cannot cast VARIANT value 1.5 to INT")
            .Sql("CAST(PARSE_JSON(f1)[3] AS DOUBLE)", "3.14").Sql("CAST(PARSE_JSON(f1)[1] AS DOUBLE)", "1.0")
            .Sql("CAST(PARSE_JSON('2.50') AS DECIMAL(5, 1))", "2.5").Sql("CAST(PARSE_JSON('7') AS DECIMAL(3, 2))", "7.00")
            .Fails("CAST(PARSE_JSON('2.55') AS DECIMAL(5, 1))", "Cannot cast VARIANT value 2.55 to DECIMAL(5, 1)")
            .Sql("TRY_CAST(PARSE_JSON('70') AS DECIMAL(3, 2))", "NULL")
            .Sql("CAST(PARSE_JSON('true') AS BOOLEAN)", "TRUE").Sql("TRY_CAST(PARSE_JSON('\"true\"') AS BOOLEAN)", "NULL")
            .Sql("CAST(PARSE_JSON(f5)['k'] AS INT)", "NULL").Sql("CAST(PARSE_JSON(f0)['nope'] AS BIGINT)", "NULL")
            .Fails("CAST(PARSE_JSON(f0) AS DATE)", "Cast function cannot convert value of type VARIANT to type DATE")
            .Fails("CAST(f0 AS VARIANT)", "to type VARIANT")
            .Fails("PARSE_JSON(f0) < PARSE_JSON(f0)", "Cannot apply '<' to arguments of type '<VARIANT> < <VARIANT>'");
        l.Method("variantInOtherValues")
            .Sql("JSON_STRING(PARSE_JSON(f0))", "{\"age\":30,\"city\":\"NYC\",\"name\":\"Alice\"}")
            .Sql("JSON_OBJECT('v' VALUE PARSE_JSON(f1))", "{\"v\":[1,\"hello\",3.14]}")
            .Sql("JSON_ARRAY(PARSE_JSON(f5)['k'], PARSE_JSON(f0)['nope'])", "[null]")
            .Sql("ARRAY[PARSE_JSON(f1)[2], PARSE_JSON(f0)['nope'], PARSE_JSON(f5)['k'], PARSE_JSON(f1)]", "[hello, NULL, NULL, [1,\"hello\",3.14]]")
            .Sql("PARSE_JSON(f1)[2] IN (PARSE_JSON('\"hello\"'), PARSE_JSON('1'))", "TRUE")
            .Sql("COALESCE(TRY_PARSE_JSON(f4), PARSE_JSON(f1)[1])", "1");
        return l.Cases;
    }
}
