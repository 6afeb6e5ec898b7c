using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// Generates Nexmark events (a port of Flink Nexmark's / Beam's generator: PersonGenerator, AuctionGenerator,
/// BidGenerator, StringsGenerator, PriceGenerator) straight into column builders: no event objects, no strings.
/// Each event's values come from a <see cref="JavaRandom"/> seeded with its event id, so an event is the same
/// whichever subtask generates it. A target left null is generated (to keep the random sequence) but not stored, except
/// for the values drawn last (a bid's channel, url and extra; every entity's extra), which are not drawn at all when
/// nothing after them is read: the other values of the event come out the same.
/// </summary>
internal sealed class NexmarkEventWriter
{
    private const int HotAuctionRatio100 = 100;
    private const int HotBidderRatio100 = 100;
    private const int HotSellerRatio100 = 100;
    private const int PersonIdLead = 10;
    private const int AuctionIdLead = 10;
    private const int NumCategories = 5;
    private const int MinStringLength = 3;
    private const int HotChannelsRatio = 2;
    private const int ChannelsNumber = 10_000;

    private static readonly byte[][] UsStates = Utf8("AZ,CA,ID,OR,WA,WY");
    private static readonly byte[][] UsCities = Utf8("Phoenix,Los Angeles,San Francisco,Boise,Portland,Bend,Redmond,Seattle,Kent,Cheyenne");
    private static readonly byte[][] FirstNames = Utf8("Peter,Paul,Luke,John,Saul,Vicky,Kate,Julie,Sarah,Deiter,Walter");
    private static readonly byte[][] LastNames = Utf8("Shultz,Abrams,Spencer,White,Bartels,Walton,Smith,Jones,Noris");
    private static readonly byte[][] HotChannels = Utf8("Google,Facebook,Baidu,Apple");
    private static readonly Lazy<(byte[][] HotUrls, byte[][] Channels, byte[][] Urls)> ChannelTable = new(BuildChannelTable);

    private readonly NexmarkConfig _config;
    private readonly ColumnBuilder?[] _person;
    private readonly ColumnBuilder?[] _auction;
    private readonly ColumnBuilder?[] _bid;
    private readonly byte[] _scratch = new byte[4096];

    public NexmarkEventWriter(NexmarkConfig config, ColumnBuilder?[] person, ColumnBuilder?[] auction, ColumnBuilder?[] bid)
    {
        _config = config;
        _person = person;
        _auction = auction;
        _bid = bid;
    }

    /// <summary>0 = person, 1 = auction, 2 = bid (Flink Nexmark's event_type).</summary>
    public int EventType(long eventId)
    {
        long rem = eventId % _config.TotalProportion;
        if (rem < _config.PersonProportion) return 0;
        return rem < _config.PersonProportion + _config.AuctionProportion ? 1 : 2;
    }

