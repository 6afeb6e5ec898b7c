using System.Runtime.InteropServices;
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
/// from the levels column-wise, a node at a time: each ROW, ARRAY and MAP gets its validity and offsets in one typed loop
/// over its first leaf's levels, each leaf its values spread over its slots (no per-row work). The file's layout (its
/// footer's schema tree, levels from its own repetition types) must be the table type's: a ROW a group whose fields are
/// found by name, an ARRAY a LIST (three- or two-level), a MAP a MAP; anything else is refused naming the file and the column.
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

    private ParquetNestedColumnReader(ParquetNestedNode root, ParquetColumnDecoder[] leaves, IArrowType arrow)
    {
        _root = root;
        _leaves = leaves;
        _arrow = arrow;
        _definitions = new int[leaves.Length][];
        _repetitions = new int[leaves.Length][];
        _counts = new int[leaves.Length];
        _values = new ArrayData[leaves.Length];
    }

    public string Name => _root.Name;

    public static ParquetNestedColumnReader Open(string file, ParquetSchemaTree fileColumn, SqlType type, IArrowType arrow, TimeZoneInfo int96Zone)
    {
        var leaves = new List<ParquetColumnDecoder>();
        var adjusted = Match(file, fileColumn.Name, fileColumn, type, [fileColumn.Name], Levels(0, 0, fileColumn), leaves, int96Zone);
        var root = ParquetNestedNode.ForFile(fileColumn.Name, adjusted);
        for (int l = 0; l < leaves.Count; l++)
        {
            try
            {
                ParquetNestedNode.CheckLevels(root.Leaves[l], leaves[l].Field, fileColumn.Name);
            }
            catch (NotSupportedException e)
            {
                throw new InvalidDataException($"Parquet file '{file}': {e.Message}");
            }
        }
        return new ParquetNestedColumnReader(root, leaves.ToArray(), arrow);
    }

    /// <summary>The definition and repetition levels a node of the file's schema reaches, below a parent's.</summary>
    private static (int Def, int Rep) Levels(int parentDef, int parentRep, ParquetSchemaTree node) =>
        (parentDef + (node.IsOptional || node.IsRepeated ? 1 : 0), parentRep + (node.IsRepeated ? 1 : 0));

    /// <summary>The table type with the nullability the file has at every level (for the levels), the leaves' decoders
    /// added in schema order. A LIST is read by Parquet's backward-compatibility rules: its repeated field is the element
    /// itself (NOT NULL; the two-level layout of older writers) when it is a primitive, a group of several fields, or a group
    /// of one field named <c>array</c> or <c>&lt;list&gt;_tuple</c>; otherwise its one field is the element.</summary>
    private static SqlType Match(string file, string column, ParquetSchemaTree node, SqlType type, List<string> path, (int Def, int Rep) levels,
        List<ParquetColumnDecoder> leaves, TimeZoneInfo zone)
    {
        InvalidDataException Mismatch(string why) => new($"Parquet file '{file}': column '{column}' cannot be read as the table's {type}: {why}.");
        bool nullable = node.IsOptional;
        switch (ColumnKinds.Of(type))
        {
            case ColumnKind.Struct:
            {
                if (!node.IsGroup) throw Mismatch($"'{node.Name}' is not a group");
                var types = new SqlType[type.Elements!.Count];
                for (int i = 0; i < types.Length; i++)
                {
                    var name = type.FieldNames![i];
                    var child = node.Children.FirstOrDefault(f => f.Name == name) ?? node.Children.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                        ?? throw Mismatch($"'{node.Name}' has no field '{name}' (it has {string.Join(", ", node.Children.Select(f => f.Name))})");
                    types[i] = Match(file, column, child, type.Elements[i], [.. path, child.Name], Levels(levels.Def, levels.Rep, child), leaves, zone);
                }
                return (type with { Elements = types }).WithNullable(nullable);
            }
            case ColumnKind.List:
            {
                if (!node.IsGroup || node.IsRepeated || node.Children.Length != 1 || !node.Children[0].IsRepeated)
                    throw Mismatch($"'{node.Name}' is not a LIST (a group of one repeated field)");
                var repeated = node.Children[0];
                var repeatedLevels = Levels(levels.Def, levels.Rep, repeated);
                bool twoLevel = !repeated.IsGroup || repeated.Children.Length != 1
                    || repeated.Name == "array" || repeated.Name == node.Name + "_tuple";
                SqlType element;
                if (twoLevel) element = Match(file, column, repeated, type.Elements![0], [.. path, repeated.Name], repeatedLevels, leaves, zone).AsNotNull();
                else
                {
                    var item = repeated.Children[0];
                    element = Match(file, column, item, type.Elements![0], [.. path, repeated.Name, item.Name], Levels(repeatedLevels.Def, repeatedLevels.Rep, item), leaves, zone);
                }
                return (type with { Elements = [element] }).WithNullable(nullable);
            }
            case ColumnKind.Map:
            {
                if (!node.IsGroup || node.IsRepeated || node.Children.Length != 1 || !node.Children[0].IsRepeated || node.Children[0].Children.Length != 2)
                    throw Mismatch($"'{node.Name}' is not a MAP (a group of one repeated group of key and value)");
                var entries = node.Children[0];
                var entryLevels = Levels(levels.Def, levels.Rep, entries);
                var (keyNode, valueNode) = (entries.Children[0], entries.Children[1]);
                var key = Match(file, column, keyNode, type.Elements![0], [.. path, entries.Name, keyNode.Name], Levels(entryLevels.Def, entryLevels.Rep, keyNode), leaves, zone);
                var value = Match(file, column, valueNode, type.Elements[1], [.. path, entries.Name, valueNode.Name], Levels(entryLevels.Def, entryLevels.Rep, valueNode), leaves, zone);
                return (type with { Elements = [key, value] }).WithNullable(nullable);
            }
            default:
            {
                if (node.IsGroup) throw Mismatch($"'{node.Name}' is a group, not a value");
                var decoder = ParquetColumnDecoder.CheckLeaf(file, node.Element, nullable, type, ArrowTypeMapping.ToArrow(type), zone);
                Place(decoder.Field, path, levels);
                leaves.Add(decoder);
                return type.WithNullable(nullable);
            }
        }
    }

    private static readonly System.Reflection.PropertyInfo DefinitionLevel = typeof(Field).GetProperty(nameof(Field.MaxDefinitionLevel))!;
    private static readonly System.Reflection.PropertyInfo RepetitionLevel = typeof(Field).GetProperty(nameof(Field.MaxRepetitionLevel))!;

    /// <summary>Puts a leaf's read field at its path in the file (a chain of groups named as the file's) with the file's
    /// levels. Parquet.Net computes levels for the layouts it writes; a two-level list's leaf has one definition level
    /// fewer than the three-level one, so the levels computed from the file's own schema are set (Parquet.Net's setters are
    /// internal; CheckLevels compares them with the layout's, so a Parquet.Net that renames them fails loudly).</summary>
    private static void Place(DataField leaf, List<string> path, (int Def, int Rep) levels)
    {
        Field placed = leaf;
        for (int i = path.Count - 2; i >= 0; i--) placed = new StructField(path[i], placed);
        _ = new ParquetSchema(placed);
        DefinitionLevel.GetSetMethod(nonPublic: true)?.Invoke(leaf, [levels.Def]);
        RepetitionLevel.GetSetMethod(nonPublic: true)?.Invoke(leaf, [levels.Rep]);
    }

    /// <summary>The column of one row group as an Arrow array of the table column's type.</summary>
    public async ValueTask<IArrowArray> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int rows = checked((int)rowGroup.RowCount);
        for (int l = 0; l < _leaves.Length; l++)
        {
            var path = _leaves[l].Field.Path.ToList();
            long count = -1;
            foreach (var chunk in rowGroup.RowGroup.Columns)
                if (chunk.MetaData?.PathInSchema is { } p && p.SequenceEqual(path)) { count = chunk.MetaData.NumValues; break; }
            if (count < 0)
                throw new InvalidDataException($"Parquet column '{_root.Name}': the row group has no column chunk '{string.Join(".", path)}' (it has "
                    + string.Join(", ", rowGroup.RowGroup.Columns.Select(c => string.Join(".", c.MetaData?.PathInSchema ?? []))) + ").");
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
        }
        var data = Assemble(_root, _arrow, slotDef: 0);
        if (data.Length != rows) throw new InvalidDataException($"Parquet column '{_root.Name}': its levels hold {data.Length} rows, not the row group's {rows}.");
        return ArrowArrayFactory.BuildArray(data);
    }

    /// <summary>The Arrow data of <paramref name="node"/> from the levels of its first leaf: a slot (one value of this node, maybe
    /// null) starts at each entry whose repetition level is at most the node's and whose definition level reaches
    /// <paramref name="slotDef"/> (the level at which its parent holds a slot for it); the slot is null below the node's own
    /// definition level. Every leaf below a node has the same slots, so each child is assembled from its own first leaf.</summary>
    private ArrayData Assemble(ParquetNestedNode node, IArrowType type, int slotDef)
    {
        int leaf = node.FirstLeaf, count = _counts[leaf];
        var definitions = _definitions[leaf].AsSpan(0, count);
        var repetitions = _repetitions[leaf].AsSpan(0, count);
        int rep = node.ElementRep - 1;
        int slots = 0;
        for (int i = 0; i < count; i++)
            if (repetitions[i] <= rep && definitions[i] >= slotDef) slots++;
        if (node.IsLeaf) return AssembleLeaf(node, slotDef, slots, definitions, repetitions);

        var validity = new byte[(slots + 7) / 8];
        int nulls = 0;
        if (node.Kind == ColumnKind.Struct)
        {
            int slot = 0;
            for (int i = 0; i < count; i++)
            {
                int d = definitions[i];
                if (repetitions[i] > rep || d < slotDef) continue;
                if (d >= node.Def) validity[slot >> 3] |= (byte)(1 << (slot & 7));
                else nulls++;
                slot++;
            }
            var structType = (StructType)type;
            var children = new ArrayData[node.Children.Length];
            for (int c = 0; c < children.Length; c++) children[c] = Assemble(node.Children[c], structType.Fields[c].DataType, slotDef);
            return new ArrayData(type, slots, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity)], children);
        }

        // ARRAY or MAP: the offsets count the entries that start an element (an element slot of the children).
        var offsets = new int[slots + 1];
        int elementDef = node.ElementDef, elementRep = node.ElementRep, elements = 0, at = -1;
        for (int i = 0; i < count; i++)
        {
            int d = definitions[i], r = repetitions[i];
            if (r <= rep && d >= slotDef)
            {
                offsets[++at] = elements;
                if (d >= node.Def) validity[at >> 3] |= (byte)(1 << (at & 7));
                else nulls++;
            }
            if (d >= elementDef && r <= elementRep) elements++;
        }
        offsets[slots] = elements;
        var buffers = new[] { nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()) };
        if (node.Kind == ColumnKind.List)
        {
            var values = Assemble(node.Children[0], ((ListType)type).ValueDataType, elementDef);
            return new ArrayData(type, slots, nulls, 0, buffers, [values]);
        }
        var entriesType = ((MapType)type).KeyValueType;
        var keys = Assemble(node.Children[0], entriesType.Fields[0].DataType, elementDef);
        var items = Assemble(node.Children[1], entriesType.Fields[1].DataType, elementDef);
        var entries = new ArrayData(entriesType, elements, 0, 0, [ArrowBuffer.Empty], [keys, items]);
        return new ArrayData(type, slots, nulls, 0, buffers, [entries]);
    }

    /// <summary>A leaf's slots: its dense values (the entries at its maximum definition level, in order) spread over the
    /// slots, the others null. Fixed-width values are copied in runs, strings and bytes keep their data buffer (only the
    /// offsets repeat at a null).</summary>
    private ArrayData AssembleLeaf(ParquetNestedNode node, int slotDef, int slots, ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions)
    {
        var dense = _values[node.FirstLeaf];
        int rep = node.ElementRep - 1, def = node.Def;
        if (dense.Length == slots) return dense; // no null slot: every slot holds the next value
        var validity = new byte[(slots + 7) / 8];
        int nulls = 0;
        switch (dense.DataType)
        {
            case BinaryType or StringType:
            {
                var source = MemoryMarshal.Cast<byte, int>(dense.Buffers[1].Span);
                var offsets = new int[slots + 1];
                int slot = 0, next = 0;
                for (int i = 0; i < definitions.Length; i++)
                {
                    int d = definitions[i];
                    if (repetitions[i] > rep || d < slotDef) continue;
                    offsets[slot] = source[next];
                    if (d == def)
                    {
                        validity[slot >> 3] |= (byte)(1 << (slot & 7));
                        next++;
                    }
                    else nulls++;
                    slot++;
                }
                offsets[slots] = source[next];
                return new ArrayData(dense.DataType, slots, nulls, 0,
                    [new ArrowBuffer(validity), new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), dense.Buffers[2]]);
            }
            case BooleanType:
            {
                var source = dense.Buffers[1].Span;
                var bits = new byte[(slots + 7) / 8];
                int slot = 0, next = 0;
                for (int i = 0; i < definitions.Length; i++)
                {
                    int d = definitions[i];
                    if (repetitions[i] > rep || d < slotDef) continue;
                    if (d == def)
                    {
                        validity[slot >> 3] |= (byte)(1 << (slot & 7));
                        if ((source[next >> 3] & (1 << (next & 7))) != 0) bits[slot >> 3] |= (byte)(1 << (slot & 7));
                        next++;
                    }
                    else nulls++;
                    slot++;
                }
                return new ArrayData(dense.DataType, slots, nulls, 0, [new ArrowBuffer(validity), new ArrowBuffer(bits)]);
            }
            case FixedWidthType fixedWidth:
            {
                int width = fixedWidth.BitWidth / 8;
                var source = dense.Buffers[1].Span;
                var target = new byte[slots * width];
                int slot = 0, next = 0, runStart = 0, runFrom = 0;
                for (int i = 0; i < definitions.Length; i++)
                {
                    int d = definitions[i];
                    if (repetitions[i] > rep || d < slotDef) continue;
                    if (d == def)
                    {
                        validity[slot >> 3] |= (byte)(1 << (slot & 7));
                        next++;
                    }
                    else
                    {
                        // A null ends the run of values copied so far.
                        source.Slice(runFrom * width, (next - runFrom) * width).CopyTo(target.AsSpan(runStart * width));
                        runFrom = next;
                        runStart = slot + 1;
                        nulls++;
                    }
                    slot++;
                }
                source.Slice(runFrom * width, (next - runFrom) * width).CopyTo(target.AsSpan(runStart * width));
                return new ArrayData(dense.DataType, slots, nulls, 0, [new ArrowBuffer(validity), new ArrowBuffer(target)]);
            }
            default:
                throw new NotSupportedException($"Parquet column '{_root.Name}': cannot assemble values of Arrow type {dense.DataType.Name}.");
        }
    }
}
