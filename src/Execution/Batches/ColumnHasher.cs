using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Batches;

/// <summary>
/// Deterministic hashes of column values, computed a column at a time (the same in every process and run: nothing here
/// depends on <c>string.GetHashCode</c> or other randomized hashes). For a non-null value:
/// <list type="bullet">
/// <item>BOOLEAN: 1231 for true, 1237 for false.</item>
/// <item>integer-backed types (TINYINT..BIGINT, DATE, TIME, TIMESTAMP[_LTZ], INTERVAL): the value widened to a 64-bit v,
/// then <c>(int)(v ^ (v >>> 32))</c> (Java's <c>Long.hashCode</c>), so equal numbers of different widths hash equally.</item>
/// <item>FLOAT/DOUBLE: as a double with -0.0 made 0.0 and every NaN the canonical NaN, then <c>Long.hashCode</c> of its bits.</item>
/// <item>DECIMAL: the unscaled 128-bit value as two little-endian 64-bit words lo, hi: <c>31 * LongHash(lo) + LongHash(hi)</c>.</item>
/// <item>STRING/BYTES: MurmurHash3_x86_32 of the (UTF-8) bytes with seed 42.</item>
/// <item>ROW: fold over fields <c>h = 31 * h + field</c> from 0; ARRAY/MAP: fold over elements (map entries are ROW(key, value)) from 1.</item>
/// </list>
/// A NULL value hashes to 0. All arithmetic wraps around in 32 bits.
/// </summary>
public static class ColumnHasher
{
    public const uint StringSeed = 42;

    /// <summary>For every row i: <c>hashes[i] = 31 * hashes[i] + hash(column[i])</c>.</summary>
    public static void Accumulate(IArrowArray column, Span<int> hashes) => Accumulate(column.Data, hashes);

