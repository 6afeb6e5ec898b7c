using StreamSql.Connectors.Nexmark;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>
/// Pins the generator's output when a query reads only some columns: the writer skips the draws of values drawn last that
/// nothing reads (a bid's channel, url and extra; every entity's extra), so a projection runs a different code path from
/// the all-columns read <see cref="NexmarkGoldenTests"/> pins. The hashes (same scheme) were recorded from the generator
/// before its 2026-12-05 rewrite; every value of every projected column must come out the same.
/// </summary>
public sealed class NexmarkProjectionGoldenTests
{
    private static readonly (string, string)[] Defaults =
        { ("connector", "nexmark"), ("events.num", "100000"), ("max-emit-speed", "true"), ("base-time", "2024-01-01 00:00:00") };

    private static readonly (string, string)[] Unusual =
    {
        ("connector", "nexmark"), ("events.num", "30000"), ("max-emit-speed", "true"), ("base-time", "1700000000123"),
        ("seed", "-12345"), ("first-event.rate", "777"), ("bid.avg-size", "40"), ("auction.avg-size", "3kb"),
        ("person.avg-size", "30"), ("person.proportion", "3"), ("auction.proportion", "5"), ("bid.proportion", "7"),
        ("bid.hot-ratio.auctions", "3"), ("bid.hot-ratio.bidders", "1"), ("auction.hot-ratio.sellers", "7"),
    };

    [Theory]
    // q0/q1: no channel or url (their draws still come before extra's).
    [InlineData("bid", false, "auction,bidder,price,dateTime,extra", "4EA2EFD4983EE2E4A13CC977A5AD0FB9E8F27FFA99290C31F3476D6EC641B81E")]
    // q21/q22: channel and url, no extra (nothing drawn after the channel).
    [InlineData("bid", false, "auction,bidder,price,channel,url", "7431E0DAA36AAEDA3DAA96BCD579D9CBD58946E4EF8781FF7DF35DDAF2A3F557")]
    // q2: no string at all.
    [InlineData("bid", false, "auction,price", "1C96C6FD33798844E268EA4E90DC87E97E6EF3BFD7E5B4B3CCBFDB93E0ECED7C")]
    [InlineData("bid", false, "channel", "1CEB37CEFB030F43E95E0C418C4065FD5130EEFF2BBE9E0C3308E56568A5C7D9")]
    [InlineData("bid", false, "url", "2225868B3A0A08B295EAB03AC19A3015EF13311A22DF15EA25603356FE6D9509")]
    [InlineData("bid", false, "extra", "755BC6A430703031028503B4ADE727D208FEE15E48F6BAAA0F04575AEE9E230B")]
    [InlineData("bid", true, "auction,bidder,price,dateTime,extra", "C2B5FE97CC721975421FC981C0C5F4AEA1F3C572F5D234AEDC38ABC8F5CD47CD")]
    [InlineData("bid", true, "auction,bidder,price,channel,url", "4F87BEA16CC612D4AA05EEDCE478A6E1C73B70CE99FA69F1880FE97C16B3148D")]
    [InlineData("bid", true, "price,url", "CF526003CCB8535B3407E9C9DBE050F36F7C8D1FA6A362CEF1CB6AEFC87C4F13")]
    [InlineData("auction", false, "id,seller,category,expires", "998DA556836F4DCE4D331FFC66B725C04341E389EC95B285225FAFEB97FCBE16")]
    [InlineData("auction", true, "id,itemName,extra", "E33A50A04CD0103D66A8CABD8CEE0ED746567008D1E647648E434C5ECFF6F688")]
    [InlineData("person", false, "id,name,state", "E8F43F47BCA8C37077C9EB2EB4EF9CAA086E96876EA0D431212C81308A044AA0")]
    [InlineData("person", true, "emailAddress,creditCard,extra", "A90F7C00DFE10170A9129F148E0FC4F1A1338A9A2C51A0A1D14E3A418AB002F6")]
    public async Task Projected_columns_are_the_recorded_ones(string entity, bool unusual, string columnNames, string sha256)
    {
        var all = entity switch
        {
            "bid" => NexmarkTests.BidColumns,
            "auction" => NexmarkTests.AuctionColumns,
            _ => NexmarkTests.PersonColumns,
        };
        var names = columnNames.Split(',');
        var columns = names.Select(n => all.Single(c => c.Item1 == n)).ToArray();
        var options = (unusual ? Unusual : Defaults).Append(("table", entity)).ToArray();
        var table = Table(entity, columns, options);
        var batches = await ReadAll(new NexmarkConnector().CreateReader(), ReaderContext(table, maxBatchRows: 1000));
        var actual = NexmarkGoldenTests.Hash(batches);
        Assert.True(actual == sha256, $"the {entity} columns {columnNames}{(unusual ? " (unusual options)" : "")} hash to {actual}, not the recorded {sha256}");
    }
}
