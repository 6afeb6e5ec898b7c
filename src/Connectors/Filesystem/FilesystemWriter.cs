using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Exactly-once file sink (two-phase commit), Flink's file naming: rows go to a hidden in-progress part file
/// <c>.part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;.inprogress[.&lt;owner&gt;]</c>; a part file is closed when it reaches
/// <c>sink.rolling-policy.file-size</c> or <c>.rollover-interval</c>, and on every barrier; a closed file is renamed to the
/// hidden pending name <c>.part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;.pending</c> and its handle kept in checkpoint state;
/// commit renames it to the visible <c>part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;</c>. Commit is idempotent.
/// <para>In-progress files are never part of any checkpoint: on open, those an earlier run of this same sink left behind
/// (same owner tag: the job's exclusively held state name and the sink's operator id) for this subtask index, or for an
/// index beyond today's parallelism that maps to it, are removed (their rows are replayed from the source's position).
/// Files of other jobs and other sinks in the directory are never touched; without an owner (state not on disk) nothing is.</para>
/// </summary>
internal sealed class FilesystemWriter : ISinkWriter
{
    private string _directory = "";
    private int _subtask;
    private int _parallelism;
    private string? _ownerTag;
    private TextWriter _diagnostics = TextWriter.Null;
    private string _uuid = "";
    private IRowEncoder _encoder = null!;
    /// <summary>debezium-json: every change is written (a retraction as op "d").</summary>
    private bool _changes;
    private long _maxFileBytes;
    private long _rolloverMillis;
    private Execution.Operators.IClock _clock = null!;

    private FileStream? _current;
    private string? _currentName;
    private long _openedAtMillis;
    private int _counter;
    private readonly List<string> _closed = new();

    /// <summary>Flushes a directory's entries to disk (fsync); tests watch it.</summary>
    internal Action<string> SyncDirectory { get; init; } = FileDurability.SyncDirectory;

    public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
    {
        var options = new TableOptions(context.Table);
        _directory = FilesystemPath.ToLocal(options.Require(FilesystemOptions.Path)!)!;
        _subtask = context.SubtaskIndex;
        _parallelism = context.Parallelism;
        _ownerTag = context.OutputOwner is { } owner ? OwnerTag(owner) : null;
        _diagnostics = context.Diagnostics;
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
        else if (options.Require(FilesystemOptions.Format) == ChangelogFormats.ChangelogFormatOptions.Debezium)
        {
            if (options.Get(ChangelogFormats.ChangelogFormatOptions.DebeziumSchemaInclude))
                throw new NotSupportedException($"Table '{context.Table.Name}': writing 'debezium-json' with 'debezium-json.schema-include' = 'true' is not "
                    + "supported yet; write without the schema (the default).");
            var style = options.Get(ChangelogFormats.ChangelogFormatOptions.DebeziumTimestampFormat) == "ISO-8601" ? TimestampStyle.Iso8601 : TimestampStyle.Sql;
            _encoder = new ChangelogFormats.DebeziumJsonRowEncoder(new JsonRowEncoder(names, style, options.Get(ChangelogFormats.ChangelogFormatOptions.DebeziumDecimalPlain)));
            _changes = true;
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

    /// <summary>A short stable tag for an output owner (hex of a SHA-256 prefix): file names stay short and free of
    /// characters a job name may hold.</summary>
    internal static string OwnerTag(string owner) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(owner)).AsSpan(0, 8));

    private void RemoveLeftovers()
    {
        if (_ownerTag is null) return;
        foreach (var path in Directory.EnumerateFiles(_directory, ".part-*.inprogress." + _ownerTag))
        {
            var name = Path.GetFileName(path);
            var part = name[1..name.IndexOf(".inprogress", StringComparison.Ordinal)];
            if (SubtaskOf(part) is int subtask && subtask % _parallelism == _subtask && (subtask == _subtask || subtask >= _parallelism))
                File.Delete(path);
        }
    }

    /// <summary>The subtask index in a part name <c>part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;</c> (the uuid has dashes of its own).</summary>
    private static int? SubtaskOf(string part)
    {
        int last = part.LastIndexOf('-');
        int before = last > 0 ? part.LastIndexOf('-', last - 1) : -1;
        return before > 0 && int.TryParse(part.AsSpan(before + 1, last - before - 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var subtask) ? subtask : null;
    }

    public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        for (int row = 0; row < batch.Length; row++)
        {
            if (batch.KindAt(row) != RowKind.Insert && !_changes)
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
        _current = new FileStream(InProgressPath(_currentName), FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
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

    private string InProgressPath(string name) =>
        Path.Combine(_directory, "." + name + ".inprogress" + (_ownerTag is null ? "" : "." + _ownerTag));
    private string PendingPath(string name) => Path.Combine(_directory, "." + name + ".pending");
    private static string PendingPath(string directory, string name) => Path.Combine(directory, "." + name + ".pending");

    public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken)
    {
        ClosePart();
        if (_closed.Count == 0) return ValueTask.FromResult<byte[]?>(null);
        // The checkpoint about to hold this handle names the pending files: their renames must survive a crash first.
        SyncDirectory(_directory);
        // Handle: the directory, then one part name per line.
        var sb = new StringBuilder(_directory).Append('\n');
        foreach (var name in _closed) sb.Append(name).Append('\n');
        _closed.Clear();
        return ValueTask.FromResult<byte[]?>(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
    {
        foreach (var handle in handles) Commit(handle, _diagnostics, SyncDirectory);
        return ValueTask.CompletedTask;
    }

    /// <summary>Renames every pending file of <paramref name="handle"/> to its visible name; already renamed files are fine.
    /// A part whose pending and final files are both gone (removed by hand, or the directory was cleaned) cannot be
    /// committed: that is reported on <paramref name="diagnostics"/> and the commit goes on, as a restart would only meet
    /// the same missing file again.</summary>
    internal static void Commit(byte[] handle, TextWriter diagnostics, Action<string> syncDirectory)
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
                diagnostics.WriteLine($"[WARNING] Cannot commit part file '{final}': neither it nor its pending file '{pending}' exists; its rows are lost from the sink's output.");
        }
        // Published once the renames are durable: a reader never sees committed output disappear after a crash.
        if (Directory.Exists(directory)) syncDirectory(directory);
    }

    public ValueTask DisposeAsync()
    {
        // Uncommitted data stays hidden; a later run removes the in-progress file, or commits pending ones from state.
        _current?.Dispose();
        _current = null;
        return ValueTask.CompletedTask;
    }
}
