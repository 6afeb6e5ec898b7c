using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>Selects rows of flat arrays (fixed width, boolean, strings, bytes) into new arrays: used to evaluate an
/// expression on only the rows that need it (CASE branches, the right side of AND/OR).</summary>
internal static class ArrayTake
{
    public static bool CanTake(IArrowArray array) => array.Data.DataType.TypeId switch
    {
        ArrowTypeId.Struct or ArrowTypeId.List or ArrowTypeId.Map or ArrowTypeId.Union or ArrowTypeId.Dictionary
            or ArrowTypeId.LargeList or ArrowTypeId.FixedSizeList or ArrowTypeId.ListView => false,
        _ => true,
    };

    /// <summary>A batch of the given rows of <paramref name="batch"/>.</summary>
    public static RecordBatch Take(RecordBatch batch, int[] rows, int count)
    {
        var columns = new IArrowArray[batch.ColumnCount];
        for (int c = 0; c < columns.Length; c++)
        {
            var column = batch.Column(c);
            // Columns we cannot select are replaced by nulls: an expression reading them cannot run on a subset.
            columns[c] = CanTake(column) ? Take(column, rows, count) : throw new NotSupportedException("nested column");
        }
        return new RecordBatch(batch.Schema, columns, count);
    }

    public static IArrowArray Take(IArrowArray array, int[] rows, int count)
    {
        var type = array.Data.DataType;
        byte[]? validity = null;
        if (array.NullCount > 0)
        {
            validity = Bitmaps.AllValid(count);
            for (int i = 0; i < count; i++)
                if (array.IsNull(rows[i])) Bitmaps.Clear(validity, i);
        }
        switch (type.TypeId)
        {
            case ArrowTypeId.Null:
                return new NullArray(count);
            case ArrowTypeId.Boolean:
                {
                    var b = (BooleanArray)array;
                    var bits = new byte[Bitmaps.ByteLength(Math.Max(count, 1))];
                    for (int i = 0; i < count; i++)
                        if (b.GetValue(rows[i]) == true) Bitmaps.Set(bits, i);
                    return ArrayBuild.Boolean(bits, validity, count);
                }
            case ArrowTypeId.String or ArrowTypeId.Binary:
                {
                    var b = (BinaryArray)array;
                    int total = 0;
                    for (int i = 0; i < count; i++) total += b.GetValueLength(rows[i]);
                    var offsets = new int[count + 1];
                    var data = new byte[Math.Max(total, 1)];
                    int pos = 0;
                    for (int i = 0; i < count; i++)
                    {
                        var v = b.GetBytes(rows[i]);
                        v.CopyTo(data.AsSpan(pos));
                        pos += v.Length;
                        offsets[i + 1] = pos;
                    }
                    int nulls = Bitmaps.NullCount(validity, count);
                    var arrayData = new ArrayData(type, count, nulls, 0, new[]
                    {
                        nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!),
                        new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()),
                        new ArrowBuffer(data.AsMemory(0, pos)),
                    });
                    return ArrowArrayFactory.BuildArray(arrayData);
                }
            default:
                {
                    if (type is not FixedWidthType fixedWidth) throw new NotSupportedException($"cannot select rows of {type.Name}");
                    int width = fixedWidth.BitWidth / 8;
                    var source = array.Data.Buffers[1].Span.Slice(array.Offset * width);
                    var values = new byte[Math.Max(count, 1) * width];
                    for (int i = 0; i < count; i++)
                        source.Slice(rows[i] * width, width).CopyTo(values.AsSpan(i * width));
                    return ArrayBuild.Primitive(type, values, validity, count);
                }
        }
    }
}
