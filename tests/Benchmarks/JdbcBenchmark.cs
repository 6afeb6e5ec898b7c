using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Npgsql;
using NpgsqlTypes;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using SqlType = StreamSql.Sql.Planner.Types.SqlType;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>-- jdbc [rows] [rounds]</c>: the jdbc sink upserting rows (id BIGINT key, n BIGINT, name STRING, amount DECIMAL(12, 2),
/// at TIMESTAMP(3)) into a PostgreSQL table with a primary key, against the fastest hand-written load of the same rows a
/// .NET developer would write: one Npgsql binary COPY straight into the empty table. The sink runs at-least-once with its
/// defaults (a flush per incoming batch of 4,096 rows: COPY into its staging table + INSERT ... ON CONFLICT) and, second,
/// exactly-once (one epoch: the rows in the committable, written in one transaction at the commit). Rows per second of wall
/// time, best of the rounds, sides alternating; the server is <c>STREAMSQL_POSTGRES</c> or a throwaway one from
/// scripts/postgres.sh on this machine (it shares the 2 cores).
/// </summary>
internal static class JdbcBenchmark
{
    private const int BatchRows = 4096;

    public static async Task<int> RunAsync(string[] args)
    {
        int rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var (admin, stop) = Server();
        try
        {
            var db = await CreateDatabaseAsync(admin);
            var batches = Batches(rows);
            var results = new Dictionary<string, List<double>>
            {
                ["copy"] = new(), ["copy + upsert"] = new(), ["sink at-least-once"] = new(), ["sink exactly-once"] = new(),
            };
            for (int round = 0; round < rounds; round++)
            {
                foreach (var side in round % 2 == 0 ? results.Keys.ToArray() : results.Keys.Reverse().ToArray())
                {
                    await ExecuteAsync(db, "DROP TABLE IF EXISTS t; CREATE TABLE t (id bigint PRIMARY KEY, n bigint, name text, amount numeric(12,2), at timestamp(3)); CHECKPOINT");
                    var clock = Stopwatch.StartNew();
                    if (side == "copy") await CopyAsync(db, batches, upsert: false);
                    else if (side == "copy + upsert") await CopyAsync(db, batches, upsert: true);
                    else await SinkAsync(db, batches, side.EndsWith("exactly-once", StringComparison.Ordinal));
                    double seconds = clock.Elapsed.TotalSeconds;
                    long count = (long)(await ScalarAsync(db, "SELECT count(*) FROM t"))!;
                    if (count != rows) throw new InvalidOperationException($"{side} wrote {count} rows, not {rows}");
                    results[side].Add(rows / seconds);
                    Console.WriteLine($"round {round + 1} {side,-20} {rows / seconds,12:N0} rows/s ({seconds:0.00} s)");
                }
            }
            double copy = results["copy"].Max();
            Console.WriteLine();
            Console.WriteLine($"{"",-22} {"rows/s (best)",14} {"ratio to COPY",14}");
            foreach (var (side, rates) in results)
                Console.WriteLine($"{side,-22} {rates.Max(),14:N0} {rates.Max() / copy,14:0.00}");
            return 0;
        }
        finally
        {
            stop();
        }
    }

    private static Schema Schema { get; } = new(new[]
    {
        new Field("id", Int64Type.Default, false), new Field("n", Int64Type.Default, true), new Field("name", StringType.Default, true),
        new Field("amount", new Decimal128Type(12, 2), true), new Field("at", new TimestampType(TimeUnit.Microsecond, (string?)null), true),
    }, null);

    private static List<Batch> Batches(int rows)
    {
        var batches = new List<Batch>();
        for (int start = 0; start < rows; start += BatchRows)
        {
            int count = Math.Min(BatchRows, rows - start);
            var id = new Int64Array.Builder();
            var n = new Int64Array.Builder();
            var name = new StringArray.Builder();
            var amount = new Decimal128Array.Builder(new Decimal128Type(12, 2));
            var at = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
            for (int i = start; i < start + count; i++)
            {
                id.Append(i);
                n.Append(i * 7L % 1000);
                name.Append("name-" + (i % 5000).ToString(CultureInfo.InvariantCulture));
                amount.Append((decimal)(i % 100000) / 100m);
                at.Append(DateTimeOffset.UnixEpoch.AddMilliseconds(1_764_720_000_000L + i));
            }
            batches.Add(new Batch(new RecordBatch(Schema, new IArrowArray[] { id.Build(), n.Build(), name.Build(), amount.Build(), at.Build() }, count)));
        }
        return batches;
    }

    /// <summary>The hand-written baselines: one binary COPY of every row, values read from the same Arrow batches — straight into
    /// the table, or (<paramref name="upsert"/>) into a temporary table and then one INSERT ... ON CONFLICT, in one transaction.</summary>
    private static async Task CopyAsync(string db, List<Batch> batches, bool upsert)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (upsert)
        {
            await using var create = new NpgsqlCommand("CREATE TEMP TABLE s (LIKE t) ON COMMIT DROP", connection);
            await create.ExecuteNonQueryAsync();
        }
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {(upsert ? "s" : "t")} (id, n, name, amount, at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var batch in batches)
            {
                var id = (Int64Array)batch.Column(0);
                var n = (Int64Array)batch.Column(1);
                var name = (StringArray)batch.Column(2);
                var amount = (Decimal128Array)batch.Column(3);
                var at = (TimestampArray)batch.Column(4);
                for (int i = 0; i < batch.Length; i++)
                {
                    importer.StartRow();
                    importer.Write(id.GetValue(i)!.Value, NpgsqlDbType.Bigint);
                    importer.Write(n.GetValue(i)!.Value, NpgsqlDbType.Bigint);
                    importer.Write(name.GetString(i), NpgsqlDbType.Text);
                    importer.Write(amount.GetValue(i)!.Value, NpgsqlDbType.Numeric);
                    importer.Write(new DateTime(DateTime.UnixEpoch.Ticks + at.GetValue(i)!.Value * 10, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
                }
            }
            await importer.CompleteAsync();
        }
        if (upsert)
        {
            await using var move = new NpgsqlCommand("INSERT INTO t SELECT * FROM s ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n, name = EXCLUDED.name, "
                + "amount = EXCLUDED.amount, at = EXCLUDED.at", connection);
            await move.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private static async Task SinkAsync(string db, List<Batch> batches, bool exactlyOnce)
    {
        var builder = new NpgsqlConnectionStringBuilder(db);
        var table = new CatalogTable("t", new List<TableColumn>
        {
            new PhysicalColumn("id", SqlType.BigInt.AsNotNull()), new PhysicalColumn("n", SqlType.BigInt), new PhysicalColumn("name", SqlType.String),
            new PhysicalColumn("amount", SqlType.Decimal(12, 2)), new PhysicalColumn("at", SqlType.Timestamp(3)),
        }, null, new[] { "id" }, System.Array.Empty<string>(), new Dictionary<string, string>
        {
            ["connector"] = "jdbc", ["url"] = $"jdbc:postgresql://{builder.Host}:{builder.Port}/{builder.Database}", ["table-name"] = "t",
            ["username"] = builder.Username ?? "postgres", ["password"] = builder.Password ?? "",
            ["sink.delivery-guarantee"] = exactlyOnce ? "exactly-once" : "at-least-once",
        }, null, false);
        var connector = new JdbcConnector();
        connector.Validate(table);
        await using var writer = connector.CreateWriter();
        await writer.OpenAsync(new SinkWriterContext(table, ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), Sql.Planner.Types.ChangelogMode.Upsert,
            "bench", 0, 1, Configuration.Empty, SystemClock.Instance, TextWriter.Null), CancellationToken.None);
        foreach (var batch in batches) await writer.WriteAsync(batch, CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, handle is null ? System.Array.Empty<byte[]>() : new[] { handle }, CancellationToken.None);
    }

    private static async Task<string> CreateDatabaseAsync(string admin)
    {
        var name = "bench_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name}");
        await ExecuteAsync(admin, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static async Task ExecuteAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>STREAMSQL_POSTGRES, or a throwaway server started with scripts/postgres.sh (stopped at the end).</summary>
    private static (string Connection, Action Stop) Server()
    {
        var given = Environment.GetEnvironmentVariable("STREAMSQL_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given)) return (given.Trim(), () => { });
        var script = Path.Combine(AppContext.BaseDirectory, "scripts", "postgres.sh");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && !File.Exists(script); dir = dir.Parent)
            script = Path.Combine(dir.FullName, "scripts", "postgres.sh");
        var directory = Path.Combine(Path.GetTempPath(), "streamsql-bench-pg-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        string Run(string action)
        {
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { script, action, directory }) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"scripts/postgres.sh {action} failed: {process.StandardError.ReadToEnd()}");
            return output.Trim().Split('\n')[^1];
        }
        return (Run("start"), () => Run("stop"));
    }
}
