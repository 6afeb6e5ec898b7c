namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>TemporalJoinTestPrograms</c>: event-time temporal joins against a versioned table (the key plain,
/// from a nested row, from a map value), stopped with a savepoint and restored. (The temporal table function program is
/// left out: <c>Rates</c> is registered through the Table API, which SQL cannot do.)</summary>
public sealed class TemporalJoinRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly string[] OrderColumns = ["amount", "currency", "order_time"];

    private static readonly RestoreSource Orders = new("Orders",
        "amount bigint, currency STRING, order_time STRING, rowtime as TO_TIMESTAMP(order_time) , WATERMARK FOR rowtime AS rowtime",
        RestoreSource.Rows(OrderColumns, [2L, "Euro", "2020-10-10 00:00:42"], [1L, "USD", "2020-10-10 00:00:43"],
            [50L, "Yen", "2020-10-10 00:00:44"], [3L, "Euro", "2020-10-10 00:00:45"]),
        RestoreSource.Rows(OrderColumns, [1L, "Euro", "2020-10-10 00:00:58"], [1L, "USD", "2020-10-10 00:00:58"]));

    private static readonly string[] NestedColumns = ["amount", "nested_row", "nested_map", "order_time"];

    private static object Nested(string currency) => new Dictionary<string, string> { ["currency"] = currency };

    private static readonly RestoreSource OrdersNestedId = new("OrdersNestedId",
        "amount bigint, nested_row ROW<currency STRING>, nested_map MAP<STRING NOT NULL, STRING>, order_time STRING, "
        + "rowtime as TO_TIMESTAMP(order_time) , WATERMARK FOR rowtime AS rowtime",
        RestoreSource.Rows(NestedColumns,
            [2L, Nested("Euro"), Nested("Euro"), "2020-10-10 00:00:42"],
            [1L, Nested("usd"), Nested("USD"), "2020-10-10 00:00:43"],
            [50L, Nested("Yen"), Nested("Yen"), "2020-10-10 00:00:44"],
            [3L, Nested("Euro"), Nested("Euro"), "2020-10-10 00:00:45"]),
        RestoreSource.Rows(NestedColumns,
            [1L, Nested("Euro"), Nested("Euro"), "2020-10-10 00:00:58"],
            [1L, Nested("usd"), Nested("USD"), "2020-10-10 00:00:58"]));

    private static readonly string[] RateColumns = ["currency", "rate", "rate_time"];

    private static readonly RestoreSource Rates = new("RatesHistory",
        "currency STRING, rate bigint, rate_time STRING, rowtime as TO_TIMESTAMP(rate_time) , WATERMARK FOR rowtime AS rowtime, "
        + "PRIMARY KEY(currency) NOT ENFORCED",
        RestoreSource.Rows(RateColumns, ["USD", 102L, "2020-10-10 00:00:41"], ["Euro", 114L, "2020-10-10 00:00:41"],
            ["Yen", 1L, "2020-10-10 00:00:41"], ["Euro", 116L, "2020-10-10 00:00:45"], ["Euro", 119L, "2020-10-10 00:00:47"]),
        RestoreSource.Rows(RateColumns, ["USD", 103L, "2020-10-10 00:00:58"], ["Euro", 120L, "2020-10-10 00:00:59"]));

    private static readonly string[] Before = ["+I[102]", "+I[228]", "+I[348]", "+I[50]"];
    private static readonly string[] After = ["+I[103]", "+I[119]"];

    private Task Run(string name, RestoreSource orders, string sql) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [orders, Rates], "amount bigint", sql, Before, After) { SinkName = "MySink" }, _dir);

    private static string Change(string op, (long Amount, string Currency, string Time)? before, (long Amount, string Currency, string Time)? after)
    {
        static string Row((long Amount, string Currency, string Time)? row) => row is { } r
            ? $"{{\"amount\":{r.Amount},\"currency\":\"{r.Currency}\",\"order_time\":\"{r.Time}\"}}" : "null";
        return $"{{\"before\":{Row(before)},\"after\":{Row(after)},\"op\":\"{op}\"}}";
    }

    /// <summary>
    /// An updating left side (debezium-json orders): Flink's temporal join forwards each change with its kind, joined with
    /// the version as of the change's own time. Before the savepoint an insert, an insert and an update; after the restore
    /// a delete of a row the watermark has passed (its timer fires at the next watermark, as Flink's) and an insert.
    /// </summary>
    [Fact]
    public Task Temporal_join_over_an_updating_left_side_forwards_its_changes() => RestoreProgramRunner.RunAsync(new RestoreProgram(
        "temporal-join-updating-left",
        [
            new RestoreSource("OrdersChanges",
                "amount bigint, currency STRING, order_time STRING, rowtime as TO_TIMESTAMP(order_time) , WATERMARK FOR rowtime AS rowtime",
                [
                    Change("c", null, (2, "Euro", "2020-10-10 00:00:42")),
                    Change("c", null, (1, "USD", "2020-10-10 00:00:43")),
                    Change("u", (2, "Euro", "2020-10-10 00:00:42"), (3, "Euro", "2020-10-10 00:00:45")),
                ],
                [
                    Change("d", (1, "USD", "2020-10-10 00:00:43"), null),
                    Change("c", null, (1, "Euro", "2020-10-10 00:00:58")),
                ]) { Format = "debezium-json" },
            Rates,
        ],
        "amount bigint",
        "INSERT INTO MySink SELECT amount * r.rate FROM OrdersChanges AS o "
        + "JOIN RatesHistory FOR SYSTEM_TIME AS OF o.rowtime AS r ON o.currency = r.currency ",
        ["+I[228]", "+I[102]", "-U[228]", "+U[348]"],
        ["-D[102]", "+I[119]"]) { SinkName = "MySink" }, _dir);

    [Fact]
    public Task Temporal_join_table_join() => Run("temporal-join-table-join", Orders,
        "INSERT INTO MySink SELECT amount * r.rate FROM Orders AS o "
        + "JOIN RatesHistory FOR SYSTEM_TIME AS OF o.rowtime AS r ON o.currency = r.currency ");

    [Fact]
    public Task Temporal_join_table_join_nested_key() => Run("temporal-join-table-join-nested-key", OrdersNestedId,
        "INSERT INTO MySink SELECT amount * r.rate FROM OrdersNestedId AS o "
        + "JOIN RatesHistory FOR SYSTEM_TIME AS OF o.rowtime AS r "
        + "ON (case when o.nested_row.currency = 'usd' then upper(o.nested_row.currency) ELSE o.nested_row.currency END) = r.currency ");

    [Fact]
    public Task Temporal_join_table_join_key_from_map() => Run("temporal-join-table-join-key-from-map", OrdersNestedId,
        "INSERT INTO MySink SELECT amount * r.rate FROM OrdersNestedId AS o "
        + "JOIN RatesHistory FOR SYSTEM_TIME AS OF o.rowtime AS r ON o.nested_map['currency'] = r.currency ");
}
