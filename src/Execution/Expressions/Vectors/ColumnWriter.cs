using System.Runtime.CompilerServices;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>
/// Builds one result column of a known SQL type row by row (capacity known up front). Values in the shared
/// representations; see <see cref="ColumnReader"/>.
/// </summary>
internal abstract class ColumnWriter
{
    protected ColumnWriter(SqlType type) => Type = type;

    public SqlType Type { get; }
    public abstract int Count { get; }

    public abstract void AppendNull();
    public virtual void AppendBoolean(bool value) => throw Unsupported("BOOLEAN");
    public virtual void AppendInt64(long value) => throw Unsupported("an integer");
    public virtual void AppendDouble(double value) => throw Unsupported("DOUBLE");
    /// <summary>A DECIMAL given as unscaled value at the column's scale. Values beyond the precision become NULL (Flink).</summary>
    public virtual void AppendUnscaled(Int128 value) => throw Unsupported("DECIMAL");
    public virtual void AppendString(string value) => throw Unsupported("STRING");
    public virtual void AppendUtf8(ReadOnlySpan<byte> value) => AppendString(Encoding.UTF8.GetString(value));
    public virtual void AppendBytes(ReadOnlySpan<byte> value) => throw Unsupported("BYTES");

    /// <summary>Copies cell <paramref name="row"/> of <paramref name="reader"/> (of the same type).</summary>
    public abstract void AppendFrom(ColumnReader reader, int row);

    public abstract IArrowArray Build();

    private NotSupportedException Unsupported(string what) => new($"a {Type} column cannot be written from {what}");

    public static ColumnWriter Create(SqlType type, int capacity) => type.Kind switch
    {
        SqlTypeKind.Null => new NullWriter(type),
        SqlTypeKind.Boolean => new BooleanWriter(type, capacity),
        SqlTypeKind.TinyInt => new IntegerWriter<sbyte>(type, capacity),
        SqlTypeKind.SmallInt => new IntegerWriter<short>(type, capacity),
        SqlTypeKind.Int or SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.IntervalYearMonth => new IntegerWriter<int>(type, capacity),
        SqlTypeKind.BigInt or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime => new IntegerWriter<long>(type, capacity),
        SqlTypeKind.Float => new FloatingWriter<float>(type, capacity),
        SqlTypeKind.Double => new FloatingWriter<double>(type, capacity),
        SqlTypeKind.Decimal => new DecimalWriter(type, capacity),
        SqlTypeKind.Char or SqlTypeKind.VarChar => new Utf8Writer(type, capacity, binary: false),
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => new Utf8Writer(type, capacity, binary: true),
        _ => throw new NotSupportedException($"no writer for values of type {type}"),
    };

    private sealed class NullWriter(SqlType type) : ColumnWriter(type)
    {
        private int _count;
        public override int Count => _count;
        public override void AppendNull() => _count++;
        public override void AppendFrom(ColumnReader reader, int row) => _count++;
        public override IArrowArray Build() => new NullArray(_count);
    }

    /// <summary>Fixed-width values with a validity bitmap allocated on the first null.</summary>
    private abstract class FixedWriter<T>(SqlType type, int capacity) : ColumnWriter(type) where T : unmanaged
    {
        protected byte[] Buffer = ArrayBuild.Values<T>(capacity);
        private byte[]? _validity;
        protected int Position;
        public override int Count => Position;

        protected void Put(T value)
        {
            EnsureCapacity();
            MemoryMarshal.Cast<byte, T>(Buffer.AsSpan())[Position++] = value;
        }

        public override void AppendNull()
        {
            EnsureCapacity();
            _validity ??= Bitmaps.AllValid(Buffer.Length / Unsafe.SizeOf<T>());
            Bitmaps.Clear(_validity, Position);
            Position++;
        }

        private void EnsureCapacity()
        {
            int size = Unsafe.SizeOf<T>();
            if ((Position + 1) * size <= Buffer.Length) return;
            System.Array.Resize(ref Buffer, Buffer.Length * 2);
            if (_validity is not null)
            {
                int old = _validity.Length;
                System.Array.Resize(ref _validity, Bitmaps.ByteLength(Buffer.Length / size));
                _validity.AsSpan(old).Fill(0xFF);
            }
        }

