using System.Text;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem.Parquet;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Exactly-once file sink (two-phase commit), Flink's file naming: rows go to a hidden in-progress part file
/// <c>.part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;.inprogress[.&lt;owner&gt;]</c>, one per partition directory
/// (<c>PARTITIONED BY</c>: <c>k=v/</c>, the partition columns are not written into the files); a part file is closed when
/// it reaches <c>sink.rolling-policy.file-size</c>, <c>.rollover-interval</c> or <c>.inactivity-interval</c>, and on every
/// barrier; a closed file is renamed to the hidden pending name <c>.part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;.pending</c> and
/// its handle kept in checkpoint state; commit renames it to the visible <c>part-&lt;uuid&gt;-&lt;subtask&gt;-&lt;n&gt;</c>.
/// Commit is idempotent.
/// <para>In-progress files are never part of any checkpoint: on open, those an earlier run of this same sink left behind
/// (same owner tag: the job's exclusively held state name and the sink's operator id) for this subtask index, or for an
/// index beyond today's parallelism that maps to it, are removed (their rows are replayed from the source's position).
/// Files of other jobs and other sinks in the directory are never touched; without an owner (state not on disk) nothing is.</para>
/// <para>Partition commit (<c>sink.partition-commit.policy.kind</c> = <c>success-file</c>): a partition this subtask wrote
/// into is committed, once its files are, when the trigger says so (<see cref="PartitionCommitTracker"/>); partitions
/// waiting for their trigger travel in the handles, so a restore still commits them.</para>
/// </summary>
internal sealed class FilesystemWriter : ISinkWriter, IWatermarkAwareSinkWriter
{
    private string _directory = "";
    private int _subtask;
    private int _parallelism;
    private string? _ownerTag;
    private TextWriter _diagnostics = TextWriter.Null;
    private string _uuid = "";
    /// <summary><c>part-</c>, or with <c>auto-compaction</c> Flink's <c>compacted-part-</c> (the name its compactor gives
    /// the files it publishes).</summary>
    private string _namePrefix = "part-";
    /// <summary>debezium-json, canal-json, maxwell-json: every change is written (a retraction as a delete message).</summary>
    private bool _changes;
    private Func<string, CancellationToken, ValueTask<IPartFileWriter>> _openPart = null!;
    private long _maxFileBytes;
    private long _rolloverMillis;
    private long _inactivityMillis = long.MaxValue;
    private Execution.Operators.IClock _clock = null!;
    private int[] _fileColumns = System.Array.Empty<int>();
    private Schema _fileSchema = null!;
    private PartitionRouter? _router;
    private PartitionCommitTracker? _partitions;
    private OverwriteCleaner? _overwrite;

    private readonly Dictionary<string, OpenPart> _open = new(StringComparer.Ordinal);
    private int _counter;
    /// <summary>Closed part files awaiting the next checkpoint, as paths relative to the table directory.</summary>
    private readonly List<string> _closed = new();

    private sealed class OpenPart(IPartFileWriter writer, string name, long openedAt)
    {
        public IPartFileWriter Writer { get; } = writer;
        public string Name { get; } = name;
        public long OpenedAt { get; } = openedAt;
        public long LastWriteAt { get; set; } = openedAt;
    }

    /// <summary>Flushes a directory's entries to disk (fsync); tests watch it.</summary>
    internal Action<string> SyncDirectory { get; init; } = FileDurability.SyncDirectory;

