using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Array = System.Array;
using Apache.Arrow.Types;

namespace StreamSql.Connectors.Common;

/// <summary>
/// Builds one Arrow column straight into raw buffers (validity bitmap, fixed-width values, or offsets + bytes, or struct
/// children). Readers keep one per output column and reuse it batch after batch: no per-row allocation, no boxing.
/// Integer kinds take <see cref="AppendLong"/>, floating kinds <see cref="AppendDouble"/>, DECIMAL <see cref="AppendUnscaled"/>,
/// strings <see cref="AppendString"/>/<see cref="AppendUtf8"/>, binary <see cref="AppendUtf8"/>; temporal kinds are integers
/// in the units of the BRIEF (days, ms of day, µs).
/// </summary>
internal sealed class ColumnBuilder
{
    private enum Layout : byte { Bool, Fixed, VarBinary, Struct, Null }

    private readonly Layout _layout;
    private readonly int _width;
    private readonly int _decimalScale;
    private readonly int _decimalPrecision;
    private byte[] _validity = new byte[64];
    private byte[] _values;
    private int[] _offsets;
    private int _dataLength;
    private int _nullCount;

    public ColumnBuilder(IArrowType type)
    {
        Type = type;
        _offsets = Array.Empty<int>();
        _values = Array.Empty<byte>();
        Children = Array.Empty<ColumnBuilder>();
        switch (type)
        {
            case BooleanType: _layout = Layout.Bool; _values = new byte[64]; break;
            case StringType or BinaryType: _layout = Layout.VarBinary; _offsets = new int[512]; _values = new byte[4096]; break;
            case StructType st:
                _layout = Layout.Struct;
                Children = new ColumnBuilder[st.Fields.Count];
                for (int i = 0; i < Children.Length; i++) Children[i] = new ColumnBuilder(st.Fields[i].DataType);
                break;
            case NullType: _layout = Layout.Null; break;
            case Decimal128Type d: _layout = Layout.Fixed; _width = 16; _decimalScale = d.Scale; _decimalPrecision = d.Precision; _values = new byte[16 * 256]; break;
            case FixedWidthType fw: _layout = Layout.Fixed; _width = fw.BitWidth / 8; _values = new byte[_width * 512]; break;
            default: throw new NotSupportedException($"Not supported yet: reading or writing ARRAY, MAP and MULTISET columns (Arrow type {type.Name}) in connectors; leave such columns out of the query");
        }
    }

    public IArrowType Type { get; }
    public int Length { get; private set; }
    public ColumnBuilder[] Children { get; }

    public void AppendNull()
    {
        int row = BeginRow();
        _validity[row >> 3] &= (byte)~(1 << (row & 7));
        _nullCount++;
        switch (_layout)
        {
            case Layout.Fixed: EnsureValues((row + 1) * _width); _values.AsSpan(row * _width, _width).Clear(); break;
            case Layout.Bool: EnsureValues((row >> 3) + 1); _values[row >> 3] &= (byte)~(1 << (row & 7)); break;
            case Layout.VarBinary: _offsets[row + 1] = _dataLength; break;
            case Layout.Struct: foreach (var c in Children) c.AppendNull(); break;
        }
        Length++;
    }

    public void AppendBool(bool value)
    {
        int row = BeginValid();
        EnsureValues((row >> 3) + 1);
        if (value) _values[row >> 3] |= (byte)(1 << (row & 7));
        else _values[row >> 3] &= (byte)~(1 << (row & 7));
        Length++;
    }

    /// <summary>An integer-like value (TINYINT..BIGINT, DATE days, TIME ms, TIMESTAMP µs, intervals), narrowed to the column width.</summary>
    public void AppendLong(long value)
    {
        int row = BeginValid();
        EnsureValues((row + 1) * _width);
        ref byte dst = ref _values[row * _width];
        switch (_width)
        {
            case 1: dst = (byte)(sbyte)value; break;
            case 2: Unsafe.WriteUnaligned(ref dst, (short)value); break;
            case 4: Unsafe.WriteUnaligned(ref dst, (int)value); break;
            case 8: Unsafe.WriteUnaligned(ref dst, value); break;
            default: throw new InvalidOperationException($"AppendLong on a {Type.Name} column");
        }
        Length++;
    }

    public void AppendDouble(double value)
    {
        int row = BeginValid();
        EnsureValues((row + 1) * _width);
        ref byte dst = ref _values[row * _width];
        if (Type is FloatType) Unsafe.WriteUnaligned(ref dst, (float)value);
        else if (Type is DoubleType) Unsafe.WriteUnaligned(ref dst, value);
        else throw new InvalidOperationException($"AppendDouble on a {Type.Name} column");
        Length++;
    }

