using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A string (UTF-8) or bytes column: 32-bit offsets and the bytes.</summary>
public sealed class BytesColumnBuilder : ColumnBuilder
{
    private readonly bool _utf8;
    private int[] _offsets = System.Array.Empty<int>();
    private byte[] _data = System.Array.Empty<byte>();
    private int _dataLength;
    private int _capacity;
    private int _dataCapacity;

    internal BytesColumnBuilder(IArrowType type, int capacity) : base(type)
    {
        _utf8 = type.TypeId == ArrowTypeId.String;
        _capacity = Math.Max(capacity, 16);
        _dataCapacity = Math.Max(capacity * 8, 64);
    }

    public override void AppendNull()
    {
        int row = Length;
        EndRow();
        Validity.SetNull(row);
    }

    public override void AppendUtf8(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        _dataLength += value.Length;
        EndRow();
    }

    public override void AppendString(ReadOnlySpan<char> value)
    {
        _dataLength += Encoding.UTF8.GetBytes(value, Reserve(Encoding.UTF8.GetMaxByteCount(value.Length)));
        EndRow();
    }

    public override Span<byte> ReserveSpan(int byteCount) => Reserve(byteCount);

    public override void CommitSpan(int byteCount)
    {
        _dataLength += byteCount;
        EndRow();
    }

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        if (reader.IsNull(row)) AppendNull();
        else if (_utf8) AppendUtf8(reader.GetUtf8(row));
        else AppendUtf8(reader.GetBytes(row));
    }

    private protected override void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count)
    {
        var column = new ColumnView(source, _utf8 ? ColumnKind.Utf8 : ColumnKind.Binary);
        for (int j = 0; j < count; j++) AppendUtf8(column.GetBytes(rows.IsEmpty ? start + j : rows[j]));
    }

    private protected override void TruncateValues(int length) => _dataLength = _offsets[length];

    public override ArrayData BuildData()
    {
        if (_offsets.Length == 0) _offsets = new int[1];
        var (validity, nulls) = Validity.Build(Length);
        var offsets = new ArrowBuffer(MemoryMarshal.AsBytes(_offsets.AsSpan(0, Length + 1)).ToArray());
        var data = new ArrayData(Type, Length, nulls, 0, [validity, offsets, new ArrowBuffer(_data.AsMemory(0, _dataLength))],
            System.Array.Empty<ArrayData>());
        _capacity = Math.Max(_capacity, Length);
        _dataCapacity = Math.Max(_dataCapacity, _dataLength);
        _data = System.Array.Empty<byte>();
        _dataLength = 0;
        Length = 0;
        return data;
    }

    private Span<byte> Reserve(int bytes)
    {
        if (_dataLength + bytes > _data.Length) Grow(bytes);
        return _data.AsSpan(_dataLength, bytes);
    }

    /// <summary>A larger data buffer, not zeroed (only the bytes up to the data length are ever read, and they are all
    /// written): a string column of a 4096-row batch is often a large-object allocation, whose clearing showed in profiles.</summary>
    private void Grow(int bytes)
    {
        var grown = GC.AllocateUninitializedArray<byte>(Math.Max(_dataLength + bytes, _data.Length == 0 ? _dataCapacity : _data.Length * 2));
        _data.AsSpan(0, _dataLength).CopyTo(grown);
        _data = grown;
    }

    private void EndRow()
    {
        int row = Length;
        if (row + 2 > _offsets.Length) System.Array.Resize(ref _offsets, Math.Max(row + 2, Math.Max(_capacity + 1, _offsets.Length * 2)));
        _offsets[row + 1] = _dataLength;
        Length = row + 1;
    }
}
