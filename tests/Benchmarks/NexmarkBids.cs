using Apache.Arrow;
using StreamSql.Connectors;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Benchmarks;

/// <summary>Generates the bid stream of the Nexmark benchmark with the nexmark connector, into memory.</summary>
internal static class NexmarkBids
{
    /// <summary>The event time of the first event (epoch ms) for every generator of a benchmark run, so that the engine's
    /// generator and the in-memory bids produce the same events.</summary>
    public const long BaseTime = 1_796_308_801_000;

    public static async Task<IReadOnlyList<RecordBatch>> GenerateAsync(int events)
    {
        var columns = new List<TableColumn>
        {
            new PhysicalColumn("auction", SqlType.BigInt),
            new PhysicalColumn("bidder", SqlType.BigInt),
            new PhysicalColumn("price", SqlType.BigInt),
            new PhysicalColumn("channel", SqlType.String),
            new PhysicalColumn("url", SqlType.String),
            new PhysicalColumn("dateTime", SqlType.Timestamp(3)),
            new PhysicalColumn("extra", SqlType.String),
        };
        var options = new Dictionary<string, string>
        {
            ["connector"] = "nexmark",
            ["table"] = "bid",
            ["max-emit-speed"] = "true",
            ["base-time"] = BaseTime.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["events.num"] = events.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var table = new CatalogTable("bid", columns, null, System.Array.Empty<string>(), System.Array.Empty<string>(), options, null, false);
        var connector = BuiltInConnectors.CreateRegistry().FindConnector("nexmark")
            ?? throw new InvalidOperationException("nexmark connector missing");
        var projected = new int[columns.Count];
        for (int i = 0; i < projected.Length; i++) projected[i] = i;
        var context = new SourceReaderContext(table, projected, System.Array.Empty<string>(),
            ArrowTypeMapping.ToArrowSchema(table.PhysicalSchema), 0, 1, 4096, Configuration.Empty, SystemClock.Instance);

        var batches = new List<RecordBatch>();
        await using var reader = connector.CreateReader();
        await reader.OpenAsync(context, CancellationToken.None);
        while (await reader.ReadBatchAsync(CancellationToken.None) is { } batch)
        {
            if (batch.Length > 0) batches.Add(batch);
        }
        return batches;
    }
}
