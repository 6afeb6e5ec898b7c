using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>ChangelogSourceITCase</c>: queries over changelog sources, in three of its source modes —
/// a full changelog (<c>I,UA,UB,D</c>), inserts and deletes only (<c>I,D</c>), and a keyed changelog with duplicated events
/// (<c>table.exec.source.cdc-events-duplicate</c>). The sources are debezium-json files of the same changes. Its
/// <c>UPSERT_SOURCE</c> mode (+U without -U, <c>changelog-mode</c> <c>UA,D</c>) has no file format here and is not
/// run. Flink 2.x's cases insert into an upsert sink <c>ON CONFLICT DO DEDUPLICATE</c>; their rows are the query's rows.
/// Also <c>MiniBatchAggregateITCase</c>'s one case, over a changelog source too.</summary>
internal static class ChangelogSourceCases
{
    private const string UserColumns = "user_id STRING, user_name STRING, email STRING, balance DECIMAL(18,2), balance2 AS balance * 2";

    /// <summary><c>TestData.userChangelog</c>.</summary>
    private static readonly (string Kind, object?[] Row)[] UserChangelog =
    [
        ("+I", ["user1", "Tom", "tom@gmail.com", 10.02m]), ("+I", ["user2", "Jack", "jack@hotmail.com", 71.2m]),
        ("-U", ["user1", "Tom", "tom@gmail.com", 10.02m]), ("+U", ["user1", "Tom", "tom123@gmail.com", 8.1m]),
        ("+I", ["user3", "Bailey", "bailey@gmail.com", 9.99m]), ("-D", ["user2", "Jack", "jack@hotmail.com", 71.2m]),
        ("+I", ["user4", "Tina", "tina@gmail.com", 11.3m]), ("-U", ["user3", "Bailey", "bailey@gmail.com", 9.99m]),
        ("+U", ["user3", "Bailey", "bailey@qq.com", 9.99m]),
    ];

    /// <summary><c>TestData.ratesHistoryData</c>.</summary>
    private static readonly (string Kind, object?[] Row)[] RatesHistory =
    [
        ("+I", ["US Dollar", 102L]), ("+I", ["Euro", 114L]), ("+I", ["Yen", 1L]), ("-U", ["Euro", 114L]), ("+U", ["Euro", 116L]),
        ("-U", ["Euro", 116L]), ("+U", ["Euro", 119L]), ("-D", ["Yen", 1L]),
    ];

    /// <summary>The case's own user changelog with duplicated events (<c>registerChangelogSourceWithEventsDuplicate</c>).</summary>
    private static readonly (string Kind, object?[] Row)[] UserChangelogWithDuplicates =
    [
        ("+I", ["user1", "Tom", "tom@gmail.com", 10.02m]), ("+I", ["user2", "Jack", "jack@hotmail.com", 71.2m]),
        ("+I", ["user2", "Jack", "jack@hotmail.com", 71.2m]),
        ("-U", ["user1", "Tom", "tom@gmail.com", 10.02m]), ("+U", ["user1", "Tom", "tom123@gmail.com", 8.1m]),
        ("-U", ["user1", "Tom", "tom@gmail.com", 10.02m]), ("+U", ["user1", "Tom", "tom123@gmail.com", 8.1m]),
        ("+I", ["user3", "Bailey", "bailey@gmail.com", 9.99m]), ("-D", ["user2", "Jack", "jack@hotmail.com", 71.2m]),
        ("-D", ["user2", "Jack", "jack@hotmail.com", 71.2m]), ("+I", ["user4", "Tina", "tina@gmail.com", 11.3m]),
        ("-U", ["user3", "Bailey", "bailey@gmail.com", 9.99m]), ("+U", ["user3", "Bailey", "bailey@qq.com", 9.99m]),
    ];

    private static readonly (string Kind, object?[] Row)[] RatesWithDuplicates =
    [
        ("+I", ["US Dollar", 102L]), ("+I", ["Euro", 114L]), ("+I", ["Euro", 114L]), ("+I", ["Yen", 1L]), ("-U", ["Euro", 114L]),
        ("+U", ["Euro", 116L]), ("-U", ["Euro", 116L]), ("+U", ["Euro", 119L]), ("-U", ["Euro", 116L]), ("+U", ["Euro", 119L]),
        ("-D", ["Yen", 1L]), ("-D", ["Yen", 1L]),
    ];

    private static ItcTable Changelog(string name, string schema, string[] columns, (string Kind, object?[] Row)[] changes) =>
        new(name, schema, columns, changes.Select(c => c.Row).ToArray()) { Kinds = changes.Select(c => c.Kind).ToArray() };

    /// <summary><c>convertToNoUpdateData</c>: an update-before becomes a delete, an update-after an insert.</summary>
    private static (string Kind, object?[] Row)[] NoUpdate((string Kind, object?[] Row)[] changes) =>
        changes.Select(c => (c.Kind switch { "-U" => "-D", "+U" => "+I", var k => k }, c.Row)).ToArray();

    private static ItcTable Orders => new("orders", "amount BIGINT, currency STRING", ["amount", "currency"],
        [[2L, "Euro"], [1L, "US Dollar"], [50L, "Yen"], [3L, "Euro"], [5L, "US Dollar"]]);

