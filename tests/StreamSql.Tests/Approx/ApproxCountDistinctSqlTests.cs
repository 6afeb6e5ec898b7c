using System.Globalization;
using System.Numerics;
using System.Text;
using DuckDB.NET.Data;

namespace StreamSql.Tests.Approx;

/// <summary>
/// APPROX_COUNT_DISTINCT end to end, against two oracles: DuckDB's exact distinct values (the estimate is within three
/// standard errors of their count, within 1% at 100k) and <see cref="ReferenceHyperLogLog"/> fed those values (the estimate
/// is the same number, bit for bit: same hashes of each type, same registers, same estimate). Grouped in streaming and batch
/// mode, with FILTER, in TUMBLE/HOP/CUMULATE/SESSION windows and a legacy group window, and the planning errors.
/// </summary>
public sealed class ApproxCountDistinctSqlTests : IDisposable
{
    private static readonly double ThreeSigma = 3 * 1.04 / 128;
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private const string Columns = "k BIGINT, i INT, b BIGINT, s STRING, d DECIMAL(10, 2), w DECIMAL(30, 4), f DOUBLE, dt DATE, ts TIMESTAMP(3), t6 TIMESTAMP(6)";
    private const string DuckColumns = "'k': 'BIGINT', 'i': 'INTEGER', 'b': 'BIGINT', 's': 'VARCHAR', 'd': 'DECIMAL(10, 2)', 'w': 'DECIMAL(30, 4)', "
        + "'f': 'DOUBLE', 'dt': 'DATE', 'ts': 'TIMESTAMP', 't6': 'TIMESTAMP'";

