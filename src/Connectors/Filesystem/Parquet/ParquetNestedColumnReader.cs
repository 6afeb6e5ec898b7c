using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;
using Field = Parquet.Schema.Field;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// Reads a ROW, ARRAY or MAP column of a file's row groups (Dremel assembly): each leaf is read at once with its
/// definition and repetition levels (its values dense, decoded as a flat column's), then the Arrow column is assembled
/// from the levels, a row at a time down the nesting, each leaf's values copied from its dense array. The file's layout
/// must be the table type's: a ROW a group whose fields are found by name, an ARRAY a LIST, a MAP a MAP; anything else is
/// refused naming the file and the column.
/// </summary>
internal sealed class ParquetNestedColumnReader
{
    private readonly ParquetNestedNode _root;
    private readonly ParquetColumnDecoder[] _leaves;
    private readonly IArrowType _arrow;
    private readonly int[][] _definitions;
    private readonly int[][] _repetitions;
    private readonly int[] _counts;
    private readonly ArrayData[] _values;
    private readonly int[] _position;
    private readonly int[] _next;

    private ParquetNestedColumnReader(ParquetNestedNode root, ParquetColumnDecoder[] leaves, IArrowType arrow)
    {
        _root = root;
        _leaves = leaves;
        _arrow = arrow;
        _definitions = new int[leaves.Length][];
        _repetitions = new int[leaves.Length][];
        _counts = new int[leaves.Length];
        _values = new ArrayData[leaves.Length];
        _position = new int[leaves.Length];
        _next = new int[leaves.Length];
    }

    public string Name => _root.Name;

    public static ParquetNestedColumnReader Open(string file, Field fileField, SqlType type, IArrowType arrow, TimeZoneInfo int96Zone)
    {
        var leaves = new List<ParquetColumnDecoder>();
        var (adjusted, mirror) = Match(file, fileField.Name, fileField, type, leaves, int96Zone);
        // The mirror schema places each leaf's physical-typed field at the file's path, with the file's levels.
        _ = new ParquetSchema(mirror);
        var root = ParquetNestedNode.For(fileField.Name, adjusted);
        for (int l = 0; l < leaves.Count; l++)
        {
            try
            {
                ParquetNestedNode.CheckLevels(root.Leaves[l], leaves[l].Field, fileField.Name);
            }
            catch (NotSupportedException e)
            {
                throw new InvalidDataException($"Parquet file '{file}': {e.Message}");
            }
        }
        return new ParquetNestedColumnReader(root, leaves.ToArray(), arrow);
    }

    /// <summary>The table type with each leaf's nullability as the file has it (for its levels), and the mirror field.</summary>
    private static (SqlType Type, Field Mirror) Match(string file, string column, Field field, SqlType type, List<ParquetColumnDecoder> leaves, TimeZoneInfo zone)
    {
        InvalidDataException Mismatch(string why) => new($"Parquet file '{file}': column '{column}' cannot be read as the table's {type}: {why}.");
        switch (ColumnKinds.Of(type))
        {
            case ColumnKind.Struct:
            {
                if (field is not StructField group) throw Mismatch($"'{field.Name}' is not a group");
                var types = new SqlType[type.Elements!.Count];
                var mirrors = new Field[types.Length];
                for (int i = 0; i < types.Length; i++)
                {
                    var name = type.FieldNames![i];
                    var child = group.Fields.FirstOrDefault(f => f.Name == name) ?? group.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                        ?? throw Mismatch($"'{field.Name}' has no field '{name}' (it has {string.Join(", ", group.Fields.Select(f => f.Name))})");
                    (types[i], mirrors[i]) = Match(file, column, child, type.Elements[i], leaves, zone);
                }
                return (type with { Elements = types }, new StructField(field.Name, mirrors));
            }
            case ColumnKind.List:
            {
                if (field is not ListField list) throw Mismatch($"'{field.Name}' is not a LIST");
                var (element, mirror) = Match(file, column, list.Item, type.Elements![0], leaves, zone);
                var path = list.Item.Path.ToList();
                return (type with { Elements = [element] }, new ListField(field.Name, mirror, path.Count >= 2 ? path[^2] : ListField.DefaultContainerName));
            }
            case ColumnKind.Map:
            {
                if (field is not MapField map) throw Mismatch($"'{field.Name}' is not a MAP");
                var (key, keyMirror) = Match(file, column, map.Key, type.Elements![0], leaves, zone);
                var (value, valueMirror) = Match(file, column, map.Value, type.Elements[1], leaves, zone);
                return (type with { Elements = [key, value] }, new MapField(field.Name, keyMirror, valueMirror));
            }
            default:
            {
                if (field is not DataField data) throw Mismatch($"'{field.Name}' is a group, not a value");
                var decoder = ParquetColumnDecoder.CheckLeaf(file, data, type, ArrowTypeMapping.ToArrow(type), zone);
                leaves.Add(decoder);
                return (type.WithNullable(data.IsNullable), decoder.Field);
            }
        }
    }

