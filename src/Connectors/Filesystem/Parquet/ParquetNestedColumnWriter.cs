using System.Runtime.InteropServices;
using Apache.Arrow;
using Parquet;
using Parquet.Schema;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// Writes a ROW, ARRAY or MAP column of a row group, leaf by leaf (Dremel shredding): for each leaf the Arrow arrays of
/// the buffered batches are walked along the leaf's path, giving one definition and repetition level per entry and the
/// leaf's defined values, copied in runs into one dense array; the encoder then writes the values with the levels in one
/// call. A leaf is written as its flat column would be (<see cref="ParquetColumnEncoder"/>).
/// </summary>
internal sealed class ParquetNestedColumnWriter
{
    private readonly ParquetNestedNode _root;
    private readonly DataField[] _fields;
    private readonly ParquetColumnType[] _types;
    private readonly int[][] _paths;
    private int[] _definitions = new int[64];
    private int[] _repetitions = new int[64];
    private int _count;
    private ColumnBuilder _values = null!;
    private ArrayData? _run;
    private int _runStart, _runLength;

    /// <summary>A writer of <paramref name="root"/>'s leaves, <paramref name="fields"/> their Parquet.Net fields in schema order.</summary>
    public ParquetNestedColumnWriter(ParquetNestedNode root, IReadOnlyList<DataField> fields)
    {
        _root = root;
        _fields = fields.ToArray();
        _types = root.Leaves.Select(l => ParquetColumnType.For(l.Name, l.Type)).ToArray();
        _paths = new int[root.Leaves.Count][];
        for (int l = 0; l < _paths.Length; l++)
        {
            ParquetNestedNode.CheckLevels(root.Leaves[l], _fields[l], root.Name);
            var path = new List<int>();
            var node = root;
            while (!node.IsLeaf)
            {
                int c = 0;
                while (!(l >= node.Children[c].FirstLeaf && l < node.Children[c].FirstLeaf + node.Children[c].LeafCount)) c++;
                path.Add(c);
                node = node.Children[c];
            }
            _paths[l] = path.ToArray();
        }
    }

    public async ValueTask WriteAsync(ParquetRowGroupWriter rowGroup, ParquetColumnEncoder encoder, List<RecordBatch> batches, int column, CancellationToken cancellationToken)
    {
        for (int l = 0; l < _fields.Length; l++)
        {
            _count = 0;
            _values = ColumnBuilder.Create(_root.Leaves[l].Type);
            var path = _paths[l];
            foreach (var batch in batches)
            {
                var data = batch.Column(column).Data;
                for (int row = 0; row < data.Length; row++) Shred(_root, data, row, 0, path, 0);
            }
            FlushRun();
            await encoder.WriteLeafAsync(rowGroup, _fields[l], _types[l], _values.Build(), new ParquetLevels(_definitions, _repetitions, _count), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Entries of <paramref name="node"/>'s value at logical index <paramref name="index"/> of <paramref name="data"/>
    /// for the leaf down <paramref name="path"/>, the first with repetition level <paramref name="repetition"/>.</summary>
    private void Shred(ParquetNestedNode node, ArrayData data, int index, int repetition, int[] path, int depth)
    {
        if (!IsValid(data, index))
        {
            if (node.Def == node.ParentDef)
                throw new InvalidDataException($"Column '{_root.Name}': a NULL in '{node.Name}', which parquet holds as required (a MAP key), cannot be written.");
            Emit(node.ParentDef, repetition);
            return;
        }
        switch (node.Kind)
        {
            case ColumnKind.Struct:
            {
                int c = path[depth];
                // Struct children are not sliced with their parent: the parent's offset applies to them.
                Shred(node.Children[c], data.Children[c], data.Offset + index, repetition, path, depth + 1);
                return;
            }
            case ColumnKind.List or ColumnKind.Map:
            {
                var offsets = MemoryMarshal.Cast<byte, int>(data.Buffers[1].Span);
                int start = offsets[data.Offset + index], end = offsets[data.Offset + index + 1];
                if (start == end)
                {
                    Emit(node.Def, repetition);
                    return;
                }
                ParquetNestedNode child;
                ArrayData values;
                int shift = 0;
                if (node.Kind == ColumnKind.List)
                {
                    child = node.Children[0];
                    values = data.Children[0];
                }
                else
                {
                    var entries = data.Children[0];
                    child = node.Children[path[depth]];
                    values = entries.Children[path[depth]];
                    shift = entries.Offset;
                }
                for (int k = start; k < end; k++) Shred(child, values, shift + k, k == start ? repetition : node.ElementRep, path, depth + 1);
                return;
            }
            default:
                Emit(node.Def, repetition);
                if (_run == data && _runStart + _runLength == index) _runLength++;
                else
                {
                    FlushRun();
                    _run = data;
                    _runStart = index;
                    _runLength = 1;
                }
                return;
        }
    }

    private static bool IsValid(ArrayData data, int index) =>
        data.Buffers.Length == 0 || data.Buffers[0].IsEmpty || (data.Buffers[0].Span[(data.Offset + index) >> 3] & (1 << ((data.Offset + index) & 7))) != 0;

    private void Emit(int definition, int repetition)
    {
        if (_count == _definitions.Length)
        {
            System.Array.Resize(ref _definitions, _count * 2);
            System.Array.Resize(ref _repetitions, _count * 2);
        }
        _definitions[_count] = definition;
        _repetitions[_count] = repetition;
        _count++;
    }

    private void FlushRun()
    {
        if (_run is not null && _runLength > 0) _values.AppendRange(_run, _runStart, _runLength);
        _run = null;
        _runLength = 0;
    }
}
