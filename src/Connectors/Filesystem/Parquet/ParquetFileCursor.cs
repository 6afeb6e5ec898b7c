using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// One Parquet file being read: only the requested columns are decoded (column pruning), a row group at a time; row
/// groups whose statistics show no row can pass the pushed-down filters are skipped. The position is the row group and
/// the row within it.
/// </summary>
internal sealed class ParquetFileCursor : IAsyncDisposable
{
    private readonly string _file;
    private readonly ParquetReader _reader;
    /// <summary>Per column, its flat decoder (null for a nested column, read by its <see cref="_nested"/> reader).</summary>
    private readonly ParquetColumnDecoder?[] _decoders;
    private readonly ParquetNestedColumnReader?[] _nested;
    private readonly ParquetRowGroupFilter? _filter;
    private IArrowArray[]? _group;
    private int _groupRows;

    private ParquetFileCursor(string file, ParquetReader reader, ParquetColumnDecoder?[] decoders, ParquetNestedColumnReader?[] nested, ParquetRowGroupFilter? filter)
    {
        _file = file;
        _reader = reader;
        _decoders = decoders;
        _nested = nested;
        _filter = filter;
    }

    /// <summary>The row group being read and the next row in it.</summary>
    public int RowGroup { get; private set; }
    public int Row { get; private set; }

    /// <summary>Opens <paramref name="file"/> for the columns <paramref name="columns"/> (name, table type, Arrow type), at
    /// row <paramref name="row"/> of row group <paramref name="rowGroup"/>; a file that is not Parquet, or lacks a column or
    /// holds it in a type that cannot be read as the table's, is refused naming the file and the column. INT96 timestamps
    /// are read as their instant's wall clock in <paramref name="int96Zone"/>.</summary>
    public static async ValueTask<ParquetFileCursor> OpenAsync(string file, IReadOnlyList<(string Name, SqlType Type, IArrowType Arrow)> columns,
        ParquetRowGroupFilter? filter, int rowGroup, int row, TimeZoneInfo int96Zone, CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(file, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not FileNotFoundException and not UnauthorizedAccessException)
        {
            throw new InvalidDataException($"Cannot read parquet file '{file}': {e.Message}", e);
        }
        try
        {
            // The footer's own schema, not Parquet.Net's model of it: that misplaces the fields of two-level lists.
            var fields = ParquetSchemaTree.Columns(reader.Metadata!.Schema);
            var decoders = new ParquetColumnDecoder?[columns.Count];
            var nested = new ParquetNestedColumnReader?[columns.Count];
            for (int i = 0; i < columns.Count; i++)
            {
                var (name, type, arrow) = columns[i];
                var field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
                    ?? fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new InvalidDataException($"Parquet file '{file}' has no column '{name}' (the table's {type}); its columns are "
                        + string.Join(", ", fields.Select(f => f.Name)) + ".");
                if (ParquetNestedNode.IsNested(type)) nested[i] = ParquetNestedColumnReader.Open(file, field, type, arrow, int96Zone);
                else if (!field.IsGroup) decoders[i] = ParquetColumnDecoder.Check(file, field, type, arrow, int96Zone);
                else throw new InvalidDataException($"Parquet file '{file}': column '{field.Name}' is a group (ROW, ARRAY or MAP), which cannot be read as the table's {type}.");
            }
            return new ParquetFileCursor(file, reader, decoders, nested, filter) { RowGroup = rowGroup, Row = row };
        }
        catch
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Up to <paramref name="maxRows"/> rows (the columns as requested), or null at the end of the file. With no
    /// requested columns (a count), batches carry only their length.</summary>
    public async ValueTask<(IArrowArray[] Columns, int Rows)?> ReadAsync(int maxRows, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_group is null)
            {
                if (RowGroup >= _reader.RowGroupCount) return null;
                using var rowGroup = _reader.OpenRowGroupReader(RowGroup);
                if (_filter is not null && !_filter.MayMatch(rowGroup, _decoders))
                {
                    RowGroup++;
                    Row = 0;
                    SkippedRowGroups++;
                    continue;
                }
                _groupRows = checked((int)rowGroup.RowCount);
                _group = new IArrowArray[_decoders.Length];
                for (int c = 0; c < _decoders.Length; c++)
                    _group[c] = _nested[c] is { } nested
                        ? await nested.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false)
                        : await _decoders[c]!.ReadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
            if (Row >= _groupRows)
            {
                _group = null;
                RowGroup++;
                Row = 0;
                continue;
            }
            int count = Math.Min(maxRows, _groupRows - Row);
            var columns = new IArrowArray[_group.Length];
            for (int c = 0; c < columns.Length; c++)
                columns[c] = Row == 0 && count == _groupRows ? _group[c] : ArrowArrayFactory.Slice(_group[c], Row, count);
            Row += count;
            return (columns, count);
        }
    }

    /// <summary>Row groups skipped by their statistics.</summary>
    public int SkippedRowGroups { get; private set; }

    public string File => _file;

    public ValueTask DisposeAsync() => _reader.DisposeAsync();
}