    /// <summary>A .NET decimal, rounded half-up to the column's scale; NULL when it does not fit the column's precision
    /// (Flink's <c>DecimalData.fromBigDecimal</c>).</summary>
    public void AppendDecimal(decimal value)
    {
        if (DecimalCodec.TryToUnscaled(value, _decimalPrecision, _decimalScale, out var unscaled)) AppendUnscaled(unscaled);
        else AppendNull();
    }

    /// <summary>A DECIMAL value as its unscaled integer at the column's scale (the caller checked the precision).</summary>
    public void AppendUnscaled(Int128 unscaled)
    {
        int row = BeginValid();
        EnsureValues((row + 1) * 16);
        Unsafe.WriteUnaligned(ref _values[row * 16], unscaled);
        Length++;
    }

    public void AppendString(ReadOnlySpan<char> value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        int row = BeginValid();
        EnsureValues(_dataLength + max);
        _dataLength += Encoding.UTF8.GetBytes(value, _values.AsSpan(_dataLength));
        _offsets[row + 1] = _dataLength;
        Length++;
    }

    /// <summary>Raw bytes: UTF-8 for a string column, the value for a binary column.</summary>
    public void AppendUtf8(ReadOnlySpan<byte> value)
    {
        int row = BeginValid();
        EnsureValues(_dataLength + value.Length);
        value.CopyTo(_values.AsSpan(_dataLength));
        _dataLength += value.Length;
        _offsets[row + 1] = _dataLength;
        Length++;
    }

    /// <summary>Reserves <paramref name="byteCount"/> bytes of a string value to be written in place (then <see cref="CommitSpan"/>).</summary>
    public Span<byte> ReserveSpan(int byteCount)
    {
        EnsureValues(_dataLength + byteCount);
        return _values.AsSpan(_dataLength, byteCount);
    }

    public void CommitSpan(int byteCount)
    {
        int row = BeginValid();
        _dataLength += byteCount;
        _offsets[row + 1] = _dataLength;
        Length++;
    }

    /// <summary>Marks a non-null struct row; the caller appends one value to every child.</summary>
    public void AppendStructValid()
    {
        BeginValid();
        Length++;
    }

    /// <summary>Drops the rows from <paramref name="length"/> on (to undo a partly appended record that turned out malformed).</summary>
    public void Truncate(int length)
    {
        if (length >= Length) return;
        for (int row = length; row < Length; row++)
            if ((_validity[row >> 3] & (1 << (row & 7))) == 0) _nullCount--;
        if (_layout == Layout.VarBinary) _dataLength = _offsets[length];
        foreach (var child in Children) child.Truncate(length);
        Length = length;
    }

    public IArrowArray Build() => ArrowArrayFactory.BuildArray(BuildData());

    /// <summary>Builds the column (copying the buffers) and resets the builder for the next batch.</summary>
    private ArrayData BuildData()
    {
        int n = Length;
        var validity = _nullCount == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity.AsSpan(0, (n + 7) / 8).ToArray());
        ArrayData data;
        switch (_layout)
        {
            case Layout.Null:
                data = new ArrayData(Type, n, n, 0, new[] { ArrowBuffer.Empty });
                break;
            case Layout.Bool:
                data = new ArrayData(Type, n, _nullCount, 0, new[] { validity, new ArrowBuffer(_values.AsSpan(0, (n + 7) / 8).ToArray()) });
                break;
            case Layout.Fixed:
                data = new ArrayData(Type, n, _nullCount, 0, new[] { validity, new ArrowBuffer(_values.AsSpan(0, n * _width).ToArray()) });
                break;
            case Layout.VarBinary:
                var offsets = MemoryMarshal.AsBytes(_offsets.AsSpan(0, n + 1)).ToArray();
                data = new ArrayData(Type, n, _nullCount, 0, new[] { validity, new ArrowBuffer(offsets), new ArrowBuffer(_values.AsSpan(0, _dataLength).ToArray()) });
                break;
            default:
                var children = new ArrayData[Children.Length];
                for (int i = 0; i < children.Length; i++) children[i] = Children[i].BuildData();
                data = new ArrayData(Type, n, _nullCount, 0, new[] { validity }, children);
                break;
        }
        Length = 0;
        _nullCount = 0;
        _dataLength = 0;
        return data;
    }

    private int BeginValid()
    {
        int row = BeginRow();
        _validity[row >> 3] |= (byte)(1 << (row & 7));
        return row;
    }

    private int BeginRow()
    {
        int row = Length;
        if ((row >> 3) >= _validity.Length) Array.Resize(ref _validity, _validity.Length * 2);
        if (_layout == Layout.VarBinary && row + 2 > _offsets.Length) Array.Resize(ref _offsets, _offsets.Length * 2);
        return row;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureValues(int size)
    {
        if (size > _values.Length) Array.Resize(ref _values, Math.Max(size, _values.Length * 2));
    }
}