    /// <summary>The source modes: name, users, rates, settings.</summary>
    private static IEnumerable<(string Mode, ItcTable Users, ItcTable Rates, (string, string)[] Config)> Modes()
    {
        string[] userColumns = ["user_id", "user_name", "email", "balance"];
        string[] rateColumns = ["currency", "rate"];
        yield return ("CHANGELOG_SOURCE", Changelog("users", UserColumns, userColumns, UserChangelog),
            Changelog("rates", "currency STRING, rate BIGINT", rateColumns, RatesHistory), []);
        yield return ("NO_UPDATE_SOURCE", Changelog("users", UserColumns, userColumns, NoUpdate(UserChangelog)),
            Changelog("rates", "currency STRING, rate BIGINT", rateColumns, NoUpdate(RatesHistory)), []);
        yield return ("CHANGELOG_SOURCE_WITH_EVENTS_DUPLICATE",
            Changelog("users", UserColumns + ", PRIMARY KEY (user_name, user_id) NOT ENFORCED", userColumns, UserChangelogWithDuplicates),
            Changelog("rates", "currency STRING, rate BIGINT, PRIMARY KEY (currency) NOT ENFORCED", rateColumns, RatesWithDuplicates),
            [("table.exec.source.cdc-events-duplicate", "true")]);
    }

    public static IEnumerable<ItcCase> All()
    {
        string[] users = ["user1,Tom,tom123@gmail.com,8.10,16.20", "user3,Bailey,bailey@qq.com,9.99,19.98", "user4,Tina,tina@gmail.com,11.30,22.60"];
        foreach (var (mode, u, rates, config) in Modes())
        {
            ItcCase Case(string name, ItcTable[] tables, string sql, string[] expected) =>
                new($"ChangelogSource.{name}[{mode}]", tables, sql, expected) { Config = config };
            yield return Case("testToRetractStream", [u], "SELECT * FROM users", users);
            yield return Case("testToUpsertSink", [u], "SELECT * FROM users", users);
            yield return Case("testAggregate", [u], "SELECT count(*), sum(balance), max(email) FROM users", ["3,29.39,tom123@gmail.com"]);
            yield return Case("testAggregateToUpsertSink", [u], "SELECT 'ALL', count(*), sum(balance), max(email) FROM users GROUP BY 'ALL'",
                ["ALL,3,29.39,tom123@gmail.com"]);
            yield return Case("testGroupByNonPrimaryKey", [u], "SELECT balance2, count(*), max(email) FROM users GROUP BY balance2",
                ["16.20,1,tom123@gmail.com", "19.98,1,bailey@qq.com", "22.60,1,tina@gmail.com"]);
            yield return Case("testFilter", [u], "SELECT * FROM users WHERE balance > 9",
                ["user3,Bailey,bailey@qq.com,9.99,19.98", "user4,Tina,tina@gmail.com,11.30,22.60"]);
            yield return Case("testRegularJoin", [Orders, rates],
                "SELECT o.currency, o.amount, r.rate, o.amount * r.rate FROM orders AS o JOIN rates AS r ON o.currency = r.currency",
                ["Euro,2,119,238", "Euro,3,119,357", "US Dollar,1,102,102", "US Dollar,5,102,510"]);
        }

        // FLINK-38579: a filter or join condition on a column outside the upsert key needs the update-before rows, which
        // take back the row the condition matched first. Flink writes into an upsert sink; its final rows are the query's.
        var t = Changelog("t", "a int primary key not enforced, b varchar, c int", ["a", "b", "c"],
            [("+I", [1, "tom", 1]), ("-U", [1, "tom", 1]), ("+U", [1, "tom", 2])]);
        yield return new("ChangelogSource.testFilterPushedDownOnNonUpsertKey", [t], "select * from t where c < 2", []);
        var keyed = "pk int primary key not enforced, val int";
        yield return new("ChangelogSource.testJoinWithNonEquivConditionOnNonUpsertKey",
            [Changelog("t1", keyed, ["pk", "val"], [("+I", [1, 10]), ("-U", [1, 10]), ("+U", [1, 20])]),
                new("t2", keyed, ["pk", "val"], [[1, 100]])],
            "select * from t1 join t2 on t1.pk = t2.pk and t1.val < 15", []);
        yield return new("ChangelogSource.testJoinWithNonEquivConditionOnRightNonUpsertKey",
            [new("t1", keyed, ["pk", "val"], [[1, 10]]),
                Changelog("t2", keyed, ["pk", "val"], [("+I", [1, 100]), ("-U", [1, 100]), ("+U", [1, 200])])],
            "select * from t1 join t2 on t1.pk = t2.pk and t2.val < 150", []);

        // MiniBatchAggregateITCase.testLagFunction: an update whose update-before retracts a row the aggregate never saw.
        yield return new("MiniBatchAggregate.testLagFunction",
            [Changelog("Table1", "`a` INT, `b` BIGINT, `c` STRING", ["a", "b", "c"], [("-U", [1, 1L, "HI"]), ("+U", [1, 2L, "Hello world"])])],
            "SELECT `a`, max(`b`), max(`c`) FROM Table1 GROUP BY `a`", ["1,2,Hello world"])
        {
            Config = [("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 ms"), ("table.exec.mini-batch.size", "10")],
        };
    }
}
