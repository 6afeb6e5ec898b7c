using System.Numerics;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>An integer-backed column: TINYINT..BIGINT, DATE, TIME, TIMESTAMP, intervals.</summary>
public sealed class IntegerColumnBuilder<T> : FixedColumnBuilder<T> where T : unmanaged, IBinaryInteger<T>
{
    internal IntegerColumnBuilder(IArrowType type, int capacity) : base(type, capacity) { }

    public override void AppendInt64(long value) => Put(T.CreateTruncating(value));
    public override void AppendDouble(double value) => Put(T.CreateTruncating(JavaConversions.DoubleToLong(value)));
    public override void AppendBoolean(bool value) => Put(value ? T.One : T.Zero);

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        if (reader.IsNull(row)) AppendNull(); else AppendInt64(reader.GetInt64(row));
    }
}
