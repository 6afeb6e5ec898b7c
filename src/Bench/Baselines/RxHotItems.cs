using System.Reactive.Linq;
using static StreamSql.Bench.Baselines.RxQueries;

namespace StreamSql.Bench.Baselines;

/// <summary>
/// q5 (hot items) as an Rx.NET developer writes it: each bid fans out to the five 10-second windows sliding every 2 seconds
/// that hold it, a window is a group that closes when the event time reaches its end (the bids arrive in event-time
/// order), its bids are counted per auction, and the auctions with the window's largest count are its result.
/// </summary>
internal static class RxHotItems
{
    private static readonly long Size = TimeSpan.FromSeconds(10).Ticks;
    private static readonly long Slide = TimeSpan.FromSeconds(2).Ticks;

    /// <summary>(auction, number of bids) of each window's most-bid auctions.</summary>
    public static IObservable<(long Auction, long Count)> Query(IObservable<Bid> bids) => bids.Publish(shared => shared
        .SelectMany(Windows, (bid, start) => (Start: start, bid.Auction))
        .GroupByUntil(x => x.Start, x => x.Auction, window => shared.Where(b => b.DateTime.Ticks >= window.Key + Size))
        .SelectMany(window => window
            .Aggregate(new Dictionary<long, long>(), (counts, auction) =>
            {
                counts[auction] = counts.GetValueOrDefault(auction) + 1;
                return counts;
            })
            .SelectMany(MostBid)));

    /// <summary>The starts (in ticks) of the windows that hold <paramref name="bid"/>.</summary>
    private static IEnumerable<long> Windows(Bid bid)
    {
        long last = bid.DateTime.Ticks - bid.DateTime.Ticks % Slide;
        for (long start = last; start > last - Size; start -= Slide) yield return start;
    }

    private static IEnumerable<(long, long)> MostBid(Dictionary<long, long> counts)
    {
        long max = counts.Values.Max();
        foreach (var (auction, count) in counts)
            if (count == max) yield return (auction, count);
    }
}