        public override IArrowArray Build() => ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), Buffer, _validity, Position);
    }

    private sealed class IntegerWriter<T>(SqlType type, int capacity) : FixedWriter<T>(type, capacity) where T : unmanaged, IBinaryInteger<T>
    {
        public override void AppendInt64(long value) => Put(T.CreateTruncating(value));
        public override void AppendDouble(double value) => Put(T.CreateTruncating(JavaConversions.DoubleToLong(value)));
        public override void AppendBoolean(bool value) => Put(value ? T.One : T.Zero);
        public override void AppendFrom(ColumnReader reader, int row)
        {
            if (reader.IsNull(row)) AppendNull(); else AppendInt64(reader.GetInt64(row));
        }
    }

    private sealed class FloatingWriter<T>(SqlType type, int capacity) : FixedWriter<T>(type, capacity) where T : unmanaged, IFloatingPoint<T>
    {
        public override void AppendDouble(double value) => Put(T.CreateTruncating(value));
        public override void AppendInt64(long value) => Put(T.CreateTruncating(value));
        public override void AppendFrom(ColumnReader reader, int row)
        {
            if (reader.IsNull(row)) AppendNull(); else AppendDouble(reader.GetDouble(row));
        }
    }

    private sealed class DecimalWriter(SqlType type, int capacity) : FixedWriter<Int128>(type, capacity)
    {
        private readonly Int128 _limit = DecimalMath.PowerOfTen(type.Precision);
        public override void AppendUnscaled(Int128 value)
        {
            if (value >= _limit || value <= -_limit) AppendNull(); else Put(value);
        }
        public override void AppendInt64(long value)
        {
            if (DecimalMath.TryRescale(value, 0, Type.Scale, out var unscaled)) AppendUnscaled(unscaled); else AppendNull();
        }
        public override void AppendDouble(double value) => AppendDecimalFromDouble(value);
        private void AppendDecimalFromDouble(double value)
        {
            if (DecimalMath.TryFromDouble(value, Type.Precision, Type.Scale, out var unscaled)) AppendUnscaled(unscaled); else AppendNull();
        }
        public override void AppendFrom(ColumnReader reader, int row)
        {
            if (reader.IsNull(row)) AppendNull(); else AppendUnscaled(reader.GetUnscaled(row));
        }
    }

    private sealed class BooleanWriter(SqlType type, int capacity) : ColumnWriter(type)
    {
        private byte[] _bits = new byte[Bitmaps.ByteLength(Math.Max(capacity, 8))];
        private byte[]? _validity;
        private int _position;
        public override int Count => _position;

        private void EnsureCapacity()
        {
            if (_position < _bits.Length * 8) return;
            System.Array.Resize(ref _bits, _bits.Length * 2);
            if (_validity is not null)
            {
                int old = _validity.Length;
                System.Array.Resize(ref _validity, _bits.Length);
                _validity.AsSpan(old).Fill(0xFF);
            }
        }

        public override void AppendBoolean(bool value)
        {
            EnsureCapacity();
            if (value) Bitmaps.Set(_bits, _position);
            _position++;
        }

        public override void AppendInt64(long value) => AppendBoolean(value != 0);

        public override void AppendNull()
        {
            EnsureCapacity();
            _validity ??= Bitmaps.AllValid(_bits.Length * 8);
            Bitmaps.Clear(_validity, _position);
            _position++;
        }

        public override void AppendFrom(ColumnReader reader, int row)
        {
            if (reader.IsNull(row)) AppendNull(); else AppendBoolean(reader.GetBoolean(row));
        }

        public override IArrowArray Build() => ArrayBuild.Boolean(_bits, _validity, _position);
    }

    /// <summary>Variable-length UTF-8 (STRING) or raw bytes (BYTES): offsets, data, validity.</summary>
    private sealed class Utf8Writer : ColumnWriter
    {
        private readonly bool _binary;
        private int[] _offsets;
        private byte[] _data;
        private byte[]? _validity;
        private int _position;
        private int _dataLength;

        public Utf8Writer(SqlType type, int capacity, bool binary) : base(type)
        {
            _binary = binary;
            _offsets = new int[Math.Max(capacity, 1) + 1];
            _data = new byte[Math.Max(capacity * 8, 16)];
        }

        public override int Count => _position;

        private void EnsureRow()
        {
            if (_position + 1 < _offsets.Length) return;
            System.Array.Resize(ref _offsets, _offsets.Length * 2);
            if (_validity is not null)
            {
                int old = _validity.Length;
                System.Array.Resize(ref _validity, Bitmaps.ByteLength(_offsets.Length));
                _validity.AsSpan(old).Fill(0xFF);
            }
        }

        private Span<byte> Reserve(int bytes)
        {
            if (_dataLength + bytes > _data.Length)
                System.Array.Resize(ref _data, Math.Max(_data.Length * 2, _dataLength + bytes));
            return _data.AsSpan(_dataLength, bytes);
        }

        public override void AppendNull()
        {
            EnsureRow();
            _validity ??= Bitmaps.AllValid(_offsets.Length);
            Bitmaps.Clear(_validity, _position);
            _position++;
            _offsets[_position] = _dataLength;
        }

        public override void AppendUtf8(ReadOnlySpan<byte> value)
        {
            EnsureRow();
            value.CopyTo(Reserve(value.Length));
            _dataLength += value.Length;
            _position++;
            _offsets[_position] = _dataLength;
        }

        public override void AppendBytes(ReadOnlySpan<byte> value) => AppendUtf8(value);

        public override void AppendString(string value)
        {
            EnsureRow();
            int max = Encoding.UTF8.GetMaxByteCount(value.Length);
            int written = Encoding.UTF8.GetBytes(value, Reserve(max));
            _dataLength += written;
            _position++;
            _offsets[_position] = _dataLength;
        }

        public override void AppendFrom(ColumnReader reader, int row)
        {
            if (reader.IsNull(row)) AppendNull();
            else if (_binary) AppendBytes(reader.GetBytes(row));
            else AppendUtf8(reader.GetUtf8(row));
        }

        public override IArrowArray Build()
        {
            int nulls = Bitmaps.NullCount(_validity, _position);
            var offsets = new byte[(_position + 1) * 4];
            MemoryMarshal.AsBytes(_offsets.AsSpan(0, _position + 1)).CopyTo(offsets);
            var data = new ArrayData(_binary ? BinaryType.Default : StringType.Default, _position, nulls, 0,
                new[] { nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity!), new ArrowBuffer(offsets), new ArrowBuffer(_data.AsMemory(0, _dataLength)) });
            return ArrowArrayFactory.BuildArray(data);
        }
    }
}
