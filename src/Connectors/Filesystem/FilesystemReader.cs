using System.Globalization;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using Array = System.Array;
using StreamSql.Execution.Columns;
using StreamSql.Connectors.Filesystem.Parquet;
using Apache.Arrow.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// One subtask of a filesystem source: reads its files (see <see cref="VisibleFiles"/>) record by record. A malformed
/// record fails the job with <c>file:line</c> and the reason, or is skipped and counted when the format's
/// ignore-parse-errors option is on. With <c>source.monitor-interval</c> it keeps listing the directory for new files.
/// Position: the finished files, the files in progress with their byte offset and line number, and (bounded) the files
/// its listing gave it; after a restore at any parallelism a subtask reads the files the assignment rule gives it that
/// no old subtask finished, resuming a file where an old subtask stopped in it. A bounded source restored from positions
/// of subtasks that had all listed reads exactly the files they listed, not what has arrived since.
/// <para>With a change-data format (<c>debezium-json</c>, <c>canal-json</c>, <c>maxwell-json</c>) a line is a change
/// message that gives any number of rows with their kinds; with the others every row is <c>+I</c> and batches carry no
/// kinds.</para>
/// </summary>
internal sealed class FilesystemReader : IChangelogSourceReader
{
    private SourceReaderContext _context = null!;
    private string _root = "";
    private IRecordParser _parser = null!;
    private ChangelogFormats.IChangelogRecordParser? _changes;
    private readonly ChangelogFormats.RowKindList _kinds = new();
    private bool _ignoreErrors;
    private TimeSpan? _monitorInterval;
    /// <summary><c>source.path.regex-pattern</c>: the absolute paths of the files to read (null: every visible file).</summary>
    private System.Text.RegularExpressions.Regex? _pathPattern;
    private ColumnBuilder[] _columns = Array.Empty<ColumnBuilder>();
    private int _quoteByte = -1;
    private int _escapeByte = -1;
    /// <summary>Per output column: the index among the columns read from the files, or -1 for a partition column.</summary>
    private int[] _outputFileColumn = Array.Empty<int>();
    /// <summary>Per output column: the partition key it comes from (null for a file column).</summary>
    private string?[] _outputPartitionKey = Array.Empty<string?>();
    private bool _partitioned;
    /// <summary>Per output column: the metadata key it reads (<c>file.path</c>, ...; null for a physical column).</summary>
    private string?[] _outputMetadataKey = Array.Empty<string?>();
    /// <summary>Whether some output column holds a value of the file rather than of the row (partition or metadata): then a
    /// batch never spans files.</summary>
    private bool _perFileColumns;
    private string _partitionDefaultName = "";
    private Dictionary<string, string> _fileValues = new();
    private readonly Dictionary<int, ArrayData?> _partitionValueCache = new();
    private int[] _zeros = Array.Empty<int>();
    private bool _isParquet;
    private bool _isAvro;
    /// <summary>avro: every file column (named as in the table), the slot each fills (-1: not read) and its timestamp unit.</summary>
    private (List<Apache.Arrow.Field> Fields, int[] Targets, List<bool> Millis) _avroColumns;
    private Avro.AvroFileCursor? _avro;
    private List<(string Name, Sql.Planner.Types.SqlType Type, IArrowType Arrow)> _parquetColumns = new();
    private ParquetFileCursor? _parquet;
    /// <summary>The zone whose wall clock an INT96 timestamp is read as (<c>parquet.utc-timezone</c>).</summary>
    private TimeZoneInfo _int96Zone = TimeZoneInfo.Utc;

    private readonly SortedSet<string> _done = new(StringComparer.Ordinal);
    /// <summary>Files an old subtask stopped in (restored), not yet opened here: where to continue.</summary>
    private readonly SortedDictionary<string, (long Offset, long Line)> _resume = new(StringComparer.Ordinal);
    /// <summary>Bounded: this subtask's share of the one listing it makes (kept in the position).</summary>
    private SortedSet<string>? _listing;
    /// <summary>Bounded, restored: the files the old subtasks listed; read instead of listing the directory again.</summary>
    private SortedSet<string>? _restoredListing;
    private string? _currentFile;
    private long _currentOffset;
    private long _currentLine = 1;
    private RecordSplitter? _splitter;
    private long _lastListingMillis = long.MinValue;
    private InvalidDataException? _pendingFailure;

