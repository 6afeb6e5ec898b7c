using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Columns;

/// <summary>A ROW column: a validity bitmap and one builder per field, filled by the caller
/// (<see cref="ColumnBuilder.AppendStructValid"/> then a value per child, or <see cref="AppendNull"/>, which nulls every child).</summary>
public sealed class StructColumnBuilder : ColumnBuilder
{
    private readonly ColumnBuilder[] _children;
    private ValidityBuilder _validity;

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
        _validity.SetNull(Length);
        Length++;
    }

    internal override void AppendFrom(ColumnReader reader, int row) => throw Unsupported("a row-at-a-time reader");

    public override void AppendRows(ArrayData source, ReadOnlySpan<int> rows)
    {
        // Children are not sliced by the parent's offset.
        var shifted = new int[rows.Length];
        for (int j = 0; j < rows.Length; j++) shifted[j] = source.Offset + rows[j];
        for (int f = 0; f < _children.Length; f++) _children[f].AppendRows(source.Children[f], shifted);
        _validity.CopyFrom(source, rows, 0, rows.Length, Length);
        Length += rows.Length;
    }

    public override void AppendRange(ArrayData source, int start, int count)
    {
        for (int f = 0; f < _children.Length; f++) _children[f].AppendRange(source.Children[f], source.Offset + start, count);
        _validity.CopyFrom(source, ReadOnlySpan<int>.Empty, start, count, Length);
        Length += count;
    }

    public override void Truncate(int length)
    {
        if (length >= Length) return;
        foreach (var child in _children) child.Truncate(length);
        _validity.Truncate(length, Length);
        Length = length;
    }

    public override ArrayData BuildData()
    {
        var children = new ArrayData[_children.Length];
        for (int i = 0; i < children.Length; i++) children[i] = _children[i].BuildData();
        var (validity, nulls) = _validity.Build(Length);
        var data = new ArrayData(Type, Length, nulls, 0, [validity], children);
        Length = 0;
        return data;
    }
}
