using System.Diagnostics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Bench.Checks;
using StreamSql.Bench.Engine;

namespace StreamSql.Bench.Baselines;

/// <summary>
/// The practical limit: each stateless query written by hand in C# as typed loops over the same in-memory Arrow batches
/// of bids, producing the same output columns the engine's sink receives (computed columns into new Arrow arrays,
/// passed-through columns as they are). Batches are shared out over as many threads as the engine's parallelism.
/// </summary>
public static class HandWrittenQueries
{
    // Bid columns as the DDL declares them.
    private const int Auction = 0, Bidder = 1, Price = 2, Channel = 3, Url = 4, DateTime = 5, Extra = 6;

    private static readonly Dictionary<string, Func<RecordBatch, IArrowArray[]>> Queries = new(StringComparer.Ordinal)
    {
        ["q0"] = Q0,
        ["q1"] = Q1,
        ["q2"] = Q2,
        ["q21"] = Q21,
        ["q22"] = Q22,
    };

    public static bool Supports(string query) => Queries.ContainsKey(query);

    /// <summary>Runs <paramref name="query"/> over <paramref name="bids"/> on <paramref name="threads"/> threads: timed, then
    /// once more to fingerprint the output (outside the timing).</summary>
    public static BaselineResult Run(string query, IReadOnlyList<RecordBatch> bids, int threads)
    {
        var body = Queries[query];
        var cpu = RunMonitor.ProcessCpu();
        var wall = Stopwatch.StartNew();
        long rows = 0;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            long mine = 0;
            for (int i = t; i < bids.Count; i += threads)
            {
                var output = body(bids[i]);
                mine += output[0].Length;
            }
            Interlocked.Add(ref rows, mine);
        });
        wall.Stop();
        var used = RunMonitor.ProcessCpu() - cpu;
        var fingerprint = ResultFingerprint.Empty;
        foreach (var batch in bids)
        {
            var output = body(batch);
            fingerprint = fingerprint.Plus(ArrowRowHasher.Fingerprint(output, output[0].Length));
        }
        return new BaselineResult("hand-written", wall.Elapsed, used, fingerprint);
    }

    private static IArrowArray[] Q0(RecordBatch bid) =>
        new[] { bid.Column(Auction), bid.Column(Bidder), bid.Column(Price), bid.Column(DateTime), bid.Column(Extra) };

    /// <summary>0.908 * price as DECIMAL(23, 3): the unscaled value is price * 908.</summary>
    private static IArrowArray[] Q1(RecordBatch bid)
    {
        var price = Longs(bid.Column(Price));
        int n = price.Length;
        var bytes = new byte[n * 16];
        var unscaled = MemoryMarshal.Cast<byte, Int128>(bytes.AsSpan());
        for (int i = 0; i < n; i++) unscaled[i] = (Int128)price[i] * 908;
        var data = new ArrayData(new Decimal128Type(23, 3), n, 0, 0, new[] { ArrowBuffer.Empty, new ArrowBuffer(bytes) });
        return new IArrowArray[] { bid.Column(Auction), bid.Column(Bidder), new Decimal128Array(data), bid.Column(DateTime), bid.Column(Extra) };
    }

    /// <summary>WHERE MOD(auction, 123) = 0: a selection pass, then the two kept columns gathered.</summary>
    private static IArrowArray[] Q2(RecordBatch bid)
    {
        var auction = Longs(bid.Column(Auction));
        var price = Longs(bid.Column(Price));
        var auctionBytes = new byte[auction.Length * 8];
        var priceBytes = new byte[auction.Length * 8];
        var keptAuction = MemoryMarshal.Cast<byte, long>(auctionBytes.AsSpan());
        var keptPrice = MemoryMarshal.Cast<byte, long>(priceBytes.AsSpan());
        int k = 0;
        for (int i = 0; i < auction.Length; i++)
        {
            if (auction[i] % 123 != 0) continue;
            keptAuction[k] = auction[i];
            keptPrice[k] = price[i];
            k++;
        }
        return new IArrowArray[] { LongArray(auctionBytes, k), LongArray(priceBytes, k) };
    }

    private static readonly byte[][] KnownChannels = { "apple"u8.ToArray(), "google"u8.ToArray(), "facebook"u8.ToArray(), "baidu"u8.ToArray() };
    private static readonly byte[][] ChannelIds = { "0"u8.ToArray(), "1"u8.ToArray(), "2"u8.ToArray(), "3"u8.ToArray() };

    /// <summary>The known channel's id, else the <c>channel_id=</c> parameter of the URL; rows with neither are dropped.</summary>
    private static IArrowArray[] Q21(RecordBatch bid)
    {
        var auction = Longs(bid.Column(Auction));
        var bidder = Longs(bid.Column(Bidder));
        var price = Longs(bid.Column(Price));
        var channel = (StringArray)bid.Column(Channel);
        var url = (StringArray)bid.Column(Url);
        int n = bid.Length;
        byte[] auctionBytes = new byte[n * 8], bidderBytes = new byte[n * 8], priceBytes = new byte[n * 8];
        var keptAuction = MemoryMarshal.Cast<byte, long>(auctionBytes.AsSpan());
        var keptBidder = MemoryMarshal.Cast<byte, long>(bidderBytes.AsSpan());
        var keptPrice = MemoryMarshal.Cast<byte, long>(priceBytes.AsSpan());
        var keptChannel = new Utf8ColumnBuilder(n);
        var channelId = new Utf8ColumnBuilder(n);
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            var name = channel.GetBytes(i);
            int known = KnownChannel(name);
            ReadOnlySpan<byte> id;
            if (known >= 0) id = ChannelIds[known];
            else if (!TryChannelId(url.GetBytes(i), out id)) continue;
            keptAuction[k] = auction[i];
            keptBidder[k] = bidder[i];
            keptPrice[k] = price[i];
            keptChannel.Append(name);
            channelId.Append(id);
            k++;
        }
        return new IArrowArray[] { LongArray(auctionBytes, k), LongArray(bidderBytes, k), LongArray(priceBytes, k), keptChannel.Build(), channelId.Build() };
    }

    private static int KnownChannel(ReadOnlySpan<byte> name)
    {
        for (int c = 0; c < KnownChannels.Length; c++)
        {
            var known = KnownChannels[c];
            if (known.Length != name.Length) continue;
            int j = 0;
            while (j < name.Length && (name[j] | 0x20) == known[j]) j++;
            if (j == name.Length) return c;
        }
        return -1;
    }

    /// <summary>REGEXP_EXTRACT(url, '(&amp;|^)channel_id=([^&amp;]*)', 2): the first <c>channel_id=</c> at the start or after an &amp;.</summary>
    private static bool TryChannelId(ReadOnlySpan<byte> url, out ReadOnlySpan<byte> id)
    {
        var key = "channel_id="u8;
        int from = 0;
        while (from <= url.Length - key.Length)
        {
            int at = url[from..].IndexOf(key);
            if (at < 0) break;
            at += from;
            if (at == 0 || url[at - 1] == (byte)'&')
            {
                var rest = url[(at + key.Length)..];
                int end = rest.IndexOf((byte)'&');
                id = end < 0 ? rest : rest[..end];
                return true;
            }
            from = at + 1;
        }
        id = default;
        return false;
    }

    /// <summary>SPLIT_INDEX(url, '/', 3 | 4 | 5): the 4th, 5th and 6th '/'-separated parts, NULL past the last.</summary>
    private static IArrowArray[] Q22(RecordBatch bid)
    {
        var url = (StringArray)bid.Column(Url);
        int n = bid.Length;
        var dirs = new[] { new Utf8ColumnBuilder(n), new Utf8ColumnBuilder(n), new Utf8ColumnBuilder(n) };
        for (int i = 0; i < n; i++)
        {
            var text = url.GetBytes(i);
            int start = 0, part = 0;
            for (int d = 0; d < 3; d++)
            {
                while (start >= 0 && part < 3 + d)
                {
                    int slash = text[start..].IndexOf((byte)'/');
                    start = slash < 0 ? -1 : start + slash + 1;
                    part++;
                }
                if (start < 0)
                {
                    dirs[d].AppendNull();
                    continue;
                }
                int length = text[start..].IndexOf((byte)'/');
                dirs[d].Append(length < 0 ? text[start..] : text.Slice(start, length));
            }
        }
        return new IArrowArray[] { bid.Column(Auction), bid.Column(Bidder), bid.Column(Price), bid.Column(Channel), dirs[0].Build(), dirs[1].Build(), dirs[2].Build() };
    }

    private static ReadOnlySpan<long> Longs(IArrowArray array)
    {
        var data = array.Data;
        return MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span).Slice(data.Offset, data.Length);
    }

    private static Int64Array LongArray(byte[] values, int length) =>
        new(new ArrowBuffer(values.AsMemory(0, length * 8)), ArrowBuffer.Empty, length, 0, 0);
}
