using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- lookup &lt;npgsql-connection-string&gt; [rows] [keys] [rounds]</c>: a
/// datagen stream of <c>rows</c> rows (keys <c>seq % keys</c>) joined FOR SYSTEM_TIME AS OF its processing time with a
/// PostgreSQL table of <c>keys</c> rows through the jdbc connector, into a blackhole: rows per second without a cache
/// (every batch's distinct keys fetched with one query per 1024 keys) and with a PARTIAL cache holding every key, in the
/// same run. The database named in the connection string gets a table <c>bench_dim</c>.
/// Then a latency case: the same join against a view <c>bench_slow_dim</c> whose every query takes
/// <see cref="LatencyMillis"/> ms on the server (<c>pg_sleep</c>), over 1,000 keys (one request per batch), with lookups
/// pipelined across batches (<c>table.exec.async-lookup.buffer-capacity</c> 100, the default) against one batch's lookups at
/// a time (capacity 1), in the same run.
/// </summary>
internal static class LookupJoinBenchmark
{
    private const int LatencyMillis = 20;
    private const int LatencyKeys = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: lookup <npgsql-connection-string> [rows] [keys] [rounds]");
            return 2;
        }
        string connection = args[1];
        long rows = args.Length > 2 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 2_000_000;
        int keys = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
        int rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
        await using (var c = new NpgsqlConnection(connection))
        {
            await c.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                DROP TABLE IF EXISTS bench_dim;
                CREATE TABLE bench_dim (id BIGINT PRIMARY KEY, name TEXT, weight INT);
                INSERT INTO bench_dim SELECT i, 'name-' || i, i % 100 FROM generate_series(0, {Math.Max(keys, LatencyKeys) - 1}) AS i;
                ANALYZE bench_dim;
                CREATE OR REPLACE FUNCTION bench_delay() RETURNS INT LANGUAGE plpgsql VOLATILE AS $$
                  BEGIN PERFORM pg_sleep({(LatencyMillis / 1000.0).ToString("0.000", CultureInfo.InvariantCulture)}); RETURN 1; END $$;
                CREATE OR REPLACE VIEW bench_slow_dim AS SELECT * FROM bench_dim WHERE (SELECT bench_delay()) = 1;
                """, c);
            await command.ExecuteNonQueryAsync();
        }
        var b = new NpgsqlConnectionStringBuilder(connection);
        string url = $"jdbc:postgresql://{b.Host}:{b.Port}/{b.Database}";
        Console.WriteLine($"lookup join: {rows:N0} rows over {keys:N0} keys, parallelism 1, {rounds} rounds");
        var none = new List<double>();
        var cached = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            none.Add(rows / (await RunAsync(url, b, rows, keys, "")).TotalSeconds);
            cached.Add(rows / (await RunAsync(url, b, rows, keys,
                $", 'lookup.cache' = 'PARTIAL', 'lookup.partial-cache.max-rows' = '{keys}'")).TotalSeconds);
            Console.WriteLine($"round {round + 1}: no cache {none[^1] / 1e6:F3} M rows/s, PARTIAL cache {cached[^1] / 1e6:F3} M rows/s");
        }
        double n = Median(none), p = Median(cached);
        Console.WriteLine($"no cache      : {n / 1e6,7:F3} M rows/s (median)");
        Console.WriteLine($"PARTIAL cache : {p / 1e6,7:F3} M rows/s (median), {p / n:F1}x");

        long slowRows = Math.Min(rows, 200_000);
        Console.WriteLine($"latency case: {slowRows:N0} rows over {LatencyKeys:N0} keys, every lookup query {LatencyMillis} ms on the server, no cache");
        var sequential = new List<double>();
        var pipelined = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            sequential.Add(slowRows / (await RunAsync(url, b, slowRows, LatencyKeys, "", "bench_slow_dim", capacity: 1)).TotalSeconds);
            pipelined.Add(slowRows / (await RunAsync(url, b, slowRows, LatencyKeys, "", "bench_slow_dim", capacity: 100)).TotalSeconds);
            Console.WriteLine($"round {round + 1}: one batch at a time {sequential[^1] / 1e3:F1} K rows/s, pipelined {pipelined[^1] / 1e3:F1} K rows/s");
        }
        double one = Median(sequential), many = Median(pipelined);
        Console.WriteLine($"one batch at a time (capacity 1)  : {one / 1e3,8:F1} K rows/s (median)");
        Console.WriteLine($"pipelined (capacity 100)          : {many / 1e3,8:F1} K rows/s (median), {many / one:F1}x");
        return 0;
    }

    private static async Task<TimeSpan> RunAsync(string url, NpgsqlConnectionStringBuilder b, long rows, int keys, string cache,
        string table = "bench_dim", int? capacity = null)
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        await env.ExecuteSqlAsync("SET 'parallelism.default' = '1'");
        if (capacity is { } places)
            await env.ExecuteSqlAsync($"SET 'table.exec.async-lookup.buffer-capacity' = '{places.ToString(CultureInfo.InvariantCulture)}'");
        await env.ExecuteSqlAsync($"""
            CREATE TABLE src (seq BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '1000000000',
              'fields.seq.kind' = 'sequence', 'fields.seq.start' = '1', 'fields.seq.end' = '{rows}')
            """);
        await env.ExecuteSqlAsync($"""
            CREATE TABLE dim (id BIGINT, name STRING, weight INT) WITH ('connector' = 'jdbc', 'url' = '{url}', 'table-name' = '{table}',
              'username' = '{b.Username}', 'password' = '{b.Password}'{cache})
            """);
        await env.ExecuteSqlAsync("CREATE TABLE sink (seq BIGINT, name STRING, weight INT) WITH ('connector' = 'blackhole')");
        var sw = Stopwatch.StartNew();
        await env.ExecuteSqlAsync($"INSERT INTO sink SELECT s.seq, d.name, d.weight FROM src AS s JOIN dim FOR SYSTEM_TIME AS OF s.pt AS d ON s.seq % {keys} = d.id");
        await env.WaitForJobsAsync();
        return sw.Elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
