using System.Diagnostics;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Bench.Checks;
using StreamSql.Bench.Engine;

namespace StreamSql.Bench.Baselines;

/// <summary>
/// What a .NET developer writes by hand today: the query as an Rx.NET pipeline over a stream of <see cref="Bid"/>
/// objects. The source turns the same in-memory Arrow batches into one object per bid as it emits them (an Rx pipeline
/// receives objects, so making them is part of its cost); one subscriber, as Rx runs a pipeline on one thread.
/// </summary>
public static class RxQueries
{
    /// <summary>A bid as an application holds it.</summary>
    public sealed record Bid(long Auction, long Bidder, long Price, string Channel, string Url, DateTime DateTime, string Extra);

    private static readonly Dictionary<string, Func<IObservable<Bid>, bool, IObservable<ulong>>> Queries = new(StringComparer.Ordinal)
    {
        // Each pipeline ends in the row's hash when the result is being checked (else 0: the timed run only counts).
        ["q0"] = (bids, check) => bids.Select(b => (b.Auction, b.Bidder, b.Price, b.DateTime, b.Extra))
            .Select(r => check ? Hash(r.Auction, r.Bidder, r.Price, r.DateTime, r.Extra) : 0),
        ["q1"] = (bids, check) => bids.Select(b => (b.Auction, b.Bidder, Price: 0.908m * b.Price, b.DateTime, b.Extra))
            .Select(r => check ? Hash(r.Auction, r.Bidder, r.Price, r.DateTime, r.Extra) : 0),
        ["q2"] = (bids, check) => bids.Where(b => b.Auction % 123 == 0).Select(b => (b.Auction, b.Price))
            .Select(r => check ? Hash(r.Auction, r.Price) : 0),
        ["q5"] = (bids, check) => RxHotItems.Query(bids).Select(r => check ? Hash(r.Auction, r.Count) : 0),
        ["q7"] = (bids, check) => RxHighestBid.Query(bids).Select(b => check ? Hash(b.Auction, b.Bidder, b.Price, b.DateTime, b.Extra) : 0),
    };

    public static bool Supports(string query) => Queries.ContainsKey(query);

    /// <summary>Runs <paramref name="query"/> over <paramref name="bids"/>: timed with a subscriber that counts, then once more
    /// fingerprinting the rows.</summary>
    public static BaselineResult Run(string query, IReadOnlyList<RecordBatch> bids)
    {
        var pipeline = Queries[query];
        var cpu = RunMonitor.ProcessCpu();
        var wall = Stopwatch.StartNew();
        long rows = 0;
        using (pipeline(Source(bids), false).Subscribe(_ => rows++)) { }
        wall.Stop();
        var used = RunMonitor.ProcessCpu() - cpu;
        var fingerprint = ResultFingerprint.Empty;
        using (pipeline(Source(bids), true).Subscribe(h => fingerprint = fingerprint.With(h))) { }
        return new BaselineResult("rx", wall.Elapsed, used, fingerprint);
    }

    /// <summary>The bids as objects, emitted synchronously to each subscriber.</summary>
    private static IObservable<Bid> Source(IReadOnlyList<RecordBatch> batches) => Observable.Create<Bid>(observer =>
    {
        foreach (var batch in batches)
        {
            var auction = (Int64Array)batch.Column(0);
            var bidder = (Int64Array)batch.Column(1);
            var price = (Int64Array)batch.Column(2);
            var channel = (StringArray)batch.Column(3);
            var url = (StringArray)batch.Column(4);
            var time = (TimestampArray)batch.Column(5);
            var extra = (StringArray)batch.Column(6);
            var unit = ((TimestampType)time.Data.DataType).Unit;
            for (int i = 0; i < batch.Length; i++)
            {
                observer.OnNext(new Bid(auction.GetValue(i)!.Value, bidder.GetValue(i)!.Value, price.GetValue(i)!.Value,
                    channel.GetString(i), url.GetString(i), Timestamp(time.GetValue(i)!.Value, unit), extra.GetString(i)));
            }
        }
        observer.OnCompleted();
        return Disposable.Empty;
    });

    private static DateTime Timestamp(long value, TimeUnit unit) =>
        DateTime.UnixEpoch.AddTicks(unit == TimeUnit.Millisecond ? value * 10_000 : value * 10);

    private static ulong Hash(long auction, long bidder, long price, DateTime time, string extra)
    {
        ulong h = ValueHash.RowSeed;
        h = ValueHash.Combine(h, ValueHash.Integer(auction));
        h = ValueHash.Combine(h, ValueHash.Integer(bidder));
        h = ValueHash.Combine(h, ValueHash.Integer(price));
        h = ValueHash.Combine(h, ValueHash.TimestampMicros((time.Ticks - DateTime.UnixEpoch.Ticks) / 10));
        return ValueHash.Combine(h, ValueHash.String(extra));
    }

    private static ulong Hash(long auction, long bidder, decimal price, DateTime time, string extra)
    {
        ulong h = ValueHash.RowSeed;
        h = ValueHash.Combine(h, ValueHash.Integer(auction));
        h = ValueHash.Combine(h, ValueHash.Integer(bidder));
        h = ValueHash.Combine(h, ValueHash.Decimal(price));
        h = ValueHash.Combine(h, ValueHash.TimestampMicros((time.Ticks - DateTime.UnixEpoch.Ticks) / 10));
        return ValueHash.Combine(h, ValueHash.String(extra));
    }

    private static ulong Hash(long auction, long price)
    {
        ulong h = ValueHash.RowSeed;
        h = ValueHash.Combine(h, ValueHash.Integer(auction));
        return ValueHash.Combine(h, ValueHash.Integer(price));
    }
}
