using System.Diagnostics;
using Apache.Arrow;
using Parquet;
using Parquet.Schema;
using StreamSql.Connectors;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>-- parquet [events] [rounds]</c>: the filesystem connector's parquet format against Parquet.Net used directly, in the
/// same run, on the same Nexmark bid columns (auction, bidder, price, channel, url, dateTime, extra). Write: our sink
/// writer (batches in, one part file, committed) against Parquet.Net fed ready-made typed arrays (long[], string[],
/// DateTime[]) in row groups of the same size; read: our source reader (every column into Arrow batches) against
/// Parquet.Net reading the same file's row groups into typed arrays. Prints rows/s, the ratios (target ≥ 0.7) and the bytes
/// each allocates, and the process's peak working set.
/// </summary>
internal static class ParquetBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int events = args.Length > 1 ? int.Parse(args[1]) : 2_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
        var batches = await NexmarkBids.GenerateAsync(events);
        long rows = batches.Sum(b => (long)b.Length);
        Console.WriteLine($"{rows:N0} bids in {batches.Count} batches; {rounds} rounds");
        var root = Path.Combine(Path.GetTempPath(), "streamsql-parquet-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var plain = Materialize(batches);
            var table = Table(Path.Combine(root, "ours"));
            var results = new Dictionary<string, List<(double Rate, long Allocated)>>();
            void Add(string name, double rate, long allocated) => (results.TryGetValue(name, out var l) ? l : results[name] = new()).Add((rate, allocated));
            string ourFile = "", directFile = Path.Combine(root, "direct.parquet");
            for (int round = 0; round < rounds; round++)
            {
                if (Directory.Exists(table.Options["path"])) Directory.Delete(table.Options["path"], recursive: true);
                var (rate, allocated) = await Measure(rows, () => WriteOursAsync(table, batches));
                Add("write: StreamSql sink", rate, allocated);
                (rate, allocated) = await Measure(rows, () => WriteDirectAsync(directFile, plain));
                Add("write: Parquet.Net direct", rate, allocated);
                ourFile = Directory.GetFiles(table.Options["path"], "part-*").Single();
                long read = 0;
                (rate, allocated) = await Measure(rows, async () => read = await ReadOursAsync(table));
                if (read != rows) throw new InvalidOperationException($"our reader read {read} rows of {rows}");
                Add("read: StreamSql source", rate, allocated);
                (rate, allocated) = await Measure(rows, async () => read = await ReadDirectAsync(ourFile));
                if (read != rows) throw new InvalidOperationException($"Parquet.Net read {read} rows of {rows}");
                Add("read: Parquet.Net direct", rate, allocated);
                Console.WriteLine($"round {round + 1}: " + string.Join(", ", results.Select(r => $"{r.Key} {r.Value[^1].Rate / 1e6:F2} M rows/s")));
            }
            double Median(string name) => results[name].Select(r => r.Rate).Order().ElementAt(rounds / 2);
            long Allocated(string name) => results[name].Select(r => r.Allocated).Order().ElementAt(rounds / 2);
            Console.WriteLine();
            foreach (var name in results.Keys)
                Console.WriteLine($"{name,-28} {Median(name) / 1e6,8:F2} M rows/s   allocated {Allocated(name) / 1e6,8:F0} MB");
            Console.WriteLine($"write ratio (ours / direct): {Median("write: StreamSql sink") / Median("write: Parquet.Net direct"):F2} (target ≥ 0.7)");
            Console.WriteLine($"read ratio (ours / direct):  {Median("read: StreamSql source") / Median("read: Parquet.Net direct"):F2} (target ≥ 0.7)");
            Console.WriteLine($"file sizes: ours {new FileInfo(ourFile).Length / 1e6:F1} MB, direct {new FileInfo(directFile).Length / 1e6:F1} MB (snappy)");
            Console.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(double Rate, long Allocated)> Measure(long rows, Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        await run();
        sw.Stop();
        return (rows / sw.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static readonly (string Name, SqlType Type)[] Columns =
    {
        ("auction", SqlType.BigInt), ("bidder", SqlType.BigInt), ("price", SqlType.BigInt), ("channel", SqlType.String),
        ("url", SqlType.String), ("dateTime", SqlType.Timestamp(3)), ("extra", SqlType.String),
    };

    private static CatalogTable Table(string path) => new("bids", Columns.Select(c => (TableColumn)new PhysicalColumn(c.Name, c.Type)).ToList(), null,
        System.Array.Empty<string>(), System.Array.Empty<string>(),
        new Dictionary<string, string> { ["connector"] = "filesystem", ["path"] = path, ["format"] = "parquet",
            // one part file of one row group, as the direct writer makes
            ["sink.rolling-policy.file-size"] = "2000mb", ["parquet.block.size"] = "2000mb" }, null, false);

    private static async Task WriteOursAsync(CatalogTable table, IReadOnlyList<RecordBatch> batches)
    {
        var connector = BuiltInConnectors.CreateRegistry().FindConnector("filesystem")!;
        await using var writer = connector.CreateWriter();
        var context = new SinkWriterContext(table, ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), ChangelogMode.InsertOnly, "bench", 0, 1,
            Configuration.Empty, SystemClock.Instance, TextWriter.Null);
        await writer.OpenAsync(context, CancellationToken.None);
        foreach (var batch in batches) await writer.WriteAsync(new Batch(batch), CancellationToken.None);
        var handle = await writer.PrepareCommitAsync(1, CancellationToken.None);
        await writer.CommitAsync(1, new[] { handle! }, CancellationToken.None);
    }

    private static async Task<long> ReadOursAsync(CatalogTable table)
    {
        var connector = BuiltInConnectors.CreateRegistry().FindConnector("filesystem")!;
        await using var reader = connector.CreateReader();
        var context = new SourceReaderContext(table, Enumerable.Range(0, Columns.Length).ToArray(), System.Array.Empty<string>(),
            ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), 0, 1, 8192, Configuration.Empty, SystemClock.Instance);
        await reader.OpenAsync(context, CancellationToken.None);
        long rows = 0;
        while (await reader.ReadBatchAsync(CancellationToken.None) is { } batch) rows += batch.Length;
        return rows;
    }

    /// <summary>The bid columns as a Parquet.Net user holds them: typed arrays per row group (row groups as large as ours:
    /// everything, since the data fits one 128 MB block).</summary>
    private sealed record PlainColumns(long[][] Longs, string[][] Strings, DateTime[] Times, int Rows);

    private static PlainColumns Materialize(IReadOnlyList<RecordBatch> batches)
    {
        int rows = batches.Sum(b => b.Length);
        var longs = new[] { new long[rows], new long[rows], new long[rows] };
        var strings = new[] { new string[rows], new string[rows], new string[rows] };
        var times = new DateTime[rows];
        int at = 0;
        foreach (var b in batches)
        {
            for (int c = 0; c < 3; c++) new ColumnView(b.Column(c)).Values<long>().CopyTo(longs[c].AsSpan(at));
            int[] stringColumns = { 3, 4, 6 };
            for (int s = 0; s < 3; s++)
            {
                var view = new ColumnView(b.Column(stringColumns[s]));
                for (int r = 0; r < b.Length; r++) strings[s][at + r] = view.GetString(r);
            }
            var ts = new ColumnView(b.Column(5)).Values<long>();
            for (int r = 0; r < b.Length; r++) times[at + r] = DateTime.UnixEpoch.AddTicks(ts[r] * 10);
            at += b.Length;
        }
        return new PlainColumns(longs, strings, times, rows);
    }

    private static readonly DataField[] DirectFields =
    {
        new DataField<long>("auction"), new DataField<long>("bidder"), new DataField<long>("price"), new DataField<string>("channel"),
        new DataField<string>("url"), new DateTimeDataField("dateTime", DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros), new DataField<string>("extra"),
    };

    private static async Task WriteDirectAsync(string file, PlainColumns columns)
    {
        await using var stream = File.Create(file);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(DirectFields), stream);
        using var rowGroup = writer.CreateRowGroup();
        await rowGroup.WriteAsync<long>(DirectFields[0], columns.Longs[0].AsMemory());
        await rowGroup.WriteAsync<long>(DirectFields[1], columns.Longs[1].AsMemory());
        await rowGroup.WriteAsync<long>(DirectFields[2], columns.Longs[2].AsMemory());
        await rowGroup.WriteAsync(DirectFields[3], columns.Strings[0]);
        await rowGroup.WriteAsync(DirectFields[4], columns.Strings[1]);
        await rowGroup.WriteAsync<DateTime>(DirectFields[5], columns.Times.AsMemory());
        await rowGroup.WriteAsync(DirectFields[6], columns.Strings[2]);
    }

    private static async Task<long> ReadDirectAsync(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            int n = (int)rowGroup.RowCount;
            foreach (var field in fields)
            {
                if (field.ClrType == typeof(long)) await rowGroup.ReadAsync<long>(field, new long?[n].AsMemory());
                else if (field.ClrType == typeof(DateTime)) await rowGroup.ReadAsync<DateTime>(field, new DateTime?[n].AsMemory());
                else await rowGroup.ReadAsync(field, new string?[n].AsMemory());
            }
            rows += n;
        }
        return rows;
    }
}
