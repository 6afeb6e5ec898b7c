using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Batches;

/// <summary>A run of rows to copy out of one source array: <c>Indices[Start .. Start + Count)</c> are logical row indices
/// of <see cref="Source"/> (its own offset is applied by the gather).</summary>
public readonly record struct GatherSegment(ArrayData Source, int[] Indices, int Start, int Count);

/// <summary>
/// The typed <c>take</c> kernel: builds a new array from rows picked by index out of one or more source arrays of the same
/// type (several sources let a hash exchange coalesce small pieces of different batches into one). Covers every type of
/// <see cref="Types.ArrowTypeMapping"/> (every <see cref="ColumnKind"/>): fixed-width values (including Decimal128),
/// Boolean, Utf8/Binary, Null, List/Map (recursing into the child) and Struct. Validity is copied bit by bit only when a source has nulls.
/// </summary>
public static class ArrayGather
{
    /// <summary>Rows <paramref name="indices"/>[0..count) of <paramref name="array"/>, in that order.</summary>
    public static IArrowArray Take(IArrowArray array, int[] indices, int count)
    {
        ReadOnlySpan<GatherSegment> one = [new GatherSegment(array.Data, indices, 0, count)];
        return ArrowArrayFactory.BuildArray(Gather(array.Data.DataType, one, count));
    }

    /// <summary>
    /// Rows <paramref name="indices"/>[0..count) of <paramref name="array"/> as <see cref="Take(IArrowArray, int[], int)"/>
    /// gives them, but a fixed-width column without NULLs is gathered into <paramref name="scratch"/> (grown as needed) and the
    /// result reads it: for a column used and dropped before the next call with the same scratch (a join residual's
    /// inputs), so a batch's gathered columns need no new memory.
    /// </summary>
    public static IArrowArray TakeInto(IArrowArray array, int[] indices, int count, ref byte[] scratch)
    {
        var data = array.Data;
        if (data.NullCount != 0 || data.DataType is not FixedWidthType { BitWidth: 8 or 16 or 32 or 64 or 128 } fixedWidth
            || data.DataType is BooleanType)
            return Take(array, indices, count);
        int width = fixedWidth.BitWidth / 8;
        if (scratch.Length < count * width) scratch = GC.AllocateUninitializedArray<byte>(Math.Max(count * width, scratch.Length * 2));
        var source = data.Buffers[1].Span;
        var target = scratch.AsSpan(0, count * width);
        var rows = indices.AsSpan(0, count);
        switch (width)
        {
            case 1: GatherValues(source[data.Offset..], rows, target); break;
            case 2: GatherValues(MemoryMarshal.Cast<byte, short>(source)[data.Offset..], rows, MemoryMarshal.Cast<byte, short>(target)); break;
            case 4: GatherValues(MemoryMarshal.Cast<byte, int>(source)[data.Offset..], rows, MemoryMarshal.Cast<byte, int>(target)); break;
            case 8: GatherValues(MemoryMarshal.Cast<byte, long>(source)[data.Offset..], rows, MemoryMarshal.Cast<byte, long>(target)); break;
            default: GatherValues(MemoryMarshal.Cast<byte, Int128>(source)[data.Offset..], rows, MemoryMarshal.Cast<byte, Int128>(target)); break;
        }
        var values = new ArrowBuffer(new ReadOnlyMemory<byte>(scratch, 0, count * width));
        return ArrowArrayFactory.BuildArray(new ArrayData(data.DataType, count, 0, 0, [ArrowBuffer.Empty, values], System.Array.Empty<ArrayData>()));
    }

