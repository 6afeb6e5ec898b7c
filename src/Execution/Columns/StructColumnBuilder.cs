using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A ROW column: a validity bitmap and one builder per field, filled by the caller
/// (<see cref="ColumnBuilder.AppendStructValid"/> then a value per child, or <see cref="AppendNull"/>, which nulls every child).</summary>
public sealed class StructColumnBuilder : ColumnBuilder
{
    private readonly ColumnBuilder[] _children;

    internal StructColumnBuilder(StructType type, int capacity) : base(type)
    {
        _children = new ColumnBuilder[type.Fields.Count];
        for (int i = 0; i < _children.Length; i++) _children[i] = Create(type.Fields[i].DataType, capacity);
    }

    public override IReadOnlyList<ColumnBuilder> Children => _children;

    public override void AppendStructValid() => Length++;

    public override void AppendNull()
    {
        foreach (var child in _children) child.AppendNull();
        Validity.SetNull(Length);
        Length++;
    }

    internal override void AppendFrom(ColumnReader reader, int row)
    {
        // Nested values are never constants but NULL (a typed NULL literal): others are copied from their column
        // (CASE, COALESCE and IF choosing between nested values row by row).
        if (reader.IsNull(row)) AppendNull();
        else if (reader.TryLocate(row, out var data, out int index)) AppendRange(data, index, 1);
        else throw Unsupported("a row-at-a-time reader");
    }

    private protected override void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count)
    {
        // Children are not sliced by the parent's offset.
        if (rows.IsEmpty)
        {
            for (int f = 0; f < _children.Length; f++) _children[f].AppendRange(source.Children[f], source.Offset + start, count);
        }
        else
        {
            var shifted = new int[count];
            for (int j = 0; j < count; j++) shifted[j] = source.Offset + rows[j];
            for (int f = 0; f < _children.Length; f++) _children[f].AppendRows(source.Children[f], shifted);
        }
        Length += count;
    }

    private protected override void TruncateValues(int length)
    {
        foreach (var child in _children) child.Truncate(length);
    }

    public override ArrayData BuildData()
    {
        var children = new ArrayData[_children.Length];
        for (int i = 0; i < children.Length; i++) children[i] = _children[i].BuildData();
        var (validity, nulls) = Validity.Build(Length);
        var data = new ArrayData(Type, Length, nulls, 0, [validity], children);
        Length = 0;
        return data;
    }
}
