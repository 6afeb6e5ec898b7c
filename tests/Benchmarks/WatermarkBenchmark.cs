using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>-- watermarks [batches] [rounds]</c>: the watermark assigner over 4096-row batches (a watermark emitted after every
/// batch), without split information (one watermark per subtask), with the rows of 4 Kafka partitions in 4 runs per
/// batch (how the Kafka reader delivers them: a fetch returns one partition's records together), and with the worst case
/// of two partitions alternating row by row (4096 runs per batch). Rates are rows per second of wall time (median).
/// </summary>
internal static class WatermarkBenchmark
{
    private const int Rows = 4096;
    private static readonly RowSchema Input = new([new Sql.Planner.Types.Field("k", SqlType.BigInt), new Sql.Planner.Types.Field("ts", SqlType.Timestamp(3))]);

    public static async Task<int> RunAsync(string[] args)
    {
        int batches = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var variants = new (string Name, int Runs)[] { ("no splits (per subtask)", 0), ("4 partitions, 4 runs/batch", 4), ("2 partitions alternating, 4096 runs/batch", Rows) };
        foreach (var (name, runs) in variants)
        {
            var input = MakeBatches(batches, runs);
            var rates = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                var elapsed = await RunAsync(input);
                rates.Add((double)batches * Rows / elapsed.TotalSeconds);
            }
            rates.Sort();
            Console.WriteLine($"{name,-45} {rates[rates.Count / 2] / 1e6,8:F1} M rows/s (median of {rounds})");
        }
        return 0;
    }

    private static List<Batch> MakeBatches(int count, int runs)
    {
        var schema = new Schema.Builder()
            .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
            .Field(f => f.Name("ts").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
            .Build();
        var random = new Random(7);
        var splitIds = Enumerable.Range(0, runs == Rows ? 2 : Math.Max(1, runs)).Select(p => "bench-" + p).ToArray();
        var assigned = new SourceSplitSet(splitIds);
        var result = new List<Batch>(count);
        long time = 1_700_000_000_000_000;
        for (int b = 0; b < count; b++)
        {
            var k = new long[Rows];
            var ts = new long[Rows];
            for (int i = 0; i < Rows; i++)
            {
                k[i] = i;
                ts[i] = time + random.Next(1_000_000);
                time += 100;
            }
            var data = new RecordBatch(schema, [new Int64Array(new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(k.AsSpan()).ToArray()), ArrowBuffer.Empty, Rows, 0, 0),
                new TimestampArray(new TimestampType(TimeUnit.Microsecond, (string?)null), new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ts.AsSpan()).ToArray()),
                    ArrowBuffer.Empty, Rows, 0, 0)], Rows);
            if (runs == 0)
            {
                result.Add(new Batch(data));
                continue;
            }
            var builder = new SourceSplitsBuilder();
            if (runs == Rows)
                for (int i = 0; i < Rows; i++) builder.Add(splitIds[i % 2], 1);
            else
                for (int r = 0; r < runs; r++) builder.Add(splitIds[r], Rows / runs);
            result.Add(new Batch(data) { Splits = builder.Build(assigned) });
        }
        return result;
    }

    private static async Task<TimeSpan> RunAsync(List<Batch> batches)
    {
        var config = Configuration.Empty.With(CoreOptions.AutoWatermarkInterval.Key, "0");
        using var store = new OperatorStateStore(config, "bench", "watermarks", 0, 1, 128);
        var context = new OperatorContext("bench", "watermarks", "WatermarkAssigner", 0, 1, 128, config, SystemClock.Instance) { State = store };
        var op = new WatermarkAssignerOperator(new WatermarkAssignerSpec(1, new InputRef(1, SqlType.Timestamp(3)), "WatermarkAssigner(rowtime=[ts])", Input), Input);
        await op.OpenAsync(context, CancellationToken.None);
        var emitter = new NullEmitter();
        var sw = Stopwatch.StartNew();
        foreach (var batch in batches) await op.OnBatchAsync(0, batch, emitter, CancellationToken.None);
        sw.Stop();
        await op.CloseAsync();
        if (emitter.Watermarks == 0) throw new InvalidOperationException("the assigner emitted no watermark");
        return sw.Elapsed;
    }

    private sealed class NullEmitter : IEmitter
    {
        public int Watermarks;
        public ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken) => default;
        public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken)
        {
            Watermarks++;
            return default;
        }
        public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken) => default;
    }
}
