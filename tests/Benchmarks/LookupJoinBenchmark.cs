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
/// </summary>
internal static class LookupJoinBenchmark
{
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
                INSERT INTO bench_dim SELECT i, 'name-' || i, i % 100 FROM generate_series(0, {keys - 1}) AS i;
                ANALYZE bench_dim;
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
        return 0;
    }

    private static async Task<TimeSpan> RunAsync(string url, NpgsqlConnectionStringBuilder b, long rows, int keys, string cache)
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        await env.ExecuteSqlAsync("SET 'parallelism.default' = '1'");
        await env.ExecuteSqlAsync($"""
            CREATE TABLE src (seq BIGINT, pt AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '1000000000',
              'fields.seq.kind' = 'sequence', 'fields.seq.start' = '1', 'fields.seq.end' = '{rows}')
            """);
        await env.ExecuteSqlAsync($"""
            CREATE TABLE dim (id BIGINT, name STRING, weight INT) WITH ('connector' = 'jdbc', 'url' = '{url}', 'table-name' = 'bench_dim',
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
