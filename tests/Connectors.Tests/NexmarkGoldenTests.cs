using System.Buffers.Binary;
using System.Security.Cryptography;
using Apache.Arrow;
using StreamSql.Connectors.Nexmark;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>
/// Pins the generator's output: a SHA-256 of every value of the first events of each kind (the raw column values, not
/// their text), recorded from the generator as it was before its rewrite for speed, so any change to one value of one
/// event fails. Queries, their expected results and benchmark ratios all rest on the stream staying the same.
/// </summary>
public sealed class NexmarkGoldenTests
{
    private static readonly (string, string)[] Defaults =
        { ("connector", "nexmark"), ("events.num", "200000"), ("max-emit-speed", "true"), ("base-time", "2024-01-01 00:00:00") };

    // Smaller and larger paddings (an entity already past its average gets no extra), other proportions, hot ratios that
    // are not powers of two (Java's rejection loop) or 1 (never hot), a seed and another rate.
    private static readonly (string, string)[] Unusual =
    {
        ("connector", "nexmark"), ("events.num", "30000"), ("max-emit-speed", "true"), ("base-time", "1700000000123"),
        ("seed", "-12345"), ("first-event.rate", "777"), ("bid.avg-size", "40"), ("auction.avg-size", "3kb"),
        ("person.avg-size", "30"), ("person.proportion", "3"), ("auction.proportion", "5"), ("bid.proportion", "7"),
        ("bid.hot-ratio.auctions", "3"), ("bid.hot-ratio.bidders", "1"), ("auction.hot-ratio.sellers", "7"),
    };

    [Theory]
    [InlineData("bid", false, 184_000, "34F4071EAD9C383886BC60787660EDEBA4632D59B9B0E4BF84167E11A72B50CD")]
    [InlineData("auction", false, 12_000, "FC00315808938FA9018EB09BA7A58AA5913FDD3B2BB8AB8CDF94C64279FB20FF")]
    [InlineData("person", false, 4_000, "A5D8438B85F30B3D76084D465F64F0B7B92624EFC415C2E8A5EC25FFCCE02F13")]
    [InlineData("event", false, 200_000, "03555A195F7282D26D4746A7E35C16310AF1BEBAD4F4655A8CA1EB1258F49D68")]
    [InlineData("bid", true, 14_000, "6AA0FB4481CC95CC3ED3AC0E932B233AC4389181641682DEC011CE1030A8F58C")]
    [InlineData("auction", true, 10_000, "A7096D4CCA161BFBDA020EA8C9E54F38299C0129BB47A0AE38B79032418EEEF0")]
    [InlineData("person", true, 6_000, "30E2695E026C977CF7110895222D625CE9B7BED01C07F6FAF3F3130C4AE8CD5C")]
    [InlineData("event", true, 30_000, "519993CDECCBA9CBB70788F850D2005883A6567E6192065BFD24731E09B70422")]
    public async Task Generated_events_are_the_recorded_ones(string entity, bool unusual, int rows, string sha256)
    {
        var columns = entity switch
        {
            "bid" => NexmarkTests.BidColumns,
            "auction" => NexmarkTests.AuctionColumns,
            "person" => NexmarkTests.PersonColumns,
            _ => NexmarkTests.EventColumns,
        };
        var options = (unusual ? Unusual : Defaults).Append(("table", entity)).ToArray();
        var table = Table(entity, columns, options);
        var batches = await ReadAll(new NexmarkConnector().CreateReader(), ReaderContext(table, maxBatchRows: 1000));
        Assert.Equal(rows, batches.Sum(b => b.Length));
        var actual = Hash(batches);
        Assert.True(actual == sha256, $"the {entity} rows{(unusual ? " (unusual options)" : "")} hash to {actual}, not the recorded {sha256}");
    }

    /// <summary>Subtasks generate their residue classes of the same stream: the union of two subtasks is the same set.</summary>
    [Fact]
    public async Task Two_subtasks_generate_the_recorded_bids_between_them()
    {
        var table = Table("bid", NexmarkTests.BidColumns, Defaults.Append(("table", "bid")).ToArray());
        var one = await ReadAll(new NexmarkConnector().CreateReader(), ReaderContext(table, 0, 2, maxBatchRows: 512));
        var other = await ReadAll(new NexmarkConnector().CreateReader(), ReaderContext(table, 1, 2, maxBatchRows: 512));
        var rows = RowHashes(one).Concat(RowHashes(other)).Order(StringComparer.Ordinal).ToList();
        var single = RowHashes(await ReadAll(new NexmarkConnector().CreateReader(), ReaderContext(table))).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(single, rows);
    }

    internal static string Hash(IEnumerable<RecordBatch> batches)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var batch in batches)
            for (int r = 0; r < batch.Length; r++)
                for (int c = 0; c < batch.ColumnCount; c++)
                    Append(hash, batch.Column(c), r);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static IEnumerable<string> RowHashes(IEnumerable<RecordBatch> batches)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var batch in batches)
            for (int r = 0; r < batch.Length; r++)
            {
                for (int c = 0; c < batch.ColumnCount; c++) Append(hash, batch.Column(c), r);
                yield return Convert.ToHexString(hash.GetHashAndReset());
            }
    }

    /// <summary>A null as one byte 0; a value as 1, then its bytes (strings length-prefixed).</summary>
    private static void Append(IncrementalHash hash, IArrowArray array, int row)
    {
        Span<byte> buffer = stackalloc byte[8];
        if (array.IsNull(row))
        {
            hash.AppendData([0]);
            return;
        }
        hash.AppendData([1]);
        switch (array)
        {
            case Int64Array longs:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, longs.GetValue(row)!.Value);
                hash.AppendData(buffer);
                break;
            case TimestampArray times:
                BinaryPrimitives.WriteInt64LittleEndian(buffer, times.Values[row]);
                hash.AppendData(buffer);
                break;
            case Int32Array ints:
                BinaryPrimitives.WriteInt32LittleEndian(buffer, ints.GetValue(row)!.Value);
                hash.AppendData(buffer[..4]);
                break;
            case StringArray strings:
                var bytes = strings.GetBytes(row);
                BinaryPrimitives.WriteInt32LittleEndian(buffer, bytes.Length);
                hash.AppendData(buffer[..4]);
                hash.AppendData(bytes);
                break;
            case StructArray nested:
                foreach (var field in nested.Fields) Append(hash, field, row);
                break;
            default:
                throw new NotSupportedException(array.GetType().Name);
        }
    }
}
