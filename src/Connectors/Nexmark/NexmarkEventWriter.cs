using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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

    private static readonly byte[][] UsStates = Utf8("AZ,CA,ID,OR,WA,WY");
    private static readonly byte[][] UsCities = Utf8("Phoenix,Los Angeles,San Francisco,Boise,Portland,Bend,Redmond,Seattle,Kent,Cheyenne");
    private static readonly byte[][] FirstNames = Utf8("Peter,Paul,Luke,John,Saul,Vicky,Kate,Julie,Sarah,Deiter,Walter");
    private static readonly byte[][] LastNames = Utf8("Shultz,Abrams,Spencer,White,Bartels,Walton,Smith,Jones,Noris");

    private readonly NexmarkConfig _config;
    private readonly ColumnBuilder?[] _person;
    private readonly ColumnBuilder?[] _auction;
    private readonly ColumnBuilder?[] _bid;
    private readonly byte[] _scratch = new byte[4096];
    // The config's values read for every event, kept in fields of this sealed class (a record property each time costs
    // a call and, for the proportions, an addition).
    private readonly long _seed;
    private readonly int _totalProportion;
    private readonly int _personProportion;
    private readonly int _auctionProportion;
    private readonly int _hotAuctionRatio;
    private readonly int _hotBiddersRatio;
    private readonly int _hotSellersRatio;
    private readonly long _baseTimeMillis;
    private readonly double _interEventDelayMicros;
    private readonly bool _bidReadsChannel;

    public NexmarkEventWriter(NexmarkConfig config, ColumnBuilder?[] person, ColumnBuilder?[] auction, ColumnBuilder?[] bid)
    {
        _config = config;
        _person = person;
        _auction = auction;
        _bid = bid;
        _seed = config.Seed;
        _totalProportion = config.TotalProportion;
        _personProportion = config.PersonProportion;
        _auctionProportion = config.AuctionProportion;
        _hotAuctionRatio = config.HotAuctionRatio;
        _hotBiddersRatio = config.HotBiddersRatio;
        _hotSellersRatio = config.HotSellersRatio;
        _baseTimeMillis = config.BaseTimeMillis;
        _interEventDelayMicros = config.InterEventDelayMicros;
        _bidReadsChannel = bid[NexmarkField.BidChannel] is not null || bid[NexmarkField.BidUrl] is not null;
    }

    /// <summary>Event <paramref name="eventId"/>'s epoch (the event id / the total proportion) and its offset in it (the
    /// remainder): the reader computes them once per event, for <see cref="EventType"/> and the entity's ids.</summary>
    public long Epoch(long eventId, out long offset) => Math.DivRem(eventId, (long)_totalProportion, out offset);

    /// <summary>0 = person, 1 = auction, 2 = bid (Flink Nexmark's event_type), from the event's offset in its epoch.</summary>
    public int EventType(long offset)
    {
        if (offset < _personProportion) return 0;
        return offset < _personProportion + _auctionProportion ? 1 : 2;
    }

    private JavaRandom RandomFor(long eventId) => new(eventId ^ _seed);

    /// <summary><see cref="NexmarkConfig.TimestampForEvent"/> from this writer's fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long TimestampFor(long eventNumber) => _baseTimeMillis + (long)(eventNumber * _interEventDelayMicros) / 1000L;

    public void WritePerson(long eventId, long epoch, long offset)
    {
        var random = RandomFor(eventId);
        long timestamp = TimestampFor(eventId);
        var p = _person;
        PutLong(p[NexmarkField.PersonId], _config.LastBase0PersonId(epoch, offset) + NexmarkConfig.FirstPersonId);

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
        NextExtra(random, currentSize, _config.AvgPersonBytes, p[NexmarkField.PersonExtra]);
    }

    public void WriteAuction(long eventId, long epoch, long offset)
    {
        var random = RandomFor(eventId);
        long timestamp = TimestampFor(eventId);
        var a = _auction;
        long id = _config.LastBase0AuctionId(epoch, offset) + NexmarkConfig.FirstAuctionId;

        long lastPerson = _config.LastBase0PersonId(epoch, offset);
        long seller = random.NextInt(_hotSellersRatio) > 0
            ? lastPerson / HotSellerRatio100 * HotSellerRatio100
            : NextBase0PersonId(lastPerson, ref random);
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
        NextExtra(random, currentSize, _config.AvgAuctionBytes, a[NexmarkField.AuctionExtra]);
    }

    public void WriteBid(long eventId, long epoch, long offset)
    {
        // The random stays in registers: it is only passed by reference to methods that are inlined, and by value to
        // NextExtra, which draws last.
        var random = RandomFor(eventId);
        long timestamp = TimestampFor(eventId);
        var b = _bid;

        long lastAuction = _config.LastBase0AuctionId(epoch, offset);
        long auction = random.NextInt(_hotAuctionRatio) > 0
            ? lastAuction / HotAuctionRatio100 * HotAuctionRatio100
            : NextBase0AuctionId(lastAuction, ref random);
        auction += NexmarkConfig.FirstAuctionId;

        long lastPerson = _config.LastBase0PersonId(epoch, offset);
        long bidder = random.NextInt(_hotBiddersRatio) > 0
            ? lastPerson / HotBidderRatio100 * HotBidderRatio100 + 1
            : NextBase0PersonId(lastPerson, ref random);
        bidder += NexmarkConfig.FirstPersonId;

        long price = NextPrice(ref random);
        PutLong(b[NexmarkField.BidAuction], auction);
        PutLong(b[NexmarkField.BidBidder], bidder);
        PutLong(b[NexmarkField.BidPrice], price);
        PutLong(b[NexmarkField.BidDateTime], timestamp * 1000);
        // Channel, url and extra are drawn last, in that order: what a query does not read is not drawn at all, and the
        // fields before it come out the same (each event has its own random sequence).
        var extra = b[NexmarkField.BidExtra];
        if (!_bidReadsChannel)
        {
            if (extra is null) return;
            // The channel's draws, without the table: one coin, then a hot channel or any channel.
            if (random.NextInt(HotChannelsRatio) > 0) random.NextInt(NexmarkChannels.HotCount);
            else random.NextInt(NexmarkChannels.Count);
        }
        else
        {
            random = WriteChannel(random, b);
        }
        NextExtra(random, 8 + 8 + 8 + 8, _config.AvgBidBytes, extra);
    }

    /// <summary>The bid's channel and url; returns the random after their draws (by value: a reference would keep the
    /// caller's random in memory).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JavaRandom WriteChannel(JavaRandom random, ColumnBuilder?[] b)
    {
        if (random.NextInt(HotChannelsRatio) > 0)
            NexmarkChannels.Instance.AppendHot(random.NextInt(NexmarkChannels.HotCount), b[NexmarkField.BidChannel], b[NexmarkField.BidUrl]);
        else
            NexmarkChannels.Instance.Append(random.NextInt(NexmarkChannels.Count), b[NexmarkField.BidChannel], b[NexmarkField.BidUrl]);
        return random;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long NextBase0PersonId(long lastBase0PersonId, ref JavaRandom random)
    {
        long numPeople = lastBase0PersonId + 1;
        long activePeople = Math.Min(numPeople, NexmarkConfig.NumActivePeople);
        long n = NextLong(ref random, activePeople + PersonIdLead);
        return numPeople - activePeople + n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long NextBase0AuctionId(long lastBase0AuctionId, ref JavaRandom random)
    {
        long maxAuction = lastBase0AuctionId;
        long minAuction = Math.Max(maxAuction - NexmarkConfig.NumInFlightAuctions, 0);
        return minAuction + NextLong(ref random, maxAuction - minAuction + 1 + AuctionIdLead);
    }

    private long NextAuctionLengthMs(long eventNumber, ref JavaRandom random, long timestamp)
    {
        long numEventsForAuctions = (long)NexmarkConfig.NumInFlightAuctions * _totalProportion / _auctionProportion;
        long futureAuction = TimestampFor(eventNumber + numEventsForAuctions);
        long horizonMs = futureAuction - timestamp;
        return 1L + NextLong(ref random, Math.Max(horizonMs * 2, 1L));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long NextLong(ref JavaRandom random, long n) =>
        n < int.MaxValue ? random.NextInt((int)n) : Math.Abs(random.NextLong() % n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long NextPrice(ref JavaRandom random) => NexmarkPrice.Next(ref random);

    /// <summary>StringsGenerator.nextString: 3..maxLength-1 letters with a 1 in 13 chance of <paramref name="special"/>,
    /// trimmed of spaces (leading ones are never written, trailing ones dropped at the end).</summary>
    internal static int NextString(ref JavaRandom random, int maxLength, char special, Span<byte> output)
    {
        int len = MinStringLength + random.NextInt(maxLength - MinStringLength);
        output = output[..len];
        int n = 0;
        for (int i = 0; i < len; i++)
        {
            byte c = random.NextInt(13) == 0 ? (byte)special : (byte)('a' + random.NextInt(26));
            if (n == 0 && c == ' ') continue;
            output[n++] = c;
        }
        while (n > 0 && output[n - 1] == ' ') n--;
        return n;
    }

    /// <summary>StringsGenerator.nextExtra / nextExactString: padding so that the entity averages the configured size.</summary>
    private static void NextExtra(JavaRandom random, int currentSize, int desiredAverageSize, ColumnBuilder? column)
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
        NextExactString(ref random, column.ReserveSpan(length));
        column.CommitSpan(length);
    }

    /// <summary>
    /// nextExactString: each <c>nextInt()</c> gives six characters, <c>'a' + rnd % 26</c> then <c>rnd /= 26</c>. Java's
    /// <c>%</c> and <c>/</c> keep the sign, so a negative draw gives <c>'a' - digit</c> (characters range from 'H' to 'z')
    /// with the digits of its magnitude. The digits are taken two at a time (base 676) from a table of character pairs,
    /// written straight into the column's buffer.
    /// </summary>
    private static void NextExactString(ref JavaRandom random, Span<byte> output)
    {
        int length = output.Length;
        int whole = length - length % 6;
        ref byte pairs = ref MemoryMarshal.GetArrayDataReference(DigitPairs);
        ref byte to = ref MemoryMarshal.GetReference(output);
        var local = random; // kept in a register through the loop, not written back per draw
        for (int i = 0; i < whole; i += 6)
        {
            int rnd = local.NextInt();
            // Branch-free (the sign is a coin toss): all ones when negative. -int.MinValue wraps to itself, whose unsigned
            // value is the magnitude 2^31.
            int sign = rnd >> 31;
            uint magnitude = (uint)((rnd ^ sign) - sign);
            nint table = sign & (DigitPairCount * 2);
            uint high = magnitude / DigitPairCount;
            uint low = magnitude - high * DigitPairCount;
            uint top = high / DigitPairCount;
            uint middle = high - top * DigitPairCount;
            top %= DigitPairCount;
            ref byte at = ref Unsafe.Add(ref to, i);
            Unsafe.WriteUnaligned(ref at, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, table + 2 * (nint)low)));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, 2), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, table + 2 * (nint)middle)));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, 4), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, table + 2 * (nint)top)));
        }
        if (whole < length)
        {
            int last = local.NextInt();
            for (int i = whole; i < length; i++)
            {
                output[i] = (byte)('a' + last % 26);
                last /= 26;
            }
        }
        random = local;
    }

    private const int DigitPairCount = 26 * 26;

    /// <summary>For n in 0..675 the two characters of base-26 digits n % 26 and n / 26: first 'a' + digit (a non-negative
    /// draw), then 'a' - digit (a negative one).</summary>
    private static readonly byte[] DigitPairs = BuildDigitPairs();

    private static byte[] BuildDigitPairs()
    {
        var pairs = new byte[DigitPairCount * 4];
        for (int n = 0; n < DigitPairCount; n++)
        {
            pairs[2 * n] = (byte)('a' + n % 26);
            pairs[2 * n + 1] = (byte)('a' + n / 26);
            pairs[2 * (DigitPairCount + n)] = (byte)('a' - n % 26);
            pairs[2 * (DigitPairCount + n) + 1] = (byte)('a' - n / 26);
        }
        return pairs;
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
}