    /// <summary>The column of one row group as an Arrow array of the table column's type.</summary>
    public async ValueTask<IArrowArray> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int rows = checked((int)rowGroup.RowCount);
        for (int l = 0; l < _leaves.Length; l++)
        {
            var path = _leaves[l].Field.Path.ToList();
            long count = rows;
            foreach (var chunk in rowGroup.RowGroup.Columns)
                if (chunk.MetaData?.PathInSchema is { } p && p.SequenceEqual(path)) { count = chunk.MetaData.NumValues; break; }
            int levels = checked((int)count);
            if (_definitions[l] is null || _definitions[l].Length < levels)
            {
                _definitions[l] = new int[levels];
                _repetitions[l] = new int[levels];
            }
            _counts[l] = levels;
            var leaf = await _leaves[l].ReadLeafAsync(rowGroup,
                new LeafLevels(levels, _definitions[l], _repetitions[l], _root.Leaves[l].Def), cancellationToken).ConfigureAwait(false);
            _values[l] = leaf.Data;
            _position[l] = 0;
            _next[l] = 0;
        }
        var builder = ColumnBuilder.Create(_arrow, rows);
        for (int row = 0; row < rows; row++) Assemble(_root, builder);
        return builder.Build();
    }

    /// <summary>Appends the next value of <paramref name="node"/> to <paramref name="builder"/>, consuming its leaves' entries.</summary>
    private void Assemble(ParquetNestedNode node, ColumnBuilder builder)
    {
        int first = node.FirstLeaf;
        int definition = _position[first] < _counts[first] ? _definitions[first][_position[first]] : -1;
        if (definition < 0) throw new InvalidDataException($"Parquet column '{_root.Name}': its levels end before its rows do.");
        switch (node.Kind)
        {
            case ColumnKind.Struct:
                if (definition < node.Def)
                {
                    builder.AppendNull();
                    SkipOne(node);
                    return;
                }
                builder.AppendStructValid();
                for (int c = 0; c < node.Children.Length; c++) Assemble(node.Children[c], builder.Children[c]);
                return;
            case ColumnKind.List or ColumnKind.Map:
            {
                if (definition < node.Def)
                {
                    builder.AppendNull();
                    SkipOne(node);
                    return;
                }
                var list = (ListColumnBuilder)builder;
                if (definition < node.ElementDef)
                {
                    list.AppendListValid();
                    SkipOne(node);
                    return;
                }
                if (node.Kind == ColumnKind.List && node.Children[0].IsLeaf)
                {
                    AppendElements(node, list.Values);
                    list.AppendListValid();
                    return;
                }
                do
                {
                    if (node.Kind == ColumnKind.List) Assemble(node.Children[0], list.Values);
                    else
                    {
                        var entries = list.Values;
                        entries.AppendStructValid();
                        Assemble(node.Children[0], entries.Children[0]);
                        Assemble(node.Children[1], entries.Children[1]);
                    }
                }
                while (_position[first] < _counts[first] && _repetitions[first][_position[first]] == node.ElementRep);
                list.AppendListValid();
                return;
            }
            default:
                if (definition == node.Def) builder.AppendRange(_values[first], _next[first]++, 1);
                else builder.AppendNull();
                _position[first]++;
                return;
        }
    }

    /// <summary>The elements of a non-empty ARRAY of a leaf type: its entries up to the next list, the defined ones copied
    /// in runs.</summary>
    private void AppendElements(ParquetNestedNode list, ColumnBuilder values)
    {
        var element = list.Children[0];
        int leaf = element.FirstLeaf, count = _counts[leaf];
        var definitions = _definitions[leaf];
        var repetitions = _repetitions[leaf];
        int position = _position[leaf], next = _next[leaf];
        int run = 0;
        do
        {
            if (definitions[position] == element.Def) run++;
            else
            {
                if (run > 0) values.AppendRange(_values[leaf], next, run);
                next += run;
                run = 0;
                values.AppendNull();
            }
            position++;
        }
        while (position < count && repetitions[position] == list.ElementRep);
        if (run > 0) values.AppendRange(_values[leaf], next, run);
        _next[leaf] = next + run;
        _position[leaf] = position;
    }

    /// <summary>A null or empty value has one entry in each of its leaves.</summary>
    private void SkipOne(ParquetNestedNode node)
    {
        for (int l = node.FirstLeaf; l < node.FirstLeaf + node.LeafCount; l++) _position[l]++;
    }
}
