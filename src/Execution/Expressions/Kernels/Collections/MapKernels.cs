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

/// <summary><c>MAP_UNION(map, ...)</c> as Flink's MapUnionFunction folds the maps from the left: each next (non-empty)
/// map's entries come first, then the entries so far whose key it lacks. So a shared key takes the last map's value,
/// and the later maps' entries lead the result. NULL when any map is NULL.</summary>
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
        // (map, entry position in its key/value children) of the union so far, and the next one being built.
        var current = new List<(int Map, int Entry)>();
        var next = new List<(int Map, int Entry)>();
        for (int i = 0; i < n; i++)
        {
            bool anyNull = false;
            foreach (var data in lists) anyNull |= new ListColumn(data).IsNull(i);
            if (anyNull) { builder.AppendNull(); continue; }
            current.Clear();
            AddAll(lists, 0, i, current);
            for (int m = 1; m < lists.Length; m++)
            {
                var list = new ListColumn(lists[m]);
                if (list.Count(i) == 0) continue;
                next.Clear();
                AddAll(lists, m, i, next);
                int start = list.Child.Offset + list.Start(i), end = start + list.Count(i);
                foreach (var (map, entry) in current)
                {
                    bool replaced = false;
                    for (int e = start; e < end && !replaced; e++) replaced = _equality.Equal(keys[m], e, keys[map], entry);
                    if (!replaced) next.Add((map, entry));
                }
                (current, next) = (next, current);
            }
            foreach (var (map, entry) in current)
            {
                entries.AppendStructValid();
                entries.Children[0].AppendRange(lists[map].Children[0].Children[0], entry, 1);
                entries.Children[1].AppendRange(lists[map].Children[0].Children[1], entry, 1);
            }
            builder.AppendListValid();
        }
        return builder.Build();
    }

    private static void AddAll(ArrayData[] lists, int map, int row, List<(int Map, int Entry)> into)
    {
        var list = new ListColumn(lists[map]);
        int start = list.Child.Offset + list.Start(row), end = start + list.Count(row);
        for (int e = start; e < end; e++) into.Add((map, e));
    }
}
