using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;

namespace StreamSql.Execution.Tests.Columns;

/// <summary>
/// Pins the two persisted encodings of column values to the bits they had when checkpoints were first written with them:
/// the key hash (<see cref="ColumnHasher"/>: it decides the key group, which places keyed state in a checkpoint and routes
/// rows to subtasks) and the state key bytes (<see cref="KeySerializer"/>: stored in checkpoints and savepoints). A change
/// to either silently loses or misplaces restored state, so any change here must come with a state migration.
/// </summary>
public sealed class PinnedFormatTests
{
    // Recorded from the implementation before the column layer (commit e4d455d). Spot checks by hand: 2^40 hashes to
    // (int)(2^40 ^ 2^8) = 256 (Java's Long.hashCode); -7 to (int)(-7 ^ 0xFFFFFFFF) = 6; "" to murmur3("", 42) = 142593372.
    public static TheoryData<string, string> Hashes => new()
    {
        { "boolean", "1231,1237,0" },
        { "int8", "0,127,0,127" },
        { "int16", "299,32767,0" },
        { "int32", "0,6,2147483647,0" },
        { "int64", "256,0,-2147483648,0" },
        { "float", "1073217536,0,2146959360,0,-1048576" },
        { "double", "-1507852285,0,2146959360,0,-164130400" },
        { "decimal(38,10)", "755401863,0,0,3827136" },
        { "date32", "19723,0,0" },
        { "time32(ms)", "0,0,86399999" },
        { "timestamp(us)", "520805857,0,0" },
        { "timestamp(ns, UTC)", "1892194528,1892194529,-2147483648" },
        { "duration(ms)", "3600000,499" },
        { "utf8", "142593372,-488910111,0,436265742,-1144136182" },
        { "binary", "750506416,0,142593372" },
        { "utf8 sliced", "861554165,0,1383624001" },
        { "int64 sliced", "0,5,2" },
        { "null", "0,0" },
        { "row(int, string)", "831650953,62,-1609090948" },
        { "array<bigint>", "994,0,965" },
    };

    // Presence byte, then: zig-zag varints for integer-backed kinds (-1 = 01, 127 = FE01), raw little-endian FLOAT/DOUBLE
    // with -0.0 as 0.0 and one NaN, the 16 unscaled bytes of a DECIMAL, a varint length and the bytes of a string.
    public static TheoryData<string, string> Keys => new()
    {
        { "boolean", "0101,0100,00" },
        { "int8", "0101,01FE01,00,01FF01" },
        { "int16", "01D704,01FEFF03,00" },
        { "int32", "0100,010D,01FFFFFFFF0F,00" },
        { "int64", "01808080808040,0101,01FEFFFFFFFFFFFFFFFF01,00" },
        { "float", "010000C03F,0100000000,010000C0FF,00,01000080FF" },
        { "double", "019A9999999999B93F,010000000000000000,01000000000000F8FF,00,019C7500883CE4377E" },
        { "decimal(38,10)", "014EF338DE509049C4133302F0F6B04909,01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF,00,0140E20100000000000000000000000000" },
        { "date32", "0196B402,00,0100" },
        { "time32(ms)", "0100,00,01FEEFB252" },
        { "timestamp(us)", "0180C0E6F0A3F88606,0101,00" },
        { "timestamp(ns, UTC)", "01AAECE8EBACFDC1F52C,01A8ECE8EBACFDC1F52C,01FFFFFFFFFFFFFFFFFF01" },
        { "duration(ms)", "0180BAB703,01E707" },
        { "utf8", "0100,010568656C6C6F,00,0106C3A4C3B6C3BC,0109466C696E6B2053514C" },
        { "binary", "010300FF01,00,0100" },
        { "utf8 sliced", "010162,00,01026364" },
        { "int64 sliced", "00,010A,0105" },
        { "null", "00,00" },
    };

    [Theory]
    [MemberData(nameof(Hashes))]
    public void Column_hashes_are_pinned(string column, string expected) => Assert.Equal(expected, HashesOf(column));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Key_bytes_are_pinned(string column, string expected) => Assert.Equal(expected, KeysOf(column));

    [Fact]
    public void Hashes_fold_over_columns_in_order()
    {
        var first = Column("int64");
        var second = ArrowArrayFactory.Slice(Column("utf8"), 0, first.Length);
        var folded = new int[first.Length];
        ColumnHasher.Accumulate(first, folded);
        ColumnHasher.Accumulate(second, folded);
        var expected = new int[first.Length];
        var a = new int[first.Length];
        var b = new int[first.Length];
        ColumnHasher.Accumulate(first, a);
        ColumnHasher.Accumulate(second, b);
        for (int i = 0; i < expected.Length; i++) expected[i] = 31 * a[i] + b[i];
        Assert.Equal(expected, folded);
    }

    internal static string HashesOf(string column)
    {
        var array = Column(column);
        var hashes = new int[array.Length];
        ColumnHasher.Accumulate(array, hashes);
        return string.Join(",", hashes);
    }

    internal static string KeysOf(string column)
    {
        var array = Column(column);
        var schema = new Schema.Builder().Field(f => f.Name("k").DataType(array.Data.DataType).Nullable(true)).Build();
        var batch = new RecordBatch(schema, [array], array.Length);
        var serializer = new KeySerializer([0]);
        var keys = new string[array.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = Convert.ToHexString(serializer.Serialize(batch, i));
        return string.Join(",", keys);
    }

    private static IArrowArray Column(string name)
    {
        foreach (var (n, c) in PinnedColumns.All()) if (n == name) return c;
        foreach (var (n, c) in PinnedColumns.Nested()) if (n == name) return c;
        throw new ArgumentException(name);
    }
}
