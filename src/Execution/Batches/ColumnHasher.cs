using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Apache.Arrow;
using StreamSql.Execution.Columns;

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

    public static void Accumulate(ArrayData data, Span<int> hashes) =>
        ColumnKinds.Accept<ColumnHash, bool>(ColumnKinds.Of(data.DataType), new ColumnHash(new ColumnView(data), hashes));

    /// <summary><c>hashes[i] = 31 * hashes[i] + LongHash(values[i])</c> eight rows at a time (BIGINT and TIMESTAMP keys: a
    /// hash exchange and a join's pending rows hash every row); returns how many rows it did (the rest are the caller's).</summary>
    private static int AccumulateLongs(ReadOnlySpan<long> values, Span<int> hashes)
    {
        if (!Vector256.IsHardwareAccelerated) return 0;
        ref long source = ref MemoryMarshal.GetReference(values);
        ref int target = ref MemoryMarshal.GetReference(hashes);
        int i = 0, n = Math.Min(values.Length, hashes.Length);
        for (; i + 8 <= n; i += 8)
        {
            var low = Vector256.LoadUnsafe(ref source, (nuint)i);
            var high = Vector256.LoadUnsafe(ref source, (nuint)(i + 4));
            // Long.hashCode: the low 32 bits of v ^ (v >>> 32).
            low ^= Vector256.ShiftRightLogical(low, 32);
            high ^= Vector256.ShiftRightLogical(high, 32);
            var folded = Vector256.LoadUnsafe(ref target, (nuint)i) * 31 + Vector256.Narrow(low, high);
            folded.StoreUnsafe(ref target, (nuint)i);
        }
        return i;
    }

    /// <summary>Folds the hash of every row of one column into the hash vector.</summary>
    private readonly ref struct ColumnHash(ColumnView column, Span<int> hashes) : IColumnVisitor<bool>
    {
        private readonly Span<int> _hashes = hashes;

        public bool Null()
        {
            for (int i = 0; i < column.Length; i++) _hashes[i] = 31 * _hashes[i];
            return true;
        }

        public bool Boolean()
        {
            var validity = column.Validity;
            for (int i = 0; i < column.Length; i++)
            {
                int h = column.GetBoolean(i) ? 1231 : 1237;
                _hashes[i] = 31 * _hashes[i] + (validity.IsValid(i) ? h : 0);
            }
            return true;
        }

        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            var values = column.Values<T>();
            var validity = column.Validity;
            if (validity.AllValid)
            {
                int i = typeof(T) == typeof(long) ? AccumulateLongs(MemoryMarshal.Cast<T, long>(values), _hashes) : 0;
                for (; i < values.Length; i++) _hashes[i] = 31 * _hashes[i] + LongHash(long.CreateTruncating(values[i]));
                return true;
            }
            for (int i = 0; i < values.Length; i++)
                _hashes[i] = 31 * _hashes[i] + (validity.IsValid(i) ? LongHash(long.CreateTruncating(values[i])) : 0);
            return true;
        }

        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var values = column.Values<T>();
            var validity = column.Validity;
            for (int i = 0; i < values.Length; i++)
                _hashes[i] = 31 * _hashes[i] + (validity.IsValid(i) ? DoubleHash(double.CreateTruncating(values[i])) : 0);
            return true;
        }

        public bool Decimal()
        {
            var values = column.Values<Int128>();
            var validity = column.Validity;
            for (int i = 0; i < values.Length; i++)
            {
                var v = values[i];
                int h = validity.IsValid(i) ? 31 * LongHash((long)(ulong)v) + LongHash((long)(v >> 64)) : 0;
                _hashes[i] = 31 * _hashes[i] + h;
            }
            return true;
        }

        public bool Bytes(bool utf8)
        {
            var offsets = column.Offsets;
            var bytes = column.ValueBytes;
            var validity = column.Validity;
            for (int i = 0; i < column.Length; i++)
            {
                int h = validity.IsValid(i) ? (int)Murmur3(bytes.Slice(offsets[i], offsets[i + 1] - offsets[i]), StringSeed) : 0;
                _hashes[i] = 31 * _hashes[i] + h;
            }
            return true;
        }

        public bool Struct()
        {
            var data = column.Data;
            int length = data.Length, off = data.Offset;
            var fieldHashes = new int[length];
            foreach (var child in data.Children)
                Accumulate(off == 0 && child.Length == length ? child : child.Slice(off, length), fieldHashes);
            var validity = column.Validity;
            for (int i = 0; i < length; i++)
                _hashes[i] = 31 * _hashes[i] + (validity.IsValid(i) ? fieldHashes[i] : 0);
            return true;
        }

        public bool List()
        {
            var offsets = column.Offsets;
            var child = column.Data.Children[0];
            var elementHashes = new int[child.Length];
            Accumulate(child, elementHashes);
            var validity = column.Validity;
            for (int i = 0; i < column.Length; i++)
            {
                int h = 0;
                if (validity.IsValid(i))
                {
                    h = 1;
                    for (int e = offsets[i]; e < offsets[i + 1]; e++) h = 31 * h + elementHashes[e];
                }
                _hashes[i] = 31 * _hashes[i] + h;
            }
            return true;
        }
    }

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
