using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Exactly-once file sink (two-phase commit), Flink's file naming: rows go to a hidden in-progress part file
/// <c>.part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;.inprogress</c>; a part file is closed when it reaches
/// <c>sink.rolling-policy.file-size</c> or <c>.rollover-interval</c>, and on every barrier; a closed file is renamed to the
/// hidden pending name <c>.part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;.pending</c> and its handle kept in checkpoint state;
/// commit renames it to the visible <c>part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;</c>. Commit is idempotent. On open, in-progress
/// files a crashed run of this subtask left behind are removed (their rows are replayed from the source's position).
/// </summary>
internal sealed class FilesystemWriter : ISinkWriter
{
    private string _directory = "";
    private int _subtask;
    private string _uuid = "";
    private IRowEncoder _encoder = null!;
    private long _maxFileBytes;
    private long _rolloverMillis;
    private Execution.Operators.IClock _clock = null!;

    private FileStream? _current;
    private string? _currentName;
    private long _openedAtMillis;
    private int _counter;
    private readonly List<string> _closed = new();

    public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
    {
        var options = new TableOptions(context.Table);
        _directory = FilesystemPath.ToLocal(options.Require(FilesystemOptions.Path)!)!;
        _subtask = context.SubtaskIndex;
        _clock = context.Clock;
        _uuid = Guid.NewGuid().ToString();
        _maxFileBytes = options.Get(FilesystemOptions.RollingFileSize);
        _rolloverMillis = (long)options.Get(FilesystemOptions.RollingInterval).TotalMilliseconds;
        var names = new List<string>();
        foreach (var f in context.Table.PhysicalSchema.Fields) names.Add(f.Name);
        if (options.Require(FilesystemOptions.Format) == "csv")
        {
            char? quote = options.Get(FilesystemOptions.CsvDisableQuoteCharacter) ? null : options.Get(FilesystemOptions.CsvQuoteCharacter);
            _encoder = new CsvRowEncoder(options.Get(FilesystemOptions.CsvFieldDelimiter), quote, options.Get(FilesystemOptions.CsvEscapeCharacter),
                options.Get(FilesystemOptions.CsvNullLiteral));
        }
        else
        {
            var style = options.Get(FilesystemOptions.JsonTimestampFormat) == "ISO-8601" ? TimestampStyle.Iso8601 : TimestampStyle.Sql;
            _encoder = new JsonRowEncoder(names, style, options.Get(FilesystemOptions.JsonEncodeDecimalAsPlainNumber));
        }
        Directory.CreateDirectory(_directory);
        RemoveLeftovers();
        return ValueTask.CompletedTask;
    }

    private void RemoveLeftovers()
    {
        var suffix = $"-{_subtask}-";
        foreach (var path in Directory.EnumerateFiles(_directory, ".part-*.inprogress"))
        {
            var name = Path.GetFileName(path);
            var stem = name[..^".inprogress".Length];
            int dash = stem.LastIndexOf('-');
            if (dash > 0 && stem[..(dash + 1)].EndsWith(suffix, StringComparison.Ordinal)) File.Delete(path);
        }
    }

    public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        for (int row = 0; row < batch.Length; row++)
        {
            if (batch.KindAt(row) != RowKind.Insert)
                throw new InvalidOperationException(
                    $"The filesystem sink only accepts inserts, but received a {batch.KindAt(row).ShortString()} row; write an append-only query or use an upsert-capable sink.");
            if (_current is null) OpenPart();
            _encoder.Write(batch, row, _current!);
            if (_current!.Position >= _maxFileBytes) ClosePart();
        }
        if (_current is not null && _clock.MonotonicMillis() - _openedAtMillis >= _rolloverMillis) ClosePart();
        return ValueTask.CompletedTask;
    }

    private void OpenPart()
    {
        _currentName = $"part-{_uuid}-{_subtask}-{_counter++}";
        _current = new FileStream(Path.Combine(_directory, "." + _currentName + ".inprogress"), FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        _openedAtMillis = _clock.MonotonicMillis();
    }

    /// <summary>Closes the in-progress file into a pending one (still hidden) awaiting the next checkpoint's commit.</summary>
    private void ClosePart()
    {
        if (_current is null) return;
        _current.Flush(flushToDisk: true);
        _current.Dispose();
        _current = null;
        File.Move(InProgressPath(_currentName!), PendingPath(_currentName!), overwrite: true);
        _closed.Add(_currentName!);
        _currentName = null;
    }

    private string InProgressPath(string name) => Path.Combine(_directory, "." + name + ".inprogress");
    private string PendingPath(string name) => Path.Combine(_directory, "." + name + ".pending");
    private static string PendingPath(string directory, string name) => Path.Combine(directory, "." + name + ".pending");

    public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken)
    {
        ClosePart();
        if (_closed.Count == 0) return ValueTask.FromResult<byte[]?>(null);
        // Handle: the directory, then one part name per line.
        var sb = new StringBuilder(_directory).Append('\n');
        foreach (var name in _closed) sb.Append(name).Append('\n');
        _closed.Clear();
        return ValueTask.FromResult<byte[]?>(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
    {
        foreach (var handle in handles) Commit(handle);
        return ValueTask.CompletedTask;
    }

    /// <summary>Renames every pending file of <paramref name="handle"/> to its visible name; already renamed files are fine.</summary>
    internal static void Commit(byte[] handle)
    {
        var lines = Encoding.UTF8.GetString(handle).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return;
        var directory = lines[0];
        for (int i = 1; i < lines.Length; i++)
        {
            var pending = PendingPath(directory, lines[i]);
            var final = Path.Combine(directory, lines[i]);
            if (File.Exists(pending)) File.Move(pending, final, overwrite: true);
            else if (!File.Exists(final))
                throw new IOException($"Cannot commit part file '{final}': neither it nor its pending file '{pending}' exists.");
        }
    }

    public ValueTask DisposeAsync()
    {
        // Uncommitted data stays hidden; a later run removes the in-progress file, or commits pending ones from state.
        _current?.Dispose();
        _current = null;
        return ValueTask.CompletedTask;
    }
}