    /// <summary>Records skipped as malformed (ignore-parse-errors).</summary>
    public long SkippedRecords { get; private set; }

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var options = new TableOptions(context.Table);
        _root = FilesystemPath.ToLocal(options.Require(FilesystemOptions.Path)!)!;
        var format = options.Require(FilesystemOptions.Format);
        _monitorInterval = options.Get(FilesystemOptions.MonitorInterval);
        _pathPattern = PathPattern(options);
        var table = context.Table;
        var physical = table.PhysicalSchema.Fields;
        var fileIndexOf = new int[physical.Count];
        int fileCount = 0;
        for (int p = 0; p < physical.Count; p++)
            fileIndexOf[p] = table.PartitionKeys.Any(k => string.Equals(k, physical[p].Name, StringComparison.OrdinalIgnoreCase)) ? -1 : fileCount++;
        _partitioned = table.PartitionKeys.Count > 0;
        _partitionDefaultName = options.Get(FilesystemOptions.PartitionDefaultName);
        int outputs = context.OutputSchema.FieldsList.Count;
        _outputFileColumn = new int[outputs];
        _outputPartitionKey = new string?[outputs];
        _outputMetadataKey = new string?[outputs];
        int projected = context.ProjectedColumns.Count;
        for (int m = 0; m < context.MetadataColumns.Count; m++)
        {
            _outputFileColumn[projected + m] = -1;
            _outputMetadataKey[projected + m] = context.MetadataColumns[m];
        }
        _perFileColumns = _partitioned || context.MetadataColumns.Count > 0;
        var fileProjected = new List<int>();
        var fileFields = new List<Apache.Arrow.Field>();
        for (int j = 0; j < projected; j++)
        {
            int p = context.ProjectedColumns[j];
            if (fileIndexOf[p] < 0)
            {
                _outputFileColumn[j] = -1;
                _outputPartitionKey[j] = physical[p].Name;
                continue;
            }
            _outputFileColumn[j] = fileProjected.Count;
            fileProjected.Add(fileIndexOf[p]);
            fileFields.Add(context.OutputSchema.GetFieldByIndex(j));
            _parquetColumns.Add((physical[p].Name, physical[p].Type, context.OutputSchema.GetFieldByIndex(j).DataType));
        }
        var fileSchema = new Schema(fileFields, null);
        BuildFilters(context, physical);
        _columns = new ColumnBuilder[fileFields.Count];
        for (int i = 0; i < _columns.Length; i++) _columns[i] = ColumnBuilder.Create(fileFields[i].DataType);
        _isParquet = format == "parquet";
        _isAvro = format == "avro";
        if (_isAvro)
        {
            var fileColumns = physical.Where((_, p) => fileIndexOf[p] >= 0).ToList();
            var targets = new int[fileColumns.Count];
            System.Array.Fill(targets, -1);
            for (int slot = 0; slot < fileProjected.Count; slot++) targets[fileProjected[slot]] = slot;
            _avroColumns = (fileColumns.Select(c => new Apache.Arrow.Field(c.Name, Execution.Types.ArrowTypeMapping.ToArrow(c.Type), c.Type.Nullable)).ToList(),
                targets, fileColumns.Select(c => Kafka.AvroBinary.Millis(c.Type)).ToList());
        }
        else if (_isParquet) _int96Zone = options.Get(FilesystemOptions.ParquetUtcTimezone) ? TimeZoneInfo.Utc : TimeZoneInfo.Local;
        else if (format == "csv")
        {
            char? quote = options.Get(FilesystemOptions.CsvDisableQuoteCharacter) ? null : options.Get(FilesystemOptions.CsvQuoteCharacter);
            _quoteByte = quote ?? -1;
            if (options.Get(FilesystemOptions.CsvEscapeCharacter) is { } escape && escape < 128) _escapeByte = escape;
            _parser = new CsvRecordParser(options.Get(FilesystemOptions.CsvFieldDelimiter), quote, options.Get(FilesystemOptions.CsvEscapeCharacter),
                options.Get(FilesystemOptions.CsvAllowComments), options.Get(FilesystemOptions.CsvNullLiteral),
                fileCount, fileProjected, fileSchema,
                lenient: options.Get(FilesystemOptions.CsvIgnoreParseErrors), options.Get(FilesystemOptions.CsvArrayElementDelimiter));
            _ignoreErrors = options.Get(FilesystemOptions.CsvIgnoreParseErrors);
        }
        else if (format == "raw")
            _parser = new RawRecordParser(RawFormat.Charset(options), fileFields.Count == 1 && fileFields[0].DataType is not StringType);
        else
        {
            _parser = new JsonRecordParser(fileSchema, options.Get(FilesystemOptions.JsonFailOnMissingField),
                nullOnBadValue: options.Get(FilesystemOptions.JsonIgnoreParseErrors),
                variants: _parquetColumns.Select(c => c.Type.Kind == Sql.Planner.Types.SqlTypeKind.Variant).ToList());
            _ignoreErrors = options.Get(FilesystemOptions.JsonIgnoreParseErrors);
            if (ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(format))
                (_changes, _ignoreErrors) = ChangelogFormats.ChangelogFormatOptions.CreateParser(format!, fileSchema, options);
        }
        if (!File.Exists(_root) && !Directory.Exists(_root) && _monitorInterval is null)
            throw new FileNotFoundException($"Table '{context.Table.Name}': path '{_root}' does not exist.");
        return ValueTask.CompletedTask;
    }

    public async ValueTask<Batch?> ReadChangesAsync(CancellationToken cancellationToken)
    {
        var data = await ReadRowsAsync(cancellationToken).ConfigureAwait(false);
        return data is null ? null : new Batch(data, _changes is null ? null : _kinds.ToBatchKinds());
    }

    private async ValueTask<RecordBatch?> ReadRowsAsync(CancellationToken cancellationToken)
    {
        if (_pendingFailure is { } pending) throw pending;
        _kinds.Clear();
        if (_isParquet) return await ReadParquetAsync(cancellationToken).ConfigureAwait(false);
        if (_isAvro) return await ReadAvroAsync(cancellationToken).ConfigureAwait(false);
        int rows = 0;
        int max = _context.MaxBatchRows;
        while (rows < max)
        {
            // A batch never spans files of a partitioned table: its partition columns come from one file's directory.
            if (_splitter is null && rows > 0 && _perFileColumns) break;
            if (_splitter is null && !OpenNextFile())
            {
                if (rows > 0) break;
                if (_monitorInterval is null) return null;
                await Task.Delay(EmitPacer.MaxWait, cancellationToken).ConfigureAwait(false);
                return Build(0);
            }
            var splitter = _splitter!;
            long recordOffset = splitter.Offset, recordLine = splitter.NextLine;
            if (!splitter.TryNext(out var record, out long line))
            {
                CloseCurrent(done: true);
                continue;
            }
            _currentOffset = splitter.Offset;
            _currentLine = splitter.NextLine;
            if (_parser.IsSkipped(record)) continue;
            string? error;
            if (_changes is null)
            {
                error = _parser.TryAppend(record, _columns);
                if (error is null)
                {
                    rows++;
                    continue;
                }
            }
            else
            {
                error = _changes.TryAppend(record, _columns, _kinds);
                if (error is null)
                {
                    rows = _kinds.Count;
                    continue;
                }
                _kinds.Truncate(rows);
            }
            foreach (var c in _columns) c.Truncate(rows);
            if (_ignoreErrors)
            {
                SkippedRecords++;
                continue;
            }
            var failure = new InvalidDataException($"Malformed record at {_currentFile}:{line}: {error}. "
                + "Fix the record or set the format's ignore-parse-errors option to skip such records.");
            // The position stays at the bad record: a checkpoint taken before the failure surfaces, and the restart from
            // it, must meet the record again, never skip it.
            _currentOffset = recordOffset;
            _currentLine = recordLine;
            if (rows == 0) throw failure;
            // Flink reads record by record: the records before the bad one reach the sink before the job fails.
            _pendingFailure = failure;
            break;
        }
        return Build(rows);
    }

    private RecordBatch Build(int rows)
    {
        var fileArrays = new IArrowArray[_columns.Length];
        for (int c = 0; c < fileArrays.Length; c++) fileArrays[c] = _columns[c].Build();
        return Assemble(fileArrays, rows);
    }

    /// <summary>The output batch: the columns read from the file, the partition columns from its directory and the
    /// metadata columns from the file itself.</summary>
    private RecordBatch Assemble(IArrowArray[] fileArrays, int rows)
    {
        if (!_perFileColumns) return new RecordBatch(_context.OutputSchema, fileArrays, rows);
        var arrays = new IArrowArray[_outputFileColumn.Length];
        for (int j = 0; j < arrays.Length; j++)
            arrays[j] = _outputFileColumn[j] >= 0 ? fileArrays[_outputFileColumn[j]] : PartitionColumn(j, rows);
        return new RecordBatch(_context.OutputSchema, arrays, rows);
    }

    /// <summary>Output column <paramref name="output"/> (a partition or metadata column) as <paramref name="rows"/> copies of
    /// the value the current file's directory gives (NULL for <c>partition.default-name</c> or a directory without the
    /// key), or of the file's metadata.</summary>
    private IArrowArray PartitionColumn(int output, int rows)
    {
        var type = _context.OutputSchema.GetFieldByIndex(output).DataType;
        if (!_partitionValueCache.TryGetValue(output, out var one))
        {
            var builder = ColumnBuilder.Create(type);
            if (_outputMetadataKey[output] is { } metadataKey) AppendMetadata(builder, type, metadataKey);
            else AppendPartitionValue(builder, type, _outputPartitionKey[output]!);
            one = builder.BuildData();
            _partitionValueCache[output] = one;
        }
        if (_zeros.Length < rows) _zeros = new int[Math.Max(rows, _context.MaxBatchRows)];
        var column = ColumnBuilder.Create(type, rows);
        column.AppendRows(one!, _zeros.AsSpan(0, rows));
        return column.Build();
    }

    private void AppendPartitionValue(ColumnBuilder builder, IArrowType type, string key)
    {
        if (!_fileValues.TryGetValue(key, out var text) || text == _partitionDefaultName) builder.AppendNull();
        // A DATE or TIME directory as the sink names it (PartitionValueText: Flink's int of days or of milliseconds).
        else if (type is Date32Type or Time32Type && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            builder.AppendInt64(number);
        else if (FlinkText.TryAppend(builder, type, text) is { } problem)
            throw new InvalidDataException($"Partition directory '{key}={text}' of file '{_currentFile ?? _lastFile}' is not a valid value of partition column '{key}': {problem}.");
    }

    private void AppendMetadata(ColumnBuilder builder, IArrowType type, string key)
    {
        var file = _currentFile ?? _lastFile!;
        if (FlinkText.TryAppend(builder, type, FilesystemMetadata.Text(key, file)) is { } problem)
            throw new InvalidDataException($"Table '{_context.Table.Name}': metadata '{key}' of file '{file}' does not fit its column: {problem}.");
    }

    private string? _lastFile;
    private readonly List<(string Key, SqlType Type, ScanPredicate Predicate)> _partitionFilters = new();

    /// <summary>Turns the scan's pushed filters into row-group statistics checks (parquet file columns) and partition
    /// directory checks (partition columns).</summary>
    private void BuildFilters(SourceReaderContext context, IReadOnlyList<Sql.Planner.Types.Field> physical)
    {
        var rowGroup = new List<ParquetColumnPredicate>();
        foreach (var filter in context.Filters)
        {
            var column = physical[filter.PhysicalColumn];
            if (context.Table.PartitionKeys.Any(k => string.Equals(k, column.Name, StringComparison.OrdinalIgnoreCase)))
            {
                _partitionFilters.Add((column.Name, column.Type, filter));
                continue;
            }
            int decoded = _parquetColumns.FindIndex(c => c.Name == column.Name);
            if (decoded < 0) continue;
            var values = new List<ParquetLiteral>(filter.Values.Count);
            foreach (var literal in filter.Values)
            {
                ParquetLiteral? value = literal.Value switch
                {
                    long l when column.Type.IsExactInteger => new ParquetLiteral(l, null, null),
                    int days when column.Type.Kind == SqlTypeKind.Date => new ParquetLiteral(days, null, null),
                    double d when column.Type.IsApproximate => new ParquetLiteral(null, d, null),
                    string text when column.Type.IsCharacterString => new ParquetLiteral(null, null, System.Text.Encoding.UTF8.GetBytes(text)),
                    _ => null,
                };
                if (value is null) break;
                values.Add(value.Value);
            }
            if (values.Count == filter.Values.Count) rowGroup.Add(new ParquetColumnPredicate(decoded, Op(filter.Op), values));
        }
        RowGroupFilter = rowGroup.Count > 0 ? new ParquetRowGroupFilter(rowGroup) : null;
    }

    private static ComparisonOp Op(string op) => op switch
    {
        "=" => ComparisonOp.Equal,
        "<" => ComparisonOp.Less,
        "<=" => ComparisonOp.LessOrEqual,
        ">" => ComparisonOp.Greater,
        "IN" => ComparisonOp.In,
        _ => ComparisonOp.GreaterOrEqual,
    };

    /// <summary>Whether a file's partition directory may hold rows passing the pushed filters on partition columns
    /// (a value that does not parse as the column's type is kept: the plan's filter decides).</summary>
    private bool PartitionMayMatch(string file)
    {
        if (_partitionFilters.Count == 0) return true;
        var values = PartitionPath.ValuesOf(Directory.Exists(_root) ? _root : Path.GetDirectoryName(_root) ?? _root, file);
        foreach (var (key, type, filter) in _partitionFilters)
        {
            if (!values.TryGetValue(key, out var text)) continue;
            // NULL (the default partition name) passes no comparison.
            if (text == _partitionDefaultName) return false;
            bool pass = false;
            foreach (var literal in filter.Values)
            {
                int? cmp = literal.Value switch
                {
                    string value when type.IsCharacterString => string.CompareOrdinal(text, value),
                    long value when type.IsExactInteger && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var v) => v.CompareTo(value),
                    int value when type.Kind == SqlTypeKind.Date && (FlinkText.TryParseDate(text, out var days)
                        || long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out days)) => days.CompareTo(value),
                    _ => null,
                };
                pass = cmp is not { } c || filter.Op switch { "=" or "IN" => c == 0, "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
                if (pass) break;
            }
            if (!pass) return false;
        }
        return true;
    }

    /// <summary>Files skipped because their partition directory fails a pushed filter.</summary>
    public long PrunedFiles { get; private set; }

    private async ValueTask<RecordBatch?> ReadParquetAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_parquet is null)
            {
                if (!OpenNextFile())
                {
                    if (_monitorInterval is null) return null;
                    await Task.Delay(EmitPacer.MaxWait, cancellationToken).ConfigureAwait(false);
                    return Build(0);
                }
                _parquet = await ParquetFileCursor.OpenAsync(_currentFile!, _parquetColumns, RowGroupFilter, (int)_currentOffset, (int)(_currentLine - 1),
                    _int96Zone, cancellationToken).ConfigureAwait(false);
            }
            var next = await _parquet.ReadAsync(_context.MaxBatchRows, cancellationToken).ConfigureAwait(false);
            if (next is not { } read)
            {
                SkippedRowGroups += _parquet.SkippedRowGroups;
                await _parquet.DisposeAsync().ConfigureAwait(false);
                _parquet = null;
                CloseCurrent(done: true);
                continue;
            }
            // Position of a parquet file: the row group as the offset, the row within it (plus one) as the line.
            _currentOffset = _parquet.RowGroup;
            _currentLine = _parquet.Row + 1L;
            return Assemble(read.Columns, read.Rows);
        }
    }

    private async ValueTask<RecordBatch?> ReadAvroAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_avro is null)
            {
                if (!OpenNextFile())
                {
                    if (_monitorInterval is null) return null;
                    await Task.Delay(EmitPacer.MaxWait, cancellationToken).ConfigureAwait(false);
                    return Build(0);
                }
                var (fields, targets, millis) = _avroColumns;
                _avro = Avro.AvroFileCursor.Open(_currentFile!, fields, targets, millis, _currentOffset, _currentLine - 1);
            }
            int rows = _avro.ReadInto(_columns, _context.MaxBatchRows);
            if (rows == 0)
            {
                CloseCurrent(done: true);
                continue;
            }
            // Position of an avro file: the block's byte offset as the offset, the record within it (plus one) as the line.
            _currentOffset = _avro.BlockOffset;
            _currentLine = _avro.Row + 1;
            return Build(rows);
        }
    }

    /// <summary>Row groups of parquet files skipped by their statistics (counted as each file ends).</summary>
    public long SkippedRowGroups { get; private set; }

    /// <summary>Filters pushed into the scan, as the parquet statistics test them (null: read every row group).</summary>
    internal ParquetRowGroupFilter? RowGroupFilter { get; set; }

    /// <summary>Opens the next file of this subtask (resuming at a restored offset); false when none is left for now.</summary>
    private bool OpenNextFile()
    {
        if (_monitorInterval is { } interval && _lastListingMillis != long.MinValue
            && _context.Clock.MonotonicMillis() - _lastListingMillis < interval.TotalMilliseconds && _pending.Count == 0)
            return false;
        if (_pending.Count == 0) ListFiles();
        while (_pending.Count > 0)
        {
            var next = _pending.Dequeue();
            if (_done.Contains(next)) continue;
            var (offset, line) = _resume.Remove(next, out var resume) ? resume : (0L, 1L);
            _currentFile = next;
            _lastFile = next;
            _currentOffset = offset;
            _currentLine = line;
            if (_partitioned) _fileValues = PartitionPath.ValuesOf(Directory.Exists(_root) ? _root : Path.GetDirectoryName(_root) ?? _root, next);
            if (_perFileColumns) _partitionValueCache.Clear();
            if (!_isParquet && !_isAvro) _splitter = new RecordSplitter(next, offset, line, _quoteByte, _escapeByte);
            return true;
        }
        return false;
    }

    private readonly Queue<string> _pending = new();
    private bool _listedOnce;

    private void ListFiles()
    {
        if (_listedOnce && _monitorInterval is null) return;
        _listedOnce = true;
        _lastListingMillis = _context.Clock.MonotonicMillis();
        int subtask = _context.SubtaskIndex, parallelism = _context.Parallelism;
        List<string> mine;
        if (_monitorInterval is null && _restoredListing is not null)
        {
            mine = new List<string>();
            foreach (var f in _restoredListing)
                if (IsAssigned(f, subtask, parallelism)) mine.Add(f);
        }
        else mine = VisibleFiles(_root, subtask, parallelism, _pathPattern);
        if (_monitorInterval is null) _listing = new SortedSet<string>(mine, StringComparer.Ordinal);
        foreach (var f in mine)
        {
            if (_done.Contains(f) || string.CompareOrdinal(f, _currentFile) == 0) continue;
            if (!PartitionMayMatch(f))
            {
                PrunedFiles++;
                continue;
            }
            _pending.Enqueue(f);
        }
    }

    /// <summary>
    /// The files of <paramref name="root"/> (a file, or a directory read recursively; names starting with '.' or '_'
    /// are hidden) that subtask <paramref name="subtask"/> reads: each goes to the subtask its path gives
    /// (<see cref="IsAssigned"/>). The rule depends on nothing but the file and the parallelism, so subtasks that list at
    /// different moments of a changing directory never both read a file, nor both leave one that was there all along.
    /// </summary>
    internal static List<string> VisibleFiles(string root, int subtask, int parallelism, System.Text.RegularExpressions.Regex? pathPattern = null)
    {
        var all = new List<string>();
        if (File.Exists(root)) all.Add(Path.GetFullPath(root));
        else if (Directory.Exists(root)) Collect(root, all);
        all.Sort(StringComparer.Ordinal);
        var mine = new List<string>();
        foreach (var f in all)
            if (IsAssigned(f, subtask, parallelism) && (pathPattern is null || pathPattern.IsMatch(f))) mine.Add(f);
        return mine;
    }

    /// <summary>
    /// <c>source.path.regex-pattern</c> as Flink's <c>RegexFileFilter</c> applies it: the whole absolute path of a file
    /// (<c>Path.getPath()</c>, without scheme) must match (Java's <c>matches()</c>); directories are searched whether they
    /// match or not (<c>NonSplittingRecursiveAllDirEnumerator</c>), hidden ones excepted.
    /// </summary>
    internal static System.Text.RegularExpressions.Regex? PathPattern(TableOptions options)
    {
        if (options.Get(FilesystemOptions.SourcePathRegexPattern) is not { } pattern) return null;
        try
        {
            return new System.Text.RegularExpressions.Regex(@"\A(?:" + pattern + @")\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw options.Invalid(FilesystemOptions.SourcePathRegexPattern.Key, $"'{pattern}' is not a valid regular expression: {e.Message}");
        }
    }

    /// <summary>Whether a file goes to <paramref name="subtask"/>: a stable hash (FNV-1a) of its full path, mod parallelism.</summary>
    internal static bool IsAssigned(string file, int subtask, int parallelism)
    {
        uint hash = 2166136261;
        foreach (char c in file) hash = (hash ^ c) * 16777619;
        return hash % (uint)parallelism == subtask;
    }

    private static void Collect(string directory, List<string> into)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || name.StartsWith('_')) continue;
            if (Directory.Exists(entry)) Collect(entry, into);
            else into.Add(Path.GetFullPath(entry));
        }
    }

    private void CloseCurrent(bool done)
    {
        _splitter?.Dispose();
        _splitter = null;
        _avro?.Dispose();
        _avro = null;
        if (done && _currentFile is not null)
        {
            _done.Add(_currentFile);
            _currentFile = null;
        }
    }

    /// <summary>Position format: version, files in progress (path, byte offset, line), finished files; from version 2 on
    /// also whether the subtask has listed (bounded), and then the files its listing gave it.</summary>
    private const byte FormatVersion = 2;
    private const byte OldestFormatVersion = 1;

    public byte[] SnapshotPosition()
    {
        var writer = new PositionWriter(FormatVersion);
        writer.WriteInt(_resume.Count + (_currentFile is null ? 0 : 1));
        if (_currentFile is not null) WriteInProgress(writer, _currentFile, _currentOffset, _currentLine);
        foreach (var (file, at) in _resume) WriteInProgress(writer, file, at.Offset, at.Line);
        writer.WriteInt(_done.Count);
        foreach (var f in _done) writer.WriteString(f);
        var listing = _listing ?? (_listedOnce ? null : SharedRestoredListing());
        writer.WriteByte(listing is null ? (byte)0 : (byte)1);
        if (listing is not null)
        {
            writer.WriteInt(listing.Count);
            foreach (var f in listing) writer.WriteString(f);
        }
        return writer.ToArray();
    }

    /// <summary>Restored from a complete listing but not yet listed: the old listing still stands for this subtask's share.</summary>
    private SortedSet<string>? SharedRestoredListing()
    {
        if (_restoredListing is null || _monitorInterval is not null) return null;
        var mine = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in _restoredListing)
            if (IsAssigned(f, _context.SubtaskIndex, _context.Parallelism)) mine.Add(f);
        return mine;
    }

    private static void WriteInProgress(PositionWriter writer, string file, long offset, long line)
    {
        writer.WriteString(file);
        writer.WriteLong(offset);
        writer.WriteLong(line);
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        var table = _context.Table.Name;
        if (positions.Count == 0) throw new InvalidDataException($"Cannot restore the filesystem source of table '{table}': the checkpoint holds no positions.");
        CloseCurrent(done: false);
        _currentFile = null;
        _currentOffset = 0;
        _currentLine = 1;
        _done.Clear();
        _resume.Clear();
        _pending.Clear();
        _listedOnce = false;
        _listing = null;
        _lastListingMillis = long.MinValue;
        var listing = new SortedSet<string>(StringComparer.Ordinal);
        bool allListed = true;
        for (int i = 0; i < positions.Count; i++)
        {
            var reader = new PositionReader(positions[i], "filesystem", table, i, OldestFormatVersion, FormatVersion);
            int started = reader.ReadCount(4 + 16);
            for (int k = 0; k < started; k++)
            {
                var file = reader.ReadString();
                long offset = reader.ReadLong(), line = reader.ReadLong();
                if (file.Length == 0 || offset < 0 || line < 1) throw reader.Invalid($"file '{file}' is in progress at byte {offset}, line {line}");
                // A subtask may still carry a restored offset another subtask has since moved past: the furthest wins.
                if (!_resume.TryGetValue(file, out var known) || known.Offset < offset) _resume[file] = (offset, line);
            }
            int finished = reader.ReadCount(4);
            for (int k = 0; k < finished; k++) _done.Add(reader.ReadString());
            bool listed = reader.Version >= 2 && reader.ReadByte() == 1;
            if (listed)
            {
                int count = reader.ReadCount(4);
                for (int k = 0; k < count; k++) listing.Add(reader.ReadString());
            }
            allListed &= listed;
            reader.End();
        }
        foreach (var f in _done) _resume.Remove(f);
        // Finished and started files are facts about files, whichever old subtask read them; each now belongs to the
        // subtask the assignment rule names.
        int subtask = _context.SubtaskIndex, parallelism = _context.Parallelism;
        _done.RemoveWhere(f => !IsAssigned(f, subtask, parallelism));
        foreach (var f in _resume.Keys.ToList())
            if (!IsAssigned(f, subtask, parallelism)) _resume.Remove(f);
        _restoredListing = _monitorInterval is null && allListed ? listing : null;
    }

    public async ValueTask DisposeAsync()
    {
        CloseCurrent(done: false);
        if (_parquet is not null) await _parquet.DisposeAsync().ConfigureAwait(false);
        _parquet = null;
    }
}
