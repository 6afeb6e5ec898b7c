using System.Globalization;
using System.Text;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Event-time temporal joins (<c>FOR SYSTEM_TIME AS OF o.order_time</c> on a versioned table) over random orders and a
/// random changelog of currency rates (debezium-json: inserts, updates and deletes, out of order within the watermark
/// delay), compared with DuckDB's answer: each order joined with the rate version whose time is the latest at or before
/// the order's (of equal times the later change), no match when that version is a deletion. INNER and LEFT, with and
/// without a residual condition, at parallelism 1 and 2; the output must be insert-only.
/// </summary>
public sealed class TemporalJoinDifferentialTests
{
    private const string Latest =
        "SELECT o.order_id, r.rate FROM orders o JOIN versions r ON o.currency = r.currency AND r.update_time <= o.order_time "
        + "QUALIFY ROW_NUMBER() OVER (PARTITION BY o.order_id ORDER BY r.update_time DESC, r.seq DESC) = 1 AND NOT r.deleted";

    public static TheoryData<string, string> Queries => new()
    {
        {
            "SELECT o.order_id, o.price, o.currency, r.rate, o.order_time FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency",
            $"SELECT o.order_id, o.price, o.currency, l.rate, o.order_time FROM orders o JOIN ({Latest}) l ON o.order_id = l.order_id"
        },
        {
            "SELECT o.order_id, o.price, o.currency, r.rate, r.update_time, o.order_time FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency",
            "SELECT o.order_id, o.price, o.currency, l.rate, l.update_time, o.order_time FROM orders o LEFT JOIN ("
            + Latest.Replace("SELECT o.order_id, r.rate", "SELECT o.order_id, r.rate, r.update_time", StringComparison.Ordinal) + ") l ON o.order_id = l.order_id"
        },
        {
            "SELECT o.order_id, o.price * r.rate AS converted FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON r.currency = o.currency AND r.rate > 1.5",
            $"SELECT o.order_id, o.price * l.rate AS converted FROM orders o JOIN ({Latest}) l ON o.order_id = l.order_id AND l.rate > 1.5"
        },
        {
            "SELECT o.order_id, o.currency, r.rate FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency AND r.rate < o.price",
            $"SELECT o.order_id, o.currency, l.rate FROM orders o LEFT JOIN ({Latest}) l ON o.order_id = l.order_id AND l.rate < o.price"
        },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Temporal_joins_agree_with_duckdb_at_parallelism_1(string engine, string duckDb) => await CheckAsync(engine, duckDb, 1, 4096);

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Temporal_joins_agree_with_duckdb_at_parallelism_2_in_small_batches(string engine, string duckDb) => await CheckAsync(engine, duckDb, 2, 7);

    private static async Task CheckAsync(string engine, string duckDb, int parallelism, int batchRows)
    {
        await using var run = new DifferentialRun(20261204,
            ("parallelism.default", parallelism.ToString(CultureInfo.InvariantCulture)),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture))) { RequireInsertOnly = true };
        var directory = StateFixtures.TempDirectory();
        Directory.CreateDirectory(directory);
        try
        {
            AddData(run, directory);
            await run.CheckAsync(new DualSql(engine, duckDb));
            Assert.True(run.Mismatches == 0, run.Report());
            Assert.True(run.NonEmptyCases == 1, "the query returned no rows");
        }
        finally
        {
            StateFixtures.Delete(directory);
        }
    }

    private static readonly DateTime Epoch = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    private static string Time(long millis) => Epoch.AddMilliseconds(millis).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>Orders and rate changes, out of order by up to 2 s (the watermarks trail by 5 s, so none is late).</summary>
    private static void AddData(DifferentialRun run, string directory)
    {
        var random = run.Random;
        string[] currencies = ["EUR", "USD", "GBP", "JPY"];
        var current = new Dictionary<string, (decimal Rate, long Time)>();
        var changes = new StringBuilder();
        var versions = new List<string>();
        for (int i = 0; i < 160; i++)
        {
            string currency = currencies[random.Next(currencies.Length)];
            long time = i * 400L + random.Next(-2000, 2001);
            decimal rate = random.Next(50, 300) / 100m;
            string Row(decimal r, long t) => $"{{\"currency\": \"{currency}\", \"rate\": {r.ToString(CultureInfo.InvariantCulture)}, \"update_time\": \"{Time(t)}\"}}";
            bool exists = current.TryGetValue(currency, out var old);
            bool delete = exists && random.Next(6) == 0;
            if (delete)
            {
                changes.Append(CultureInfo.InvariantCulture, $"{{\"before\": {Row(old.Rate, time)}, \"after\": null, \"op\": \"d\"}}\n");
                current.Remove(currency);
            }
            else
            {
                string before = exists ? Row(old.Rate, old.Time) : "null";
                changes.Append(CultureInfo.InvariantCulture, $"{{\"before\": {before}, \"after\": {Row(rate, time)}, \"op\": \"{(exists ? "u" : "c")}\"}}\n");
                current[currency] = (rate, time);
            }
            versions.Add($"('{currency}', {(delete ? old.Rate : rate).ToString(CultureInfo.InvariantCulture)}, TIMESTAMP '{Time(time)}', {(delete ? "true" : "false")}, {i})");
        }
        var orders = new StringBuilder();
        var orderValues = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            string? currency = random.Next(20) == 0 ? null : random.Next(12) == 0 ? "CHF" : currencies[random.Next(currencies.Length)];
            long time = i * 220L + random.Next(-2000, 2001);
            decimal price = random.Next(1, 1000) / 100m;
            orders.Append(CultureInfo.InvariantCulture, $"{i},{price.ToString(CultureInfo.InvariantCulture)},{currency ?? "NULL"},{Time(time)}\n");
            orderValues.Add($"({i}, {price.ToString(CultureInfo.InvariantCulture)}, {(currency is null ? "NULL" : $"'{currency}'")}, TIMESTAMP '{Time(time)}')");
        }
        string ratesPath = Path.Combine(directory, "rates.json");
        string ordersPath = Path.Combine(directory, "orders.csv");
        File.WriteAllText(ratesPath, changes.ToString());
        File.WriteAllText(ordersPath, orders.ToString());
        run.ExecuteEngine(
            "CREATE TABLE orders (order_id BIGINT, price DECIMAL(10, 2), currency STRING, order_time TIMESTAMP(3), "
            + "WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{ordersPath}', 'format' = 'csv', 'csv.null-literal' = 'NULL')");
        run.ExecuteEngine(
            "CREATE TABLE rates (currency STRING, rate DECIMAL(10, 2), update_time TIMESTAMP(3), "
            + "WATERMARK FOR update_time AS update_time - INTERVAL '5' SECOND, PRIMARY KEY (currency) NOT ENFORCED) "
            + $"WITH ('connector' = 'filesystem', 'path' = '{ratesPath}', 'format' = 'debezium-json')");
        run.ExecuteOracle("CREATE TABLE orders (order_id BIGINT, price DECIMAL(10, 2), currency VARCHAR, order_time TIMESTAMP)");
        run.ExecuteOracle("INSERT INTO orders VALUES " + string.Join(", ", orderValues));
        run.ExecuteOracle("CREATE TABLE versions (currency VARCHAR, rate DECIMAL(10, 2), update_time TIMESTAMP, deleted BOOLEAN, seq INTEGER)");
        run.ExecuteOracle("INSERT INTO versions VALUES " + string.Join(", ", versions));
    }
}
