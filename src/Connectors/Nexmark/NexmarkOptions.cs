using System.Globalization;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// The nexmark connector's options: those of the Flink Nexmark benchmark's source (same keys and defaults), plus
/// StreamSql's <c>table</c> (which view of the events the table is), <c>base-time</c> and <c>seed</c>.
/// </summary>
public static class NexmarkOptions
{
    public static readonly IReadOnlyList<string> Tables = new[] { "event", "bid", "person", "auction" };

    public static readonly ConfigOption<string> Table = Options.Enum("table", "event",
        "StreamSql extension. 'event' (default): Flink Nexmark's combined table (event_type INT, person ROW<...>, auction ROW<...>, bid ROW<...>); "
        + "'bid', 'person' or 'auction': a table whose columns are that entity's fields (matched by name), fed by the same event stream.", Tables);

    public static readonly ConfigOption<long> EventsNum = Options.Long("events.num", 0,
        "Total number of events to generate (all subtasks together); 0 = unbounded.");

    public static readonly ConfigOption<int> FirstEventRate = Options.Int("first-event.rate", 10000,
        "Event rate (events per second, all subtasks together); also sets the event-time spacing between events.");

    public static readonly ConfigOption<int> NextEventRate = Options.Int("next-event.rate", 10000,
        "Rate after the first period for non-constant rate shapes (accepted; the generator uses a constant rate as Flink's does).");

    public static readonly ConfigOption<string> RateShape = Options.Enum("rate.shape", "SQUARE",
        "Shape of the rate over time (accepted for compatibility).", new[] { "SQUARE", "SINE" });

    public static readonly ConfigOption<TimeSpan> RatePeriod = Options.Duration("rate.period", TimeSpan.FromSeconds(600),
        "Period of the rate shape (accepted for compatibility).");

    public static readonly ConfigOption<bool> RateLimited = Options.Bool("rate.limited", false,
        "Accepted for compatibility.");

    public static readonly ConfigOption<bool> MaxEmitSpeed = Options.Bool("max-emit-speed", false,
        "Emit as fast as possible instead of pacing events to their event time (first-event.rate).");

    public static readonly ConfigOption<int> PersonAvgSize = Memory("person.avg-size", 200, "Average size in bytes of a person (padding in 'extra').");
    public static readonly ConfigOption<int> AuctionAvgSize = Memory("auction.avg-size", 500, "Average size in bytes of an auction (padding in 'extra').");
    public static readonly ConfigOption<int> BidAvgSize = Memory("bid.avg-size", 100, "Average size in bytes of a bid (padding in 'extra').");

    public static readonly ConfigOption<int> PersonProportion = Options.Int("person.proportion", 1, "Persons per (person + auction + bid) proportion total.");
    public static readonly ConfigOption<int> AuctionProportion = Options.Int("auction.proportion", 3, "Auctions per proportion total.");
    public static readonly ConfigOption<int> BidProportion = Options.Int("bid.proportion", 46, "Bids per proportion total.");

    public static readonly ConfigOption<int> HotAuctionRatio = Options.Int("bid.hot-ratio.auctions", 2, "1 - 1/ratio of bids go to a hot auction.");
    public static readonly ConfigOption<int> HotBiddersRatio = Options.Int("bid.hot-ratio.bidders", 4, "1 - 1/ratio of bids come from a hot bidder.");
    public static readonly ConfigOption<int> HotSellersRatio = Options.Int("auction.hot-ratio.sellers", 4, "1 - 1/ratio of auctions come from a hot seller.");

    public static readonly ConfigOption<bool> KeepAlive = Options.Bool("keep-alive", false, "Keep a bounded source running (idle) after its last event.");
    public static readonly ConfigOption<long> StopAt = Options.Long("stop-at", -1, "Accepted for compatibility.");

    public static readonly ConfigOption<long?> BaseTime = new("base-time", null,
        "StreamSql extension: event time of the first event, as epoch milliseconds or 'yyyy-MM-dd HH:mm:ss' (UTC). Default: the wall clock when the source opens, whole seconds.",
        s => ParseBaseTime(s), v => v?.ToString(CultureInfo.InvariantCulture) ?? "", hasDefault: false);

    public static readonly ConfigOption<long> Seed = Options.Long("seed", 0,
        "StreamSql extension: mixed into every event's random seed (events are deterministic for a given seed and base-time).");

    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[]
    {
        Table, EventsNum, FirstEventRate, NextEventRate, RateShape, RatePeriod, RateLimited, MaxEmitSpeed,
        PersonAvgSize, AuctionAvgSize, BidAvgSize, PersonProportion, AuctionProportion, BidProportion,
        HotAuctionRatio, HotBiddersRatio, HotSellersRatio, KeepAlive, StopAt, BaseTime, Seed,
    };

    private static ConfigOption<int> Memory(string key, int defaultBytes, string description) =>
        new(key, defaultBytes, description, Common.MemorySize.ParseInt, v => v + " bytes");

    private static long ParseBaseTime(string text)
    {
        if (long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)) return ms;
        if (Common.FlinkText.TryParseTimestamp(text.Trim(), out var micros)) return Math.DivRem(micros, 1000).Quotient;
        throw new FormatException($"'{text}' is neither epoch milliseconds nor a timestamp 'yyyy-MM-dd HH:mm:ss'");
    }
}
