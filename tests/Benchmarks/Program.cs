using System.Diagnostics;
using StreamSql.Benchmarks;

// Benchmark modes: `-- state` times state backend snapshots (StateBenchmark.cs); `-- checkpoints` the throughput cost of
// periodic checkpoints and `-- restart` the time from a restore to the first output (CheckpointBenchmark.cs);
// `-- decimals` the DECIMAL kernels (DecimalBenchmark.cs); `-- columns` hashing, key bytes, gathers and formatting
// (ColumnOpsBenchmark.cs); `-- groups` the columnar group table (GroupTableBenchmark.cs); `-- pairkeys` q4's group-table work (PairKeyBenchmark.cs); `-- groupagg` the GroupAggregate
// operator (GroupAggregateBenchmark.cs); `-- windows` Nexmark q7/q5-style TUMBLE and HOP window aggregations against
// hand-written loops (WindowBenchmark.cs); `-- kafka` Kafka → filter/projection → Kafka exactly-once against a plain
// client loop (KafkaBenchmark.cs); `-- parquet` the filesystem connector's parquet sink and source against Parquet.Net used
// directly (ParquetBenchmark.cs); `-- parquet-nested` the parquet source on nested columns (ParquetNestedBenchmark.cs); `-- jdbc` the jdbc upsert sink against a hand-written Npgsql binary COPY (JdbcBenchmark.cs);
// `-- lookup` the lookup join against PostgreSQL with and without its cache (LookupJoinBenchmark.cs); `-- generator` the
// nexmark source reader alone (GeneratorBenchmark.cs); `-- watermarks` the watermark assigner with and without per-split
// watermarks (WatermarkBenchmark.cs).
if (args.Length > 0 && args[0] == "generator")
    return await GeneratorBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "parquet")
    return await ParquetBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "parquet-nested")
    return await ParquetNestedBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "jdbc")
    return await JdbcBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "kafka")
    return await KafkaBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "watermarks")
    return await WatermarkBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "lookup")
    return await LookupJoinBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "regex")
    return RegexExtractBenchmark.Run(args);
if (args.Length > 0 && args[0] == "decimals")
    return DecimalBenchmark.Run(args);
if (args.Length > 0 && args[0] == "columns")
    return await ColumnOpsBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "pairkeys")
    return PairKeyBenchmark.Run(args);
if (args.Length > 0 && args[0] == "groups")
    return GroupTableBenchmark.Run(args);
if (args.Length > 0 && args[0] == "windows")
    return await WindowBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "groupagg")
    return await GroupAggregateBenchmark.RunAsync(args);
if (args.Length > 0 && args[0] == "state")
    return StateBenchmark.Run(args);
if (args.Length > 0 && args[0] == "checkpoints")
    return await CheckpointBenchmark.RunThroughputAsync(args);
if (args.Length > 0 && args[0] == "restart")
    return await CheckpointBenchmark.RunRestartAsync(args);
if (args.Length > 0 && args[0] == "restart-process")
    return await CheckpointBenchmark.RunProcessRestartAsync(args);

// Nexmark bids → filter + projection → blackhole, through the whole engine (SQL text, planner, runtime, Arrow
// kernels), against a hand-written C# loop over the same in-memory batches, measured in the same run.
//   dotnet run -c Release --project tests/Benchmarks -- [events] [rounds]
int events = args.Length > 0 ? int.Parse(args[0]) : 5_000_000;
int rounds = args.Length > 1 ? int.Parse(args[1]) : 5;

Console.WriteLine($"Generating {events:N0} Nexmark events (bids only are kept)...");
var batches = await NexmarkBids.GenerateAsync(events);
long bidCount = 0;
foreach (var batch in batches) bidCount += batch.Length;
Console.WriteLine($"{bidCount:N0} bids in {batches.Count} batches");

var baseline = new HandWrittenFilterProject(FilterProjectBenchmark.PriceThreshold);
var engine = new FilterProjectBenchmark(batches);

var baselineRates = new List<double>();
var engineRates = new List<double>();
long baselineRows = 0, engineRows = 0;
for (int round = 0; round < rounds; round++)
{
    var sw = Stopwatch.StartNew();
    baselineRows = baseline.Run(batches);
    sw.Stop();
    baselineRates.Add(bidCount / sw.Elapsed.TotalSeconds);

    sw.Restart();
    engineRows = await engine.RunAsync();
    sw.Stop();
    engineRates.Add(bidCount / sw.Elapsed.TotalSeconds);
    Console.WriteLine($"round {round + 1}: baseline {baselineRates[^1] / 1e6:F2} M bids/s, engine {engineRates[^1] / 1e6:F2} M bids/s");
}

if (baselineRows != engineRows)
{
    Console.Error.WriteLine($"Result mismatch: baseline kept {baselineRows} rows, engine {engineRows}");
    return 1;
}

double Median(List<double> xs) { xs.Sort(); return xs[xs.Count / 2]; }
double b = Median(baselineRates), e = Median(engineRates);
Console.WriteLine();
Console.WriteLine($"rows kept by the filter: {engineRows:N0} of {bidCount:N0}");
Console.WriteLine($"hand-written loop : {b / 1e6,8:F2} M bids/s (median of {rounds})");
Console.WriteLine($"engine, 1 subtask : {e / 1e6,8:F2} M bids/s (median of {rounds})");
Console.WriteLine($"ratio baseline/engine: {b / e:F2}x (target: within 3x)");

// With generation included: nexmark connector → filter + projection → blackhole, events (all kinds) per second.
var generatorRates = new List<double>();
for (int round = 0; round < Math.Max(3, rounds / 2); round++)
{
    var sw = Stopwatch.StartNew();
    await FilterProjectBenchmark.RunWithGeneratorAsync(events);
    generatorRates.Add(events / sw.Elapsed.TotalSeconds);
}
Console.WriteLine($"with nexmark generation, 1 subtask: {Median(generatorRates) / 1e6:F2} M events/s (median of {generatorRates.Count})");
return 0;