    public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
    {
        var table = context.Table;
        var options = new TableOptions(table);
        _directory = FilesystemPath.ToLocal(options.Require(FilesystemOptions.Path)!)!;
        _subtask = context.SubtaskIndex;
        _parallelism = context.Parallelism;
        _ownerTag = context.OutputOwner is { } owner ? OwnerTag(owner) : null;
        _diagnostics = context.Diagnostics;
        _clock = context.Clock;
        _uuid = Guid.NewGuid().ToString();
        if (options.Get(FilesystemOptions.AutoCompaction)) _namePrefix = "compacted-part-";
        if (context.Overwrite) _overwrite = context.Shared.GetOrAdd("overwrite", () => new OverwriteCleaner());
        _maxFileBytes = options.Get(FilesystemOptions.RollingFileSize);
        _rolloverMillis = (long)options.Get(FilesystemOptions.RollingInterval).TotalMilliseconds;
        if (options.Get(FilesystemOptions.RollingInactivityInterval) is { } inactivity) _inactivityMillis = (long)inactivity.TotalMilliseconds;

        var physical = table.PhysicalSchema.Fields;
        var fileColumns = new List<int>();
        var partitionColumns = new List<int>();
        for (int i = 0; i < physical.Count; i++)
        {
            bool isPartition = table.PartitionKeys.Any(k => string.Equals(k, physical[i].Name, StringComparison.OrdinalIgnoreCase));
            (isPartition ? partitionColumns : fileColumns).Add(i);
        }
        // PARTITIONED BY order decides the directory nesting.
        partitionColumns.Sort((a, b) => IndexOfKey(table.PartitionKeys, physical[a].Name).CompareTo(IndexOfKey(table.PartitionKeys, physical[b].Name)));
        _fileColumns = fileColumns.ToArray();
        _fileSchema = new Schema(fileColumns.Select(i => context.InputSchema.GetFieldByIndex(i)).ToList(), null);
        if (partitionColumns.Count > 0)
        {
            _router = new PartitionRouter(partitionColumns.ToArray(), partitionColumns.Select(i => physical[i].Name).ToArray(),
                options.Get(FilesystemOptions.PartitionDefaultName));
            if (options.Get(FilesystemOptions.PartitionCommitPolicyKind) is not null)
            {
                var keys = _router.Keys;
                var committer = context.Shared.GetOrAdd("partition-committer", () => PartitionCommitter.Create(options, keys, context.Parallelism));
                _partitions = new PartitionCommitTracker(committer, context.SubtaskIndex, options.Get(FilesystemOptions.PartitionCommitSuccessFileName),
                    _clock, SyncDirectory);
            }
        }

        var format = options.Require(FilesystemOptions.Format);
        // JSON field names are the table's column names, whatever the query called its columns.
        var names = _fileColumns.Select(i => physical[i].Name).ToList();
        if (format == "parquet")
        {
            var columns = _fileColumns.Select(i => ParquetColumnType.For(physical[i].Name, physical[i].Type)).ToArray();
            var compression = ParquetCompressionOption.Parse(options.Get(FilesystemOptions.ParquetCompression));
            long blockSize = options.Get(FilesystemOptions.ParquetBlockSize);
            var encoder = new ParquetColumnEncoder();
            _openPart = async (path, ct) => await ParquetPartFileWriter.CreateAsync(CreateFile(path), columns, compression, blockSize, encoder, ct).ConfigureAwait(false);
        }
        else if (format == "avro")
        {
            var types = _fileColumns.Select(i => physical[i].Type).ToList();
            var columns = Execution.Types.ArrowTypeMapping.ToArrowSchema(new Sql.Planner.Types.RowSchema(_fileColumns.Select(i => physical[i]).ToList()));
            string schema = Kafka.ConfluentAvro.AvroSchemaDerivation.Of(names, types, options.Get(Kafka.AvroTimestampMapping.Legacy));
            var codec = Avro.AvroCodec.ForName(options.Get(FilesystemOptions.AvroCodec))!;
            var encoder = new Kafka.AvroBinary.Encoder(types.Select(Kafka.AvroBinary.Millis).ToList());
            _openPart = (path, _) => ValueTask.FromResult<IPartFileWriter>(new Avro.AvroPartFileWriter(CreateFile(path), columns, schema, codec, encoder));
        }
        else if (ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(format))
        {
            var encoder = ChangelogFormats.ChangeMessageRowEncoder.Create(format, names, options);
            _openPart = (path, _) => ValueTask.FromResult<IPartFileWriter>(new LinePartFileWriter(CreateFile(path), encoder));
            _changes = true;
        }
        else
        {
            IRowEncoder encoder;
            if (format == "raw") encoder = new RawRowEncoder(RawFormat.Charset(options));
            else if (format == "csv")
            {
                char? quote = options.Get(FilesystemOptions.CsvDisableQuoteCharacter) ? null : options.Get(FilesystemOptions.CsvQuoteCharacter);
                encoder = new CsvRowEncoder(options.Get(FilesystemOptions.CsvFieldDelimiter), quote, options.Get(FilesystemOptions.CsvEscapeCharacter),
                    options.Get(FilesystemOptions.CsvNullLiteral), options.Contains(FilesystemOptions.CsvWriteBigDecimalInScientificNotation)
                        && options.Get(FilesystemOptions.CsvWriteBigDecimalInScientificNotation),
                    options.Get(FilesystemOptions.CsvArrayElementDelimiter));
            }
            else
            {
                var style = options.Get(FilesystemOptions.JsonTimestampFormat) == "ISO-8601" ? TimestampStyle.Iso8601 : TimestampStyle.Sql;
                encoder = new JsonRowEncoder(names, style, options.Get(FilesystemOptions.JsonEncodeDecimalAsPlainNumber),
                    options.Get(FilesystemOptions.JsonEncodeIgnoreNullFields), options.Get(FilesystemOptions.JsonMapNullKeyMode),
                    options.Get(FilesystemOptions.JsonMapNullKeyLiteral), _fileColumns.Select(i => physical[i].Type).ToList());
            }
            _openPart = (path, _) => ValueTask.FromResult<IPartFileWriter>(new LinePartFileWriter(CreateFile(path), encoder));
        }
        Directory.CreateDirectory(_directory);
        RemoveLeftovers();
        return ValueTask.CompletedTask;
    }

