using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>The rows a rank or deduplication emits for one batch: serialized rows (<see cref="KeySerializer"/> over all
/// columns), their kinds, and (when asked) the rank number as a BIGINT column after the row's. The rows' bytes are copied
/// as they are appended (the buffers they come from change in place) and decoded a column at a time when the batch is
/// built, into builders sized for the batch: the type is looked at once per column, not once per value.</summary>
internal sealed class RankOutput
{
    private readonly SqlType[] _types;
    private readonly bool _rankNumber;
    private RowKind[] _kinds;
    private long[] _ranks;
    private int[] _cursors;
    private byte[] _bytes = new byte[4096];
    private int _length;

    public RankOutput(SqlType[] types, bool rankNumber, int capacity)
    {
        _types = types;
        _rankNumber = rankNumber;
        capacity = Math.Max(8, capacity);
        _kinds = new RowKind[capacity];
        _ranks = rankNumber ? new long[capacity] : [];
        _cursors = new int[capacity];
    }

    public int Count { get; private set; }

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
        var bytes = _bytes.AsSpan(0, _length);
        var cursors = _cursors.AsSpan(0, n);
        for (int c = 0; c < _types.Length; c++)
        {
            var builder = ColumnBuilder.Create(_types[c], n);
            DecodeColumn(_types[c].Kind, bytes, cursors, builder);
            arrays[c] = builder.Build();
        }
        if (_rankNumber)
        {
            var rank = ColumnBuilder.Create(SqlType.BigInt.WithNullable(false), n);
            for (int i = 0; i < n; i++) rank.AppendInt64(_ranks[i]);
            arrays[^1] = rank.Build();
        }
        var kinds = _kinds.AsSpan(0, n).ToArray();
        Count = 0;
        _length = 0;
        return new Batch(new RecordBatch(schema, arrays, n), kinds);
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
            case SqlTypeKind.Char or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary: Decode<BytesValue>(bytes, cursors, into); break;
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
