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
/// <c>-- parquet-nested [rows] [rounds]</c>: the parquet source reading nested columns (ARRAY&lt;STRING&gt;,
/// MAP&lt;STRING, INT&gt;, ROW&lt;DOUBLE, DOUBLE&gt;, ARRAY&lt;ROW&lt;BIGINT, INT&gt;&gt;, with NULLs and empty collections) into
/// Arrow batches, against Parquet.Net reading the same file's leaves raw (values and levels, no assembly) in the same run.
/// Prints rows/s and the ratio; the ratio is what to compare across versions of the reader.
/// </summary>
internal static class ParquetNestedBenchmark
{
    private static readonly (string Name, SqlType Type)[] Columns =
    {
        ("id", SqlType.BigInt),
        ("tags", SqlType.Array(SqlType.String)),
        ("attrs", SqlType.Map(SqlType.String, SqlType.Int)),
        ("pos", SqlType.Row(["x", "y"], [SqlType.Double, SqlType.Double])),
        ("items", SqlType.Array(SqlType.Row(["sku", "qty"], [SqlType.BigInt, SqlType.Int]))),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        int rows = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 5;
        var root = Path.Combine(Path.GetTempPath(), "streamsql-parquet-nested-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var table = Table(root);
            await WriteAsync(table, Generate(rows));
            var file = Directory.GetFiles(root, "part-*").Single();
            Console.WriteLine($"{rows:N0} rows of nested columns, file {new FileInfo(file).Length / 1e6:F1} MB; {rounds} rounds");
            var ours = new List<double>();
            var direct = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                ours.Add(await Measure(rows, async () => Check(rows, await ReadOursAsync(table))));
                direct.Add(await Measure(rows, async () => Check(rows, await ReadDirectAsync(file))));
                Console.WriteLine($"round {round + 1}: StreamSql source {ours[^1] / 1e6:F2} M rows/s, Parquet.Net raw leaves {direct[^1] / 1e6:F2} M rows/s");
            }
            double median(List<double> l) => l.Order().ElementAt(l.Count / 2);
            Console.WriteLine($"nested read: StreamSql source {median(ours) / 1e6:F2} M rows/s, Parquet.Net raw leaves {median(direct) / 1e6:F2} M rows/s, "
                + $"ratio (ours / raw leaves) {median(ours) / median(direct):F2}");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Check(long expected, long read)
    {
        if (read != expected) throw new InvalidOperationException($"read {read} rows of {expected}");
    }

    private static async Task<double> Measure(long rows, Func<Task> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var sw = Stopwatch.StartNew();
        await run();
        return rows / sw.Elapsed.TotalSeconds;
    }

    private static CatalogTable Table(string path) => new("nested", Columns.Select(c => (TableColumn)new PhysicalColumn(c.Name, c.Type)).ToList(), null,
        System.Array.Empty<string>(), System.Array.Empty<string>(),
        new Dictionary<string, string> { ["connector"] = "filesystem", ["path"] = path, ["format"] = "parquet",
            ["sink.rolling-policy.file-size"] = "2000mb", ["parquet.block.size"] = "2000mb" }, null, false);

    private static List<RecordBatch> Generate(int rows)
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(Columns.Select(c => new StreamSql.Sql.Planner.Types.Field(c.Name, c.Type)).ToList()));
        var batches = new List<RecordBatch>();
        for (int start = 0; start < rows; start += 8192)
        {
            int n = Math.Min(8192, rows - start);
            var b = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType, n)).ToArray();
            var (tags, attrs, pos, items) = ((ListColumnBuilder)b[1], (ListColumnBuilder)b[2], b[3], (ListColumnBuilder)b[4]);
            for (int r = 0; r < n; r++)
            {
                long i = start + r;
                b[0].AppendInt64(i);
                if (i % 17 == 0) tags.AppendNull();
                else
                {
                    for (int t = 0; t < i % 4; t++)
                    {
                        if (t == 1 && i % 3 == 0) tags.Values.AppendNull();
                        else tags.Values.AppendString("tag" + (i % 100 + t));
                    }
                    tags.AppendListValid();
                }
                if (i % 13 == 0) attrs.AppendNull();
                else
                {
                    for (int k = 0; k < 2; k++)
                    {
                        attrs.Values.AppendStructValid();
                        attrs.Values.Children[0].AppendString(k == 0 ? "a" : "b");
                        if (i % 7 == 0 && k == 1) attrs.Values.Children[1].AppendNull(); else attrs.Values.Children[1].AppendInt64(i + k);
                    }
                    attrs.AppendListValid();
                }
                if (i % 11 == 0) pos.AppendNull();
                else
                {
                    pos.AppendStructValid();
                    pos.Children[0].AppendDouble(i * 0.5);
                    if (i % 5 == 0) pos.Children[1].AppendNull(); else pos.Children[1].AppendDouble(-i);
                }
                for (int e = 0; e < i % 3; e++)
                {
                    items.Values.AppendStructValid();
                    items.Values.Children[0].AppendInt64(i * 10 + e);
                    items.Values.Children[1].AppendInt64(e);
                }
                items.AppendListValid();
            }
            batches.Add(new RecordBatch(schema, b.Select(x => x.Build()).ToArray(), n));
        }
        return batches;
    }

    private static async Task WriteAsync(CatalogTable table, IReadOnlyList<RecordBatch> batches)
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

    /// <summary>Each leaf of the file read raw into typed arrays with its levels: what any assembly starts from.</summary>
    private static async Task<long> ReadDirectAsync(string file)
    {
        await using var reader = await ParquetReader.CreateAsync(file);
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            foreach (var field in reader.Schema.GetDataFields())
            {
                int n = checked((int)rowGroup.GetMetadata(field)!.MetaData!.NumValues);
                // Not conditionals: a null int[] would convert to an empty Memory<int>, which Parquet.Net takes as a buffer.
                Memory<int>? definitions = default, repetitions = default;
                if (field.MaxDefinitionLevel > 0) definitions = new int[n];
                if (field.MaxRepetitionLevel > 0) repetitions = new int[n];
                if (field.ClrType == typeof(long)) await rowGroup.ReadRawAsync<long>(field, new long[n], definitions, repetitions);
                else if (field.ClrType == typeof(int)) await rowGroup.ReadRawAsync<int>(field, new int[n], definitions, repetitions);
                else if (field.ClrType == typeof(double)) await rowGroup.ReadRawAsync<double>(field, new double[n], definitions, repetitions);
                else await rowGroup.ReadRawAsync<ReadOnlyMemory<char>>(field, new ReadOnlyMemory<char>[n], definitions, repetitions);
            }
            rows += rowGroup.RowCount;
        }
        return rows;
    }
}
