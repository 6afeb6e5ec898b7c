namespace StreamSql.Connectors.Nexmark;

/// <summary>The generator's parameters (Flink Nexmark's GeneratorConfig with one generator and no out-of-order groups).</summary>
internal sealed record NexmarkConfig(
    int PersonProportion,
    int AuctionProportion,
    int BidProportion,
    int AvgPersonBytes,
    int AvgAuctionBytes,
    int AvgBidBytes,
    int HotAuctionRatio,
    int HotBiddersRatio,
    int HotSellersRatio,
    double InterEventDelayMicros,
    long BaseTimeMillis,
    long Seed)
{
    public const long FirstAuctionId = 1000;
    public const long FirstPersonId = 1000;
    public const long FirstCategoryId = 10;
    public const int NumActivePeople = 1000;
    public const int NumInFlightAuctions = 100;

    public int TotalProportion => PersonProportion + AuctionProportion + BidProportion;

    /// <summary>Event time (epoch ms) of event number <paramref name="eventNumber"/>.</summary>
    public long TimestampForEvent(long eventNumber) => BaseTimeMillis + (long)(eventNumber * InterEventDelayMicros) / 1000L;

    public long LastBase0PersonId(long eventId)
    {
        long epoch = Math.DivRem(eventId, TotalProportion, out long offset);
        return LastBase0PersonId(epoch, offset);
    }

    /// <summary>As <see cref="LastBase0PersonId(long)"/>, from the event's epoch (event id / total proportion) and its
    /// offset in it (the remainder), which a generator writing many values of one event computes once.</summary>
    public long LastBase0PersonId(long epoch, long offset)
    {
        if (offset >= PersonProportion) offset = PersonProportion - 1;
        return epoch * PersonProportion + offset;
    }

    public long LastBase0AuctionId(long eventId)
    {
        long epoch = Math.DivRem(eventId, TotalProportion, out long offset);
        return LastBase0AuctionId(epoch, offset);
    }

    /// <summary>As <see cref="LastBase0AuctionId(long)"/>, from the event's epoch and offset.</summary>
    public long LastBase0AuctionId(long epoch, long offset)
    {
        if (offset < PersonProportion)
        {
            epoch--;
            offset = AuctionProportion - 1;
        }
        else if (offset >= PersonProportion + AuctionProportion)
        {
            offset = AuctionProportion - 1;
        }
        else
        {
            offset -= PersonProportion;
        }
        return epoch * AuctionProportion + offset;
    }
}
