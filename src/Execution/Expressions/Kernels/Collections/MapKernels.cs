using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary><c>MAP_KEYS(map)</c>, <c>MAP_VALUES(map)</c>, <c>MAP_ENTRIES(map)</c>: the keys, the values, or the entries
/// as <c>ROW(key, value)</c>, in the map's order; NULL for a NULL map.</summary>
internal sealed class MapPartKernel(VectorExpression map, MapPartKernel.Part part, SqlType type) : VectorExpression(type)
{
    public enum Part { Keys, Values, Entries }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var list = new ListColumn(map.Evaluate(input, context).Data);
        var entries = list.Child;
        // The struct's children are not shifted by its offset; the entries themselves are.
        var source = part switch { Part.Keys => entries.Children[0], Part.Values => entries.Children[1], _ => entries };
        int shift = part == Part.Entries ? 0 : entries.Offset;
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (list.IsNull(i)) { builder.AppendNull(); continue; }
            builder.Values.AppendRange(source, shift + list.Start(i), list.Count(i));
            builder.AppendListValid();
        }
        return builder.Build();
    }
}

/// <summary><c>MAP_FROM_ARRAYS(keys, values)</c>: entry k is (keys[k], values[k]); NULL when either array is NULL; an error
/// when their lengths differ (Flink).</summary>
internal sealed class MapFromArraysKernel(VectorExpression keys, VectorExpression values, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var k = new ListColumn(keys.Evaluate(input, context).Data);
        var v = new ListColumn(values.Evaluate(input, context).Data);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var entries = builder.Values;
        for (int i = 0; i < n; i++)
        {
            if (k.IsNull(i) || v.IsNull(i)) { builder.AppendNull(); continue; }
            int count = k.Count(i);
            if (count != v.Count(i))
                throw new ExpressionEvaluationException(
                    $"Invalid function MAP_FROM_ARRAYS call: the length of the keys array {count} is not equal to the length of the values array {v.Count(i)}");
            for (int e = 0; e < count; e++) entries.AppendStructValid();
            entries.Children[0].AppendRange(k.Child, k.Start(i), count);
            entries.Children[1].AppendRange(v.Child, v.Start(i), count);
            builder.AppendListValid();
        }
        return builder.Build();
    }
}

/// <summary><c>MAP_UNION(map, ...)</c>: the entries of every map; a key in several maps takes the value of the last one
/// (and keeps its first place); NULL when any map is NULL.</summary>
internal sealed class MapUnionKernel(VectorExpression[] maps, SqlType type) : VectorExpression(type)
{
    private readonly ValueEquality _equality = new(type.Elements![0]);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var lists = new ArrayData[maps.Length];
        var keys = new ColumnReader[maps.Length];
        for (int m = 0; m < maps.Length; m++)
        {
            lists[m] = maps[m].Evaluate(input, context).Data;
            keys[m] = ColumnReader.Create(ArrowArrayFactory.BuildArray(lists[m].Children[0].Children[0]), Type.Elements![0]);
        }
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var entries = builder.Values;
        for (int i = 0; i < n; i++)
        {
            bool anyNull = false;
            foreach (var data in lists) anyNull |= new ListColumn(data).IsNull(i);
            if (anyNull) { builder.AppendNull(); continue; }
            for (int m = 0; m < lists.Length; m++)
            {
                var list = new ListColumn(lists[m]);
                int shift = list.Child.Offset, start = list.Start(i), end = start + list.Count(i);
                for (int e = start; e < end; e++)
                {
                    if (SeenBefore(lists, keys, m, shift + e, i)) continue;
                    var (lastMap, lastEntry) = LastOf(lists, keys, m, shift + e, i);
                    entries.AppendStructValid();
                    entries.Children[0].AppendRange(list.Child.Children[0], shift + e, 1);
                    entries.Children[1].AppendRange(lists[lastMap].Children[0].Children[1], lastEntry, 1);
                }
            }
            builder.AppendListValid();
        }
        return builder.Build();
    }

    /// <summary>Whether the key at <paramref name="position"/> of map <paramref name="map"/> came earlier in the row.</summary>
    private bool SeenBefore(ArrayData[] lists, ColumnReader[] keys, int map, int position, int row)
    {
        for (int m = 0; m <= map; m++)
        {
            var list = new ListColumn(lists[m]);
            int shift = list.Child.Offset, start = shift + list.Start(row), end = m == map ? position : start + list.Count(row);
            for (int e = start; e < end; e++)
                if (_equality.Equal(keys[m], e, keys[map], position)) return true;
        }
        return false;
    }

    /// <summary>The last entry of the row with the same key as <paramref name="position"/> of map <paramref name="map"/>.</summary>
    private (int Map, int Entry) LastOf(ArrayData[] lists, ColumnReader[] keys, int map, int position, int row)
    {
        for (int m = lists.Length - 1; m >= map; m--)
        {
            var list = new ListColumn(lists[m]);
            int shift = list.Child.Offset, start = shift + list.Start(row), end = start + list.Count(row);
            for (int e = end - 1; e >= start; e--)
                if (_equality.Equal(keys[m], e, keys[map], position)) return (m, e);
        }
        return (map, position);
    }
}