    private JavaRandom RandomFor(long eventId) => new(eventId ^ _config.Seed);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WritePerson(long eventId)
    {
        var random = RandomFor(eventId);
        long timestamp = _config.TimestampForEvent(eventId);
        var p = _person;
        PutLong(p[NexmarkField.PersonId], _config.LastBase0PersonId(eventId) + NexmarkConfig.FirstPersonId);

        // name: "First Last"
        var first = FirstNames[random.NextInt(FirstNames.Length)];
        var last = LastNames[random.NextInt(LastNames.Length)];
        int nameLength = first.Length + 1 + last.Length;
        if (p[NexmarkField.PersonName] is { } nameColumn)
        {
            var span = nameColumn.ReserveSpan(nameLength);
            first.CopyTo(span);
            span[first.Length] = (byte)' ';
            last.CopyTo(span[(first.Length + 1)..]);
            nameColumn.CommitSpan(nameLength);
        }

        // email: nextString(7) + "@" + nextString(5) + ".com"
        var s = _scratch.AsSpan();
        int n = NextString(ref random, 7, ' ', s);
        s[n++] = (byte)'@';
        n += NextString(ref random, 5, ' ', s[n..]);
        ".com"u8.CopyTo(s[n..]);
        n += 4;
        int emailLength = n;
        PutBytes(p[NexmarkField.PersonEmail], s[..n]);

        // credit card: four zero-padded groups of four digits
        for (int i = 0; i < 4; i++)
        {
            int group = random.NextInt(10000);
            int at = i * 5;
            if (i > 0) s[at - 1] = (byte)' ';
            s[at] = (byte)('0' + group / 1000);
            s[at + 1] = (byte)('0' + group / 100 % 10);
            s[at + 2] = (byte)('0' + group / 10 % 10);
            s[at + 3] = (byte)('0' + group % 10);
        }
        PutBytes(p[NexmarkField.PersonCreditCard], s[..19]);

        var city = UsCities[random.NextInt(UsCities.Length)];
        PutBytes(p[NexmarkField.PersonCity], city);
        var state = UsStates[random.NextInt(UsStates.Length)];
        PutBytes(p[NexmarkField.PersonState], state);
        PutLong(p[NexmarkField.PersonDateTime], timestamp * 1000);

        int currentSize = 8 + nameLength + emailLength + 19 + city.Length + state.Length;
        NextExtra(ref random, currentSize, _config.AvgPersonBytes, p[NexmarkField.PersonExtra]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteAuction(long eventId)
    {
        var random = RandomFor(eventId);
        long timestamp = _config.TimestampForEvent(eventId);
        var a = _auction;
        long id = _config.LastBase0AuctionId(eventId) + NexmarkConfig.FirstAuctionId;

        long seller;
        if (random.NextInt(_config.HotSellersRatio) > 0)
            seller = _config.LastBase0PersonId(eventId) / HotSellerRatio100 * HotSellerRatio100;
        else
            seller = NextBase0PersonId(eventId, ref random);
        seller += NexmarkConfig.FirstPersonId;
        long category = NexmarkConfig.FirstCategoryId + random.NextInt(NumCategories);
        long initialBid = NextPrice(ref random);
        long expires = timestamp + NextAuctionLengthMs(eventId, ref random, timestamp);

        var s = _scratch.AsSpan();
        int nameLength = NextString(ref random, 20, ' ', s);
        PutBytes(a[NexmarkField.AuctionItemName], s[..nameLength]);
        int descriptionLength = NextString(ref random, 100, ' ', s);
        PutBytes(a[NexmarkField.AuctionDescription], s[..descriptionLength]);
        long reserve = initialBid + NextPrice(ref random);

        PutLong(a[NexmarkField.AuctionId], id);
        PutLong(a[NexmarkField.AuctionInitialBid], initialBid);
        PutLong(a[NexmarkField.AuctionReserve], reserve);
        PutLong(a[NexmarkField.AuctionDateTime], timestamp * 1000);
        PutLong(a[NexmarkField.AuctionExpires], expires * 1000);
        PutLong(a[NexmarkField.AuctionSeller], seller);
        PutLong(a[NexmarkField.AuctionCategory], category);
        int currentSize = 8 + nameLength + descriptionLength + 8 + 8 + 8 + 8 + 8;
        NextExtra(ref random, currentSize, _config.AvgAuctionBytes, a[NexmarkField.AuctionExtra]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteBid(long eventId)
    {
        var random = RandomFor(eventId);
        long timestamp = _config.TimestampForEvent(eventId);
        var b = _bid;

        long auction;
        if (random.NextInt(_config.HotAuctionRatio) > 0)
            auction = _config.LastBase0AuctionId(eventId) / HotAuctionRatio100 * HotAuctionRatio100;
        else
            auction = NextBase0AuctionId(eventId, ref random);
        auction += NexmarkConfig.FirstAuctionId;

        long bidder;
        if (random.NextInt(_config.HotBiddersRatio) > 0)
            bidder = _config.LastBase0PersonId(eventId) / HotBidderRatio100 * HotBidderRatio100 + 1;
        else
            bidder = NextBase0PersonId(eventId, ref random);
        bidder += NexmarkConfig.FirstPersonId;

        long price = NextPrice(ref random);
        PutLong(b[NexmarkField.BidAuction], auction);
        PutLong(b[NexmarkField.BidBidder], bidder);
        PutLong(b[NexmarkField.BidPrice], price);
        PutLong(b[NexmarkField.BidDateTime], timestamp * 1000);
        // Channel, url and extra are drawn last, in that order: what a query does not read is not drawn at all, and the
        // fields before it come out the same (each event has its own random sequence).
        if (b[NexmarkField.BidChannel] is null && b[NexmarkField.BidUrl] is null && b[NexmarkField.BidExtra] is null) return;

        var table = ChannelTable.Value;
        byte[] channel, url;
        if (random.NextInt(HotChannelsRatio) > 0)
        {
            int i = random.NextInt(HotChannels.Length);
            channel = HotChannels[i];
            url = table.HotUrls[i];
        }
        else
        {
            int c = random.NextInt(ChannelsNumber);
            channel = table.Channels[c];
            url = table.Urls[c];
        }

        PutBytes(b[NexmarkField.BidChannel], channel);
        PutBytes(b[NexmarkField.BidUrl], url);
        NextExtra(ref random, 8 + 8 + 8 + 8, _config.AvgBidBytes, b[NexmarkField.BidExtra]);
    }

    private long NextBase0PersonId(long eventId, ref JavaRandom random)
    {
        long numPeople = _config.LastBase0PersonId(eventId) + 1;
        long activePeople = Math.Min(numPeople, NexmarkConfig.NumActivePeople);
        long n = NextLong(ref random, activePeople + PersonIdLead);
        return numPeople - activePeople + n;
    }

    private long NextBase0AuctionId(long eventId, ref JavaRandom random)
    {
        long maxAuction = _config.LastBase0AuctionId(eventId);
        long minAuction = Math.Max(maxAuction - NexmarkConfig.NumInFlightAuctions, 0);
        return minAuction + NextLong(ref random, maxAuction - minAuction + 1 + AuctionIdLead);
    }

    private long NextAuctionLengthMs(long eventNumber, ref JavaRandom random, long timestamp)
    {
        long numEventsForAuctions = (long)NexmarkConfig.NumInFlightAuctions * _config.TotalProportion / _config.AuctionProportion;
        long futureAuction = _config.TimestampForEvent(eventNumber + numEventsForAuctions);
        long horizonMs = futureAuction - timestamp;
        return 1L + NextLong(ref random, Math.Max(horizonMs * 2, 1L));
    }

    private static long NextLong(ref JavaRandom random, long n) =>
        n < int.MaxValue ? random.NextInt((int)n) : Math.Abs(random.NextLong() % n);

    private static long NextPrice(ref JavaRandom random) => (long)Math.Floor(Math.Pow(10.0, random.NextDouble() * 6.0) * 100.0 + 0.5);

    /// <summary>StringsGenerator.nextString: 3..maxLength-1 letters with a 1 in 13 chance of <paramref name="special"/>, trimmed of spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NextString(ref JavaRandom random, int maxLength, char special, Span<byte> output)
    {
        int len = MinStringLength + random.NextInt(maxLength - MinStringLength);
        for (int i = 0; i < len; i++)
            output[i] = random.NextInt(13) == 0 ? (byte)special : (byte)('a' + random.NextInt(26));
        int start = 0, end = len;
        while (start < end && output[start] == ' ') start++;
        while (end > start && output[end - 1] == ' ') end--;
        if (start > 0) output[start..end].CopyTo(output);
        return end - start;
    }

    /// <summary>StringsGenerator.nextExtra / nextExactString: padding so that the entity averages the configured size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void NextExtra(ref JavaRandom random, int currentSize, int desiredAverageSize, ColumnBuilder? column)
    {
        // Extra is the last value drawn for every entity: when it is not read, nothing after it depends on its draws.
        if (column is null) return;
        int length = 0;
        if (currentSize <= desiredAverageSize)
        {
            desiredAverageSize -= currentSize;
            int delta = (int)Math.Round(desiredAverageSize * 0.2, MidpointRounding.AwayFromZero);
            int minSize = desiredAverageSize - delta;
            length = minSize + (delta == 0 ? 0 : random.NextInt(2 * delta));
        }
        Span<byte> span = column.ReserveSpan(length);
        int rnd = 0, left = 0;
        for (int i = 0; i < length; i++)
        {
            if (left == 0)
            {
                rnd = random.NextInt();
                left = 6;
            }
            // Java's % keeps the sign, so (like the original) characters range from 'H' to 'z'.
            span[i] = (byte)('a' + rnd % 26);
            rnd /= 26;
            left--;
        }
        column.CommitSpan(length);
    }

    private static void PutLong(ColumnBuilder? column, long value) => column?.AppendInt64(value);

    private static void PutBytes(ColumnBuilder? column, ReadOnlySpan<byte> value) => column?.AppendUtf8(value);

    private static byte[][] Utf8(string commaSeparated)
    {
        var parts = commaSeparated.Split(',');
        var result = new byte[parts.Length][];
        for (int i = 0; i < parts.Length; i++) result[i] = Encoding.UTF8.GetBytes(parts[i]);
        return result;
    }

    /// <summary>
    /// Channel names and URLs. Flink's generator draws the URLs from an unseeded random once per process; here they are
    /// seeded by channel number so every subtask and run agrees.
    /// </summary>
    private static (byte[][], byte[][], byte[][]) BuildChannelTable()
    {
        var hot = new byte[HotChannels.Length][];
        for (int i = 0; i < hot.Length; i++)
        {
            var r = new JavaRandom(-1 - i);
            hot[i] = Encoding.UTF8.GetBytes(BaseUrl(ref r));
        }
        var channels = new byte[ChannelsNumber][];
        var urls = new byte[ChannelsNumber][];
        for (int c = 0; c < ChannelsNumber; c++)
        {
            var r = new JavaRandom(c);
            var url = BaseUrl(ref r);
            if (r.NextInt(10) > 0) url += "&channel_id=" + Math.Abs((long)ReverseBits(c)).ToString(CultureInfo.InvariantCulture);
            channels[c] = Encoding.UTF8.GetBytes("channel-" + c.ToString(CultureInfo.InvariantCulture));
            urls[c] = Encoding.UTF8.GetBytes(url);
        }
        return (hot, channels, urls);
    }

    private static string BaseUrl(ref JavaRandom random)
    {
        Span<byte> part = stackalloc byte[8];
        var sb = new StringBuilder("https://www.nexmark.com/");
        for (int i = 0; i < 3; i++)
        {
            int n = NextString(ref random, 5, '_', part);
            sb.Append(Encoding.ASCII.GetString(part[..n])).Append('/');
        }
        return sb.Append("item.htm?query=1").ToString();
    }

    private static int ReverseBits(int value)
    {
        uint v = (uint)value, r = 0;
        for (int i = 0; i < 32; i++)
        {
            r = (r << 1) | (v & 1);
            v >>= 1;
        }
        return (int)r;
    }
}
