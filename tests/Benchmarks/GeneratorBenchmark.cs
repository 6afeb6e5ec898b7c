using System.Diagnostics;
using System.Globalization;
using StreamSql.Connectors;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>
/// The nexmark connector's source reader alone (no job): events generated per CPU-second for the reads the queries make —
/// every bid column, q0's (all but channel and url, which are drawn anyway: extra comes after them), q21/q22's (channel and url, no
/// extra), bids without the pruned columns (q1/q2: no channel, url, extra), and the combined event table.
/// Public API only, so the same file runs against an older build for a same-run comparison.
///   dotnet run -c Release --project tests/Benchmarks -- generator [events] [rounds] [case name part]
/// </summary>
internal static class GeneratorBenchmark
{
    private sealed record Case(string Name, string Table, string[] Columns);

    private static readonly Case[] Cases =
    {
        new("bid, all columns", "bid", new[] { "auction", "bidder", "price", "channel", "url", "dateTime", "extra" }),
        new("bid, q0's columns", "bid", new[] { "auction", "bidder", "price", "dateTime", "extra" }),
        new("bid, q21's columns", "bid", new[] { "auction", "bidder", "price", "channel", "url" }),
        new("bid, no channel/url/extra", "bid", new[] { "auction", "bidder", "price", "dateTime" }),
        new("event table, all", "event", System.Array.Empty<string>()),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        long events = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"nexmark generator, {events:N0} events per run, {rounds} rounds (M events per CPU-second)");
        var cases = args.Length > 3 ? Cases.Where(c => c.Name.Contains(args[3], StringComparison.OrdinalIgnoreCase)).ToArray() : Cases;
        var rates = cases.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            var line = new List<string>();
            for (int c = 0; c < cases.Length; c++)
            {
                double rate = await RunOnceAsync(cases[c], events);
                rates[c].Add(rate);
                line.Add($"{cases[c].Name}: {rate / 1e6:F2}");
            }
            Console.WriteLine($"round {round + 1}: " + string.Join(", ", line));
        }
        for (int c = 0; c < cases.Length; c++)
        {
            var sorted = rates[c].Order().ToList();
            Console.WriteLine($"{cases[c].Name,-28} median {sorted[sorted.Count / 2] / 1e6:F2} M events/s per core (min {sorted[0] / 1e6:F2}, max {sorted[^1] / 1e6:F2})");
        }
        return 0;
    }

    private static async Task<double> RunOnceAsync(Case test, long events)
    {
        var table = new CatalogTable(test.Table, ColumnsOf(test), null, System.Array.Empty<string>(), System.Array.Empty<string>(),
            new Dictionary<string, string>
            {
                ["connector"] = "nexmark",
                ["table"] = test.Table,
                ["max-emit-speed"] = "true",
                ["base-time"] = NexmarkBids.BaseTime.ToString(CultureInfo.InvariantCulture),
                ["events.num"] = events.ToString(CultureInfo.InvariantCulture),
            }, null, false);
        var connector = BuiltInConnectors.CreateRegistry().FindConnector("nexmark")
            ?? throw new InvalidOperationException("nexmark connector missing");
        var projected = Enumerable.Range(0, table.PhysicalSchema.Count).ToArray();
        var context = new SourceReaderContext(table, projected, System.Array.Empty<string>(),
            ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), 0, 1, 4096, Configuration.Empty, SystemClock.Instance);
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long rows = 0;
        await using (var reader = connector.CreateReader())
        {
            await reader.OpenAsync(context, CancellationToken.None);
            while (await reader.ReadBatchAsync(CancellationToken.None) is { } batch) rows += batch.Length;
        }
        double seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        if (rows == 0) throw new InvalidOperationException("no rows generated");
        return events / seconds;
    }

    private static List<TableColumn> ColumnsOf(Case test)
    {
        if (test.Table != "event") return test.Columns.Select(n => (TableColumn)new PhysicalColumn(n, TypeOf(n))).ToList();
        var s = SqlType.String;
        var t = SqlType.Timestamp(3);
        var b = SqlType.BigInt;
        return new List<TableColumn>
        {
            new PhysicalColumn("event_type", SqlType.Int),
            new PhysicalColumn("person", SqlType.Row(new[] { "id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra" },
                new[] { b, s, s, s, s, s, t, s })),
            new PhysicalColumn("auction", SqlType.Row(new[] { "id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires", "seller", "category", "extra" },
                new[] { b, s, s, b, b, t, t, b, b, s })),
            new PhysicalColumn("bid", SqlType.Row(new[] { "auction", "bidder", "price", "channel", "url", "dateTime", "extra" },
                new[] { b, b, b, s, s, t, s })),
        };
    }

    private static SqlType TypeOf(string column) => column switch
    {
        "channel" or "url" or "extra" => SqlType.String,
        "dateTime" => SqlType.Timestamp(3),
        _ => SqlType.BigInt,
    };
}
