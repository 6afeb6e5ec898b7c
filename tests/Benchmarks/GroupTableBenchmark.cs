using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.State.HashMap;
using StreamSql.Execution.State.RocksDb;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- groups [keys] [rows] [rounds]</c>: COUNT(*) and SUM(v) per BIGINT key
/// (default 1M distinct keys, 10M rows in batches of 4096, keys uniform) through the state tier — a group table resolving
/// each batch's keys, then the two accumulators' typed update loops — against a hand-written
/// <c>Dictionary&lt;long, (long, long)&gt;</c> loop over the same Arrow batches, in the same run. Then: state bytes per key
/// (the table's own accounting and the managed heap growth), a checkpoint of the 1M-key table on both backends
/// (synchronous and asynchronous parts, size, restore), and the rocksdb backend's throughput with its group cache smaller
/// than the key count (groups written back and read again in batches).
/// </summary>
internal static class GroupTableBenchmark
{
    private const int BatchRows = 4096;
    private static readonly int[] KeyColumns = [0];

    public static int Run(string[] args)
    {
        int keys = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        long rows = args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
        int rounds = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"GROUP BY k: COUNT(*), SUM(v); {keys:N0} distinct BIGINT keys, {rows:N0} rows in batches of {BatchRows}, {rounds} rounds");
        var batches = MakeBatches(keys, rows);

