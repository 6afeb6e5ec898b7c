using System.Diagnostics;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// The per-kind column operations alone, over in-memory Nexmark bids: the key hash of a Hash exchange
/// (<c>auction, channel</c>: BIGINT + STRING), state key bytes per row (same columns), a gather of every column at every
/// other row (what a filter does), and text formatting of the price column (CAST to STRING), each in rows per second.
/// Uses only API that existed before the column layer, so the same file runs against an older build for a before/after
/// comparison. <code>dotnet run -c Release --project tests/Benchmarks -- columns [events] [rounds]</code>
/// </summary>
internal static class ColumnOpsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int events = args.Length > 1 ? int.Parse(args[1]) : 2_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 7;
        var batches = await NexmarkBids.GenerateAsync(events);
        long rows = 0;
        foreach (var batch in batches) rows += batch.Length;
        int auction = batches[0].Schema.GetFieldIndex("auction"), channel = batches[0].Schema.GetFieldIndex("channel");
        int price = batches[0].Schema.GetFieldIndex("price");
        int maxRows = 0;
        foreach (var batch in batches) maxRows = Math.Max(maxRows, batch.Length);
        var hashes = new int[maxRows];
        var everyOther = new int[maxRows];
        for (int i = 0; i < everyOther.Length; i++) everyOther[i] = Math.Min(2 * i, maxRows - 1);
        var keys = new KeySerializer([auction, channel]);
        long sink = 0;

        var cases = new (string Name, Func<RecordBatch, long> Run)[]
        {
            ("hash auction, channel", batch =>
            {
                var span = hashes.AsSpan(0, batch.Length);
                span.Clear();
                ColumnHasher.Accumulate(batch.Column(auction), span);
                ColumnHasher.Accumulate(batch.Column(channel), span);
                return span[^1];
            }),
            ("key bytes auction, channel", batch =>
            {
                long total = 0;
                for (int r = 0; r < batch.Length; r++) total += keys.Serialize(batch, r).Length;
                return total;
            }),
            ("gather all columns, every other row", batch =>
            {
                int n = batch.Length / 2;
                long total = 0;
                for (int c = 0; c < batch.ColumnCount; c++) total += ArrayGather.Take(batch.Column(c), everyOther, n).Length;
                return total;
            }),
            ("CAST(price AS STRING)", batch =>
                ValueFormatter.FormatColumn(batch.Column(price), SqlType.BigInt, TimeZoneInfo.Utc).Length),
        };

        Console.WriteLine($"{rows:N0} bids in {batches.Count} batches, {rounds} rounds, medians in M rows/s");
        foreach (var (name, run) in cases)
        {
            var rates = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var batch in batches) sink += run(batch);
                rates.Add(rows / sw.Elapsed.TotalSeconds / 1e6);
            }
            rates.Sort();
            Console.WriteLine($"{name,-40} {rates[rates.Count / 2],8:F2}   (min {rates[0]:F2}, max {rates[^1]:F2})");
        }
        return sink == long.MinValue ? 1 : 0;
    }
}
