using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// A string literal compared with values in place in a column's value buffer: the length (from the offsets) first, and
/// a literal of up to 8 bytes as one masked 64-bit load and compare instead of a call per value.
/// </summary>
internal readonly struct Utf8Literal
{
    private readonly byte[] _bytes;
    private readonly ulong _word;
    private readonly ulong _mask;

    public Utf8Literal(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length is > 0 and <= sizeof(ulong))
        {
            Span<byte> padded = stackalloc byte[sizeof(ulong)];
            padded.Clear();
            bytes.CopyTo(padded);
            _word = MemoryMarshal.Read<ulong>(padded);
            _mask = bytes.Length == sizeof(ulong) ? ulong.MaxValue : (1UL << (8 * bytes.Length)) - 1;
        }
    }

    public int Length => _bytes.Length;

    /// <summary>Whether <c>data[start .. start + length)</c> holds the literal's bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(ReadOnlySpan<byte> data, int start, int length)
    {
        if (length != _bytes.Length) return false;
        if (_mask != 0 && start + sizeof(ulong) <= data.Length)
            return (MemoryMarshal.Read<ulong>(data.Slice(start, sizeof(ulong))) & _mask) == _word;
        return data.Slice(start, length).SequenceEqual(_bytes);
    }
}
