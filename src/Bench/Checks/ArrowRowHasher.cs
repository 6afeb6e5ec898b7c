using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;

namespace StreamSql.Bench.Checks;

/// <summary>The <see cref="ResultFingerprint"/> of Arrow columns, a column at a time.</summary>
public static class ArrowRowHasher
{
    /// <summary>Digest of a batch's rows, retractions subtracted.</summary>
    public static ResultFingerprint Fingerprint(Batch batch)
    {
        var hashes = RowHashes(ColumnsOf(batch.Data), batch.Length);
        var result = ResultFingerprint.Empty;
        for (int row = 0; row < hashes.Length; row++)
        {
            var kind = batch.KindAt(row);
            result = result.With(hashes[row], kind is RowKind.Insert or RowKind.UpdateAfter ? 1 : -1);
        }
        return result;
    }

    /// <summary>Digest of rows made of <paramref name="columns"/> (all inserts).</summary>
    public static ResultFingerprint Fingerprint(IReadOnlyList<IArrowArray> columns, int length)
    {
        var result = ResultFingerprint.Empty;
        foreach (var h in RowHashes(columns, length)) result = result.With(h);
        return result;
    }

    private static IArrowArray[] ColumnsOf(RecordBatch batch)
    {
        var columns = new IArrowArray[batch.ColumnCount];
        for (int c = 0; c < columns.Length; c++) columns[c] = batch.Column(c);
        return columns;
    }

    /// <summary>One hash per row over <paramref name="columns"/>, in column order.</summary>
    public static ulong[] RowHashes(IReadOnlyList<IArrowArray> columns, int length)
    {
        var hashes = new ulong[length];
        Array.Fill(hashes, ValueHash.RowSeed);
        foreach (var column in columns) Fold(column, hashes);
        return hashes;
    }

    private static void Fold(IArrowArray column, ulong[] hashes)
    {
        var data = column.Data;
        int offset = data.Offset;
        for (int row = 0; row < hashes.Length; row++)
        {
            ulong value = column.IsNull(row) ? ValueHash.Null : Hash(column, data, offset + row, row);
            hashes[row] = ValueHash.Combine(hashes[row], value);
        }
    }

    private static ulong Hash(IArrowArray column, ArrayData data, int index, int row)
    {
        switch (column)
        {
            case Int64Array: return ValueHash.Integer(Values<long>(data)[index]);
            case Int32Array: return ValueHash.Integer(Values<int>(data)[index]);
            case Int16Array: return ValueHash.Integer(Values<short>(data)[index]);
            case Int8Array: return ValueHash.Integer(Values<sbyte>(data)[index]);
            case BooleanArray b: return ValueHash.Boolean(b.GetValue(row) == true);
            case DoubleArray: return ValueHash.Double(Values<double>(data)[index]);
            case FloatArray: return ValueHash.Double(Values<float>(data)[index]);
            case Date32Array: return ValueHash.Date(Values<int>(data)[index]);
            case TimestampArray:
                {
                    long raw = Values<long>(data)[index];
                    var unit = ((TimestampType)data.DataType).Unit;
                    long micros = unit switch
                    {
                        TimeUnit.Second => raw * 1_000_000,
                        TimeUnit.Millisecond => raw * 1000,
                        TimeUnit.Nanosecond => Math.DivRem(raw, 1000).Quotient,
                        _ => raw,
                    };
                    return ValueHash.TimestampMicros(micros);
                }
            case Decimal128Array:
                {
                    var bytes = data.Buffers[1].Span.Slice(index * 16, 16);
                    var unscaled = (Int128)BinaryPrimitives.ReadInt128LittleEndian(bytes);
                    return ValueHash.Decimal(unscaled, ((Decimal128Type)data.DataType).Scale);
                }
            case StringArray s: return ValueHash.Utf8(s.GetBytes(row));
            default:
                throw new NotSupportedException($"the result check cannot read a column of Arrow type {data.DataType.Name}");
        }
    }

    private static ReadOnlySpan<T> Values<T>(ArrayData data) where T : struct => MemoryMarshal.Cast<byte, T>(data.Buffers[1].Span);
}