        var baselineRates = new List<double>();
        var tierRates = new List<double>();
        long checksum = 0;
        for (int round = 0; round < rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            long b = Baseline(batches);
            sw.Stop();
            baselineRates.Add(rows / sw.Elapsed.TotalSeconds);

            using var backend = new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128);
            sw.Restart();
            var (table, count, sum) = Fill(backend, batches);
            sw.Stop();
            tierRates.Add(rows / sw.Elapsed.TotalSeconds);
            long t = Checksum(table, count, sum);
            if (t != b)
            {
                Console.Error.WriteLine($"Result mismatch: baseline {b}, state tier {t}");
                return 1;
            }
            checksum = t;
            Console.WriteLine($"round {round + 1}: dictionary {baselineRates[^1] / 1e6:F2} M rows/s, state tier {tierRates[^1] / 1e6:F2} M rows/s");
        }
        double baseline = Median(baselineRates), tier = Median(tierRates);
        Console.WriteLine($"hand-written Dictionary<long,(long,long)> loop : {baseline / 1e6,6:F2} M rows/s (median)");
        Console.WriteLine($"state tier (group table + 2 accumulators)     : {tier / 1e6,6:F2} M rows/s (median)");
        Console.WriteLine($"ratio dictionary/tier: {baseline / tier:F2}x (target ≤ 10x; tier target ≥ 2 M rows/s); checksum {checksum}");

        if (Environment.GetEnvironmentVariable("GROUPS_SPLIT") == "1") Split(batches);
        Memory(batches, keys);
        Checkpoints(batches, keys);
        RocksDbThroughput(batches, rows, keys);
        Console.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }

    private static List<RecordBatch> MakeBatches(int keys, long rows)
    {
        var schema = new Schema.Builder().Field(f => f.Name("k").DataType(Int64Type.Default)).Field(f => f.Name("v").DataType(Int64Type.Default)).Build();
        var random = new Random(1);
        var batches = new List<RecordBatch>();
        // Every key appears at least once (the first pass is a permutation), then uniformly.
        var order = new long[keys];
        for (int i = 0; i < keys; i++) order[i] = i;
        random.Shuffle(order);
        long produced = 0;
        while (produced < rows)
        {
            int n = (int)Math.Min(BatchRows, rows - produced);
            var k = new long[n];
            var v = new long[n];
            for (int i = 0; i < n; i++)
            {
                long row = produced + i;
                k[i] = row < keys ? order[row] : random.Next(keys);
                v[i] = random.Next(1000);
            }
            batches.Add(new RecordBatch(schema, [Column(k), Column(v)], n));
            produced += n;
        }
        return batches;
    }

    private static Int64Array Column(long[] values)
    {
        var bytes = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return new Int64Array(new ArrowBuffer(bytes), ArrowBuffer.Empty, values.Length, 0, 0);
    }

    private static long Baseline(List<RecordBatch> batches)
    {
        var groups = new Dictionary<long, (long Count, long Sum)>();
        foreach (var batch in batches)
        {
            var k = ((Int64Array)batch.Column(0)).Values;
            var v = ((Int64Array)batch.Column(1)).Values;
            for (int i = 0; i < k.Length; i++)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(groups, k[i], out _);
                slot.Count++;
                slot.Sum += v[i];
            }
        }
        long checksum = 0;
        foreach (var (key, (c, s)) in groups) checksum += key * 31 + c * 7 + s;
        return checksum;
    }

    private static (GroupTable Table, IGroupsAccumulator Count, IGroupsAccumulator Sum) Fill(IKeyedStateBackend backend, List<RecordBatch> batches)
    {
        var table = backend.GetGroupTable("agg", new GroupTableSpec([SqlType.BigInt]));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull()).Create);
        var sum = table.AddColumn(new AccumulatorSpec(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt).Create);
        foreach (var batch in batches)
        {
            var groups = table.Resolve(batch, KeyColumns);
            count.Update([], groups.Groups, default);
            sum.Update([batch.Column(1)], groups.Groups, default);
        }
        return (table, count, sum);
    }

    private static void Split(List<RecordBatch> batches)
    {
        using var backend = new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128);
        var table = backend.GetGroupTable("agg", new GroupTableSpec([SqlType.BigInt]));
        var count = table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull()).Create);
        var sum = table.AddColumn(new AccumulatorSpec(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt).Create);
        var resolve = new Stopwatch();
        var update = new Stopwatch();
        var keys = new SerializedKeys();
        var serializer = new KeySerializer(KeyColumns);
        var serialize = Stopwatch.StartNew();
        foreach (var batch in batches) serializer.SerializeBatch(batch, keys);
        serialize.Stop();
        var hashes = new int[4096];
        var hash = Stopwatch.StartNew();
        foreach (var batch in batches) StreamSql.Execution.Runtime.KeyGroups.HashKeys(batch, KeyColumns, hashes);
        hash.Stop();
        foreach (var batch in batches)
        {
            resolve.Start();
            var groups = table.Resolve(batch, KeyColumns);
            resolve.Stop();
            update.Start();
            count.Update([], groups.Groups, default);
            sum.Update([batch.Column(1)], groups.Groups, default);
            update.Stop();
        }
        var index = new GroupKeyIndex(false, new SnapshotEpoch());
        var probe = Stopwatch.StartNew();
        long collisions = 0;
        foreach (var batch in batches)
        {
            serializer.SerializeBatch(batch, keys);
            for (int i = 0; i < batch.Length; i++)
            {
                var key = keys[i];
                uint h = KeyHash.Of(key, 0);
                index.FindOrInsert(key, h, 0, 0, out _);
            }
        }
        probe.Stop();
        var distinctHashes = new HashSet<uint>();
        for (long k = 0; k < 1_000_000; k++)
        {
            var b = new byte[] { 1, (byte)((2 * k) | 0x80), (byte)(((2 * k) >> 7) | 0x80), (byte)((2 * k) >> 14) };
            if (!distinctHashes.Add(KeyHash.Of(b, 0) & ((1u << 21) - 1))) collisions++;
        }
        Console.WriteLine($"bare index: {probe.ElapsedMilliseconds} ms; slot collisions among 1M sample keys in 2^21 slots: {collisions}");
        Console.WriteLine($"split: resolve {resolve.ElapsedMilliseconds} ms (of which serialize {serialize.ElapsedMilliseconds} ms, column hash {hash.ElapsedMilliseconds} ms), updates {update.ElapsedMilliseconds} ms");
    }

    private static long Checksum(GroupTable table, IGroupsAccumulator count, IGroupsAccumulator sum)
    {
        var groups = new List<int>();
        table.CopyGroups(groups);
        var all = groups.ToArray();
        var keys = (Int64Array)table.KeyColumns(all)[0];
        var counts = (Int64Array)count.Evaluate(all);
        var sums = (Int64Array)sum.Evaluate(all);
        long checksum = 0;
        for (int i = 0; i < all.Length; i++) checksum += keys.GetValue(i)!.Value * 31 + counts.GetValue(i)!.Value * 7 + sums.GetValue(i)!.Value;
        return checksum;
    }

    private static void Memory(List<RecordBatch> batches, int keys)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        using var backend = new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128);
        var (table, count, sum) = Fill(backend, batches);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"state per key (hashmap): {table.AllocatedBytes / (double)table.Count:F1} bytes by the table's accounting, "
            + $"{(after - before) / (double)table.Count:F1} bytes of managed heap growth ({table.Count:N0} keys; target ≤ 64)");
        GC.KeepAlive(count);
        GC.KeepAlive(sum);
    }

    private static void Checkpoints(List<RecordBatch> batches, int keys)
    {
        var root = Path.Combine(Path.GetTempPath(), "streamsql-groups-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine($"checkpoint of the {keys:N0}-key table, filesystem storage in {root}:");
            Console.WriteLine($"  {"backend",-22} {"sync",9} {"async",9} {"size",10} {"restore",9}");
            foreach (var (name, incremental) in new[] { ("hashmap", false), ("rocksdb", false), ("rocksdb", true) })
            {
                var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(root, "chk"), $"{name}-{incremental}", null, numRetained: 2);
                using var backend = Create(root, name, incremental, cache: keys * 2);
                var (table, count, sum) = Fill(backend, batches);
                var watch = Stopwatch.StartNew();
                var snapshot = backend.Snapshot(1, SnapshotType.Checkpoint);
                var sync = watch.Elapsed;
                watch.Restart();
                var writer = storage.BeginCheckpoint(1);
                var handle = snapshot.Write(writer, "op-bench-0", CancellationToken.None);
                var completed = storage.Complete(writer, new CheckpointMetadata(1, 0, "bench", false,
                    [new OperatorStateEntry("bench", 1, 128, [new SubtaskStateHandle(0, handle, null)])]));
                var write = watch.Elapsed;
                long size = completed.Metadata.AllFiles().Sum(f => f.Size);
                watch.Restart();
                using (var restored = Create(root, name, incremental, cache: keys * 2))
                {
                    StateBackends.Restore(restored, [completed.Metadata.Operators[0].Subtasks[0].Keyed!], completed);
                    var t = restored.GetGroupTable("agg", new GroupTableSpec([SqlType.BigInt]));
                    t.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull()).Create);
                    t.AddColumn(new AccumulatorSpec(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt).Create);
                    t.CopyGroups(new List<int>());
                }
                var restore = watch.Elapsed;
                var label = name + (incremental ? " (incremental)" : name == "rocksdb" ? " (full)" : "");
                Console.WriteLine($"  {label,-22} {Ms(sync),9} {Ms(write),9} {Mb(size),10} {Ms(restore),9}");
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static void RocksDbThroughput(List<RecordBatch> batches, long rows, int keys)
    {
        var root = Path.Combine(Path.GetTempPath(), "streamsql-groups-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (int cache in new[] { keys * 2, 100_000 })
            {
                using var backend = Create(root, "rocksdb", false, cache);
                var watch = Stopwatch.StartNew();
                var (table, _, _) = Fill(backend, batches);
                var fill = watch.Elapsed;
                watch.Restart();
                backend.Snapshot(1, SnapshotType.Checkpoint).Dispose();
                Console.WriteLine($"rocksdb, group cache {cache:N0}: {rows / fill.TotalSeconds / 1e6:F2} M rows/s ({table.Count:N0} groups in memory at the end; "
                    + $"write-back of the rest {Ms(watch.Elapsed)})");
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    private static IKeyedStateBackend Create(string root, string name, bool incremental, int cache) =>
        name == "rocksdb"
            ? new RocksDbKeyedStateBackend(new KeyGroupRange(0, 127), 128, Path.Combine(root, "work-" + Guid.NewGuid().ToString("N")), incremental,
                new RocksDbResources(64L << 20), cache)
            : new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128);

    private static double Median(List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";

    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";
}
