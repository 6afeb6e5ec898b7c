using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>The rows a rank or deduplication emits for one batch: serialized rows (<see cref="KeySerializer"/> over all
/// columns), their kinds, and (when asked) the rank number as a BIGINT column after the row's. The rows' bytes are copied
/// as they are appended (the buffers they come from change in place) and decoded a column at a time when the batch is
/// built: integer-backed and string/bytes columns straight into Arrow buffers of the exact size (a string column's bytes
/// are counted first, so its data buffer is allocated once), the other kinds into builders sized for the batch. The type
/// is looked at once per column, not once per value.</summary>
internal sealed class RankOutput
{
    private readonly SqlType[] _types;
    private readonly IArrowType[] _arrowTypes;
    private readonly ColumnKind[] _columnKinds;
    private readonly bool _rankNumber;
    private RowKind[] _kinds;
    private long[] _ranks;
    private int[] _cursors;
    private byte[] _bytes = new byte[4096];
    private int _length;

    public RankOutput(SqlType[] types, bool rankNumber, int capacity)
    {
        _types = types;
        _arrowTypes = types.Select(ArrowTypeMapping.ToArrow).ToArray();
        _columnKinds = types.Select(t => ColumnKinds.Of(t)).ToArray();
        _rankNumber = rankNumber;
        capacity = Math.Max(8, capacity);
        _kinds = new RowKind[capacity];
        _ranks = rankNumber ? new long[capacity] : [];
        _cursors = new int[capacity];
    }

    public int Count { get; private set; }

    /// <summary>The bytes of the rows appended so far.</summary>
    public int ByteCount => _length;

    public void Append(RowKind kind, ReadOnlySpan<byte> row, long rank)
    {
        if (Count == _kinds.Length)
        {
            System.Array.Resize(ref _kinds, Count * 2);
            System.Array.Resize(ref _cursors, Count * 2);
            if (_rankNumber) System.Array.Resize(ref _ranks, Count * 2);
        }
        if (_length + row.Length > _bytes.Length) System.Array.Resize(ref _bytes, Math.Max(_length + row.Length, _bytes.Length * 2));
        _kinds[Count] = kind;
        _cursors[Count] = _length;
        if (_rankNumber) _ranks[Count] = rank;
        row.CopyTo(_bytes.AsSpan(_length));
        _length += row.Length;
        Count++;
    }

    /// <summary>The rows appended so far as a batch; the output starts empty again.</summary>
    public Batch Build(Schema schema)
    {
        int n = Count;
        var arrays = new IArrowArray[_types.Length + (_rankNumber ? 1 : 0)];
        for (int c = 0; c < _types.Length; c++)
            arrays[c] = ColumnKinds.Accept<ColumnDecoder, IArrowArray>(_columnKinds[c], new ColumnDecoder(this, c, n));
        if (_rankNumber)
        {
            var ranks = GC.AllocateUninitializedArray<byte>(n * sizeof(long));
            _ranks.AsSpan(0, n).CopyTo(MemoryMarshal.Cast<byte, long>(ranks.AsSpan()));
            arrays[^1] = ArrowArrayFactory.BuildArray(new ArrayData(Int64Type.Default, n, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(ranks)],
                System.Array.Empty<ArrayData>()));
        }
        var kinds = _kinds.AsSpan(0, n).ToArray();
        Count = 0;
        _length = 0;
        return new Batch(new RecordBatch(schema, arrays, n), kinds);
    }

    /// <summary>Decodes column <c>c</c> of the first <c>n</c> rows (at their cursors, moved past it) into an array.</summary>
    private readonly struct ColumnDecoder(RankOutput output, int c, int n) : IColumnVisitor<IArrowArray>
    {
        public IArrowArray Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            ReadOnlySpan<byte> bytes = output._bytes.AsSpan(0, output._length);
            var cursors = output._cursors.AsSpan(0, n);
            var buffer = GC.AllocateUninitializedArray<byte>(n * Unsafe.SizeOf<T>());
            var values = MemoryMarshal.Cast<byte, T>(buffer.AsSpan());
            ValidityBuilder validity = default;
            for (int i = 0; i < cursors.Length; i++)
            {
                int pos = cursors[i];
                if (bytes[pos++] == 0)
                {
                    values[i] = T.Zero;
                    validity.SetNull(i);
                }
                else
                {
                    ulong z = VarInt.Read(bytes, ref pos);
                    values[i] = T.CreateTruncating((long)(z >> 1) ^ -(long)(z & 1));
                }
                cursors[i] = pos;
            }
            var (bitmap, nulls) = validity.Build(n);
            return ArrowArrayFactory.BuildArray(new ArrayData(output._arrowTypes[c], n, nulls, 0, [bitmap, new ArrowBuffer(buffer)],
                System.Array.Empty<ArrayData>()));
        }

        public IArrowArray Bytes(bool utf8)
        {
            ReadOnlySpan<byte> bytes = output._bytes.AsSpan(0, output._length);
            var cursors = output._cursors.AsSpan(0, n);
            int total = 0;
            for (int i = 0; i < cursors.Length; i++)
            {
                int pos = cursors[i];
                if (bytes[pos++] != 0) total += (int)VarInt.Read(bytes, ref pos);
            }
            var offsetBuffer = GC.AllocateUninitializedArray<byte>((n + 1) * sizeof(int));
            var offsets = MemoryMarshal.Cast<byte, int>(offsetBuffer.AsSpan());
            var data = GC.AllocateUninitializedArray<byte>(total);
            ValidityBuilder validity = default;
            int at = 0;
            offsets[0] = 0;
            for (int i = 0; i < cursors.Length; i++)
            {
                int pos = cursors[i];
                if (bytes[pos++] == 0) validity.SetNull(i);
                else
                {
                    int length = (int)VarInt.Read(bytes, ref pos);
                    bytes.Slice(pos, length).CopyTo(data.AsSpan(at));
                    at += length;
                    pos += length;
                }
                offsets[i + 1] = at;
                cursors[i] = pos;
            }
            var (bitmap, nulls) = validity.Build(n);
            return ArrowArrayFactory.BuildArray(new ArrayData(output._arrowTypes[c], n, nulls, 0,
                [bitmap, new ArrowBuffer(offsetBuffer), new ArrowBuffer(data)], System.Array.Empty<ArrayData>()));
        }

        public IArrowArray Null() => Built();
        public IArrowArray Boolean() => Built();
        public IArrowArray Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => Built();
        public IArrowArray Decimal() => Built();
        public IArrowArray Struct() => Built();
        public IArrowArray List() => Built();

        private IArrowArray Built()
        {
            var builder = ColumnBuilder.Create(output._arrowTypes[c], n);
            DecodeColumn(output._types[c].Kind, output._bytes.AsSpan(0, output._length), output._cursors.AsSpan(0, n), builder);
            return builder.Build();
        }
    }

    /// <summary>Appends the next column of every row (at <paramref name="cursors"/>, moved past it) to
    /// <paramref name="into"/>; the encoding is <see cref="KeySerializer"/>'s, as <see cref="KeyDecoder"/> reads it.</summary>
    private static void DecodeColumn(SqlTypeKind kind, ReadOnlySpan<byte> bytes, Span<int> cursors, ColumnBuilder into)
    {
        switch (kind)
        {
            case SqlTypeKind.Null: Decode<NullValue>(bytes, cursors, into); break;
            case SqlTypeKind.Boolean: Decode<BooleanValue>(bytes, cursors, into); break;
            case SqlTypeKind.Float: Decode<FloatValue>(bytes, cursors, into); break;
            case SqlTypeKind.Double: Decode<DoubleValue>(bytes, cursors, into); break;
            case SqlTypeKind.Decimal: Decode<DecimalValue>(bytes, cursors, into); break;
            case SqlTypeKind.Char or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Variant:
                Decode<BytesValue>(bytes, cursors, into);
                break;
            case SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset: Decode<NestedValue>(bytes, cursors, into); break;
            default: Decode<IntegerValue>(bytes, cursors, into); break;
        }
    }

    private static void Decode<T>(ReadOnlySpan<byte> bytes, Span<int> cursors, ColumnBuilder into) where T : struct, IValueDecoder
    {
        for (int i = 0; i < cursors.Length; i++)
        {
            int pos = cursors[i];
            if (bytes[pos++] == 0) into.AppendNull();
            else default(T).Append(bytes, ref pos, into);
            cursors[i] = pos;
        }
    }

    /// <summary>Reads one present value of a column type and appends it (a struct per type, so the loop is specialized).</summary>
    private interface IValueDecoder
    {
        void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into);
    }

    private readonly struct NullValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into) => into.AppendNull();
    }

    private readonly struct BooleanValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into) => into.AppendBoolean(bytes[pos++] != 0);
    }

    private readonly struct FloatValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into)
        {
            into.AppendDouble(BinaryPrimitives.ReadSingleLittleEndian(bytes[pos..]));
            pos += 4;
        }
    }

    private readonly struct DoubleValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into)
        {
            into.AppendDouble(BinaryPrimitives.ReadDoubleLittleEndian(bytes[pos..]));
            pos += 8;
        }
    }

    private readonly struct DecimalValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into)
        {
            into.AppendUnscaled(BinaryPrimitives.ReadInt128LittleEndian(bytes[pos..]));
            pos += 16;
        }
    }

    private readonly struct BytesValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into)
        {
            int length = (int)VarInt.Read(bytes, ref pos);
            into.AppendUtf8(bytes.Slice(pos, length));
            pos += length;
        }
    }

    private readonly struct NestedValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into) => StateValueCodec.Read(bytes, ref pos, into);
    }

    private readonly struct IntegerValue : IValueDecoder
    {
        public void Append(ReadOnlySpan<byte> bytes, ref int pos, ColumnBuilder into)
        {
            ulong z = VarInt.Read(bytes, ref pos);
            into.AppendInt64((long)(z >> 1) ^ -(long)(z & 1));
        }
    }
}
