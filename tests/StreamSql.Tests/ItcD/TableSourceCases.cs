using StreamSql.Tests.ItcC;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>TableSourceITCase</c>: projections (nested ones too), filters and every data type read
/// from a source. Its metadata cases read the values connector's own metadata keys, and its SOURCE_WATERMARK cases that
/// connector's refusal; they are not ported. Flink runs them with <c>LegacyRowExtension</c> (a nested row prints as its
/// fields joined by commas).</summary>
internal static class TableSourceCases
{
    private static ItcTable MyTable => Tuple3("MyTable", SmallTupleData3);

    /// <summary><c>TestLegacyFilterableTableSource.defaultRows</c>: Record_0 .. Record_32.</summary>
    private static ItcTable Filterable => new("FilterableTable", "name STRING, id BIGINT, amount INT, price DOUBLE", ["name", "id", "amount", "price"],
        Enumerable.Range(0, 33).Select(i => new object?[] { $"Record_{i}", (long)i, i, (double)i }).ToArray());

    /// <summary><c>TestData.deepNestedRow</c>.</summary>
    private static ItcTable Nested => new("NestedTable",
        "id BIGINT, deepNested ROW<nested1 ROW<name STRING, `value.` INT>, `nested2.` ROW<num INT, flag BOOLEAN>>, " +
        "nested ROW<name STRING, `value` INT>, name STRING, nestedItem ROW<deepArray ROW<`value` INT> ARRAY, deepMap MAP<STRING, INT>>, " +
        "lower_name AS LOWER(name)",
        ["id", "deepNested", "nested", "name", "nestedItem"],
        [
            [1L, Deep("Sarah", 100, 1000, true), Named("Peter", 10000), "Mary", Item()],
            [2L, Deep("Rob", 200, 2000, false), Named("Lucy", 20000), "Bob", Item()],
            [3L, Deep("Mike", 300, 3000, true), Named("Betty", 30000), "Liz", Item()],
        ]);