    /// <summary>
    /// Rows <paramref name="indices"/>[0..count) of <paramref name="first"/> followed by <paramref name="second"/> (an index
    /// from <paramref name="first"/>'s length on reads <paramref name="second"/>), without building their concatenation,
    /// for two fixed-width columns of one type without NULLs; null for any other pair (the caller concatenates then).
    /// </summary>
    public static IArrowArray? TryTakeFromEither(IArrowArray first, IArrowArray second, int[] indices, int count)
    {
        var a = first.Data;
        var b = second.Data;
        if (a.NullCount != 0 || b.NullCount != 0 || a.DataType is not FixedWidthType { BitWidth: 8 or 16 or 32 or 64 or 128 } fixedWidth
            || a.DataType is BooleanType || b.DataType.TypeId != a.DataType.TypeId || b.DataType is not FixedWidthType { BitWidth: var bWidth }
            || bWidth != fixedWidth.BitWidth)
            return null;
        int width = fixedWidth.BitWidth / 8;
        var values = GC.AllocateUninitializedArray<byte>(count * width);
        var rows = indices.AsSpan(0, count);
        switch (width)
        {
            case 1: TakeFromEither<byte>(a, b, rows, values); break;
            case 2: TakeFromEither<short>(a, b, rows, values); break;
            case 4: TakeFromEither<int>(a, b, rows, values); break;
            case 8: TakeFromEither<long>(a, b, rows, values); break;
            default: TakeFromEither<Int128>(a, b, rows, values); break;
        }
        return ArrowArrayFactory.BuildArray(new ArrayData(a.DataType, count, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(values)], System.Array.Empty<ArrayData>()));
    }

    private static void TakeFromEither<T>(ArrayData first, ArrayData second, ReadOnlySpan<int> rows, byte[] target) where T : unmanaged
    {
        var a = MemoryMarshal.Cast<byte, T>(first.Buffers[1].Span).Slice(first.Offset, first.Length);
        var b = MemoryMarshal.Cast<byte, T>(second.Buffers[1].Span).Slice(second.Offset, second.Length);
        var destination = MemoryMarshal.Cast<byte, T>(target.AsSpan());
        int split = a.Length;
        for (int j = 0; j < rows.Length; j++)
        {
            int index = rows[j];
            destination[j] = index < split ? a[index] : b[index - split];
        }
    }

    /// <summary>A batch of rows <paramref name="rows"/>[0..count) of <paramref name="batch"/> (e.g. to evaluate an expression
    /// on only the rows that need it: CASE branches, the right side of AND/OR).</summary>
    public static RecordBatch Take(RecordBatch batch, int[] rows, int count)
    {
        var columns = new IArrowArray[batch.ColumnCount];
        for (int c = 0; c < columns.Length; c++) columns[c] = Take(batch.Column(c), rows, count);
        return new RecordBatch(batch.Schema, columns, count);
    }

    /// <summary>Concatenates the rows of all <paramref name="segments"/> (<paramref name="total"/> = sum of their counts).</summary>
    public static ArrayData Gather(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total) =>
        ColumnKinds.Accept<Gathering, ArrayData>(ColumnKinds.Of(type), new Gathering(type, segments, total));

    private readonly ref struct Gathering(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total) : IColumnVisitor<ArrayData>
    {
        private readonly ReadOnlySpan<GatherSegment> _segments = segments;

        public ArrayData Null() => new(type, total, total, 0, System.Array.Empty<ArrowBuffer>(), System.Array.Empty<ArrayData>());
        public ArrayData Boolean() => GatherBoolean(type, _segments, total);
        public ArrayData Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T> => GatherFixed<T>(type, _segments, total);
        public ArrayData Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => GatherFixed<T>(type, _segments, total);
        public ArrayData Decimal() => GatherFixed<Int128>(type, _segments, total);
        public ArrayData Bytes(bool utf8) => GatherBinary(type, _segments, total);
        public ArrayData Struct() => GatherStruct(type, _segments, total);
        public ArrayData List() => GatherList(type, _segments, total);
    }

    private static ArrayData GatherFixed<T>(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total) where T : unmanaged
    {
        // Every byte is written below: no need to zero it first.
        var values = GC.AllocateUninitializedArray<byte>(total * Unsafe.SizeOf<T>());
        var dst = MemoryMarshal.Cast<byte, T>(values.AsSpan());
        int written = 0;
        foreach (var seg in segments)
        {
            var src = MemoryMarshal.Cast<byte, T>(seg.Source.Buffers[1].Span).Slice(seg.Source.Offset);
            GatherValues(src, seg.Indices.AsSpan(seg.Start, seg.Count), dst.Slice(written, seg.Count));
            written += seg.Count;
        }
        var (validity, nulls) = GatherValidity(segments, total);
        return new ArrayData(type, total, nulls, 0, [validity, new ArrowBuffer(values)], System.Array.Empty<ArrayData>());
    }

    private static ArrayData GatherBoolean(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total)
    {
        var bits = new byte[(total + 7) >> 3];
        int written = 0;
        foreach (var seg in segments)
        {
            var src = seg.Source.Buffers[1].Span;
            int off = seg.Source.Offset;
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            for (int j = 0; j < idx.Length; j++)
            {
                int s = off + idx[j];
                if ((src[s >> 3] & (1 << (s & 7))) != 0)
                {
                    int d = written + j;
                    bits[d >> 3] |= (byte)(1 << (d & 7));
                }
            }
            written += seg.Count;
        }
        var (validity, nulls) = GatherValidity(segments, total);
        return new ArrayData(type, total, nulls, 0, [validity, new ArrowBuffer(bits)], System.Array.Empty<ArrayData>());
    }

    private static ArrayData GatherBinary(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total)
    {
        // The offsets and the bytes are all written below: no need to zero them first.
        var offsetBytes = GC.AllocateUninitializedArray<byte>((total + 1) * sizeof(int));
        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes.AsSpan());
        offsets[0] = 0;
        int bytes = 0, row = 0;
        foreach (var seg in segments)
        {
            var srcOffsets = MemoryMarshal.Cast<byte, int>(seg.Source.Buffers[1].Span).Slice(seg.Source.Offset);
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            for (int j = 0; j < idx.Length; j++)
            {
                int i = idx[j];
                bytes += srcOffsets[i + 1] - srcOffsets[i];
                offsets[++row] = bytes;
            }
        }
        var data = GC.AllocateUninitializedArray<byte>(bytes);
        row = 0;
        foreach (var seg in segments)
        {
            var srcOffsets = MemoryMarshal.Cast<byte, int>(seg.Source.Buffers[1].Span).Slice(seg.Source.Offset);
            var srcData = seg.Source.Buffers.Length > 2 ? seg.Source.Buffers[2].Span : ReadOnlySpan<byte>.Empty;
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            // Rows that follow each other in the source are one block of its bytes.
            for (int j = 0; j < idx.Length;)
            {
                int run = RunLength(idx, j);
                int start = srcOffsets[idx[j]], length = srcOffsets[idx[j] + run] - start;
                if (length > 0) srcData.Slice(start, length).CopyTo(data.AsSpan(offsets[row], length));
                row += run;
                j += run;
            }
        }
        var (validity, nulls) = GatherValidity(segments, total);
        return new ArrayData(type, total, nulls, 0,
            [validity, new ArrowBuffer(offsetBytes), new ArrowBuffer(data)], System.Array.Empty<ArrayData>());
    }

    private static ArrayData GatherList(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total)
    {
        var offsetBytes = new byte[(total + 1) * sizeof(int)];
        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes.AsSpan());
        var childSegments = new GatherSegment[segments.Length];
        int row = 0, childTotal = 0;
        for (int s = 0; s < segments.Length; s++)
        {
            var seg = segments[s];
            var srcOffsets = MemoryMarshal.Cast<byte, int>(seg.Source.Buffers[1].Span).Slice(seg.Source.Offset);
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            int segChildCount = 0;
            for (int j = 0; j < idx.Length; j++) segChildCount += srcOffsets[idx[j] + 1] - srcOffsets[idx[j]];
            var childIndices = new int[segChildCount];
            int k = 0;
            for (int j = 0; j < idx.Length; j++)
            {
                int i = idx[j];
                for (int c = srcOffsets[i]; c < srcOffsets[i + 1]; c++) childIndices[k++] = c;
                childTotal += srcOffsets[i + 1] - srcOffsets[i];
                offsets[++row] = childTotal;
            }
            childSegments[s] = new GatherSegment(seg.Source.Children[0], childIndices, 0, segChildCount);
        }
        var childType = ((NestedType)type).Fields[0].DataType;
        var child = Gather(childType, childSegments, childTotal);
        var (validity, nulls) = GatherValidity(segments, total);
        return new ArrayData(type, total, nulls, 0,
            [validity, new ArrowBuffer(offsetBytes)], [child]);
    }

    private static ArrayData GatherStruct(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total)
    {
        var fields = ((StructType)type).Fields;
        // Child arrays are not sliced by the parent's offset: shift the indices when the parent is a slice.
        var shifted = new GatherSegment[segments.Length];
        for (int s = 0; s < segments.Length; s++)
        {
            var seg = segments[s];
            if (seg.Source.Offset == 0)
            {
                shifted[s] = seg;
                continue;
            }
            var idx = new int[seg.Count];
            for (int j = 0; j < seg.Count; j++) idx[j] = seg.Indices[seg.Start + j] + seg.Source.Offset;
            shifted[s] = new GatherSegment(seg.Source, idx, 0, seg.Count);
        }
        var children = new ArrayData[fields.Count];
        var childSegments = new GatherSegment[segments.Length];
        for (int f = 0; f < fields.Count; f++)
        {
            for (int s = 0; s < shifted.Length; s++)
                childSegments[s] = shifted[s] with { Source = shifted[s].Source.Children[f] };
            children[f] = Gather(fields[f].DataType, childSegments, total);
        }
        var (validity, nulls) = GatherValidity(segments, total);
        return new ArrayData(type, total, nulls, 0, [validity], children);
    }

    // Shorter runs of fixed-width values are copied one by one (a block copy's call costs more than a few moves).
    private const int MinBlockRun = 4;

    /// <summary>
    /// <paramref name="destination"/>[j] = <paramref name="source"/>[<paramref name="indices"/>[j]]: runs of at least
    /// <see cref="MinBlockRun"/> consecutive rows as block copies, other rows one by one. A run is looked for only where
    /// the index <see cref="MinBlockRun"/> - 1 places on is as far ahead, so scattered rows (a join's stored rows picked per
    /// pair) cost one more compare each, not a run scan.
    /// </summary>
    private static void GatherValues<T>(ReadOnlySpan<T> source, ReadOnlySpan<int> indices, Span<T> destination) where T : unmanaged
    {
        int n = indices.Length;
        destination = destination[..n];
        int j = 0;
        while (j < n)
        {
            int index = indices[j];
            if (j + MinBlockRun - 1 < n && indices[j + MinBlockRun - 1] == index + (MinBlockRun - 1))
            {
                int run = RunLength(indices, j);
                if (run >= MinBlockRun)
                {
                    source.Slice(index, run).CopyTo(destination.Slice(j, run));
                    j += run;
                    continue;
                }
            }
            destination[j++] = source[index];
        }
    }

    /// <summary>How many indices from <paramref name="j"/> on are consecutive rows (at least 1).</summary>
    private static int RunLength(ReadOnlySpan<int> indices, int j)
    {
        int k = j + 1;
        while (k < indices.Length && indices[k] == indices[k - 1] + 1) k++;
        return k - j;
    }

    /// <summary>The validity bitmap of the gathered rows, or an empty buffer when no source has nulls.</summary>
    private static (ArrowBuffer Bitmap, int NullCount) GatherValidity(ReadOnlySpan<GatherSegment> segments, int total)
    {
        bool anyNulls = false;
        foreach (var seg in segments)
            if (seg.Count > 0 && seg.Source.NullCount != 0) { anyNulls = true; break; }
        if (!anyNulls) return (ArrowBuffer.Empty, 0);
        var bits = new byte[(total + 7) >> 3];
        int written = 0, nulls = 0;
        foreach (var seg in segments)
        {
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            var src = seg.Source.Buffers.Length > 0 ? seg.Source.Buffers[0].Span : ReadOnlySpan<byte>.Empty;
            if (seg.Source.NullCount == 0 || src.IsEmpty)
            {
                for (int j = 0; j < idx.Length; j++)
                {
                    int d = written + j;
                    bits[d >> 3] |= (byte)(1 << (d & 7));
                }
            }
            else
            {
                int off = seg.Source.Offset;
                for (int j = 0; j < idx.Length; j++)
                {
                    int s = off + idx[j];
                    if ((src[s >> 3] & (1 << (s & 7))) != 0)
                    {
                        int d = written + j;
                        bits[d >> 3] |= (byte)(1 << (d & 7));
                    }
                    else nulls++;
                }
            }
            written += seg.Count;
        }
        return (new ArrowBuffer(bits), nulls);
    }
}
