using System.Numerics;
using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>
/// Row-at-a-time typed access to one Arrow column (or a constant), for kernels that work value by value (string and
/// time functions, casts). Values come in the shared representations: integers, DATE, TIME, TIMESTAMP and intervals as
/// <see cref="GetInt64"/>; DECIMAL as its unscaled <see cref="GetUnscaled"/> with the type's scale.
/// </summary>
internal abstract class ColumnReader
{
    protected ColumnReader(SqlType type) => Type = type;

    public SqlType Type { get; }

    public abstract bool IsNull(int row);
    public virtual bool GetBoolean(int row) => throw Unsupported("BOOLEAN");
    public virtual long GetInt64(int row) => throw Unsupported("an integer");
    public virtual double GetDouble(int row) => GetInt64(row);
    public virtual Int128 GetUnscaled(int row) => throw Unsupported("DECIMAL");
    public virtual string GetString(int row) => throw Unsupported("STRING");
    public virtual ReadOnlySpan<byte> GetUtf8(int row) => Encoding.UTF8.GetBytes(GetString(row));
    public virtual ReadOnlySpan<byte> GetBytes(int row) => throw Unsupported("BYTES");

    /// <summary>Where row <paramref name="row"/> lives in an Arrow column: its data and logical index there. Nested
    /// values have no scalar form, so builders copy them from there; false for constants.</summary>
    public virtual bool TryLocate(int row, out ArrayData data, out int index)
    {
        data = null!;
        index = -1;
        return false;
    }

    private NotSupportedException Unsupported(string what) => new($"a {Type} column cannot be read as {what}");

    public static ColumnReader Create(IArrowArray array, SqlType type)
    {
        var kind = ColumnKinds.Of(type);
        return ColumnKinds.Accept<Factory, ColumnReader>(kind, new Factory(new ColumnView(array.Data, kind), type));
    }

    private readonly struct Factory(ColumnView column, SqlType type) : IColumnVisitor<ColumnReader>
    {
        public ColumnReader Null() => new NullReader(type);
        public ColumnReader Boolean() => new BooleanReader(column, type);
        public ColumnReader Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T> => new IntegerReader<T>(column, type);
        public ColumnReader Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => new FloatingReader<T>(column, type);
        public ColumnReader Decimal() => new DecimalReader(column, type);
        public ColumnReader Bytes(bool utf8) => utf8 ? new StringReader(column, type) : new BinaryReader(column, type);
        public ColumnReader Struct() => new OpaqueReader(column, type);
        public ColumnReader List() => new OpaqueReader(column, type);
    }

    private sealed class NullReader(SqlType type) : ColumnReader(type)
    {
        public override bool IsNull(int row) => true;
    }

    private abstract class ArrayReader(ColumnView column, SqlType type) : ColumnReader(type)
    {
        protected readonly ColumnView Column = column;
        public override bool IsNull(int row) => Column.IsNull(row);
    }

    private sealed class OpaqueReader(ColumnView column, SqlType type) : ArrayReader(column, type)
    {
        public override bool TryLocate(int row, out ArrayData data, out int index)
        {
            data = Column.Data;
            index = row;
            return true;
        }
    }

    private sealed class BooleanReader(ColumnView column, SqlType type) : ArrayReader(column, type)
    {
        public override bool GetBoolean(int row) => Column.GetBoolean(row);
        public override long GetInt64(int row) => GetBoolean(row) ? 1 : 0;
    }

    private sealed class IntegerReader<T>(ColumnView column, SqlType type) : ArrayReader(column, type)
        where T : unmanaged, IBinaryInteger<T>
    {
        public override long GetInt64(int row) => long.CreateTruncating(Column.Values<T>()[row]);
    }

    private sealed class FloatingReader<T>(ColumnView column, SqlType type) : ArrayReader(column, type)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public override double GetDouble(int row) => double.CreateTruncating(Column.Values<T>()[row]);
        public override long GetInt64(int row) => JavaConversions.DoubleToLong(GetDouble(row));
    }

    private sealed class DecimalReader(ColumnView column, SqlType type) : ArrayReader(column, type)
    {
        public override Int128 GetUnscaled(int row) => Column.GetUnscaled(row);
        public override double GetDouble(int row) => DecimalMath.ToDouble(GetUnscaled(row), Type.Precision, Type.Scale);
        public override long GetInt64(int row) => (long)DecimalMath.Truncate(GetUnscaled(row), Type.Scale);
    }

    private sealed class StringReader(ColumnView column, SqlType type) : ArrayReader(column, type)
    {
        public override string GetString(int row) => Column.GetString(row);
        public override ReadOnlySpan<byte> GetUtf8(int row) => Column.GetBytes(row);
    }

    private sealed class BinaryReader(ColumnView column, SqlType type) : ArrayReader(column, type)
    {
        public override ReadOnlySpan<byte> GetBytes(int row) => Column.GetBytes(row);
        public override string GetString(int row) => Column.GetString(row);
    }
}

/// <summary>A literal seen as a column: every row has the same value.</summary>
internal sealed class ConstantReader : ColumnReader
{
    private readonly object? _value;
    private readonly byte[]? _utf8;

    public ConstantReader(object? value, SqlType type) : base(type)
    {
        _value = value;
        if (value is string s) _utf8 = Encoding.UTF8.GetBytes(s);
        else if (value is byte[] b) _utf8 = b;
    }

    public object? Value => _value;
    public override bool IsNull(int row) => _value is null;
    public override bool GetBoolean(int row) => _value is bool b ? b : Convert.ToInt64(_value, System.Globalization.CultureInfo.InvariantCulture) != 0;

    public override long GetInt64(int row) => _value switch
    {
        long l => l,
        int i => i,
        bool b => b ? 1 : 0,
        double d => JavaConversions.DoubleToLong(d),
        float f => JavaConversions.DoubleToLong(f),
        DecimalValue m => (long)DecimalMath.Truncate(m.Unscaled, m.Scale),
        _ => Convert.ToInt64(_value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public override double GetDouble(int row) => _value switch
    {
        double d => d,
        float f => f,
        DecimalValue m => Type.Kind == SqlTypeKind.Decimal ? DecimalMath.ToDouble(GetUnscaled(row), Type.Precision, Type.Scale) : m.ToDouble(),
        _ => GetInt64(row),
    };

    /// <summary>The value unscaled at this type's scale (a literal's value has its type's scale already).</summary>
    public override Int128 GetUnscaled(int row)
    {
        int scale = Type.Kind == SqlTypeKind.Decimal ? Type.Scale : 0;
        switch (_value)
        {
            case DecimalValue m:
                return DecimalMath.TryRescale(m.Unscaled, m.Scale, scale, out var rescaled) ? rescaled : 0;
            case double or float:
                return DecimalMath.TryFromDouble(GetDouble(row), DecimalValue.MaxPrecision, scale, out var fromDouble) ? fromDouble : 0;
            default:
                return DecimalMath.TryRescale(GetInt64(row), 0, scale, out var fromInteger) ? fromInteger : 0;
        }
    }

    public override string GetString(int row) => _value switch
    {
        string s => s,
        byte[] b => Encoding.UTF8.GetString(b),
        DecimalValue m => m.ToString(),
        _ => Convert.ToString(_value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    public override ReadOnlySpan<byte> GetUtf8(int row) => _utf8 ?? Encoding.UTF8.GetBytes(GetString(row));
    public override ReadOnlySpan<byte> GetBytes(int row) => _utf8 ?? Encoding.UTF8.GetBytes(GetString(row));
}
