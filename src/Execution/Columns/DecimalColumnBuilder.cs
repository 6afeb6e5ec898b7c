using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A DECIMAL(p, s) column of unscaled 128-bit values at scale s.</summary>
public sealed class DecimalColumnBuilder : FixedColumnBuilder<Int128>
{
    private readonly Int128 _limit;

    internal DecimalColumnBuilder(Decimal128Type type, int capacity) : base(type, capacity)
    {
        Precision = type.Precision;
        Scale = type.Scale;
        _limit = DecimalMath.PowerOfTen(type.Precision);
    }

    public int Precision { get; }
    public int Scale { get; }

    public override void AppendUnscaled(Int128 value)
    {
        if (value >= _limit || value <= -_limit) AppendNull(); else Put(value);
    }

    public override void AppendInt64(long value)
    {
        if (DecimalMath.TryRescale(value, 0, Scale, out var unscaled)) AppendUnscaled(unscaled); else AppendNull();
    }

    public override void AppendDouble(double value)
    {
        if (DecimalMath.TryFromDouble(value, Precision, Scale, out var unscaled)) AppendUnscaled(unscaled); else AppendNull();
    }

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        if (reader.IsNull(row)) AppendNull(); else AppendUnscaled(reader.GetUnscaled(row));
    }
}
