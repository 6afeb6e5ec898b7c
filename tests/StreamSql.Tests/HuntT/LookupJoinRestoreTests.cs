namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>LookupJoinTestPrograms</c> (project and filter push-down, pre and post filters, LEFT join, the
/// async and retry hints), the lookup table a filesystem table whose rows change between the savepoint and the restore,
/// stopped with a savepoint and restored.</summary>
public sealed class LookupJoinRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly string[] CustomerColumns = ["id", "name", "age", "city", "state", "zipcode"];

    private static readonly RestoreSource Customers = new("customers_t",
        "id INT PRIMARY KEY NOT ENFORCED, name STRING, age INT, city STRING, state STRING, zipcode INT",
        RestoreSource.Rows(CustomerColumns,
            [1, "Bob", 28, "Mountain View", "California", 94043],
            [2, "Alice", 32, "San Francisco", "California", 95016],
            [3, "Claire", 37, "Austin", "Texas", 73301],
            [4, "Shannon", 29, "Boise", "Idaho", 83701],
            [5, "Jake", 42, "New York City", "New York", 10001]),
        RestoreSource.Rows(CustomerColumns,
            [1, "Bob", 28, "San Jose", "California", 94089],
            [6, "Joana", 54, "Atlanta", "Georgia", 30033]));

    private static readonly string[] OrderColumns = ["order_id", "customer_id", "total", "order_time"];

    private static readonly RestoreSource Orders = new("orders_t",
        "order_id INT, customer_id INT, total DOUBLE, order_time STRING, proc_time AS PROCTIME()",
        RestoreSource.Rows(OrderColumns,
            [1, 3, 44.44, "2020-10-10 00:00:01"],
            [2, 5, 100.02, "2020-10-10 00:00:02"],
            [4, 2, 92.61, "2020-10-10 00:00:04"],
            [3, 1, 23.89, "2020-10-10 00:00:03"],
            [6, 4, 7.65, "2020-10-10 00:00:06"],
            [5, 2, 12.78, "2020-10-10 00:00:05"]),
        RestoreSource.Rows(OrderColumns, [7, 6, 17.58, "2020-10-10 00:00:07"], [9, 1, 143.21, "2020-10-10 00:00:08"]));

    private const string SinkSchema = "order_id INT, total DOUBLE, id INT, name STRING, age INT, city STRING, state STRING, zipcode INT";

    private static string Select(string hint, string join, string on, bool age = true) =>
        $"INSERT INTO sink_t SELECT {hint}O.order_id, O.total, C.id, C.name, {(age ? "C.age, " : "")}C.city, C.state, C.zipcode "
        + $"FROM orders_t as O {join} customers_t FOR SYSTEM_TIME AS OF O.proc_time AS C ON {on}";

    private Task Run(string name, string sql, string[] before, string[] after, string sinkSchema = SinkSchema) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, [Orders], sinkSchema, sql, before, after) { Lookups = [Customers] }, _dir);

    private static readonly string[] AllBefore =
    [
        "+I[1, 44.44, 3, Claire, 37, Austin, Texas, 73301]",
        "+I[2, 100.02, 5, Jake, 42, New York City, New York, 10001]",
        "+I[4, 92.61, 2, Alice, 32, San Francisco, California, 95016]",
        "+I[3, 23.89, 1, Bob, 28, Mountain View, California, 94043]",
        "+I[6, 7.65, 4, Shannon, 29, Boise, Idaho, 83701]",
        "+I[5, 12.78, 2, Alice, 32, San Francisco, California, 95016]",
    ];

    private static readonly string[] AllAfter =
        ["+I[7, 17.58, 6, Joana, 54, Atlanta, Georgia, 30033]", "+I[9, 143.21, 1, Bob, 28, San Jose, California, 94089]"];

    [Fact]
    public Task Lookup_join_project_pushdown() => Run("lookup-join-project-pushdown", Select("", "JOIN", "O.customer_id = C.id", age: false),
        [
            "+I[1, 44.44, 3, Claire, Austin, Texas, 73301]",
            "+I[2, 100.02, 5, Jake, New York City, New York, 10001]",
            "+I[4, 92.61, 2, Alice, San Francisco, California, 95016]",
            "+I[3, 23.89, 1, Bob, Mountain View, California, 94043]",
            "+I[6, 7.65, 4, Shannon, Boise, Idaho, 83701]",
            "+I[5, 12.78, 2, Alice, San Francisco, California, 95016]",
        ],
        ["+I[7, 17.58, 6, Joana, Atlanta, Georgia, 30033]", "+I[9, 143.21, 1, Bob, San Jose, California, 94089]"],
        "order_id INT, total DOUBLE, id INT, name STRING, city STRING, state STRING, zipcode INT");

    [Fact]
    public Task Lookup_join_filter_pushdown() => Run("lookup-join-filter-pushdown", Select("", "JOIN", "O.customer_id = C.id AND C.age > 30"),
        [
            "+I[1, 44.44, 3, Claire, 37, Austin, Texas, 73301]",
            "+I[2, 100.02, 5, Jake, 42, New York City, New York, 10001]",
            "+I[4, 92.61, 2, Alice, 32, San Francisco, California, 95016]",
            "+I[5, 12.78, 2, Alice, 32, San Francisco, California, 95016]",
        ],
        ["+I[7, 17.58, 6, Joana, 54, Atlanta, Georgia, 30033]"]);

    [Fact]
    public Task Lookup_join_pre_filter() => Run("lookup-join-pre-filter",
        Select("", "LEFT JOIN", "O.customer_id = C.id AND C.age > 30 AND O.total > 15.3"),
        [
            "+I[1, 44.44, 3, Claire, 37, Austin, Texas, 73301]",
            "+I[2, 100.02, 5, Jake, 42, New York City, New York, 10001]",
            "+I[4, 92.61, 2, Alice, 32, San Francisco, California, 95016]",
            "+I[3, 23.89, null, null, null, null, null, null]",
            "+I[6, 7.65, null, null, null, null, null, null]",
            "+I[5, 12.78, null, null, null, null, null, null]",
        ],
        ["+I[7, 17.58, 6, Joana, 54, Atlanta, Georgia, 30033]", "+I[9, 143.21, null, null, null, null, null, null]"]);

    [Fact]
    public Task Lookup_join_post_filter() => Run("lookup-join-post-filter",
        Select("", "LEFT JOIN", "O.customer_id = C.id AND CAST(O.total AS INT) < C.age"),
        [
            "+I[1, 44.44, null, null, null, null, null, null]",
            "+I[2, 100.02, null, null, null, null, null, null]",
            "+I[4, 92.61, null, null, null, null, null, null]",
            "+I[3, 23.89, 1, Bob, 28, Mountain View, California, 94043]",
            "+I[6, 7.65, 4, Shannon, 29, Boise, Idaho, 83701]",
            "+I[5, 12.78, 2, Alice, 32, San Francisco, California, 95016]",
        ],
        ["+I[7, 17.58, 6, Joana, 54, Atlanta, Georgia, 30033]", "+I[9, 143.21, null, null, null, null, null, null]"]);

    [Fact]
    public Task Lookup_join_pre_post_filter() => Run("lookup-join-pre-post-filter",
        Select("", "LEFT JOIN", "O.customer_id = C.id AND O.total > 15.3 AND CAST(O.total AS INT) < C.age"),
        [
            "+I[1, 44.44, null, null, null, null, null, null]",
            "+I[2, 100.02, null, null, null, null, null, null]",
            "+I[4, 92.61, null, null, null, null, null, null]",
            "+I[3, 23.89, 1, Bob, 28, Mountain View, California, 94043]",
            "+I[6, 7.65, null, null, null, null, null, null]",
            "+I[5, 12.78, null, null, null, null, null, null]",
        ],
        ["+I[7, 17.58, 6, Joana, 54, Atlanta, Georgia, 30033]", "+I[9, 143.21, null, null, null, null, null, null]"]);

    [Fact]
    public Task Lookup_join_left_join() => Run("lookup-join-left-join",
        Select("", "LEFT JOIN", "O.customer_id = C.id AND C.age > 30 AND O.customer_id <> 3"),
        [
            "+I[1, 44.44, null, null, null, null, null, null]",
            "+I[2, 100.02, 5, Jake, 42, New York City, New York, 10001]",
            "+I[4, 92.61, 2, Alice, 32, San Francisco, California, 95016]",
            "+I[3, 23.89, null, null, null, null, null, null]",
            "+I[6, 7.65, null, null, null, null, null, null]",
            "+I[5, 12.78, 2, Alice, 32, San Francisco, California, 95016]",
        ],
        ["+I[7, 17.58, 6, Joana, 54, Atlanta, Georgia, 30033]", "+I[9, 143.21, null, null, null, null, null, null]"]);

    [Fact]
    public Task Lookup_join_async_hint() => Run("lookup-join-async-hint",
        Select("/*+ LOOKUP('table'='C', 'async'='true', 'output-mode'='allow_unordered', 'timeout'='500s', 'capacity'='2000') */ ",
            "JOIN", "O.customer_id = C.id"), AllBefore, AllAfter);

    [Fact]
    public Task Lookup_join_retry_hint() => Run("lookup-join-retry-hint",
        Select("/*+ LOOKUP('table'='C', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s', 'max-attempts'='3') */ ",
            "JOIN", "O.customer_id = C.id"), AllBefore, AllAfter);
}
