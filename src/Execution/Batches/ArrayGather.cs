using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Batches;

/// <summary>A run of rows to copy out of one source array: <c>Indices[Start .. Start + Count)</c> are logical row indices
/// of <see cref="Source"/> (its own offset is applied by the gather).</summary>
public readonly record struct GatherSegment(ArrayData Source, int[] Indices, int Start, int Count);

/// <summary>
/// The typed <c>take</c> kernel: builds a new array from rows picked by index out of one or more source arrays of the same
/// type (several sources let a hash exchange coalesce small pieces of different batches into one). Covers every type of
/// <see cref="Types.ArrowTypeMapping"/>: fixed-width primitives (including Decimal128), Boolean, Utf8/Binary, Null,
/// List/Map (recursing into the child) and Struct. Validity is copied bit by bit only when a source has nulls.
/// </summary>
public static class ArrayGather
{
    /// <summary>Rows <paramref name="indices"/>[0..count) of <paramref name="array"/>, in that order.</summary>
    public static IArrowArray Take(IArrowArray array, int[] indices, int count)
    {
        ReadOnlySpan<GatherSegment> one = [new GatherSegment(array.Data, indices, 0, count)];
        return ArrowArrayFactory.BuildArray(Gather(array.Data.DataType, one, count));
    }

    /// <summary>Concatenates the rows of all <paramref name="segments"/> (<paramref name="total"/> = sum of their counts).</summary>
    public static ArrayData Gather(IArrowType type, ReadOnlySpan<GatherSegment> segments, int total)
    {
        switch (type.TypeId)
        {
            case ArrowTypeId.Null:
                return new ArrayData(type, total, total, 0, System.Array.Empty<ArrowBuffer>(), System.Array.Empty<ArrayData>());
            case ArrowTypeId.Boolean:
                return GatherBoolean(type, segments, total);
            case ArrowTypeId.String:
            case ArrowTypeId.Binary:
                return GatherBinary(type, segments, total);
            case ArrowTypeId.List:
            case ArrowTypeId.Map:
                return GatherList(type, segments, total);
            case ArrowTypeId.Struct:
                return GatherStruct(type, segments, total);
            default:
                if (type is FixedWidthType fixedWidth && fixedWidth.BitWidth % 8 == 0)
                    return GatherFixed(type, fixedWidth.BitWidth / 8, segments, total);
                throw new NotSupportedException($"gather of Arrow type {type.Name} is not supported");
        }
    }

    private static ArrayData GatherFixed(IArrowType type, int width, ReadOnlySpan<GatherSegment> segments, int total)
    {
        var values = new byte[total * width];
        int written = 0;
        foreach (var seg in segments)
        {
            var src = seg.Source.Buffers[1].Span;
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            var dst = values.AsSpan(written * width, seg.Count * width);
            int off = seg.Source.Offset;
            switch (width)
            {
                case 1: GatherTyped(src, off, idx, dst, default(byte)); break;
                case 2: GatherTyped(src, off, idx, dst, default(short)); break;
                case 4: GatherTyped(src, off, idx, dst, default(int)); break;
                case 8: GatherTyped(src, off, idx, dst, default(long)); break;
                case 16: GatherTyped(src, off, idx, dst, default(Int128)); break;
                default:
                    for (int j = 0; j < idx.Length; j++)
                        src.Slice((off + idx[j]) * width, width).CopyTo(dst.Slice(j * width, width));
                    break;
            }
            written += seg.Count;
        }
        var (validity, nulls) = GatherValidity(segments, total);
        return new ArrayData(type, total, nulls, 0, [validity, new ArrowBuffer(values)], System.Array.Empty<ArrayData>());
    }

    private static void GatherTyped<T>(ReadOnlySpan<byte> source, int offset, ReadOnlySpan<int> indices, Span<byte> destination, T _)
        where T : unmanaged
    {
        var src = MemoryMarshal.Cast<byte, T>(source).Slice(offset);
        var dst = MemoryMarshal.Cast<byte, T>(destination);
        for (int j = 0; j < indices.Length; j++) dst[j] = src[indices[j]];
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
        var offsetBytes = new byte[(total + 1) * sizeof(int)];
        var offsets = MemoryMarshal.Cast<byte, int>(offsetBytes.AsSpan());
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
        var data = new byte[bytes];
        row = 0;
        foreach (var seg in segments)
        {
            var srcOffsets = MemoryMarshal.Cast<byte, int>(seg.Source.Buffers[1].Span).Slice(seg.Source.Offset);
            var srcData = seg.Source.Buffers.Length > 2 ? seg.Source.Buffers[2].Span : ReadOnlySpan<byte>.Empty;
            var idx = seg.Indices.AsSpan(seg.Start, seg.Count);
            for (int j = 0; j < idx.Length; j++)
            {
                int i = idx[j];
                int start = srcOffsets[i], length = srcOffsets[i + 1] - start;
                if (length > 0) srcData.Slice(start, length).CopyTo(data.AsSpan(offsets[row], length));
                row++;
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
