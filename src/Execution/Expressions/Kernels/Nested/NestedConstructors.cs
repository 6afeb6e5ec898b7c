using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary><c>ROW(v1, ...)</c>: the operands' columns become the struct's children as they are (no copy).</summary>
internal sealed class RowConstructorKernel(VectorExpression[] fields, SqlType type) : VectorExpression(type)
{
    private readonly Apache.Arrow.Types.IArrowType _arrowType = ArrowTypeMapping.ToArrow(type);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var children = new ArrayData[fields.Length];
        for (int f = 0; f < fields.Length; f++) children[f] = fields[f].Evaluate(input, context).Data;
        return ArrowArrayFactory.BuildArray(new ArrayData(_arrowType, n, 0, 0, [ArrowBuffer.Empty], children));
    }
}

/// <summary><c>ARRAY[v1, ...]</c>: row i's elements are row i of each operand.</summary>
internal sealed class ArrayConstructorKernel(VectorExpression[] elements, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var columns = new ArrayData[elements.Length];
        for (int k = 0; k < elements.Length; k++) columns[k] = elements[k].Evaluate(input, context).Data;
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var values = builder.Values;
        for (int i = 0; i < n; i++)
        {
            foreach (var column in columns) values.AppendRange(column, i, 1);
            builder.AppendListValid();
        }
        return builder.Build();
    }
}

/// <summary><c>MAP[k1, v1, ...]</c>: row i's entries are row i of each key and value operand, in order. A key given twice
/// keeps its last value, as Flink's map (a Java map) does.</summary>
internal sealed class MapConstructorKernel(VectorExpression[] items, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        int pairs = items.Length / 2;
        var keys = new IArrowArray[pairs];
        var values = new ArrayData[pairs];
        for (int p = 0; p < pairs; p++)
        {
            keys[p] = items[2 * p].Evaluate(input, context);
            values[p] = items[2 * p + 1].Evaluate(input, context).Data;
        }
        var keyEquality = pairs > 1 ? new ValueEquality(Type.Elements![0]) : null;
        var keyReaders = new Vectors.ColumnReader[pairs];
        if (keyEquality is not null)
            for (int p = 0; p < pairs; p++) keyReaders[p] = Vectors.ColumnReader.Create(keys[p], Type.Elements![0]);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var entries = builder.Values;
        var keyBuilder = entries.Children[0];
        var valueBuilder = entries.Children[1];
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < pairs; p++)
            {
                if (keyEquality is not null && IsOverridden(keyEquality, keyReaders, p, i)) continue;
                entries.AppendStructValid();
                keyBuilder.AppendRange(keys[p].Data, i, 1);
                valueBuilder.AppendRange(values[p], i, 1);
            }
            builder.AppendListValid();
        }
        return builder.Build();
    }

    /// <summary>Whether a later pair of row <paramref name="row"/> has the same key as pair <paramref name="pair"/>.</summary>
    private static bool IsOverridden(ValueEquality equality, Vectors.ColumnReader[] keys, int pair, int row)
    {
        for (int later = pair + 1; later < keys.Length; later++)
            if (equality.Equal(keys[pair], row, keys[later], row)) return true;
        return false;
    }
}