    /// <summary><c>TestData.fullDataTypesData</c>, with two differences a file source forces: Flink's values source keeps
    /// the milliseconds of a TIME(0) value it is given (00:00:00.123) where a file format drops them, so <c>l</c> is
    /// declared TIME(3) to hold the same values; and a json object cannot have a NULL key, so the fourth row's map
    /// <c>{null=3}</c> is NULL here.</summary>
    private static ItcTable AllTypes => new("T",
        "`a` BOOLEAN, `b` TINYINT, `c` SMALLINT, `d` INT, `e` BIGINT, `f` FLOAT, `g` DOUBLE, `h` DECIMAL(5, 2), `i` VARCHAR(5), " +
        "`j` CHAR(5), `k` DATE, `l` TIME(3), `m` TIMESTAMP(9), `n` TIMESTAMP(9) WITH LOCAL TIME ZONE, `o` ARRAY<BIGINT>, " +
        "`p` ROW<f1 BIGINT, f2 STRING, f3 DOUBLE>, `q` MAP<STRING, INT>",
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"],
        [
            [true, sbyte.MaxValue, short.MaxValue, int.MaxValue, long.MaxValue, -1.123f, -1.123d, 5.1m, "1", "1", "1969-01-01",
                "00:00:00.123", "1969-01-01 00:00:00.123456789", "1969-01-01 00:00:00.123456789Z", new long?[] { 1, 2, 3 },
                Row(1L, "a", 2.3), new Dictionary<string, int?> { ["k1"] = 1 }],
            [false, sbyte.MinValue, short.MinValue, int.MinValue, long.MinValue, 3.4f, 3.4d, 6.1m, "12", "12", "1970-09-30",
                "01:01:01.123", "1970-09-30 01:01:01.123456", "1970-09-30 01:01:01.123456Z", new long?[] { 4, 5 },
                Row(null, "b", 4.56), new Dictionary<string, int?> { ["k2"] = 2, ["k4"] = 4 }],
            [true, (sbyte)0, (short)0, 0, 0L, 0.12f, 0.12d, 7.1m, "123", "123", "1990-12-24",
                "08:10:24.123", "1990-12-24 08:10:24.123", "1990-12-24 08:10:24.123Z", new long?[] { 6, null, 7 },
                Row(3L, null, 7.86), new Dictionary<string, int?> { ["k3"] = null }],
            [false, (sbyte)5, (short)4, 123, 1234L, 1.2345f, 1.2345d, 8.123m, "1234", "1234", "2020-05-01",
                "23:23:23", "2020-05-01 23:23:23", "2020-05-01 23:23:23Z", new long?[] { 8 },
                Row(4L, "c", null), null],
            [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        ]);

    public static IEnumerable<ItcCase> All()
    {
        yield return new("TableSource.testSimpleProject", [MyTable], "SELECT a, c FROM MyTable", ["1,Hi", "2,Hello", "3,Hello world"]);
        yield return new("TableSource.testProjectWithoutInputRef", [MyTable], "SELECT COUNT(*) FROM MyTable", ["3"]);
        yield return new("TableSource.testNestedProject", [Nested],
            "SELECT id, deepNested.nested1.name AS nestedName, nested.`value` AS nestedValue, deepNested.`nested2.`.flag AS nestedFlag, " +
            "deepNested.`nested2.`.num + deepNested.nested1.`value.` AS nestedNum, lower_name FROM NestedTable",
            ["1,Sarah,10000,true,1100,mary", "2,Rob,20000,false,2200,bob", "3,Mike,30000,true,3300,liz"]);
        yield return new("TableSource.testNestedProjectWithItem", [Nested],
            "SELECT nestedItem.deepArray[nestedItem.deepMap['Monday']] FROM NestedTable", ["1", "1", "1"]) { LegacyRows = true };
        yield return new("TableSource.testTableSourceWithFilterable", [Filterable],
            "SELECT id, amount, name FROM FilterableTable WHERE amount > 4 AND price < 9",
            ["5,5,Record_5", "6,6,Record_6", "7,7,Record_7", "8,8,Record_8"]);
        yield return new("TableSource.testTableSourceWithFunctionFilterable", [Filterable],
            "SELECT id, amount, name FROM FilterableTable WHERE amount > 4 AND price < 9 AND upper(name) = 'RECORD_5'", ["5,5,Record_5"]);
        yield return new("TableSource.testNestedProjectionWithMetadataAccess", [Nested],
            "SELECT id, deepNested.nested1.name AS nestedName, nested.`value` AS nestedValue, deepNested.`nested2.`.flag AS nestedFlag, " +
            "deepNested.`nested2.`.num + deepNested.nested1.`value.` AS nestedNum, LOWER(name) as lowerName FROM NestedTable",
            ["1,Sarah,10000,true,1100,mary", "2,Rob,20000,false,2200,bob", "3,Mike,30000,true,3300,liz"]);
        yield return new("TableSource.testAllDataTypes", [AllTypes], "SELECT * FROM T",
        [
            "true,127,32767,2147483647,9223372036854775807,-1.123,-1.123,5.10,1,1,1969-01-01," +
                "00:00:00.123,1969-01-01T00:00:00.123456789,1969-01-01T00:00:00.123456789Z,[1, 2, 3],1,a,2.3,{k1=1}",
            // Flink's test reads the map through the DataStream toAppendStream conversion, whose HashMap is keyed by internal
            // StringData (another hash, so {k4=4, k2=2}); SQL results and the print sink convert with
            // MapMapConverter.toExternal, a HashMap of java Strings: {k2=2, k4=4}.
            "false,-128,-32768,-2147483648,-9223372036854775808,3.4,3.4,6.10,12,12,1970-09-30," +
                "01:01:01.123,1970-09-30T01:01:01.123456,1970-09-30T01:01:01.123456Z,[4, 5],null,b,4.56,{k2=2, k4=4}",
            "true,0,0,0,0,0.12,0.12,7.10,123,123,1990-12-24,08:10:24.123,1990-12-24T08:10:24.123,1990-12-24T08:10:24.123Z," +
                "[6, null, 7],3,null,7.86,{k3=null}",
            "false,5,4,123,1234,1.2345,1.2345,8.12,1234,1234,2020-05-01,23:23:23,2020-05-01T23:23:23,2020-05-01T23:23:23Z,[8],4,c,null,null",
            "null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,null",
        ])
        {
            LegacyRows = true,
        };
    }

    private static Dictionary<string, object?> Row(long? f1, string? f2, double? f3) => new() { ["f1"] = f1, ["f2"] = f2, ["f3"] = f3 };

    private static Dictionary<string, object?> Named(string name, int value) => new() { ["name"] = name, ["value"] = value };

    private static Dictionary<string, object?> Deep(string name, int value, int num, bool flag) => new()
    {
        ["nested1"] = new Dictionary<string, object?> { ["name"] = name, ["value."] = value },
        ["nested2."] = new Dictionary<string, object?> { ["num"] = num, ["flag"] = flag },
    };

    private static Dictionary<string, object?> Item() => new()
    {
        ["deepArray"] = new[] { 1, 2, 3, 4 }.Select(v => new Dictionary<string, int> { ["value"] = v }).ToArray(),
        ["deepMap"] = new Dictionary<string, int> { ["Monday"] = 1, ["Tuesday"] = 2, ["Wednesday"] = 3 },
    };
}
