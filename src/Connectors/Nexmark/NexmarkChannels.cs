using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// The bids' channels and their URLs (Flink Nexmark's BidGenerator): four hot channels (Google, Facebook, Baidu, Apple)
/// and <see cref="Count"/> others named <c>channel-N</c>. A URL is <c>https://www.nexmark.com/</c>, three random path
/// parts of up to four characters each followed by <c>/</c>, <c>item.htm?query=1</c>, and for nine channels in ten
/// <c>&amp;channel_id=</c> and the channel number's bits reversed. Flink draws the path parts from an unseeded random once
/// per process; here they are seeded by channel number, so every subtask and run agrees.
/// Kept compact — a channel's path parts in 16 bytes, its name and the rest of its URL written when appended — so the
/// table (about 200 KB) stays in cache while bids pick channels at random: a table of whole URLs as separate arrays
/// missed the cache on most bids.
/// </summary>
internal sealed class NexmarkChannels
{
    public const int Count = 10_000;
    public const int HotCount = 4;

    private const int PathBytes = 16; // a length byte (high bit: has a channel_id), then up to 15 bytes
    private const byte HasIdFlag = 0x80;
    private static ReadOnlySpan<byte> UrlStart => "https://www.nexmark.com/"u8;
    private static ReadOnlySpan<byte> UrlEnd => "item.htm?query=1"u8;
    private static ReadOnlySpan<byte> IdStart => "&channel_id="u8;
    /// <summary><see cref="IdStart"/> padded to 16 bytes, for one 16-byte move.</summary>
    private static ReadOnlySpan<byte> IdStartPadded => "&channel_id=\0\0\0\0"u8;
    private static ReadOnlySpan<byte> NameStart => "channel-"u8;
    /// <summary>The URL's longest length, 77 bytes, rounded up for the fixed-size moves that write it (each writes whole
    /// 8- or 16-byte blocks, the bytes past a part overwritten by the next part or left past the committed length).</summary>
    private const int UrlReserve = 24 + 16 + 16 + 16 + 10;
    /// <summary>"00" .. "99": the id's digits two at a time.</summary>
    private static ReadOnlySpan<byte> DigitPairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    public static NexmarkChannels Instance { get; } = new();

    private readonly byte[][] _hotNames = new byte[HotCount][];
    private readonly byte[][] _hotUrls = new byte[HotCount][];
    // One spare record: a path is moved as 16 bytes from the byte after its length, one past its record.
    private readonly byte[] _paths = new byte[(Count + 1) * PathBytes];
    private readonly uint[] _ids = new uint[Count];

    private NexmarkChannels()
    {
        var hotNames = new[] { "Google", "Facebook", "Baidu", "Apple" };
        Span<byte> path = stackalloc byte[PathBytes];
        for (int i = 0; i < HotCount; i++)
        {
            _hotNames[i] = Encoding.UTF8.GetBytes(hotNames[i]);
            var r = new JavaRandom(-1 - i);
            int n = NextPath(ref r, path);
            _hotUrls[i] = [.. UrlStart, .. path[..n], .. UrlEnd];
        }
        for (int c = 0; c < Count; c++)
        {
            var r = new JavaRandom(c);
            var record = _paths.AsSpan(c * PathBytes, PathBytes);
            int n = NextPath(ref r, record[1..]);
            bool hasId = r.NextInt(10) > 0;
            record[0] = (byte)(n | (hasId ? HasIdFlag : 0));
            _ids[c] = (uint)Math.Abs((long)ReverseBits(c));
        }
    }

    /// <summary>Appends hot channel <paramref name="hot"/>'s name and URL to the columns that are read (null: not read).</summary>
    public void AppendHot(int hot, ColumnBuilder? name, ColumnBuilder? url)
    {
        name?.AppendUtf8(_hotNames[hot]);
        url?.AppendUtf8(_hotUrls[hot]);
    }

    /// <summary>Appends channel <paramref name="channel"/>'s name and URL to the columns that are read.</summary>
    public void Append(int channel, ColumnBuilder? name, ColumnBuilder? url)
    {
        if (name is not null) AppendName(channel, name);
        if (url is not null) AppendUrl(channel, url);
    }

    /// <summary>"channel-" and the number (0 .. 9999): its four digits as one 4-byte word, of which the last ones are kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AppendName(int channel, ColumnBuilder name)
    {
        uint c = (uint)channel;
        int digits = c < 10 ? 1 : c < 100 ? 2 : c < 1000 ? 3 : 4;
        uint thousands = c / 1000, hundreds = c / 100 % 10, tens = c / 10 % 10, ones = c % 10;
        uint word = (thousands | hundreds << 8 | tens << 16 | ones << 24) + 0x30303030u;
        var span = name.ReserveSpan(NameStart.Length + 4 + 4);
        ref byte to = ref MemoryMarshal.GetReference(span);
        Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(NameStart)));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, NameStart.Length), word >> (8 * (4 - digits)));
        name.CommitSpan(NameStart.Length + digits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AppendUrl(int channel, ColumnBuilder url)
    {
        ref byte record = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_paths), channel * PathBytes);
        int head = record;
        int pathLength = head & ~HasIdFlag;
        var span = url.ReserveSpan(UrlReserve);
        ref byte to = ref MemoryMarshal.GetReference(span);
        ref byte start = ref MemoryMarshal.GetReference(UrlStart);
        Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<Vector128<byte>>(ref start));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, 16), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 16)));
        int n = UrlStart.Length;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, n), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref record, 1)));
        n += pathLength;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, n), Unsafe.ReadUnaligned<Vector128<byte>>(ref MemoryMarshal.GetReference(UrlEnd)));
        n += UrlEnd.Length;
        if ((head & HasIdFlag) != 0)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, n), Unsafe.ReadUnaligned<Vector128<byte>>(ref MemoryMarshal.GetReference(IdStartPadded)));
            n += IdStart.Length;
            n += WriteDigits(_ids[channel], ref Unsafe.Add(ref to, n));
        }
        url.CommitSpan(n);
    }

    /// <summary>Writes <paramref name="value"/> in decimal (at most 10 digits) at <paramref name="to"/>, two digits at a time
    /// from the end; returns the number of digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteDigits(uint value, ref byte to)
    {
        int digits = CountDigits(value);
        ref byte pairs = ref MemoryMarshal.GetReference(DigitPairs);
        int at = digits;
        while (value >= 100)
        {
            uint rest = value / 100;
            uint pair = value - rest * 100;
            at -= 2;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, at), Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, 2 * (int)pair)));
            value = rest;
        }
        if (value >= 10) Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, 2 * (int)value)));
        else to = (byte)('0' + value);
        return digits;
    }

    private static int CountDigits(uint value)
    {
        // log10 from the bit length (1233 / 4096 ≈ log10 2), then one comparison.
        int t = ((32 - BitOperations.LeadingZeroCount(value | 1)) * 1233) >> 12;
        return t + 1 - ((value | 1) < PowersOf10[t] ? 1 : 0);
    }

    private static ReadOnlySpan<uint> PowersOf10 => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>The three path parts, each followed by '/' (StringsGenerator.nextString(5, '_') each).</summary>
    private static int NextPath(ref JavaRandom random, Span<byte> output)
    {
        int n = 0;
        for (int i = 0; i < 3; i++)
        {
            n += NexmarkEventWriter.NextString(ref random, 5, '_', output[n..]);
            output[n++] = (byte)'/';
        }
        return n;
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
