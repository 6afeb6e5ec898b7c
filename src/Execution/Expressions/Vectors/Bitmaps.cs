using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>
/// Validity bitmaps (Arrow layout: bit i of byte i/8, 1 = valid) normalised to offset 0, combined a 64-bit word at a time.
/// A null bitmap means "all rows valid".
/// </summary>
internal static class Bitmaps
{
    public static int ByteLength(int length) => (length + 7) >> 3;

    public static bool Get(ReadOnlySpan<byte> bits, int index) => (bits[index >> 3] & (1 << (index & 7))) != 0;

    public static void Set(Span<byte> bits, int index) => bits[index >> 3] |= (byte)(1 << (index & 7));

    public static void Clear(Span<byte> bits, int index) => bits[index >> 3] &= (byte)~(1 << (index & 7));

    public static bool IsValid(byte[]? validity, int index) => validity is null || (validity[index >> 3] & (1 << (index & 7))) != 0;

    /// <summary>A copy of the array's validity at offset 0, or null when it has no nulls.</summary>
    public static byte[]? Validity(IArrowArray array)
    {
        if (array.NullCount == 0) return null;
        if (array.Data.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null) return new byte[ByteLength(array.Length)];
        var result = new byte[ByteLength(array.Length)];
        CopyInto(array, result);
        return result;
    }

    /// <summary>Copies the array's validity bits (offset-adjusted) into <paramref name="target"/>.</summary>
    private static void CopyInto(IArrowArray array, byte[] target)
    {
        var source = array.Data.Buffers[0].Span;
        int offset = array.Offset;
        int length = array.Length;
        if ((offset & 7) == 0)
        {
            source.Slice(offset >> 3, ByteLength(length)).CopyTo(target);
            return;
        }
        for (int i = 0; i < length; i++)
            if (Get(source, offset + i)) Set(target, i);
    }

    /// <summary>Rows valid in both arrays (null when both have no nulls).</summary>
    public static byte[]? And(IArrowArray a, IArrowArray b)
    {
        if (a.NullCount == 0) return Validity(b);
        if (b.NullCount == 0) return Validity(a);
        var result = Validity(a)!;
        AndInPlace(result, b);
        return result;
    }

    /// <summary>Clears in <paramref name="target"/> the rows that are null in <paramref name="array"/>.</summary>
    public static void AndInPlace(byte[] target, IArrowArray array)
    {
        if (array.NullCount == 0) return;
        if (array.Data.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null) { System.Array.Clear(target); return; }
        int offset = array.Offset;
        if ((offset & 7) == 0)
        {
            AndInPlace(target, array.Data.Buffers[0].Span.Slice(offset >> 3, ByteLength(array.Length)));
            return;
        }
        var other = Validity(array)!;
        AndInPlace(target, other);
    }

    /// <summary>target &amp;= source, eight bytes at a time.</summary>
    public static void AndInPlace(Span<byte> target, ReadOnlySpan<byte> source)
    {
        int n = Math.Min(target.Length, source.Length);
        int words = n >> 3;
        var tw = MemoryMarshal.Cast<byte, ulong>(target[..(words << 3)]);
        var sw = MemoryMarshal.Cast<byte, ulong>(source[..(words << 3)]);
        for (int i = 0; i < tw.Length; i++) tw[i] &= sw[i];
        for (int i = words << 3; i < n; i++) target[i] &= source[i];
    }

    /// <summary>Number of valid rows among the first <paramref name="length"/>.</summary>
    public static int CountValid(ReadOnlySpan<byte> bits, int length)
    {
        int full = length >> 3;
        int count = 0;
        int words = full >> 3;
        var w = MemoryMarshal.Cast<byte, ulong>(bits[..(words << 3)]);
        for (int i = 0; i < w.Length; i++) count += BitOperations.PopCount(w[i]);
        for (int i = words << 3; i < full; i++) count += BitOperations.PopCount((uint)bits[i]);
        for (int i = full << 3; i < length; i++) if (Get(bits, i)) count++;
        return count;
    }

    public static int NullCount(byte[]? validity, int length) => validity is null ? 0 : length - CountValid(validity, length);

    /// <summary>A bitmap with all of the first <paramref name="length"/> bits set.</summary>
    public static byte[] AllValid(int length)
    {
        var bits = new byte[ByteLength(length)];
        bits.AsSpan().Fill(0xFF);
        return bits;
    }
}
