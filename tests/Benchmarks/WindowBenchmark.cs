using System.Diagnostics;
using Apache.Arrow;
using StreamSql.Connectors;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>-- windows [events] [rounds]</c>: Nexmark q7-style TUMBLE max (10 s windows) and q5-style HOP count per auction
/// (10 s windows sliding by 2 s), one subtask, fed by the live nexmark generator, exactly-once checkpoints every 10 s;
/// events per second of CPU time of the process (per core), against hand-written dictionary loops over the same bids
/// generated into memory in the same run (generation not counted for them). Optional third argument: the checkpoint
/// interval (default 10s).
/// <para>Both sides generate from the same fixed <c>base-time</c>: the generator's default is the wall clock in whole
/// seconds, and with 2 s slides the second's parity shifts every bid against the window bounds, so an engine run and a
/// baseline that straddled an odd/even second counted different (both right) numbers of window rows.</para>
/// </summary>
internal static class WindowBenchmark
{
    private const string Table = """
        CREATE TABLE bid (
          auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING,
          WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
        ) WITH ('connector' = 'nexmark', 'table' = 'bid', 'events.num' = '{0}', 'max-emit-speed' = 'true', 'base-time' = '{1}');
        """;

    private const string Q7 = """
        CREATE TABLE sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), maxprice BIGINT) WITH ('connector' = 'counting-blackhole');
        INSERT INTO sink SELECT window_start, window_end, MAX(price)
        FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND)) GROUP BY window_start, window_end;
        """;

    private const string Q5 = """
        CREATE TABLE sink (auction BIGINT, window_start TIMESTAMP(3), window_end TIMESTAMP(3), num BIGINT) WITH ('connector' = 'counting-blackhole');
        INSERT INTO sink SELECT auction, window_start, window_end, COUNT(*)
        FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end;
        """;

    private const long Micros10s = 10_000_000, Micros2s = 2_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        int events = args.Length > 1 ? int.Parse(args[1]) : 10_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 3;
        string interval = args.Length > 3 ? args[3] : "10s";
        var root = Path.Combine(Path.GetTempPath(), "streamsql-bench-windows-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"Generating {events:N0} Nexmark events into memory for the hand-written baselines...");
            var bids = await NexmarkBids.GenerateAsync(events);
            foreach (var (name, query, baseline) in new (string, string, Func<IReadOnlyList<RecordBatch>, long>)[]
            {
                ("q7-style TUMBLE(10 s) MAX(price)", Q7, TumbleMax),
                ("q5-style HOP(2 s, 10 s) COUNT(*) per auction", Q5, HopCount),
            })
            {
                var engineRates = new List<double>();
                var baseRates = new List<double>();
                long engineRows = 0, baseRows = 0;
                for (int r = 0; r < rounds; r++)
                {
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var wall = Stopwatch.StartNew();
                    engineRows = await RunEngineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Table, events, NexmarkBids.BaseTime) + query,
                        Path.Combine(root, r.ToString(System.Globalization.CultureInfo.InvariantCulture)), interval);
                    wall.Stop();
                    var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    engineRates.Add(events / used.TotalSeconds);
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    baseRows = baseline(bids);
                    used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                    baseRates.Add(events / used.TotalSeconds);
                    if (engineRows != baseRows)
                    {
                        Console.Error.WriteLine($"{name} round {r + 1}: engine emitted {engineRows} window rows, the hand-written loop {baseRows}");
                        return 1;
                    }
                    Console.WriteLine($"  {name} round {r + 1}: engine {engineRates[^1] / 1e6:F2} M events/CPU-s ({events / wall.Elapsed.TotalSeconds / 1e6:F2} M events/s wall), hand-written {baseRates[^1] / 1e6:F2} M events/CPU-s");
                }
                double Median(List<double> xs) { xs.Sort(); return xs[xs.Count / 2]; }
                double e = Median(engineRates), b = Median(baseRates);
                Console.WriteLine($"{name}: {engineRows:N0} window rows; engine (generator included) {e / 1e6:F2} M events/s per core, " +
                    $"hand-written over in-memory bids {b / 1e6:F2} M events/s per core, ratio {b / e:F1}x (median of {rounds})");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<long> RunEngineAsync(string script, string checkpoints, string interval)
    {
        var connectors = BuiltInConnectors.CreateRegistry();
        var sink = new CountingSinkConnector();
        connectors.Register(sink);
        var planner = new SqlPlanner(new TableCatalog(), connectors, ConstantEvaluator.Instance);
        var configuration = new Configuration(new Dictionary<string, string>
        {
            ["parallelism.default"] = "1",
            ["execution.checkpointing.interval"] = interval,
            ["execution.checkpointing.mode"] = "EXACTLY_ONCE",
            ["state.checkpoints.dir"] = checkpoints,
        });
        var runner = new JobRunner(connectors, standardOutput: TextWriter.Null);
        JobHandle? job = null;
        foreach (var statement in SqlParser.ParseScript(script).Statements)
            if (planner.Plan(statement, configuration) is InsertPlan insert)
                job = runner.Start(insert.Job, Guid.NewGuid().ToString("N"));
        if (job is null) throw new InvalidOperationException("the script started no job");
        await job.Completion;
        if (job.Failure is not null) throw new InvalidOperationException("benchmark job failed: " + job.Failure.Message, job.Failure);
        if (job.Metrics.NumLateRecordsDropped > 0) Console.WriteLine($"  late rows dropped: {job.Metrics.NumLateRecordsDropped:N0}");
        return sink.Rows;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>MAX(price) per 10 s window: a dictionary from window end to the max.</summary>
    private static long TumbleMax(IReadOnlyList<RecordBatch> batches)
    {
        var max = new Dictionary<long, long>();
        foreach (var batch in batches)
        {
            var price = (Int64Array)batch.Column(2);
            var ts = (TimestampArray)batch.Column(5);
            var prices = price.Values;
            var times = ts.Values;
            for (int i = 0; i < batch.Length; i++)
            {
                long end = (FloorDiv(times[i], Micros10s) + 1) * Micros10s;
                ref var m = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(max, end, out bool exists);
                if (!exists || prices[i] > m) m = prices[i];
            }
        }
        return max.Count;
    }

    /// <summary>COUNT(*) per auction and HOP window, each bid counted in its five windows.</summary>
    private static long HopCount(IReadOnlyList<RecordBatch> batches)
    {
        var counts = new Dictionary<(long, long), long>();
        foreach (var batch in batches)
        {
            var auctions = ((Int64Array)batch.Column(0)).Values;
            var times = ((TimestampArray)batch.Column(5)).Values;
            for (int i = 0; i < batch.Length; i++)
            {
                long firstEnd = (FloorDiv(times[i], Micros2s) + 1) * Micros2s;
                for (long end = firstEnd; end < firstEnd + Micros10s; end += Micros2s)
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, (auctions[i], end), out _)++;
            }
        }
        return counts.Count;
    }
}