    public static void Accumulate(ArrayData data, Span<int> hashes)
    {
        int length = data.Length, off = data.Offset;
        var validity = data.NullCount == 0 || data.Buffers.Length == 0 ? ReadOnlySpan<byte>.Empty : data.Buffers[0].Span;
        var type = data.DataType;
        switch (type.TypeId)
        {
            case ArrowTypeId.Null:
                for (int i = 0; i < length; i++) hashes[i] = 31 * hashes[i];
                return;
            case ArrowTypeId.Boolean:
            {
                var bits = data.Buffers[1].Span;
                for (int i = 0; i < length; i++)
                {
                    int b = off + i;
                    int h = (bits[b >> 3] & (1 << (b & 7))) != 0 ? 1231 : 1237;
                    hashes[i] = 31 * hashes[i] + (IsValid(validity, b) ? h : 0);
                }
                return;
            }
            case ArrowTypeId.Int8: AccumulateLongs(MemoryMarshal.Cast<byte, sbyte>(data.Buffers[1].Span).Slice(off, length), validity, off, hashes); return;
            case ArrowTypeId.UInt8: AccumulateLongs(data.Buffers[1].Span.Slice(off, length), validity, off, hashes); return;
            case ArrowTypeId.Int16: AccumulateLongs(MemoryMarshal.Cast<byte, short>(data.Buffers[1].Span).Slice(off, length), validity, off, hashes); return;
            case ArrowTypeId.Int32:
            case ArrowTypeId.Date32:
            case ArrowTypeId.Time32:
                AccumulateLongs(MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(off, length), validity, off, hashes); return;
            case ArrowTypeId.Int64:
            case ArrowTypeId.Date64:
            case ArrowTypeId.Time64:
            case ArrowTypeId.Timestamp:
            case ArrowTypeId.Duration:
                AccumulateLongs(MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span).Slice(off, length), validity, off, hashes); return;
            case ArrowTypeId.Float:
            {
                var values = MemoryMarshal.Cast<byte, float>(data.Buffers[1].Span).Slice(off, length);
                for (int i = 0; i < length; i++)
                    hashes[i] = 31 * hashes[i] + (IsValid(validity, off + i) ? DoubleHash(values[i]) : 0);
                return;
            }
            case ArrowTypeId.Double:
            {
                var values = MemoryMarshal.Cast<byte, double>(data.Buffers[1].Span).Slice(off, length);
                for (int i = 0; i < length; i++)
                    hashes[i] = 31 * hashes[i] + (IsValid(validity, off + i) ? DoubleHash(values[i]) : 0);
                return;
            }
            case ArrowTypeId.Decimal128:
            {
                var words = MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span);
                for (int i = 0; i < length; i++)
                {
                    int r = off + i;
                    int h = IsValid(validity, r) ? 31 * LongHash(words[2 * r]) + LongHash(words[2 * r + 1]) : 0;
                    hashes[i] = 31 * hashes[i] + h;
                }
                return;
            }
            case ArrowTypeId.String:
            case ArrowTypeId.Binary:
            {
                var offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(off, length + 1);
                var bytes = data.Buffers.Length > 2 ? data.Buffers[2].Span : ReadOnlySpan<byte>.Empty;
                for (int i = 0; i < length; i++)
                {
                    int h = IsValid(validity, off + i) ? (int)Murmur3(bytes.Slice(offsets[i], offsets[i + 1] - offsets[i]), StringSeed) : 0;
                    hashes[i] = 31 * hashes[i] + h;
                }
                return;
            }
            case ArrowTypeId.Struct:
            {
                var fieldHashes = new int[length];
                foreach (var child in data.Children)
                {
                    var childData = off == 0 && child.Length == length ? child : child.Slice(off, length);
                    Accumulate(childData, fieldHashes);
                }
                for (int i = 0; i < length; i++)
                    hashes[i] = 31 * hashes[i] + (IsValid(validity, off + i) ? fieldHashes[i] : 0);
                return;
            }
            case ArrowTypeId.List:
            case ArrowTypeId.Map:
            {
                var offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(off, length + 1);
                var child = data.Children[0];
                var elementHashes = new int[child.Length];
                Accumulate(child, elementHashes);
                for (int i = 0; i < length; i++)
                {
                    int h = 0;
                    if (IsValid(validity, off + i))
                    {
                        h = 1;
                        for (int e = offsets[i]; e < offsets[i + 1]; e++) h = 31 * h + elementHashes[e];
                    }
                    hashes[i] = 31 * hashes[i] + h;
                }
                return;
            }
            default:
                throw new NotSupportedException($"hashing of Arrow type {type.Name} is not supported");
        }
    }

    private static void AccumulateLongs<T>(ReadOnlySpan<T> values, ReadOnlySpan<byte> validity, int off, Span<int> hashes)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (validity.IsEmpty)
        {
            for (int i = 0; i < values.Length; i++) hashes[i] = 31 * hashes[i] + LongHash(long.CreateTruncating(values[i]));
            return;
        }
        for (int i = 0; i < values.Length; i++)
            hashes[i] = 31 * hashes[i] + (IsValid(validity, off + i) ? LongHash(long.CreateTruncating(values[i])) : 0);
    }

    private static bool IsValid(ReadOnlySpan<byte> validity, int index) =>
        validity.IsEmpty || (validity[index >> 3] & (1 << (index & 7))) != 0;

    public static int LongHash(long v) => (int)(v ^ (long)((ulong)v >> 32));

    public static int DoubleHash(double v)
    {
        if (v == 0.0) v = 0.0;
        long bits = double.IsNaN(v) ? 0x7ff8000000000000L : BitConverter.DoubleToInt64Bits(v);
        return LongHash(bits);
    }

    /// <summary>MurmurHash3_x86_32.</summary>
    public static uint Murmur3(ReadOnlySpan<byte> data, uint seed)
    {
        const uint c1 = 0xcc9e2d51, c2 = 0x1b873593;
        uint h = seed;
        int blocks = data.Length >> 2;
        for (int b = 0; b < blocks; b++)
        {
            uint k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(b << 2, 4));
            k *= c1; k = BitOperations.RotateLeft(k, 15); k *= c2;
            h ^= k; h = BitOperations.RotateLeft(h, 13); h = h * 5 + 0xe6546b64;
        }
        uint t = 0;
        int tail = blocks << 2;
        switch (data.Length & 3)
        {
            case 3: t ^= (uint)data[tail + 2] << 16; goto case 2;
            case 2: t ^= (uint)data[tail + 1] << 8; goto case 1;
            case 1:
                t ^= data[tail];
                t *= c1; t = BitOperations.RotateLeft(t, 15); t *= c2; h ^= t;
                break;
        }
        h ^= (uint)data.Length;
        return FMix(h);
    }

    internal static uint FMix(uint h)
    {
        h ^= h >> 16; h *= 0x85ebca6b;
        h ^= h >> 13; h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
