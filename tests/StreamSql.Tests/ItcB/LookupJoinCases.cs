using StreamSql.Tests.HuntT;

namespace StreamSql.Tests.ItcB;

/// <summary>Flink's <c>LookupJoinITCase</c>, its SQL cases over the filesystem connector's lookup (Flink's test
/// values lookup table and its cache variants are test-only; a filesystem table reads its files for lookups). Not
/// here: UDFs with open() (one runs with the built-in <c>+</c>), custom shuffles, lookup thresholds, cache internals and
/// the computed-column lookup table.</summary>
public sealed class LookupJoinCases
{
    private static ItcTable Source(string name, params object?[][] rows) =>
        new(name, "`id` BIGINT, `len` INT, `content` STRING, `proctime` AS PROCTIME()", RestoreSource.Rows(["id", "len", "content"], rows));

    private static ItcTable Users(string name, params object?[][] rows) =>
        new(name, "`age` INT, `id` BIGINT, `name` STRING", RestoreSource.Rows(["age", "id", "name"], rows));

    private static readonly ItcTable[] Tables =
    [
        Source("src", [1L, 12, "Julian"], [2L, 15, "Hello"], [3L, 15, "Fabian"], [8L, 11, "Hello world"], [9L, 12, "Hello world!"]),
        Source("nullable_src", [null, 15, "Hello"], [3L, 15, "Fabian"], [null, 11, "Hello world"], [9L, 12, "Hello world!"]),
        Users("user_table", [11, 1L, "Julian"], [22, 2L, "Jark"], [33, 3L, "Fabian"], [11, 4L, "Hello world"], [11, 5L, "Hello world"]),
        Users("nullable_user_table", [11, 1L, "Julian"], [22, null, "Hello"], [33, 3L, "Fabian"], [44, null, "Hello world"]),
    ];

    private const string LeftLookup = "src AS T LEFT JOIN user_table for system_time as of T.proctime AS D";
    private const string NullableLookup = "nullable_src AS T {0} nullable_user_table for system_time as of T.proctime AS D";
    private const string AggregatedLeft = "CREATE TEMPORARY VIEW t1 AS SELECT max(id) as id, PROCTIME() as proctime FROM src AS T group by len";

    private const string Lookup = "src AS T JOIN user_table for system_time as of T.proctime AS D";

    private static ItcCase Case(string name, string query, params string[] expected) => new(name, [], query, expected) { Tables = Tables };

