using System.Buffers.Binary;
using System.Text;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using Array = System.Array;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// One subtask of a filesystem source: reads its files (the i-th visible file of the sorted listing goes to subtask
/// i mod parallelism) record by record. A malformed record fails the job with <c>file:line</c> and the reason, or is
/// skipped and counted when the format's ignore-parse-errors option is on. With <c>source.monitor-interval</c> it keeps
/// listing the directory for new files. Position: the file in progress (name), its byte offset and line number.
/// </summary>
internal sealed class FilesystemReader : ISourceReader
{
    private SourceReaderContext _context = null!;
    private string _root = "";
    private IRecordParser _parser = null!;
    private bool _ignoreErrors;
    private TimeSpan? _monitorInterval;
    private ColumnBuilder[] _columns = Array.Empty<ColumnBuilder>();
    private int _quoteByte = -1;

    private readonly SortedSet<string> _done = new(StringComparer.Ordinal);
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
        _columns = new ColumnBuilder[context.OutputSchema.FieldsList.Count];
        for (int i = 0; i < _columns.Length; i++) _columns[i] = new ColumnBuilder(context.OutputSchema.GetFieldByIndex(i).DataType);
        if (format == "csv")
        {
            char? quote = options.Get(FilesystemOptions.CsvDisableQuoteCharacter) ? null : options.Get(FilesystemOptions.CsvQuoteCharacter);
            _quoteByte = quote ?? -1;
            _parser = new CsvRecordParser(options.Get(FilesystemOptions.CsvFieldDelimiter), quote, options.Get(FilesystemOptions.CsvEscapeCharacter),
                options.Get(FilesystemOptions.CsvAllowComments), options.Get(FilesystemOptions.CsvNullLiteral),
                context.Table.PhysicalSchema.Count, context.ProjectedColumns, context.OutputSchema,
                lenient: options.Get(FilesystemOptions.CsvIgnoreParseErrors));
            _ignoreErrors = options.Get(FilesystemOptions.CsvIgnoreParseErrors);
        }
        else
        {
            _parser = new JsonRecordParser(context.OutputSchema, options.Get(FilesystemOptions.JsonFailOnMissingField));
            _ignoreErrors = options.Get(FilesystemOptions.JsonIgnoreParseErrors);
        }
        if (!File.Exists(_root) && !Directory.Exists(_root) && _monitorInterval is null)
            throw new FileNotFoundException($"Table '{context.Table.Name}': path '{_root}' does not exist.");
        return ValueTask.CompletedTask;
    }

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_pendingFailure is { } pending) throw pending;
        int rows = 0;
        int max = _context.MaxBatchRows;
        while (rows < max)
        {
            if (_splitter is null && !OpenNextFile())
            {
                if (rows > 0) break;
                if (_monitorInterval is null) return null;
                await Task.Delay(EmitPacer.MaxWait, cancellationToken).ConfigureAwait(false);
                return Build(0);
            }
            var splitter = _splitter!;
            if (!splitter.TryNext(out var record, out long line))
            {
                CloseCurrent(done: true);
                continue;
            }
            _currentOffset = splitter.Offset;
            _currentLine = splitter.NextLine;
            if (_parser.IsSkipped(record)) continue;
            var error = _parser.TryAppend(record, _columns);
            if (error is null)
            {
                rows++;
                continue;
            }
            foreach (var c in _columns) c.Truncate(rows);
            if (_ignoreErrors)
            {
                SkippedRecords++;
                continue;
            }
            var failure = new InvalidDataException($"Malformed record at {_currentFile}:{line}: {error}. "
                + "Fix the record or set the format's ignore-parse-errors option to skip such records.");
            if (rows == 0) throw failure;
            // Flink reads record by record: the records before the bad one reach the sink before the job fails.
            _pendingFailure = failure;
            break;
        }
        return Build(rows);
    }

    private RecordBatch Build(int rows)
    {
        var arrays = new IArrowArray[_columns.Length];
        for (int c = 0; c < arrays.Length; c++) arrays[c] = _columns[c].Build();
        return new RecordBatch(_context.OutputSchema, arrays, rows);
    }

    /// <summary>Opens the next file of this subtask (resuming at the restored offset); false when none is left for now.</summary>
    private bool OpenNextFile()
    {
        if (_currentFile is not null && !_done.Contains(_currentFile) && File.Exists(_currentFile))
        {
            _splitter = new RecordSplitter(_currentFile, _currentOffset, _currentLine, _quoteByte);
            return true;
        }
        if (_monitorInterval is { } interval && _lastListingMillis != long.MinValue
            && _context.Clock.MonotonicMillis() - _lastListingMillis < interval.TotalMilliseconds && _pending.Count == 0)
            return false;
        if (_pending.Count == 0) ListFiles();
        while (_pending.Count > 0)
        {
            var next = _pending.Dequeue();
            if (_done.Contains(next)) continue;
            _currentFile = next;
            _currentOffset = 0;
            _currentLine = 1;
            _splitter = new RecordSplitter(next, 0, 1, _quoteByte);
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
        foreach (var f in VisibleFiles(_root, _context.SubtaskIndex, _context.Parallelism))
            if (!_done.Contains(f) && string.CompareOrdinal(f, _currentFile) != 0) _pending.Enqueue(f);
    }

    /// <summary>The files of <paramref name="root"/> (a file, or a directory read recursively) that subtask <paramref name="subtask"/> reads.</summary>
    internal static List<string> VisibleFiles(string root, int subtask, int parallelism)
    {
        var all = new List<string>();
        if (File.Exists(root)) all.Add(Path.GetFullPath(root));
        else if (Directory.Exists(root)) Collect(root, all);
        all.Sort(StringComparer.Ordinal);
        var mine = new List<string>();
        for (int i = 0; i < all.Count; i++)
            if (i % parallelism == subtask) mine.Add(all[i]);
        return mine;
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
        if (done && _currentFile is not null) _done.Add(_currentFile);
    }

    public byte[] SnapshotPosition()
    {
        // current file, offset, line, then the finished files (needed when monitoring adds files out of order)
        var sb = new StringBuilder();
        sb.Append(_currentFile ?? "").Append('\n');
        foreach (var f in _done) sb.Append(f).Append('\n');
        var names = Encoding.UTF8.GetBytes(sb.ToString());
        var bytes = new byte[16 + names.Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, _currentOffset);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), _currentLine);
        names.CopyTo(bytes, 16);
        return bytes;
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        if (positions.Count != _context.Parallelism)
            throw new NotSupportedException($"this source cannot yet continue at parallelism {_context.Parallelism} from a checkpoint taken at parallelism {positions.Count}");
        RestorePosition(positions[_context.SubtaskIndex]);
    }

    private void RestorePosition(byte[] position)
    {
        CloseCurrent(done: false);
        _currentOffset = BinaryPrimitives.ReadInt64LittleEndian(position);
        _currentLine = BinaryPrimitives.ReadInt64LittleEndian(position.AsSpan(8));
        var names = Encoding.UTF8.GetString(position, 16, position.Length - 16).Split('\n');
        _currentFile = names[0].Length == 0 ? null : names[0];
        _done.Clear();
        for (int i = 1; i < names.Length; i++)
            if (names[i].Length > 0) _done.Add(names[i]);
        _pending.Clear();
        _listedOnce = false;
    }

    public ValueTask DisposeAsync()
    {
        CloseCurrent(done: false);
        return ValueTask.CompletedTask;
    }
}
