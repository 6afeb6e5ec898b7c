using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Tests.Columns;

/// <summary>One Arrow column of every physical kind the runtime uses, with nulls, edge values and a sliced array, for
/// the tests that pin hashes and key bytes (both are persisted: key groups place checkpointed state, keys are stored).</summary>
internal static class PinnedColumns
{
    public static IEnumerable<(string Name, IArrowArray Column)> All()
    {
        yield return ("boolean", new BooleanArray.Builder().Append(true).Append(false).AppendNull().Build());
        yield return ("int8", new Int8Array.Builder().Append(-1).Append(sbyte.MaxValue).AppendNull().Append(sbyte.MinValue).Build());
        yield return ("int16", new Int16Array.Builder().Append(-300).Append(short.MaxValue).AppendNull().Build());
        yield return ("int32", new Int32Array.Builder().Append(0).Append(-7).Append(int.MinValue).AppendNull().Build());
        yield return ("int64", new Int64Array.Builder().Append(1L << 40).Append(-1).Append(long.MaxValue).AppendNull().Build());
        yield return ("float", new FloatArray.Builder().Append(1.5f).Append(-0.0f).Append(float.NaN).AppendNull().Append(float.NegativeInfinity).Build());
        yield return ("double", new DoubleArray.Builder().Append(0.1).Append(-0.0).Append(-double.NaN).AppendNull().Append(1e300).Build());
        yield return ("decimal(38,10)", Fixed(new Decimal128Type(38, 10), new[]
        {
            Int128.Parse("12345678901234567890123456789012345678"), Int128.NegativeOne, Int128.Zero, (Int128)123456,
        }, nullAt: 2));
        yield return ("date32", new Date32Array(new ArrayData(Date32Type.Default, 3, 1, 0,
            [Validity(3, 1), Values(new[] { 19_723, -1, 0 })])));
        yield return ("time32(ms)", Fixed(new Time32Type(TimeUnit.Millisecond), new[] { 0, 43_200_123, 86_399_999 }, nullAt: 1));
        yield return ("timestamp(us)", Fixed(new TimestampType(TimeUnit.Microsecond, (string?)null),
            new[] { 1_704_110_400_000_000L, -1L, 0L }, nullAt: 2));
        yield return ("timestamp(ns, UTC)", Fixed(new TimestampType(TimeUnit.Nanosecond, "UTC"),
            new[] { 1_618_344_731_123_456_789L, 1_618_344_731_123_456_788L, long.MinValue }, nullAt: -1));
        yield return ("duration(ms)", Fixed(DurationType.Millisecond, new[] { 3_600_000L, -500L }, nullAt: -1));
        yield return ("utf8", new StringArray.Builder().Append("").Append("hello").AppendNull().Append("äöü").Append("Flink SQL").Build());
        yield return ("binary", new BinaryArray.Builder().Append(new byte[] { 0, 255, 1 }).AppendNull().Append(System.Array.Empty<byte>()).Build());
        yield return ("utf8 sliced", new StringArray.Builder().Append("skipped").Append("b").AppendNull().Append("cd").Build().Slice(1, 3));
        yield return ("int64 sliced", new Int64Array.Builder().Append(99).AppendNull().Append(5).Append(-3).Build().Slice(1, 3));
        yield return ("null", new NullArray(2));
    }

    /// <summary>Nested kinds: hashed (Hash exchange of ROW / ARRAY columns), never keys of state.</summary>
    public static IEnumerable<(string Name, IArrowArray Column)> Nested()
    {
        var structType = new StructType(new List<Field>
        {
            new("a", Int32Type.Default, true),
            new("b", StringType.Default, true),
        });
        var a = new Int32Array.Builder().Append(1).Append(2).AppendNull().Build();
        var b = new StringArray.Builder().Append("x").AppendNull().Append("z").Build();
        yield return ("row(int, string)", new StructArray(structType, 3, new IArrowArray[] { a, b }, ArrowBuffer.Empty, 0));
        var listType = new ListType(new Field("element", Int64Type.Default, true));
        var elements = new Int64Array.Builder().Append(1).Append(2).AppendNull().Append(4).Build();
        var offsets = new ArrowBuffer(MemoryMarshal.AsBytes(new[] { 0, 2, 2, 4 }.AsSpan()).ToArray());
        yield return ("array<bigint>", new ListArray(listType, 3, offsets, elements, Validity(3, 1), 1));
    }

    private static IArrowArray Fixed<T>(IArrowType type, T[] values, int nullAt) where T : unmanaged
    {
        int nulls = nullAt >= 0 ? 1 : 0;
        return ArrowArrayFactory.BuildArray(new ArrayData(type, values.Length, nulls, 0,
            [nulls == 0 ? ArrowBuffer.Empty : Validity(values.Length, nullAt), Values(values)]));
    }

    private static ArrowBuffer Values<T>(T[] values) where T : unmanaged =>
        new(MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static ArrowBuffer Validity(int length, int nullAt)
    {
        var bits = new byte[(length + 7) / 8];
        for (int i = 0; i < length; i++) if (i != nullAt) bits[i >> 3] |= (byte)(1 << (i & 7));
        return new ArrowBuffer(bits);
    }
}
