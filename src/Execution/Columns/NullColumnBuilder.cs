using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A column of the NULL type: only a length.</summary>
public sealed class NullColumnBuilder : ColumnBuilder
{
    internal NullColumnBuilder(IArrowType type) : base(type) { }

    public override void AppendNull() => Length++;
    internal override void AppendFrom(ColumnReader reader, int row) => Length++;
    private protected override void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count) => Length += count;

    public override ArrayData BuildData()
    {
        var data = new ArrayData(Type, Length, Length, 0, System.Array.Empty<ArrowBuffer>(), System.Array.Empty<ArrayData>());
        Validity.Build(Length);
        Length = 0;
        return data;
    }
}
