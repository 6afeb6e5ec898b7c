using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary>The offsets and validity of an ARRAY/MAP column, read in place.</summary>
internal readonly ref struct ListColumn
{
    private readonly ReadOnlySpan<int> _offsets;
    private readonly ValidityBits _validity;
    private readonly bool _hasNulls;

    public ListColumn(ArrayData data)
    {
        Data = data;
        _offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span).Slice(data.Offset);
        _hasNulls = data.NullCount != 0;
        _validity = _hasNulls ? new ValidityBits(data.Buffers[0].Span, data.Offset) : default;
    }

    public ArrayData Data { get; }
    public ArrayData Child => Data.Children[0];
    public bool IsNull(int row) => _hasNulls && !_validity.IsValid(row);
    public int Start(int row) => _offsets[row];
    public int Count(int row) => _offsets[row + 1] - _offsets[row];
}

/// <summary><c>array[i]</c>: 1-based; NULL for a NULL array or index and for an index out of range (Flink).</summary>
internal sealed class ArrayItemKernel(VectorExpression array, VectorExpression index, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var list = new ListColumn(array.Evaluate(input, context).Data);
        var indexes = index.EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (list.IsNull(i) || indexes.IsNull(i)) { builder.AppendNull(); continue; }
            long at = indexes.GetInt64(i);
            if (at < 1 || at > list.Count(i)) builder.AppendNull();
            else builder.AppendRange(list.Child, list.Start(i) + (int)at - 1, 1);
        }
        return builder.Build();
    }
}

/// <summary><c>map[key]</c>: the value of the key's entry; NULL when the map or key is NULL or the key is absent.</summary>
internal sealed class MapItemKernel(VectorExpression map, VectorExpression key, SqlType type) : VectorExpression(type)
{
    private readonly ValueEquality _equality = new(map.Type.Elements![0]);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var list = new ListColumn(map.Evaluate(input, context).Data);
        var entries = list.Child;
        var keys = ColumnReader.Create(ArrowArrayFactory.BuildArray(entries.Children[0]), map.Type.Elements![0]);
        var values = entries.Children[1];
        var wanted = key.EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            int found = -1;
            if (!list.IsNull(i) && !wanted.IsNull(i))
            {
                int start = list.Start(i), end = start + list.Count(i);
                // The last entry of a key wins, as a later put does in a Java map.
                for (int e = end - 1; e >= start && found < 0; e--)
                    if (_equality.Equal(keys, entries.Offset + e, wanted, i)) found = entries.Offset + e;
            }
            if (found < 0) builder.AppendNull();
            else builder.AppendRange(values, found, 1);
        }
        return builder.Build();
    }
}

/// <summary><c>row.field</c>: the field's column (shared when no row is NULL; NULL where the row is).</summary>
internal sealed class FieldAccessKernel(VectorExpression row, int field, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var data = row.Evaluate(input, context).Data;
        var child = data.Children[field];
        if (data.NullCount == 0) return ArrowArrayFactory.BuildArray(child.Slice(data.Offset, n));
        var validity = new ValidityBits(data.Buffers[0].Span, data.Offset);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (!validity.IsValid(i)) builder.AppendNull();
            else builder.AppendRange(child, data.Offset + i, 1);
        }
        return builder.Build();
    }
}

/// <summary><c>CARDINALITY(array | map)</c>: the number of elements or entries.</summary>
internal sealed class CardinalityKernel(VectorExpression operand, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var list = new ListColumn(operand.Evaluate(input, context).Data);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (list.IsNull(i)) builder.AppendNull();
            else builder.AppendInt64(list.Count(i));
        }
        return builder.Build();
    }
}

/// <summary><c>ELEMENT(array)</c>: NULL for an empty array, its element for one of one, an error beyond (Flink); also
/// SINGLE_VALUE's result from the list of a group's values, with that function's message.</summary>
internal sealed class ElementKernel(VectorExpression operand, SqlType type, string tooMany) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var list = new ListColumn(operand.Evaluate(input, context).Data);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            int count = list.IsNull(i) ? 0 : list.Count(i);
            if (count > 1) throw new ExpressionEvaluationException(tooMany);
            if (count == 0) builder.AppendNull();
            else builder.AppendRange(list.Child, list.Start(i), 1);
        }
        return builder.Build();
    }
}

/// <summary><c>ARRAY_CONTAINS(array, value)</c>: whether an element equals the value (a NULL value finds a NULL element).</summary>
internal sealed class ArrayContainsKernel(VectorExpression array, VectorExpression value, SqlType type) : VectorExpression(type)
{
    private readonly ValueEquality _equality = new(array.Type.Elements![0]);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var list = new ListColumn(array.Evaluate(input, context).Data);
        var elements = ColumnReader.Create(ArrowArrayFactory.BuildArray(list.Child), array.Type.Elements![0]);
        var needles = value.EvaluateReader(input, context);
        int childOffset = list.Child.Offset;
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (list.IsNull(i)) { builder.AppendNull(); continue; }
            bool found = false;
            int start = list.Start(i), end = start + list.Count(i);
            for (int e = start; e < end && !found; e++) found = _equality.Equal(elements, childOffset + e, needles, i);
            builder.AppendBoolean(found);
        }
        return builder.Build();
    }
}