    private static readonly ItcCase[] All =
    [
        Case("testJoinTemporalTable", $"SELECT T.id, T.len, T.content, D.name FROM {Lookup} ON T.id = D.id",
            "1,12,Julian,Julian", "2,15,Hello,Jark", "3,15,Fabian,Fabian"),
        Case("testJoinTemporalTableWithUdfEqualFilter",
            $"SELECT T.id, T.len, T.content, D.name FROM {Lookup} ON T.id = D.id WHERE CONCAT('Hello-', D.name) = 'Hello-Jark'",
            "2,15,Hello,Jark"),
        Case("testJoinTemporalTableOnConstantKey", $"SELECT T.id, T.len, T.content, D.name FROM {Lookup} ON D.id = 1",
            "1,12,Julian,Julian", "2,15,Hello,Julian", "3,15,Fabian,Julian", "8,11,Hello world,Julian", "9,12,Hello world!,Julian"),
        Case("testJoinTemporalTableOnNullableKey",
            "SELECT T.id, T.len, D.name FROM nullable_src AS T JOIN user_table for system_time as of T.proctime AS D ON T.id = D.id",
            "3,15,Fabian"),
        Case("testJoinTemporalTableWithPushDown", $"SELECT T.id, T.len, T.content, D.name FROM {Lookup} ON T.id = D.id AND D.age > 20",
            "2,15,Hello,Jark", "3,15,Fabian,Fabian"),
        Case("testJoinTemporalTableWithNonEqualFilter",
            $"SELECT T.id, T.len, T.content, D.name, D.age FROM {Lookup} ON T.id = D.id WHERE T.len <= D.age",
            "2,15,Hello,Jark,22", "3,15,Fabian,Fabian,33"),
        Case("testJoinTemporalTableOnMultiFields", $"SELECT T.id, T.len, D.name FROM {Lookup} ON T.id = D.id AND T.content = D.name",
            "1,12,Julian", "3,15,Fabian"),
        Case("testJoinTemporalTableOnMultiKeyFields", $"SELECT T.id, T.len, D.name FROM {Lookup} ON T.content = D.name AND T.id = D.id",
            "1,12,Julian", "3,15,Fabian"),
        Case("testJoinTemporalTableOnMultiKeyFields2",
            "SELECT t1.id, t1.len, D.name FROM (select proctime, content, id, len FROM src) t1"
            + " JOIN user_table for system_time as of t1.proctime AS D ON t1.content = D.name AND t1.id = D.id",
            "1,12,Julian", "3,15,Fabian"),
        Case("testJoinTemporalTableOnMultiKeyFieldsWithConstantKey",
            $"SELECT T.id, T.len, D.name FROM {Lookup} ON T.content = D.name AND 3 = D.id", "3,15,Fabian"),
        Case("testJoinTemporalTableOnMultiKeyFieldsWithStringConstantKey",
            $"SELECT T.id, T.len, D.name FROM {Lookup} ON D.name = 'Fabian' AND T.id = D.id", "3,15,Fabian"),
        Case("testJoinTemporalTableOnMultiConstantKey", $"SELECT T.id, T.len, D.name FROM {Lookup} ON D.name = 'Fabian' AND 3 = D.id",
            "1,12,Fabian", "2,15,Fabian", "3,15,Fabian", "8,11,Fabian", "9,12,Fabian"),
        Case("testLeftJoinTemporalTable", $"SELECT T.id, T.len, D.name, D.age FROM {LeftLookup} ON T.id = D.id",
            "1,12,Julian,11", "2,15,Jark,22", "3,15,Fabian,33", "8,11,null,null", "9,12,null,null"),
        Case("testLeftJoinTemporalTableWithPreFilter", $"SELECT T.id, T.len, D.name, D.age FROM {LeftLookup} ON T.id = D.id AND T.len < 15",
            "1,12,Julian,11", "2,15,null,null", "3,15,null,null", "8,11,null,null", "9,12,null,null"),
        Case("testLeftJoinTemporalTableWithUdfPreFilter (built-in +)",
            $"SELECT T.id, T.len, T.content, D.name FROM {LeftLookup} ON T.id = D.id AND T.id + 2 > 4",
            "1,12,Julian,null", "2,15,Hello,null", "3,15,Fabian,Fabian", "8,11,Hello world,null", "9,12,Hello world!,null"),
        Case("testLeftJoinTemporalTableOnNullableKey",
            "SELECT T.id, T.len, D.name FROM nullable_src AS T LEFT OUTER JOIN user_table for system_time as of T.proctime AS D ON T.id = D.id",
            "null,15,null", "3,15,Fabian", "null,11,null", "9,12,null"),
        Case("testLeftJoinTemporalTableOnMultKeyFields", $"SELECT T.id, T.len, D.name, D.age FROM {LeftLookup} ON T.id = D.id and T.content = D.name",
            "1,12,Julian,11", "2,15,null,null", "3,15,Fabian,33", "8,11,null,null", "9,12,null,null"),
        Case("testJoinTemporalTableOnMultiKeyFieldsWithNullData",
            $"SELECT T.id, T.len, D.name FROM {string.Format(NullableLookup, "JOIN")} ON T.content = D.name AND T.id = D.id", "3,15,Fabian"),
        Case("testLeftJoinTemporalTableOnMultiKeyFieldsWithNullData",
            $"SELECT D.id, T.len, D.name FROM {string.Format(NullableLookup, "LEFT JOIN")} ON T.content = D.name AND T.id = D.id",
            "null,15,null", "3,15,Fabian", "null,11,null", "null,12,null"),
        Case("testJoinTemporalTableOnNullConstantKey",
            $"SELECT T.id, T.len, T.content FROM {string.Format(NullableLookup, "JOIN")} ON D.id = null"),
        Case("testJoinTemporalTableOnMultiKeyFieldsWithNullConstantKey",
            $"SELECT T.id, T.len, D.name FROM {Lookup} ON T.content = D.name AND null = D.id"),
        Case("testJoinTemporalTableOnMultiKeyFieldsWithUDF",
            $"SELECT T.id, T.content, D.age, D.id FROM {Lookup} ON T.id = D.id + 4 AND T.content = concat(D.name, '!') AND D.age = 11",
            "9,Hello world!,11,5"),
        Case("testJoinTemporalTableWithRetry",
            "SELECT /*+ LOOKUP('table'='D', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='5 ms', 'max-attempts'='2') */"
            + $" T.id, T.len, T.content, D.name FROM {Lookup} ON T.id = D.id",
            "1,12,Julian,Julian", "2,15,Hello,Jark", "3,15,Fabian,Fabian"),
        new("testAggAndLeftJoinWithTryResolveMode", [AggregatedLeft],
            "SELECT t1.id, D.name, D.age FROM t1 LEFT JOIN user_table for system_time as of t1.proctime AS D ON t1.id = D.id",
            ["3,Fabian,33", "8,null,null", "9,null,null"])
            { Tables = Tables, Config = [("table.optimizer.non-deterministic-update.strategy", "TRY_RESOLVE")] },
        new("testAggAndLeftJoinAllConstantKeyWithTryResolveMode", [AggregatedLeft],
            "SELECT t1.id, D.name, D.age FROM t1 LEFT JOIN user_table for system_time as of t1.proctime AS D ON D.id = 3",
            ["3,Fabian,33", "8,Fabian,33", "9,Fabian,33"])
            { Tables = Tables, Config = [("table.optimizer.non-deterministic-update.strategy", "TRY_RESOLVE")] },
        new("testAggAndJoinAllConstantKeyWithTryResolveMode", [AggregatedLeft],
            "SELECT t1.id FROM t1 LEFT JOIN user_table for system_time as of t1.proctime AS D ON D.id = 3", ["3", "8", "9"])
            { Tables = Tables, Config = [("table.optimizer.non-deterministic-update.strategy", "TRY_RESOLVE")] },
    ];

    public static TheoryData<string, bool> Cases() => ItcCaseRunner.Variants(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Flink_expected_rows(string name, bool miniBatch) => ItcCaseRunner.RunAsync(All, name, miniBatch);
}
