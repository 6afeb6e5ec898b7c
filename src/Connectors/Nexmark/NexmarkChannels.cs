using System.Globalization;
using System.Runtime.CompilerServices;
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
    private static ReadOnlySpan<byte> NameStart => "channel-"u8;
    private const int MaxUrlBytes = 24 + 15 + 16 + 12 + 10;

    public static NexmarkChannels Instance { get; } = new();

    private readonly byte[][] _hotNames = new byte[HotCount][];
    private readonly byte[][] _hotUrls = new byte[HotCount][];
    private readonly byte[] _paths = new byte[Count * PathBytes];
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
        if (name is not null)
        {
            var span = name.ReserveSpan(NameStart.Length + 10);
            NameStart.CopyTo(span);
            channel.TryFormat(span[NameStart.Length..], out int digits, default, CultureInfo.InvariantCulture);
            name.CommitSpan(NameStart.Length + digits);
        }
        if (url is not null) AppendUrl(channel, url);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AppendUrl(int channel, ColumnBuilder url)
    {
        var record = _paths.AsSpan(channel * PathBytes, PathBytes);
        int pathLength = record[0] & ~HasIdFlag;
        var span = url.ReserveSpan(MaxUrlBytes);
        UrlStart.CopyTo(span);
        int n = UrlStart.Length;
        record.Slice(1, pathLength).CopyTo(span[n..]);
        n += pathLength;
        UrlEnd.CopyTo(span[n..]);
        n += UrlEnd.Length;
        if ((record[0] & HasIdFlag) != 0)
        {
            IdStart.CopyTo(span[n..]);
            n += IdStart.Length;
            _ids[channel].TryFormat(span[n..], out int digits, default, CultureInfo.InvariantCulture);
            n += digits;
        }
        url.CommitSpan(n);
    }

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
