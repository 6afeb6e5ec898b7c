using System.Diagnostics;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Operators.Aggregation;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- groupagg [keys] [rows] [rounds] [operator-only|checkpoints-only [rows per checkpoint]|snapshot-cost|rocksdb-only]</c>: <c>SELECT k, COUNT(*), SUM(v)
/// ... GROUP BY k</c> through the GroupAggregate operator as the runtime runs it (the planner's spec; keys resolved, the
/// accumulators updated and the batch's changelog built and emitted, +I/-U/+U rows counted by the emitter), against the
/// hand-written <c>Dictionary&lt;long, (long, long)&gt;</c> loop of the <c>groups</c> mode over the same Arrow batches, in the
/// same run. Then: the operator with a checkpoint every second of processing (barrier, synchronous capture, asynchronous
/// write to memory) against without, state bytes per key on the hashmap backend, the rocksdb backend's throughput, and the
/// process's peak working set.
/// </summary>
internal static class GroupAggregateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int keys = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        long rows = args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
        int rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
        // `operator-only` / `checkpoints-only`: just the operator on the hashmap backend, without / with a checkpoint every
        // second, once per round (for profiling). `snapshot-cost`: one checkpoint's parts measured apart (SnapshotCostAsync).
        string? only = args.Length > 4 ? args[4] : null;
        // With `checkpoints-only`, a sixth argument N takes a checkpoint every N rows instead of every second: on a loaded
        // machine a 1 s interval means many more checkpoints per row than on a quiet one, so builds compared under load
        // are compared at the quiet machine's rows per checkpoint (about 2.5 M) instead.
        long everyRows = args.Length > 5 ? long.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (only is "operator-only" or "checkpoints-only")
        {
            var input = GroupTableBenchmark.MakeBatches(keys, rows).Select(b => new Batch(b)).ToList();
            var every = only == "operator-only" || everyRows > 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(1);
            for (int round = 0; round < rounds; round++)
            {
                int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
                var paused = GC.GetTotalPauseDuration();
                long allocated = GC.GetTotalAllocatedBytes();
                var run = await RunOperatorAsync(input, "hashmap", every, checkpointEveryRows: only == "checkpoints-only" ? everyRows : 0);
                Console.WriteLine($"round {round + 1}: operator {rows / run.Elapsed.TotalSeconds / 1e6:F2} M rows/s, {rows / run.Cpu.TotalSeconds / 1e6:F2} M rows/CPU-s ({run.Checkpoints} checkpoints); "
                    + $"GC: {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} collections (gen0/1/2), "
                    + $"{(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms paused, {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} MB allocated");
            }
            return 0;
        }
        if (only == "rocksdb-only")
        {
            // The rocksdb run of the full benchmark alone (a tenth of the rows; the group cache holds a tenth of the keys).
            var input = GroupTableBenchmark.MakeBatches(keys, rows).Select(b => new Batch(b)).ToList();
            for (int round = 0; round < rounds; round++)
            {
                var run = await RunOperatorAsync(input, "rocksdb", TimeSpan.Zero);
                Console.WriteLine($"round {round + 1}: rocksdb operator {rows / run.Elapsed.TotalSeconds / 1e6:F2} M rows/s, {rows / run.Cpu.TotalSeconds / 1e6:F2} M rows/CPU-s; {run.StatePerKey(keys)}");
            }
            return 0;
        }
        if (only == "snapshot-cost")
            return await SnapshotCostAsync(GroupTableBenchmark.MakeBatches(keys, rows).Select(b => new Batch(b)).ToList(), rounds);
        Console.WriteLine($"GroupAggregate operator, GROUP BY k: COUNT(*), SUM(v); {keys:N0} distinct BIGINT keys, {rows:N0} rows in batches of 4096, {rounds} rounds");
        var batches = GroupTableBenchmark.MakeBatches(keys, rows).Select(b => new Batch(b)).ToList();

        var dictionary = new List<double>();
        var dictionaryCpu = new List<double>();
        var operatorRates = new List<double>();
        var operatorCpu = new List<double>();
        var checkpointed = new List<double>();
        var checkpointedCpu = new List<double>();
        long emitted = 0;
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < rounds; round++)
        {
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            GroupTableBenchmark.Baseline(batches.Select(b => b.Data).ToList());
            sw.Stop();
            process.Refresh();
            dictionary.Add(rows / sw.Elapsed.TotalSeconds);
            dictionaryCpu.Add(rows / (process.TotalProcessorTime - cpu).TotalSeconds);

            var plain = await RunOperatorAsync(batches, "hashmap", checkpointEvery: TimeSpan.Zero);
            operatorRates.Add(rows / plain.Elapsed.TotalSeconds);
            operatorCpu.Add(rows / plain.Cpu.TotalSeconds);
            emitted = plain.Emitted;
            var withCheckpoints = await RunOperatorAsync(batches, "hashmap", checkpointEvery: TimeSpan.FromSeconds(1));
            checkpointed.Add(rows / withCheckpoints.Elapsed.TotalSeconds);
            checkpointedCpu.Add(rows / withCheckpoints.Cpu.TotalSeconds);
            Console.WriteLine($"round {round + 1}: dictionary {dictionary[^1] / 1e6:F2} M rows/s ({dictionaryCpu[^1] / 1e6:F2} per CPU-s), "
                + $"operator {operatorRates[^1] / 1e6:F2} M rows/s ({operatorCpu[^1] / 1e6:F2} per CPU-s), "
                + $"operator with 1 s checkpoints {checkpointed[^1] / 1e6:F2} M rows/s ({checkpointedCpu[^1] / 1e6:F2} per CPU-s, {withCheckpoints.Checkpoints} checkpoints)");
        }
        double d = Median(dictionary), o = Median(operatorRates), c = Median(checkpointed);
        double dc = Median(dictionaryCpu), oc = Median(operatorCpu), cc = Median(checkpointedCpu);
        Console.WriteLine($"hand-written Dictionary<long,(long,long)> loop : {d / 1e6,6:F2} M rows/s, {dc / 1e6,6:F2} M rows/CPU-s (medians)");
        Console.WriteLine($"GroupAggregate operator (hashmap)             : {o / 1e6,6:F2} M rows/s, {oc / 1e6,6:F2} M rows/CPU-s (medians), {emitted:N0} changelog rows emitted");
        Console.WriteLine($"  with a checkpoint every second              : {c / 1e6,6:F2} M rows/s, {cc / 1e6,6:F2} M rows/CPU-s (medians), {c / o:F2} of without (wall), {cc / oc:F2} (CPU)");
        Console.WriteLine($"ratio dictionary/operator: {d / o:F2}x wall, {dc / oc:F2}x CPU (target ≤ 10x; operator target ≥ 2 M rows/s)");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = await RunOperatorAsync(batches, "hashmap", TimeSpan.Zero, keepOpen: true);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"state per key (hashmap): {kept.TableBytes / (double)keys:F1} bytes by the table's accounting, "
            + $"{(after - before) / (double)keys:F1} bytes of managed heap growth");
        GC.KeepAlive(kept.Store);
        kept.Store!.Dispose();

        // A tenth of the rows: with a cache of a tenth of the keys nearly every batch evicts and reloads groups.
        var someBatches = batches.Take(Math.Max(1, batches.Count / 10)).ToList();
        long someRows = someBatches.Sum(b => (long)b.Length);
        var rocks = await RunOperatorAsync(someBatches, "rocksdb", TimeSpan.Zero);
        Console.WriteLine($"GroupAggregate operator (rocksdb, group cache 100,000, first {someRows:N0} rows): {someRows / rocks.Elapsed.TotalSeconds / 1e6:F2} M rows/s, {someRows / rocks.Cpu.TotalSeconds / 1e6:F2} M rows/CPU-s, {someRows / rocks.Cpu.TotalSeconds / oc:F3} of the hashmap operator's rows/CPU-s; {rocks.StatePerKey(keys)}");
        Console.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }

    /// <summary>
    /// <c>snapshot-cost</c>: the parts of one checkpoint measured apart, on one thread, with the table full (every key of the
    /// input seen): the synchronous capture, the asynchronous write (serialization into the key-group buffers and the copy
    /// into in-memory storage), and the copy-on-write the operator does while the snapshot is pending (the CPU of processing
    /// the same tenth of the input with a snapshot pending minus without). Process CPU-seconds, GC included.
    /// </summary>
    private static async Task<int> SnapshotCostAsync(List<Batch> batches, int rounds)
    {
        var config = Configuration.Empty.With(CheckpointingOptions.StateBackend.Key, "hashmap");
        using var store = new OperatorStateStore(config, "bench", "groupagg", 0, 1, 128);
        var context = new OperatorContext("bench", "groupagg", "GroupAggregate", 0, 1, 128, config, SystemClock.Instance) { State = store };
        var op = new GroupAggregateOperator(Spec(), Input);
        await op.OpenAsync(context, CancellationToken.None);
        var emitter = new CountingEmitter();
        foreach (var batch in batches) await op.OnBatchAsync(0, batch, emitter, CancellationToken.None);
        var slice = batches.Take(Math.Max(1, batches.Count / 10)).ToList();
        var storage = new CheckpointStorage(new InMemoryStateFileSystem(), "/chk", "bench", null, numRetained: 1);
        var process = Process.GetCurrentProcess();
        TimeSpan Cpu()
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        async Task<TimeSpan> ProcessSlice()
        {
            // The garbage of earlier work (the last checkpoint's file, pages a finished snapshot held) is collected first, so
            // that each slice pays only for the collections its own allocations cause.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var start = Cpu();
            foreach (var batch in slice) await op.OnBatchAsync(0, batch, emitter, CancellationToken.None);
            return Cpu() - start;
        }
        Console.WriteLine($"{op.Table.Count:N0} groups; copy-on-write measured over {slice.Sum(b => (long)b.Length):N0} rows");
        for (int round = 1; round <= rounds; round++)
        {
            var plain = await ProcessSlice();
            var start = Cpu();
            await op.OnBarrierAsync(new CheckpointBarrier(round, 0, CheckpointKind.Checkpoint), emitter, CancellationToken.None);
            var captured = store.Capture(round, SnapshotType.Checkpoint);
            var capture = Cpu() - start;
            var pending = await ProcessSlice();
            start = Cpu();
            var writer = storage.BeginCheckpoint(round);
            var handle = captured.Write(writer, CancellationToken.None);
            storage.Complete(writer, new CheckpointMetadata(round, 0, "bench", false, [new OperatorStateEntry("groupagg", 1, 128, [handle])]));
            var write = Cpu() - start;
            Console.WriteLine($"round {round}: capture {capture.TotalMilliseconds:F0} ms, write {write.TotalMilliseconds:F0} ms, "
                + $"copy-on-write {(pending - plain).TotalMilliseconds:F0} ms (slice {plain.TotalMilliseconds:F0} ms without, {pending.TotalMilliseconds:F0} ms pending); "
                + $"checkpoint total {(capture + write + pending - plain).TotalMilliseconds:F0} CPU-ms");
        }
        await op.CloseAsync();
        return 0;
    }

    /// <summary><paramref name="Cpu"/>: the process's CPU time over the run (the operator, the asynchronous snapshot writes and
    /// whatever else the process did), steadier than wall time on a shared machine.
    /// <paramref name="SstBytes"/>, <paramref name="MemtableBytes"/>: RocksDB's SST files and memtables at the end (rocksdb).</summary>
    private sealed record Outcome(TimeSpan Elapsed, TimeSpan Cpu, long Emitted, int Checkpoints, long TableBytes, OperatorStateStore? Store,
        long SstBytes = 0, long MemtableBytes = 0)
    {
        /// <summary>The group table in memory and what RocksDB holds, per key.</summary>
        public string StatePerKey(int keys) =>
            $"state per key: {TableBytes / (double)keys:F1} bytes in the group cache, {SstBytes / (double)keys:F1} in SST files, {MemtableBytes / (double)keys:F1} in memtables";
    }

    private static async Task<Outcome> RunOperatorAsync(List<Batch> batches, string backend, TimeSpan checkpointEvery, bool keepOpen = false, long checkpointEveryRows = 0)
    {
        var local = Path.Combine(Path.GetTempPath(), "streamsql-groupagg-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var config = Configuration.Empty.With(CheckpointingOptions.StateBackend.Key, backend)
            .With(CheckpointingOptions.RocksDbLocalDirectory.Key, local);
        var store = new OperatorStateStore(config, "bench", "groupagg", 0, 1, 128);
        var context = new OperatorContext("bench", "groupagg", "GroupAggregate", 0, 1, 128, config, SystemClock.Instance) { State = store };
        var op = new GroupAggregateOperator(Spec(), Input);
        await op.OpenAsync(context, CancellationToken.None);
        var emitter = new CountingEmitter();
        var storage = new CheckpointStorage(new InMemoryStateFileSystem(), "/chk", "bench", null, numRetained: 1);
        int checkpoints = 0;
        Task? pending = null;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var next = checkpointEvery;
        long rows = 0, nextRows = checkpointEveryRows;
        foreach (var batch in batches)
        {
            await op.OnBatchAsync(0, batch, emitter, CancellationToken.None);
            rows += batch.Length;
            bool due = checkpointEveryRows > 0 ? rows >= nextRows : checkpointEvery > TimeSpan.Zero && sw.Elapsed >= next;
            // One checkpoint at a time (execution.checkpointing.max-concurrent-checkpoints = 1): the next is triggered only
            // after the previous one's asynchronous part completed.
            if (due && (pending is null || pending.IsCompleted))
            {
                nextRows = rows + checkpointEveryRows;
                checkpoints++;
                await op.OnBarrierAsync(new CheckpointBarrier(checkpoints, 0, CheckpointKind.Checkpoint), emitter, CancellationToken.None);
                var captured = store.Capture(checkpoints, SnapshotType.Checkpoint);
                long id = checkpoints;
                // The asynchronous part runs beside the operator, as the runtime runs it; the storage keeps the latest one.
                pending = Task.Run(() =>
                {
                    var writer = storage.BeginCheckpoint(id);
                    var handle = captured.Write(writer, CancellationToken.None);
                    storage.Complete(writer, new CheckpointMetadata(id, 0, "bench", false, [new OperatorStateEntry("groupagg", 1, 128, [handle])]));
                });
                next = sw.Elapsed + checkpointEvery;
            }
        }
        await op.OnEndOfInputAsync(emitter, CancellationToken.None);
        if (pending is not null) await pending;
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        long tableBytes = op.Table.AllocatedBytes;
        long sstBytes = 0, memtableBytes = 0;
        if (store.KeyedState is StreamSql.Execution.State.RocksDb.RocksDbKeyedStateBackend rocks)
        {
            sstBytes = long.Parse(rocks.Db.GetProperty("rocksdb.total-sst-files-size"), System.Globalization.CultureInfo.InvariantCulture);
            memtableBytes = long.Parse(rocks.Db.GetProperty("rocksdb.cur-size-all-mem-tables"), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!keepOpen)
        {
            await op.CloseAsync();
            store.Dispose();
            if (Directory.Exists(local)) Directory.Delete(local, recursive: true);
        }
        return new Outcome(sw.Elapsed, cpu, emitter.Rows, checkpoints, tableBytes, keepOpen ? store : null, sstBytes, memtableBytes);
    }

    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt)]);

    private static GroupAggregateSpec Spec()
    {
        AggregateCall[] calls =
        [
            new(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "cnt"),
            new(AggregateFunctionKind.Sum, [1], false, -1, SqlType.BigInt, "total"),
        ];
        var output = new RowSchema([new Field("k", SqlType.BigInt), new Field("cnt", SqlType.BigInt.AsNotNull()), new Field("total", SqlType.BigInt)]);
        return new GroupAggregateSpec([0], calls, AggregatePhase.Single, AccumulatorLayout.None, GenerateUpdateBefore: true, NeedRetraction: false,
            ChangelogMode.InsertOnly, TimeSpan.Zero, null, "GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS cnt, SUM(v) AS total])", output, ChangelogMode.All);
    }

    private sealed class CountingEmitter : IEmitter
    {
        public long Rows { get; private set; }

        public ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken)
        {
            Rows += batch.Length;
            return default;
        }

        public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken) => default;
        public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken) => default;
    }

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
