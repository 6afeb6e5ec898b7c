using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.State.HashMap;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- pairkeys [rounds]</c>: the group-table side of Nexmark q4 in memory
/// without the rest of the job. A MAX per (auction, category): 225 batches of 4,096 rows, each naming ~260 auctions (a
/// sliding window of recent ones, half the rows on one hot auction), so the table grows to ~60 K two-column BIGINT groups;
/// and a join side storing 15 batches of 4,096 distinct auction ids (one BIGINT column, resolved row by row). Each round is
/// a fresh table, as each benchmark run is a fresh job; the median round's time per batch is reported.
/// </summary>
internal static class PairKeyBenchmark
{
    private const int BatchRows = 4096;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var pairs = PairBatches();
        var ids = IdBatches();
        var pairTimes = new List<double>();
        var idTimes = new List<double>();
        long check = 0;
        for (int round = 0; round < rounds; round++)
        {
            using (var backend = new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128))
            {
                var table = backend.GetGroupTable("max", new GroupTableSpec([SqlType.BigInt, SqlType.BigInt]));
                var max = table.AddColumn(new AccumulatorSpec(AggregateFunction.Max, [SqlType.BigInt], SqlType.BigInt).Create);
                var sw = Stopwatch.StartNew();
                foreach (var batch in pairs)
                {
                    var groups = table.Resolve(batch, [0, 1]);
                    max.Update([batch.Column(2)], groups.Groups, default);
                }
                sw.Stop();
                pairTimes.Add(sw.Elapsed.TotalMicroseconds / pairs.Count);
                check += table.Count;
            }
            using (var backend = new HashMapKeyedStateBackend(new KeyGroupRange(0, 127), 128))
            {
                var table = backend.GetGroupTable("ids", new GroupTableSpec([SqlType.BigInt]));
                var sw = Stopwatch.StartNew();
                foreach (var batch in ids) table.Resolve(batch, [0]);
                sw.Stop();
                idTimes.Add(sw.Elapsed.TotalMicroseconds / ids.Count);
                check += table.Count;
            }
        }
        pairTimes.Sort();
        idTimes.Sort();
        Console.WriteLine($"(auction, category) MAX: {pairTimes[rounds / 2]:F2} µs per batch (median; min {pairTimes[0]:F2}); " +
            $"distinct ids: {idTimes[rounds / 2]:F2} µs per batch (median; min {idTimes[0]:F2}); check {check}");
        return 0;
    }

    private static List<RecordBatch> PairBatches()
    {
        var random = new Random(4);
        var batches = new List<RecordBatch>();
        for (int b = 0; b < 225; b++)
        {
            var auction = new long[BatchRows];
            var category = new long[BatchRows];
            var price = new long[BatchRows];
            long newest = 1000 + 266L * (b + 1);
            for (int i = 0; i < BatchRows; i++)
            {
                long a = i % 2 == 0 ? newest - 1 : newest - 1 - random.Next(266);
                auction[i] = a;
                category[i] = 10 + a % 5;
                price[i] = random.Next(1_000_000);
            }
            batches.Add(Batch(auction, category, price));
        }
        return batches;
    }

    private static List<RecordBatch> IdBatches()
    {
        var batches = new List<RecordBatch>();
        for (int b = 0; b < 15; b++)
        {
            var id = new long[BatchRows];
            for (int i = 0; i < BatchRows; i++) id[i] = 1000 + (long)b * BatchRows + i;
            batches.Add(Batch(id));
        }
        return batches;
    }

    private static RecordBatch Batch(params long[][] columns)
    {
        var schema = new Schema.Builder();
        for (int c = 0; c < columns.Length; c++) schema.Field(f => f.Name("c" + c).DataType(Int64Type.Default));
        var arrays = new IArrowArray[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            var bytes = new byte[columns[c].Length * 8];
            Buffer.BlockCopy(columns[c], 0, bytes, 0, bytes.Length);
            arrays[c] = new Int64Array(new ArrowBuffer(bytes), ArrowBuffer.Empty, columns[c].Length, 0, 0);
        }
        return new RecordBatch(schema.Build(), arrays, columns[0].Length);
    }
}
