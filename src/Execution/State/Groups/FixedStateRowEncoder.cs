using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Encodes a group table's state rows (<see cref="GroupTable.WriteRow"/>'s format: varint column count, then each column's
/// state varint-length-prefixed, the values encoded as <see cref="StateRowWriter"/> encodes them) straight from the captured
/// pages of columns made only of fixed-size vectors (<see cref="IFixedStateVectorView"/>): no call per group or value, which
/// is most of what a snapshot of aggregates such as COUNT and SUM costs per group. Built only when a row can never reach
/// 128 bytes, so that every length prefix is one byte, written after its part.
/// </summary>
internal sealed class FixedStateRowEncoder
{
    private readonly FixedStateKind[] _kinds;
    // Per vector, its pages as the array type its kind says (read with Unsafe.As: one type check per snapshot, not per value).
    private readonly object[] _pages;
    // Per column, the index of the first vector after its own.
    private readonly int[] _columnEnds;

    private FixedStateRowEncoder(FixedStateKind[] kinds, object[] pages, int[] columnEnds, int maxRowLength)
    {
        _kinds = kinds;
        _pages = pages;
        _columnEnds = columnEnds;
        MaxRowLength = maxRowLength;
    }

    /// <summary>The longest row <see cref="Encode"/> writes.</summary>
    public int MaxRowLength { get; }

    /// <summary>An encoder of the rows of <paramref name="columns"/>, or null when some column is not made of fixed-size
    /// vectors or a row could reach 128 bytes.</summary>
    public static FixedStateRowEncoder? TryCreate(IReadOnlyList<IGroupColumnSnapshot> columns)
    {
        var kinds = new List<FixedStateKind>();
        var pages = new List<object>();
        var columnEnds = new int[columns.Count];
        int maxRow = 1;
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c] is not IVectorsColumnSnapshot vectors) return null;
            int maxColumn = 0;
            foreach (var view in vectors.Views)
            {
                if (view is not IFixedStateVectorView fixedView) return null;
                var expected = fixedView.Kind switch
                {
                    FixedStateKind.Int64 => typeof(long[][]),
                    FixedStateKind.Double => typeof(double[][]),
                    FixedStateKind.Int128 => typeof(Int128[][]),
                    _ => typeof(byte[][]),
                };
                if (fixedView.Pages.GetType() != expected) return null;
                kinds.Add(fixedView.Kind);
                pages.Add(fixedView.Pages);
                maxColumn += MaxLength(fixedView.Kind);
            }
            if (maxColumn >= 0x80) return null;
            columnEnds[c] = kinds.Count;
            maxRow += 1 + maxColumn;
        }
        return maxRow < 0x80 && columns.Count < 0x80 ? new FixedStateRowEncoder(kinds.ToArray(), pages.ToArray(), columnEnds, maxRow) : null;
    }

    private static int MaxLength(FixedStateKind kind) => kind switch
    {
        FixedStateKind.Int64 => 10,
        FixedStateKind.Double => 8,
        FixedStateKind.Int128 => 16,
        _ => 1,
    };

    /// <summary>Writes group <paramref name="group"/>'s row into <paramref name="destination"/> (at least
    /// <see cref="MaxRowLength"/> bytes); returns its length.</summary>
    public int Encode(int group, Span<byte> destination)
    {
        int page = group >> PagedColumn<long>.PageShift;
        int slot = group & PagedColumn<long>.PageMask;
        var kinds = _kinds;
        var pages = _pages;
        destination[0] = (byte)_columnEnds.Length;
        int pos = 1;
        int v = 0;
        foreach (int end in _columnEnds)
        {
            int lengthAt = pos++;
            for (; v < end; v++)
            {
                switch (kinds[v])
                {
                    case FixedStateKind.Int64:
                        pos = WriteVarLong(destination, pos, Unsafe.As<long[][]>(pages[v])[page][slot]);
                        break;
                    case FixedStateKind.Double:
                        BinaryPrimitives.WriteDoubleLittleEndian(destination[pos..], Unsafe.As<double[][]>(pages[v])[page][slot]);
                        pos += 8;
                        break;
                    case FixedStateKind.Int128:
                        BinaryPrimitives.WriteInt128LittleEndian(destination[pos..], Unsafe.As<Int128[][]>(pages[v])[page][slot]);
                        pos += 16;
                        break;
                    default:
                        destination[pos++] = Unsafe.As<byte[][]>(pages[v])[page][slot];
                        break;
                }
            }
            destination[lengthAt] = (byte)(pos - lengthAt - 1);
        }
        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteVarLong(Span<byte> destination, int pos, long value)
    {
        ulong v = (ulong)((value << 1) ^ (value >> 63));
        while (v >= 0x80)
        {
            destination[pos++] = (byte)(v | 0x80);
            v >>= 7;
        }
        destination[pos++] = (byte)v;
        return pos;
    }
}