    /// <summary>Rows in event-time order (one a second), NULLs in every column now and then, values drawn from ranges small
    /// enough to repeat.</summary>
    private string WriteRows(int rows, int keys, int spread, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var start = new DateTime(2026, 1, 1, 0, 0, 0);
        string Maybe(string value) => random.Next(12) == 0 ? "NULL" : value;
        for (int r = 0; r < rows; r++)
        {
            int x = random.Next(spread);
            var ts = start.AddSeconds(r);
            text.Append(CultureInfo.InvariantCulture, $"{random.Next(keys)},");
            text.Append(Maybe((x - spread / 2).ToString(CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe((x * 1_000_003L - 7_000_000_000L).ToString(CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe("u" + (x * 31 % spread).ToString(CultureInfo.InvariantCulture) + (x % 3 == 0 ? "é" : ""))).Append(',');
            text.Append(Maybe((x / 100m - 3m).ToString("0.00", CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe((x * 1234567.8901m - 5_000_000m).ToString("0.0000", CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe(x % 7 == 0 ? (x % 2 == 0 ? "0.0" : "-0.0") : (x / 8.0).ToString("R", CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe(start.AddDays(x - spread / 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe(start.AddMilliseconds(x * 37L).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture))).Append(',');
            text.Append(Maybe(start.AddTicks(x * 13L * 10).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))).Append(',');
            text.Append(ts.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append('\n');
        }
        var path = Path.Combine(_dir, $"rows{seed}.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string EngineTable(string path) =>
        $"CREATE TABLE t ({Columns}, et TIMESTAMP(3), WATERMARK FOR et AS et) "
        + $"WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv', 'csv.null-literal' = 'NULL')";

    private static DuckDBConnection Duck(string path)
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"CREATE TABLE t AS SELECT * FROM read_csv('{path}', header = false, nullstr = 'NULL', "
            + $"columns = {{{DuckColumns}, 'et': 'TIMESTAMP'}})";
        command.ExecuteNonQuery();
        return duck;
    }

    /// <summary>The distinct non-NULL values of <paramref name="column"/> per group of <paramref name="group"/> (a DuckDB expression).</summary>
    private static Dictionary<string, List<object>> DistinctValues(DuckDBConnection duck, string group, string column, string where = "TRUE")
    {
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT DISTINCT CAST({group} AS VARCHAR), {column} FROM t WHERE {column} IS NOT NULL AND {where}";
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, List<object>>();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (!values.TryGetValue(key, out var list)) values[key] = list = new();
            list.Add(reader.GetValue(1));
        }
        return values;
    }

    /// <summary>The reference estimate of values of a column, hashed as Flink hashes its type.</summary>
    private static long Reference(string column, IEnumerable<object> values)
    {
        var hll = new ReferenceHyperLogLog(ReferenceBias.Of);
        foreach (var v in values)
        {
            switch (column)
            {
                case "i": hll.AddInt((int)v); break;
                case "b": hll.AddLong((long)v); break;
                case "s": hll.AddString((string)v); break;
                case "d": hll.AddLong((long)((decimal)v * 100m)); break;
                case "w": hll.AddWideDecimal(new BigInteger((decimal)v * 10_000m)); break;
                case "f": hll.AddDouble((double)v); break;
                // DATE is hashed as a long of days, TIMESTAMP as epoch nanoseconds.
                case "dt": hll.AddLong(DaysOf(v)); break;
                case "ts" or "t6": hll.AddLong((((DateTime)v) - DateTime.UnixEpoch).Ticks * 100); break;
                default: throw new ArgumentException(column);
            }
        }
        return hll.Estimate();
    }

    private static long DaysOf(object v) => v switch
    {
        DateOnly d => d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber,
        DateTime t => (long)(t.Date - DateTime.UnixEpoch).TotalDays,
        _ => throw new ArgumentException(v.GetType().Name),
    };

    private static async Task<List<IReadOnlyList<object?>>> Final(StreamSqlEnvironment env, string query)
    {
        await using var result = env.Query(query);
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return table.Rows.Select(r => (IReadOnlyList<object?>)r.Values).ToList();
    }

    private static void AssertClose(long estimate, int exact, string what)
    {
        double tolerance = Math.Max(2, exact * ThreeSigma);
        Assert.True(Math.Abs(estimate - exact) <= tolerance, $"{what}: estimate {estimate}, exact {exact}");
    }

    private static readonly string[] HashedColumns = ["i", "b", "s", "d", "w", "f", "dt", "ts", "t6"];

    [Theory]
    [InlineData("streaming")]
    [InlineData("batch")]
    public async Task Every_type_per_group_is_the_reference_estimate_of_duckdbs_distinct_values(string mode)
    {
        var path = WriteRows(rows: 6000, keys: 4, spread: 3000, seed: 17);
        await using var env = Sessions.Create(settings: [("parallelism.default", "2"), ("execution.runtime-mode", mode)]);
        env.ExecuteSql(EngineTable(path));
        using var duck = Duck(path);
        var select = string.Join(", ", HashedColumns.Select(c => $"APPROX_COUNT_DISTINCT({c})"));
        var rows = await Final(env, $"SELECT k, {select} FROM t GROUP BY k");
        Assert.Equal(4, rows.Count);
        for (int c = 0; c < HashedColumns.Length; c++)
        {
            var distinct = DistinctValues(duck, "k", HashedColumns[c]);
            foreach (var row in rows)
            {
                var values = distinct[Convert.ToString(row[0], CultureInfo.InvariantCulture)!];
                long estimate = (long)row[c + 1]!;
                Assert.True(Reference(HashedColumns[c], values) == estimate, $"{HashedColumns[c]} of k = {row[0]}: engine {estimate}, reference {Reference(HashedColumns[c], values)}");
                AssertClose(estimate, values.Count, $"{HashedColumns[c]} of k = {row[0]}");
            }
        }
    }

    [Fact]
    public async Task Small_sets_give_the_exact_count_and_no_values_give_zero()
    {
        await using var env = Sessions.Create();
        var rows = await Final(env, "SELECT g, APPROX_COUNT_DISTINCT(v), COUNT(DISTINCT v), APPROX_COUNT_DISTINCT(CAST(NULL AS INT)) "
            + "FROM (VALUES (1, 'a'), (1, 'b'), (1, 'a'), (2, CAST(NULL AS STRING)), (3, 'x'), (3, 'y'), (3, 'z'), (3, 'x')) AS t(g, v) GROUP BY g");
        Assert.Equal(new[] { "1:2:2:0", "2:0:0:0", "3:3:3:0" },
            rows.Select(r => string.Join(":", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).Order());
    }

    [Fact]
    public async Task A_hundred_thousand_values_are_within_one_percent_and_the_reference_estimate()
    {
        // 100k distinct BIGINTs (and their strings) among 150k rows; the FILTER leaves about 30k, where the bias correction works.
        var random = new Random(99);
        var distinct = new HashSet<long>();
        while (distinct.Count < 100_000) distinct.Add(random.NextInt64(-1_000_000_000_000, 1_000_000_000_000));
        var values = distinct.ToList();
        var text = new StringBuilder();
        foreach (var v in values) text.Append(CultureInfo.InvariantCulture, $"{v}\n");
        for (int i = 0; i < 50_000; i++) text.Append(CultureInfo.InvariantCulture, $"{values[random.Next(values.Count)]}\n");
        var path = Path.Combine(_dir, "large.csv");
        File.WriteAllText(path, text.ToString());
        await using var env = Sessions.Create(settings: [("parallelism.default", "2")]);
        env.ExecuteSql($"CREATE TABLE big (b BIGINT) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')");
        var row = Assert.Single(await Final(env, "SELECT APPROX_COUNT_DISTINCT(b), APPROX_COUNT_DISTINCT(CAST(b AS STRING)), "
            + "APPROX_COUNT_DISTINCT(b) FILTER (WHERE MOD(b, 10) IN (1, 2, 3)) FROM big"));

        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT count(DISTINCT b), count(DISTINCT b) FILTER (WHERE b % 10 IN (1, 2, 3)) "
            + $"FROM read_csv('{path}', header = false, columns = {{'b': 'BIGINT'}})";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        long exact = reader.GetInt64(0);
        Assert.Equal(100_000, exact);
        // One percent is 1.2 standard errors: these values' sketch is within it, their strings' (other hashes) within 3.
        Assert.True(Math.Abs((long)row[0]! - exact) < exact / 100, $"estimate {row[0]}, exact {exact}");
        AssertClose((long)row[1]!, (int)exact, "strings");

        var asLongs = new ReferenceHyperLogLog(ReferenceBias.Of);
        var asStrings = new ReferenceHyperLogLog(ReferenceBias.Of);
        var filtered = new ReferenceHyperLogLog(ReferenceBias.Of);
        int filteredCount = 0;
        foreach (var v in values)
        {
            asLongs.AddLong(v);
            asStrings.AddString(v.ToString(CultureInfo.InvariantCulture));
            // Flink's MOD keeps the dividend's sign, so negative values never give 1, 2 or 3.
            if (v % 10 is 1 or 2 or 3)
            {
                filtered.AddLong(v);
                filteredCount++;
            }
        }
        Assert.Equal(asLongs.Estimate(), (long)row[0]!);
        Assert.Equal(asStrings.Estimate(), (long)row[1]!);
        Assert.Equal(filtered.Estimate(), (long)row[2]!);
        Assert.Equal(reader.GetInt64(1), filteredCount);
        AssertClose((long)row[2]!, filteredCount, "filtered");
    }

    [Fact]
    public async Task Windows_merge_their_slices_into_the_reference_estimate_of_their_values()
    {
        var path = WriteRows(rows: 1800, keys: 2, spread: 400, seed: 23);
        await using var env = Sessions.Create(settings: [("parallelism.default", "2")]);
        env.ExecuteSql(EngineTable(path));
        using var duck = Duck(path);
        // Rows are one a second from 00:00:00 and in order, so nothing is late and every window fires at end of input.
        var windows = new (string Engine, Func<DateTime, IEnumerable<(DateTime Start, DateTime End)>> Of)[]
        {
            ("TUMBLE(TABLE t, DESCRIPTOR(et), INTERVAL '5' MINUTE)", et => [(Floor(et, 5), Floor(et, 5).AddMinutes(5))]),
            ("HOP(TABLE t, DESCRIPTOR(et), INTERVAL '2' MINUTE, INTERVAL '6' MINUTE)",
                et => Enumerable.Range(0, 3).Select(j => Floor(et, 2).AddMinutes(-2 * j)).Select(s => (s, s.AddMinutes(6)))),
            ("CUMULATE(TABLE t, DESCRIPTOR(et), INTERVAL '3' MINUTE, INTERVAL '9' MINUTE)",
                et => Enumerable.Range(1, 3).Select(j => (Floor(et, 9), Floor(et, 9).AddMinutes(3 * j))).Where(w => w.Item2 > et)),
        };
        var rowsByTime = RowsWithTime(duck, "b");
        foreach (var (tvf, of) in windows)
        {
            var rows = await Final(env, $"SELECT k, window_start, window_end, APPROX_COUNT_DISTINCT(b) FROM TABLE({tvf}) GROUP BY k, window_start, window_end");
            var expected = Expected(rowsByTime, of);
            Assert.Equal(expected.Count, rows.Count);
            foreach (var row in rows)
            {
                var key = ((long)row[0]!, (DateTime)row[1]!, (DateTime)row[2]!);
                Assert.True(expected.TryGetValue(key, out var set), $"{tvf}: unexpected window {key}");
                Assert.Equal(Reference("b", set!.Cast<object>()), (long)row[3]!);
                AssertClose((long)row[3]!, set!.Count, $"{tvf} {key}");
            }
        }

        // A legacy group window, and a SESSION window (the rows are a second apart: one session per key).
        var legacy = await Final(env, "SELECT k, TUMBLE_START(et, INTERVAL '10' MINUTE), APPROX_COUNT_DISTINCT(b) FROM t GROUP BY k, TUMBLE(et, INTERVAL '10' MINUTE)");
        var legacyExpected = Expected(rowsByTime, et => [(Floor(et, 10), Floor(et, 10).AddMinutes(10))]);
        Assert.Equal(legacyExpected.Count, legacy.Count);
        foreach (var row in legacy)
            Assert.Equal(Reference("b", legacyExpected[((long)row[0]!, (DateTime)row[1]!, ((DateTime)row[1]!).AddMinutes(10))].Cast<object>()), (long)row[2]!);
        var session = await Final(env, "SELECT k, APPROX_COUNT_DISTINCT(b) FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(et), INTERVAL '10' MINUTE)) "
            + "GROUP BY k, window_start, window_end");
        var perKey = DistinctValues(duck, "k", "b");
        Assert.Equal(perKey.Count, session.Count);
        foreach (var row in session)
            Assert.Equal(Reference("b", perKey[Convert.ToString(row[0], CultureInfo.InvariantCulture)!]), (long)row[1]!);
    }

    private static DateTime Floor(DateTime t, int minutes) => new(t.Ticks - t.Ticks % TimeSpan.FromMinutes(minutes).Ticks);

    private static List<(long Key, DateTime Time, long Value)> RowsWithTime(DuckDBConnection duck, string column)
    {
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT k, et, {column} FROM t WHERE {column} IS NOT NULL";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, DateTime, long)>();
        while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetDateTime(1), reader.GetInt64(2)));
        return rows;
    }

    private static Dictionary<(long, DateTime, DateTime), HashSet<long>> Expected(List<(long Key, DateTime Time, long Value)> rows,
        Func<DateTime, IEnumerable<(DateTime Start, DateTime End)>> windowsOf)
    {
        var expected = new Dictionary<(long, DateTime, DateTime), HashSet<long>>();
        foreach (var (key, time, value) in rows)
            foreach (var (start, end) in windowsOf(time))
            {
                if (!expected.TryGetValue((key, start, end), out var set)) expected[(key, start, end)] = set = new();
                set.Add(value);
            }
        return expected;
    }

    [Theory]
    [InlineData("SELECT APPROX_COUNT_DISTINCT(flag) FROM (VALUES (TRUE)) AS v(flag)",
        "APPROX_COUNT_DISTINCT aggregate function does not support type: ''BOOLEAN NOT NULL''.\nPlease re-check the data type.")]
    [InlineData("SELECT APPROX_COUNT_DISTINCT(a, b) FROM (VALUES (1, 2)) AS v(a, b)", "We now only support the count of one field.")]
    [InlineData("SELECT APPROX_COUNT_DISTINCT(n) FROM (SELECT a, COUNT(*) AS n FROM (VALUES (1), (2)) AS v(a) GROUP BY a)",
        "APPROX_COUNT_DISTINCT aggregate function does not support retraction")]
    [InlineData("SELECT APPROX_COUNT_DISTINCT(a) OVER (ORDER BY et) FROM t", "Not supported yet: APPROX_COUNT_DISTINCT as an OVER aggregate")]
    public async Task What_flink_refuses_is_refused_at_planning(string query, string message)
    {
        var path = WriteRows(rows: 1, keys: 1, spread: 1, seed: 1);
        await using var env = Sessions.Create();
        env.ExecuteSql(EngineTable(path));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Final(env, query.Replace("(a) OVER", "(i) OVER", StringComparison.Ordinal)));
        Assert.Contains(message, error.Message);
    }
}
