using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// <c>'connector' = 'nexmark'</c>: the Nexmark benchmark's event generator (persons, auctions, bids in proportions
/// 1:3:46), with Flink Nexmark's options. <c>'table' = 'event'</c> (default) gives Flink Nexmark's combined table
/// <c>(event_type INT, person ROW&lt;...&gt;, auction ROW&lt;...&gt;, bid ROW&lt;...&gt;)</c>; <c>'table' = 'bid'</c>
/// (or <c>person</c>, <c>auction</c>) a table whose columns are that entity's fields, by name, e.g.
/// <c>CREATE TABLE bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING)
/// WITH ('connector'='nexmark', 'table'='bid', 'events.num'='1000000')</c>. Bounded when <c>events.num</c> &gt; 0.
/// </summary>
public sealed class NexmarkConnector : TableConnectorBase
{
    public override string Identifier => "nexmark";

    public override IReadOnlyList<ConfigOption> OptionalOptions => NexmarkOptions.All;

    public override bool SupportsSource => true;

    public override bool IsBounded(CatalogTable table)
    {
        var options = new TableOptions(table);
        return options.Get(NexmarkOptions.EventsNum) > 0 && !options.Get(NexmarkOptions.KeepAlive);
    }

    protected override void ValidateSpecific(CatalogTable table)
    {
        var options = new TableOptions(table);
        foreach (var o in new[] { NexmarkOptions.FirstEventRate, NexmarkOptions.NextEventRate, NexmarkOptions.HotAuctionRatio, NexmarkOptions.HotBiddersRatio, NexmarkOptions.HotSellersRatio })
            if (options.Get(o) <= 0) throw options.Invalid(o.Key, "must be positive");
        foreach (var o in new[] { NexmarkOptions.PersonProportion, NexmarkOptions.AuctionProportion, NexmarkOptions.BidProportion })
            if (options.Get(o) <= 0) throw options.Invalid(o.Key, "must be positive");
        if (options.Get(NexmarkOptions.EventsNum) < 0) throw options.Invalid(NexmarkOptions.EventsNum.Key, "must not be negative");

        var entity = options.Get(NexmarkOptions.Table);
        foreach (var field in table.PhysicalSchema.Fields)
        {
            if (entity == "event")
            {
                var name = field.Name.ToLowerInvariant();
                var ok = name switch
                {
                    "event_type" => field.Type.IsExactInteger,
                    "person" => CheckRow(field, NexmarkField.Person, table.Name),
                    "auction" => CheckRow(field, NexmarkField.Auction, table.Name),
                    "bid" => CheckRow(field, NexmarkField.Bid, table.Name),
                    _ => throw new ConnectorOptionException(NexmarkOptions.Table.Key,
                        $"Column '{field.Name}' of nexmark table '{table.Name}' is not one of event_type, person, auction, bid ('table' = 'event'). "
                        + "For a table of bids, persons or auctions set 'table' = 'bid' | 'person' | 'auction'."),
                };
                if (!ok) throw new ConnectorOptionException(NexmarkOptions.Table.Key, $"Column '{field.Name}' of nexmark table '{table.Name}' has an unsuitable type {field.Type}.");
            }
            else
            {
                CheckField(field, NexmarkField.For(entity), entity, table.Name);
            }
        }
    }

    private static bool CheckRow(Field field, string[] names, string tableName)
    {
        if (field.Type.Kind != SqlTypeKind.Row) return false;
        for (int i = 0; i < field.Type.Elements!.Count; i++)
            CheckField(new Field(field.Type.FieldNames![i], field.Type.Elements[i]), names, field.Name, tableName);
        return true;
    }

    private static void CheckField(Field field, string[] names, string entity, string tableName)
    {
        int slot = NexmarkField.IndexOf(names, field.Name);
        if (slot < 0)
            throw new ConnectorOptionException(NexmarkOptions.Table.Key,
                $"Column '{field.Name}' of nexmark table '{tableName}' is not a field of {entity} (fields: {string.Join(", ", names)}).");
        var name = names[slot];
        bool isTime = name is "dateTime" or "expires";
        bool isString = name is "name" or "emailAddress" or "creditCard" or "city" or "state" or "extra" or "itemName" or "description" or "channel" or "url";
        bool ok = isTime ? field.Type.IsTimestamp : isString ? field.Type.IsCharacterString : field.Type.Kind == SqlTypeKind.BigInt;
        if (!ok)
            throw new ConnectorOptionException(NexmarkOptions.Table.Key,
                $"Column '{field.Name}' of nexmark table '{tableName}' must be {(isTime ? "TIMESTAMP(3)" : isString ? "STRING" : "BIGINT")}, not {field.Type}.");
    }

    internal static NexmarkConfig ConfigFor(TableOptions options, IClock clock)
    {
        long baseTime = options.Get(NexmarkOptions.BaseTime) ?? clock.NowMicros() / 1_000_000 * 1000;
        return new NexmarkConfig(
            options.Get(NexmarkOptions.PersonProportion), options.Get(NexmarkOptions.AuctionProportion), options.Get(NexmarkOptions.BidProportion),
            options.Get(NexmarkOptions.PersonAvgSize), options.Get(NexmarkOptions.AuctionAvgSize), options.Get(NexmarkOptions.BidAvgSize),
            options.Get(NexmarkOptions.HotAuctionRatio), options.Get(NexmarkOptions.HotBiddersRatio), options.Get(NexmarkOptions.HotSellersRatio),
            1_000_000.0 / options.Get(NexmarkOptions.FirstEventRate), baseTime, options.Get(NexmarkOptions.Seed));
    }

    public override ISourceReader CreateReader() => new NexmarkReader();
}
