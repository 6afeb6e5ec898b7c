using System.Reactive.Linq;
using static StreamSql.Bench.Baselines.RxQueries;

namespace StreamSql.Bench.Baselines;

/// <summary>
/// q7 (highest bid) as an Rx.NET developer writes it: 10-second tumbling windows as groups that close when the event time
/// passes their end (the bids arrive in event-time order), each keeping its highest price so far and the bids at that price.
/// The query joins a bid with every window whose end is within 10 seconds after it (BETWEEN end - 10 s AND end, both
/// ends included), so a bid exactly at a window's end is also a candidate of that window, though not one of its bids.
/// </summary>
internal static class RxHighestBid
{
    private static readonly long Size = TimeSpan.FromSeconds(10).Ticks;

    public static IObservable<Bid> Query(IObservable<Bid> bids) => bids.Publish(shared => shared
        .SelectMany(Windows)
        .GroupByUntil(x => x.End, window => shared.Where(b => b.DateTime.Ticks > window.Key))
        .SelectMany(window => window
            .Aggregate(new Highest(), (highest, x) => highest.Add(x.Bid, x.InWindow))
            .SelectMany(highest => highest.Bids)));

    /// <summary>The ends (in ticks) of the windows <paramref name="bid"/> joins with, and whether it is in that window.</summary>
    private static IEnumerable<(long End, Bid Bid, bool InWindow)> Windows(Bid bid)
    {
        long ticks = bid.DateTime.Ticks;
        long end = ticks - ticks % Size + Size;
        yield return (end, bid, true);
        if (ticks % Size == 0) yield return (ticks, bid, false);
    }

    /// <summary>A window's highest price so far and the bids at it.</summary>
    private sealed class Highest
    {
        private long _max = long.MinValue;
        private readonly List<Bid> _atMax = new();
        private readonly List<Bid> _atEnd = new();

        public Highest Add(Bid bid, bool inWindow)
        {
            if (!inWindow)
            {
                _atEnd.Add(bid);
            }
            else if (bid.Price > _max)
            {
                _max = bid.Price;
                _atMax.Clear();
                _atMax.Add(bid);
            }
            else if (bid.Price == _max)
            {
                _atMax.Add(bid);
            }
            return this;
        }

        /// <summary>The window's bids at its highest price and the bids at its end that offered as much.</summary>
        public IEnumerable<Bid> Bids => _atMax.Concat(_atEnd.Where(b => b.Price == _max));
    }
}
