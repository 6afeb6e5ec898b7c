using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;

namespace StreamSql.Execution.Columns;

/// <summary>
/// Typed read access to one Arrow column of a known <see cref="ColumnKind"/>: values as spans of their storage type,
/// validity word-wise, strings and bytes as spans of the data buffer (no string allocated). Row indices are logical (the
/// column's offset is applied here). A struct over the column's buffers: keep one per column per batch.
/// </summary>
public readonly struct ColumnView
{
    public ColumnView(IArrowArray array) : this(array.Data) { }

    public ColumnView(ArrayData data) : this(data, ColumnKinds.Of(data.DataType)) { }

    public ColumnView(ArrayData data, ColumnKind kind)
    {
        Data = data;
        Kind = kind;
    }

    public ArrayData Data { get; }
    public ColumnKind Kind { get; }
    public int Length => Data.Length;
    public int Offset => Data.Offset;
    public bool HasNulls => Data.NullCount != 0;

    /// <summary>The validity bitmap (empty when no row is null).</summary>
    public ValidityBits Validity => Kind == ColumnKind.Null
        ? throw new InvalidOperationException("a NULL column has no validity bitmap: every row is null")
        : new(Data.NullCount == 0 || Data.Buffers.Length == 0 ? ReadOnlySpan<byte>.Empty : Data.Buffers[0].Span, Data.Offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int row)
    {
        if (Data.NullCount == 0) return false;
        if (Kind == ColumnKind.Null) return true;
        int bit = Data.Offset + row;
        return (Data.Buffers[0].Span[bit >> 3] & (1 << (bit & 7))) == 0;
    }

    /// <summary>The values of a fixed-width column as <typeparamref name="T"/> (its storage type: sbyte..long, float,
    /// double, Int128), starting at row 0.</summary>
    public ReadOnlySpan<T> Values<T>() where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(Data.Buffers[1].Span).Slice(Data.Offset, Data.Length);

    /// <summary>The bit-packed values of a BOOLEAN column (bit <see cref="Offset"/> + row).</summary>
    public ReadOnlySpan<byte> Bits => Data.Buffers[1].Span;

    public bool GetBoolean(int row)
    {
        int bit = Data.Offset + row;
        return (Data.Buffers[1].Span[bit >> 3] & (1 << (bit & 7))) != 0;
    }

    /// <summary>The Length + 1 offsets of a string, bytes or list column (row i spans Offsets[i] .. Offsets[i + 1]).</summary>
    public ReadOnlySpan<int> Offsets => MemoryMarshal.Cast<byte, int>(Data.Buffers[1].Span).Slice(Data.Offset, Data.Length + 1);

    /// <summary>The data buffer of a string or bytes column.</summary>
    public ReadOnlySpan<byte> ValueBytes => Data.Buffers.Length > 2 ? Data.Buffers[2].Span : ReadOnlySpan<byte>.Empty;

    /// <summary>The bytes of row <paramref name="row"/> of a string (UTF-8) or bytes column.</summary>
    public ReadOnlySpan<byte> GetBytes(int row)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(Data.Buffers[1].Span);
        int start = offsets[Data.Offset + row], end = offsets[Data.Offset + row + 1];
        return end == start ? ReadOnlySpan<byte>.Empty : Data.Buffers[2].Span.Slice(start, end - start);
    }

    public string GetString(int row) => Encoding.UTF8.GetString(GetBytes(row));

    /// <summary>An integer-backed value (TINYINT..BIGINT, DATE days, TIME ms, TIMESTAMP µs or ns, intervals) widened to 64 bits.</summary>
    public long GetInt64(int row)
    {
        var values = Data.Buffers[1].Span;
        int index = Data.Offset + row;
        return Kind switch
        {
            ColumnKind.Int8 => (sbyte)values[index],
            ColumnKind.Int16 => MemoryMarshal.Cast<byte, short>(values)[index],
            ColumnKind.Int32 or ColumnKind.Date32 or ColumnKind.Time32Millis => MemoryMarshal.Cast<byte, int>(values)[index],
            ColumnKind.Int64 or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos or ColumnKind.DurationMillis =>
                MemoryMarshal.Cast<byte, long>(values)[index],
            _ => throw new InvalidOperationException($"a {Kind} column has no integer values"),
        };
    }

    /// <summary>A FLOAT or DOUBLE value.</summary>
    public double GetDouble(int row) => Kind switch
    {
        ColumnKind.Float32 => MemoryMarshal.Cast<byte, float>(Data.Buffers[1].Span)[Data.Offset + row],
        ColumnKind.Float64 => MemoryMarshal.Cast<byte, double>(Data.Buffers[1].Span)[Data.Offset + row],
        _ => throw new InvalidOperationException($"a {Kind} column has no floating-point values"),
    };

    /// <summary>The unscaled 128-bit integer of a DECIMAL value.</summary>
    public Int128 GetUnscaled(int row) =>
        Kind == ColumnKind.Decimal128
            ? MemoryMarshal.Cast<byte, Int128>(Data.Buffers[1].Span)[Data.Offset + row]
            : throw new InvalidOperationException($"a {Kind} column has no DECIMAL values");
}
