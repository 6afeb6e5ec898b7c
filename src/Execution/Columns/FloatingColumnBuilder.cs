using System.Numerics;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A FLOAT or DOUBLE column.</summary>
public sealed class FloatingColumnBuilder<T> : FixedColumnBuilder<T> where T : unmanaged, IFloatingPoint<T>
{
    internal FloatingColumnBuilder(IArrowType type, int capacity) : base(type, capacity) { }

    public override void AppendDouble(double value) => Put(T.CreateTruncating(value));
    public override void AppendInt64(long value) => Put(T.CreateTruncating(value));

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        if (reader.IsNull(row)) AppendNull(); else AppendDouble(reader.GetDouble(row));
    }
}