    private static int IndexOfKey(IReadOnlyList<string> keys, string name)
    {
        for (int i = 0; i < keys.Count; i++)
            if (string.Equals(keys[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private static FileStream CreateFile(string path) => new(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 64 * 1024);

    /// <summary>A short stable tag for an output owner (hex of a SHA-256 prefix): file names stay short and free of
    /// characters a job name may hold.</summary>
    internal static string OwnerTag(string owner) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(owner)).AsSpan(0, 8));

    private void RemoveLeftovers()
    {
        if (_ownerTag is null) return;
        var search = _router is null ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories;
        foreach (var path in Directory.EnumerateFiles(_directory, ".*part-*.inprogress." + _ownerTag, search))
        {
            var name = Path.GetFileName(path);
            if (!name.StartsWith(".part-", StringComparison.Ordinal) && !name.StartsWith(".compacted-part-", StringComparison.Ordinal)) continue;
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

    public async ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (!_changes && batch.RowKinds is { } kinds)
            foreach (var kind in kinds)
                if (kind != RowKind.Insert)
                    throw new InvalidOperationException(
                        $"The filesystem sink only accepts inserts, but received a {kind.ShortString()} row; write an append-only query or use an upsert-capable sink.");
        long now = _clock.MonotonicMillis();
        await RollIdleAsync(now, cancellationToken).ConfigureAwait(false);
        if (_router is null) await WriteToAsync("", FileColumns(batch), now, cancellationToken).ConfigureAwait(false);
        else
            foreach (var (directory, rows) in _router.Split(batch))
                await WriteToAsync(directory, FileColumns(rows), now, cancellationToken).ConfigureAwait(false);
    }

    private Batch FileColumns(Batch batch)
    {
        var data = batch.Data;
        if (_fileColumns.Length == data.ColumnCount) return batch;
        var arrays = new IArrowArray[_fileColumns.Length];
        for (int i = 0; i < arrays.Length; i++) arrays[i] = data.Column(_fileColumns[i]);
        return new Batch(new RecordBatch(_fileSchema, arrays, data.Length), batch.RowKinds);
    }

    private async ValueTask WriteToAsync(string partition, Batch rows, long now, CancellationToken cancellationToken)
    {
        int next = 0;
        while (next < rows.Length)
        {
            if (!_open.TryGetValue(partition, out var part))
            {
                var name = $"{_namePrefix}{_uuid}-{_subtask}-{_counter++}";
                var directory = Path.Combine(_directory, partition);
                if (partition.Length > 0) Directory.CreateDirectory(directory);
                var writer = await _openPart(InProgressPath(directory, name), cancellationToken).ConfigureAwait(false);
                part = new OpenPart(writer, name, now);
                _open[partition] = part;
                _partitions?.OnWrite(partition);
            }
            next = await part.Writer.WriteAsync(rows, next, _maxFileBytes, cancellationToken).ConfigureAwait(false);
            part.LastWriteAt = now;
            if (part.Writer.Length > _maxFileBytes || now - part.OpenedAt >= _rolloverMillis)
                await ClosePartAsync(partition, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask RollIdleAsync(long now, CancellationToken cancellationToken)
    {
        if (_open.Count == 0) return;
        List<string>? idle = null;
        foreach (var (partition, part) in _open)
            if (now - part.LastWriteAt >= _inactivityMillis || now - part.OpenedAt >= _rolloverMillis) (idle ??= new()).Add(partition);
        if (idle is not null)
            foreach (var partition in idle) await ClosePartAsync(partition, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the in-progress file into a pending one (still hidden) awaiting the next checkpoint's commit.</summary>
    private async ValueTask ClosePartAsync(string partition, CancellationToken cancellationToken)
    {
        if (!_open.Remove(partition, out var part)) return;
        await part.Writer.CloseAsync(cancellationToken).ConfigureAwait(false);
        var directory = Path.Combine(_directory, partition);
        File.Move(InProgressPath(directory, part.Name), PendingPath(directory, part.Name), overwrite: true);
        _closed.Add(partition.Length == 0 ? part.Name : partition + "/" + part.Name);
    }

    private string InProgressPath(string directory, string name) =>
        Path.Combine(directory, "." + name + ".inprogress" + (_ownerTag is null ? "" : "." + _ownerTag));
    private static string PendingPath(string directory, string name) => Path.Combine(directory, "." + name + ".pending");

    public async ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken)
    {
        foreach (var partition in _open.Keys.ToList()) await ClosePartAsync(partition, cancellationToken).ConfigureAwait(false);
        _partitions?.OnPrepare(checkpointId);
        var partitions = _partitions?.Uncommitted();
        if (_closed.Count == 0 && (partitions is null || partitions.Count == 0)) return null;
        // The checkpoint about to hold this handle names the pending files: their renames must survive a crash first.
        foreach (var directory in _closed.Select(c => Path.GetDirectoryName(Path.Combine(_directory, c))!).Distinct()) SyncDirectory(directory);
        if (_closed.Count == 0) SyncDirectory(_directory);
        // Handle: the directory, then one part file per line (relative to it); then, after a tab, each partition that
        // waits for its commit with the processing time it was created at.
        var sb = new StringBuilder(_directory).Append('\n');
        foreach (var name in _closed) sb.Append(name).Append('\n');
        if (partitions is not null)
            foreach (var (partition, created) in partitions) sb.Append('\t').Append(partition).Append('\t').Append(created).Append('\n');
        _closed.Clear();
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
    {
        foreach (var handle in handles)
        {
            var waiting = Commit(handle, _diagnostics, SyncDirectory, _overwrite);
            if (_partitions is not null)
                foreach (var (partition, created) in waiting) _partitions.OnFilesCommitted(partition, created);
        }
        _partitions?.CommitDue(_directory, checkpointId, _diagnostics);
        return ValueTask.CompletedTask;
    }

    public void OnWatermark(long timestampMicros) => _partitions?.OnWatermark(timestampMicros);

    public void OnIdleStatus(bool idle) => _partitions?.OnIdleStatus(idle);

    /// <summary>Renames every pending file of <paramref name="handle"/> to its visible name; already renamed files are fine.
    /// A part whose pending and final files are both gone (removed by hand, or the directory was cleaned) cannot be
    /// committed: that is reported on <paramref name="diagnostics"/> and the commit goes on, as a restart would only meet
    /// the same missing file again. Returns the partitions the handle names as waiting for their commit.</summary>
    internal static List<(string Partition, long Created)> Commit(byte[] handle, TextWriter diagnostics, Action<string> syncDirectory,
        OverwriteCleaner? overwrite = null)
    {
        var waiting = new List<(string, long)>();
        var lines = Encoding.UTF8.GetString(handle).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) return waiting;
        var directory = lines[0];
        var touched = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i][0] == '\t')
            {
                var fields = lines[i].Split('\t');
                if (fields.Length == 3 && long.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var created))
                    waiting.Add((fields[1], created));
                continue;
            }
            var relative = lines[i];
            int slash = relative.LastIndexOf('/');
            var partDirectory = slash < 0 ? directory : Path.Combine(directory, relative[..slash]);
            var name = slash < 0 ? relative : relative[(slash + 1)..];
            var pending = PendingPath(partDirectory, name);
            var final = Path.Combine(partDirectory, name);
            overwrite?.BeforeFirstCommitInto(partDirectory, diagnostics);
            if (File.Exists(pending)) File.Move(pending, final, overwrite: true);
            else if (!File.Exists(final))
                diagnostics.WriteLine($"[WARNING] Cannot commit part file '{final}': neither it nor its pending file '{pending}' exists; its rows are lost from the sink's output.");
            touched.Add(partDirectory);
            if (slash >= 0) waiting.Add((relative[..slash], -1));
        }
        // Published once the renames are durable: a reader never sees committed output disappear after a crash.
        foreach (var d in touched)
            if (Directory.Exists(d)) syncDirectory(d);
        return waiting;
    }

    public async ValueTask DisposeAsync()
    {
        // Uncommitted data stays hidden; a later run removes the in-progress file, or commits pending ones from state.
        foreach (var part in _open.Values) await part.Writer.DisposeAsync().ConfigureAwait(false);
        _open.Clear();
    }
}
