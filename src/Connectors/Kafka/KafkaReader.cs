using System.Text.RegularExpressions;
using Apache.Arrow;
using Confluent.Kafka;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using Array = System.Array;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// One subtask of a kafka source. Partitions are assigned explicitly (no consumer-group rebalancing): each goes to the
/// subtask <see cref="KafkaPartitionAssigner"/> names, so subtasks agree without talking and a rescale hands every
/// partition to exactly one new subtask. The position — each partition's next offset and, when bounded, the offset it
/// stops before — lives in the checkpoint; committing it to the consumer group is for monitoring only
/// (<c>properties.commit.offsets.on.checkpoint</c>, when a <c>properties.group.id</c> is given). Startup offsets are
/// resolved to concrete offsets when the subtask opens, so a checkpoint taken before any record never depends on them.
/// A record whose value (or key) does not decode fails the job with topic, partition, offset and the reason, unless the
/// value format's ignore-parse-errors option is on (then it is skipped and counted). Records without a value
/// (tombstones) are skipped, as Flink does.
/// <para>Each batch says which partition each row came from (<see cref="TakeSplits"/>: runs of rows by split id
/// <c>topic-partition</c>, and the partitions being read), so the table's watermark is generated per partition, as
/// Flink's KafkaSource does.</para>
/// <para>For upsert-kafka (<paramref name="upsert"/>, read through <see cref="UpsertKafkaReader"/>) every partition is read
/// from its earliest offset, the key columns always come from the record key, and a tombstone is a row of kind <c>-D</c>
/// with the key columns set and the others NULL (the planner's ChangelogNormalize gives it back its full row).</para>
/// </summary>
internal sealed class KafkaReader(bool upsert = false) : ISourceReader
{
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(5);

    private SourceReaderContext _context = null!;
    private TableOptions _options = null!;
    private IConsumer<byte[]?, byte[]?> _consumer = null!;
    private ConsumerConfig _consumerConfig = null!;
    private IAdminClient _admin = null!;
    private KafkaRecordDecoder _value = null!;
    private KafkaRecordDecoder? _key;
    /// <summary>For each output column: (0 value | 1 key | 2 metadata, index in that part).</summary>
    private (int Part, int Index)[] _outputs = Array.Empty<(int, int)>();
    private ColumnBuilder[] _metadata = Array.Empty<ColumnBuilder>();
    private string[] _metadataKeys = Array.Empty<string>();
    private bool _bounded;
    private bool _commitOffsets;
    /// <summary>Whether the table names a consumer group (<c>properties.group.id</c>).</summary>
    private bool _hasGroup;
    private TimeSpan _discoveryInterval;
    private long _lastDiscoveryMillis;
    private readonly Dictionary<(string Topic, int Partition), KafkaPartitionState> _partitions = new();
    private bool _assigned;
    private InvalidDataException? _pendingFailure;
    /// <summary>The offsets of the last position taken (a checkpoint, or the end of a bounded input).</summary>
    private List<TopicPartitionOffset>? _lastSnapshot;

    /// <summary>The kind of each row of the batch being built: upsert mode +I, or -D for a tombstone; a change-data value
    /// format the kinds its messages give.</summary>
    private readonly ChangelogFormats.RowKindList _kinds = new();

    private readonly SourceSplitsBuilder _runs = new();
    /// <summary>The partitions being read (not finished), rebuilt after the assignment changed (null then).</summary>
    private SourceSplitSet? _assignment;
    private SourceSplits? _lastSplits;

    /// <summary>Records skipped as malformed (ignore-parse-errors).</summary>
    public long SkippedRecords { get; private set; }

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var table = context.Table;
        _options = new TableOptions(table);
        var fields = KafkaFields.Of(table);
        var physical = table.PhysicalSchema;
        _bounded = _options.Get(KafkaOptions.BoundedMode) != "unbounded";
        _discoveryInterval = _options.Get(KafkaOptions.PartitionDiscoveryInterval);
        CreateDecoders(context, fields, physical);

        var config = new ConsumerConfig(KafkaClientProperties.Of(table));
        _hasGroup = !string.IsNullOrEmpty(config.GroupId);
        _commitOffsets = _hasGroup && !string.Equals(KafkaClientProperties.Flink(table, KafkaClientProperties.CommitOffsetsOnCheckpoint), "false", StringComparison.OrdinalIgnoreCase);
        // The client needs a group id even for explicitly assigned partitions; without the user's, nothing is committed.
        if (!_hasGroup) config.GroupId = "streamsql-" + table.Name;
        config.IsolationLevel ??= IsolationLevel.ReadCommitted;
        config.EnablePartitionEof = true; // the end of a partition moves the position past trailing transaction markers
        config.EnableAutoCommit = _commitOffsets;
        config.EnableAutoOffsetStore = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest; // only for a stored position that fell out of retention
        _consumerConfig = config;
        _consumer = KafkaClientProperties.Build(table, () => new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetKeyDeserializer(Deserializers.ByteArray).SetValueDeserializer(Deserializers.ByteArray)
            .SetLogHandler((_, _) => { }).Build());
        _admin = new DependentAdminClientBuilder(_consumer.Handle).Build();
        foreach (var (topic, partition) in ListPartitions())
            if (IsMine(topic, partition)) _partitions[(topic, partition)] = Resolve(topic, partition);
        _lastDiscoveryMillis = context.Clock.MonotonicMillis();
        return ValueTask.CompletedTask;
    }

    private void CreateDecoders(SourceReaderContext context, KafkaFields fields, Sql.Planner.Types.RowSchema physical)
    {
        var schema = context.OutputSchema;
        int projected = context.ProjectedColumns.Count;
        _outputs = new (int, int)[schema.FieldsList.Count];
        var valueNeeded = new List<int>();
        var keyNeeded = new List<int>();
        bool valueHasAll = fields.ValueColumns.Count == physical.Count;
        for (int i = 0; i < projected; i++)
        {
            int column = context.ProjectedColumns[i];
            // upsert-kafka: the key columns come from the key, which tombstones have too.
            int inValue = upsert && IndexOf(fields.KeyColumns, column) >= 0 ? -1 : IndexOf(fields.ValueColumns, column);
            if (inValue >= 0)
            {
                _outputs[i] = (0, valueNeeded.Count);
                valueNeeded.Add(inValue);
            }
            else
            {
                _outputs[i] = (1, keyNeeded.Count);
                keyNeeded.Add(IndexOf(fields.KeyColumns, column));
            }
        }
        // csv is positional: decode in field order, whatever order the projection asks for.
        var valueOrder = valueNeeded.Select((field, slot) => (field, slot)).OrderBy(p => p.field).ToList();
        var keyOrder = keyNeeded.Select((field, slot) => (field, slot)).OrderBy(p => p.field).ToList();
        for (int i = 0; i < projected; i++)
        {
            var (part, slot) = _outputs[i];
            _outputs[i] = (part, (part == 0 ? valueOrder : keyOrder).FindIndex(p => p.slot == slot));
        }
        var valueFields = fields.ValueColumns.Select(c => Field(physical, fields, c)).ToList();
        _value = new KafkaRecordDecoder(fields.ValueFormat, valueFields, valueOrder.Select(p => p.field).ToList(), _options, isKey: false,
            fields.ValueColumns.Select(c => AvroBinary.Millis(physical[c].Type)).ToList(), fields.ValueColumns.Select(c => IsVariant(physical[c].Type)).ToList());
        if (keyNeeded.Count > 0 && (!valueHasAll || upsert))
        {
            var keyFields = fields.KeyColumns.Select(c => Field(physical, fields, c)).ToList();
            _key = new KafkaRecordDecoder(fields.KeyFormat!, keyFields, keyOrder.Select(p => p.field).ToList(), _options, isKey: true,
                fields.KeyColumns.Select(c => AvroBinary.Millis(physical[c].Type)).ToList(), fields.KeyColumns.Select(c => IsVariant(physical[c].Type)).ToList());
        }
        _metadataKeys = context.MetadataColumns.ToArray();
        if (_value.Changes is { } changes)
            foreach (var key in _metadataKeys)
                if (key.StartsWith("value.", StringComparison.Ordinal)) changes.Metadata.Wanted = true;
        _metadata = new ColumnBuilder[_metadataKeys.Length];
        for (int m = 0; m < _metadata.Length; m++)
        {
            _metadata[m] = ColumnBuilder.Create(schema.GetFieldByIndex(projected + m).DataType);
            _outputs[projected + m] = (2, m);
        }
    }

    private static bool IsVariant(Sql.Planner.Types.SqlType type) => type.Kind == Sql.Planner.Types.SqlTypeKind.Variant;

    private static Field Field(Sql.Planner.Types.RowSchema physical, KafkaFields fields, int column) =>
        new(fields.FormatName(physical, column), Execution.Types.ArrowTypeMapping.ToArrow(physical[column].Type), physical[column].Type.Nullable);

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }

    private bool IsMine(string topic, int partition) =>
        KafkaPartitionAssigner.SubtaskOf(topic, partition, _context.Parallelism) == _context.SubtaskIndex;

    /// <summary>The partitions of the table's topics (or of the topics matching its pattern), sorted.</summary>
    private List<(string Topic, int Partition)> ListPartitions()
    {
        var result = new List<(string, int)>();
        var pattern = _options.Get(KafkaOptions.TopicPattern);
        if (pattern is not null)
        {
            var regex = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant);
            foreach (var t in Metadata(null).Topics)
                if (t.Error.Code == ErrorCode.NoError && regex.IsMatch(t.Topic) && !t.Topic.StartsWith("__", StringComparison.Ordinal))
                    foreach (var p in t.Partitions) result.Add((t.Topic, p.PartitionId));
        }
        else
        {
            foreach (var topic in Topics(_options))
            {
                var t = Metadata(topic).Topics.FirstOrDefault(x => x.Topic == topic);
                if (t is null || t.Error.Code != ErrorCode.NoError || t.Partitions.Count == 0)
                    throw new InvalidOperationException($"Table '{_context.Table.Name}': Kafka topic '{topic}' does not exist or has no partitions"
                        + (t is null || t.Error.Code == ErrorCode.NoError ? "" : $" ({t.Error.Reason})") + ".");
                foreach (var p in t.Partitions) result.Add((topic, p.PartitionId));
            }
        }
        result.Sort();
        return result;
    }

    public static IReadOnlyList<string> Topics(TableOptions options) =>
        (options.Get(KafkaOptions.Topic) ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private Metadata Metadata(string? topic)
    {
        try
        {
            return topic is null ? _admin.GetMetadata(MetadataTimeout) : _admin.GetMetadata(topic, MetadataTimeout);
        }
        catch (KafkaException e)
        {
            throw new InvalidOperationException($"Table '{_context.Table.Name}': cannot read the Kafka cluster's metadata: {e.Error.Reason}", e);
        }
    }

    /// <summary>A partition's concrete start offset (scan.startup.mode) and, when bounded, stop offset (scan.bounded.mode).</summary>
    private KafkaPartitionState Resolve(string topic, int partition)
    {
        var tp = new TopicPartition(topic, partition);
        long start = (upsert ? "earliest-offset" : _options.Get(KafkaOptions.StartupMode)) switch
        {
            "earliest-offset" => Watermarks(tp).Low,
            "latest-offset" => Watermarks(tp).High,
            "timestamp" => ForTimestamp(tp, _options.Require(KafkaOptions.StartupTimestampMillis)!.Value),
            "specific-offsets" => KafkaSpecificOffsets.Parse(_options.Require(KafkaOptions.StartupSpecificOffsets)!).TryGetValue(partition, out var o)
                ? o : Committed(tp) ?? Watermarks(tp).Low,
            _ => Committed(tp) ?? ResetOffset(tp),
        };
        long? stop = _options.Get(KafkaOptions.BoundedMode) switch
        {
            "latest-offset" => Watermarks(tp).High,
            "timestamp" => ForTimestamp(tp, _options.Require(KafkaOptions.BoundedTimestampMillis)!.Value),
            "specific-offsets" => KafkaSpecificOffsets.Parse(_options.Require(KafkaOptions.BoundedSpecificOffsets)!).TryGetValue(partition, out var s)
                ? s : start,
            "group-offsets" => Committed(tp) ?? throw new InvalidOperationException(
                $"Table '{_context.Table.Name}': 'scan.bounded.mode' = 'group-offsets' but the consumer group has no committed offset for {topic}[{partition}]."),
            _ => null,
        };
        return new KafkaPartitionState(topic, partition, start, stop);
    }

    private (long Low, long High) Watermarks(TopicPartition tp)
    {
        var w = _consumer.QueryWatermarkOffsets(tp, MetadataTimeout);
        return (w.Low.Value, w.High.Value);
    }

    /// <summary>The first offset whose timestamp is at or after <paramref name="millis"/>; the end when there is none.</summary>
    private long ForTimestamp(TopicPartition tp, long millis)
    {
        var found = _consumer.OffsetsForTimes(new[] { new TopicPartitionTimestamp(tp, new Timestamp(millis, TimestampType.CreateTime)) }, MetadataTimeout);
        long offset = found[0].Offset.Value;
        if (offset >= 0) return offset;
        var (low, high) = Watermarks(tp);
        if (low >= high || !KafkaTimestampScan.BrokerCannotLookUp(_consumer, tp, MetadataTimeout)) return high;
        return KafkaTimestampScan.FirstAtOrAfter(_consumerConfig, tp, millis, low, high, MetadataTimeout * 6);
    }

    private long? Committed(TopicPartition tp)
    {
        if (!_hasGroup) return null;
        var committed = _consumer.Committed(new[] { tp }, MetadataTimeout);
        long offset = committed[0].Offset.Value;
        return offset >= 0 ? offset : null;
    }

    /// <summary>group-offsets without a committed offset: Flink's reset strategy, from <c>properties.auto.offset.reset</c> (none by default).</summary>
    private long ResetOffset(TopicPartition tp)
    {
        var properties = KafkaClientProperties.Of(_context.Table);
        var reset = properties.GetValueOrDefault("auto.offset.reset", "none").ToLowerInvariant();
        string why = properties.ContainsKey("group.id") ? "the consumer group has no committed offset for" : "no 'properties.group.id' is set to find the committed offset of";
        return reset switch
        {
            "earliest" or "smallest" or "beginning" => Watermarks(tp).Low,
            "latest" or "largest" or "end" => Watermarks(tp).High,
            _ => throw new InvalidOperationException(
                $"Table '{_context.Table.Name}': 'scan.startup.mode' is 'group-offsets' (the default) but {why} "
                + $"{tp.Topic}[{tp.Partition.Value}] and 'properties.auto.offset.reset' is not set (set it to 'earliest' or 'latest', or choose another startup mode)."),
        };
    }

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_pendingFailure is { } pending) throw pending;
        if (!_assigned) Assign();
        if (!_bounded) Discover();
        if (_bounded && AllFinished()) return null;
        int rows = 0, max = _context.MaxBatchRows;
        _kinds.Clear();
        _runs.Clear();
        long deadline = _context.Clock.MonotonicMillis() + (long)EmitPacer.MaxWait.TotalMilliseconds;
        while (rows < max)
        {
            var result = _consumer.Consume(TimeSpan.Zero);
            if (result is null)
            {
                if (rows > 0 || _context.Clock.MonotonicMillis() >= deadline) break;
                await Task.Delay(IdleWait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!_partitions.TryGetValue((result.Topic, result.Partition.Value), out var state)) continue;
            if (result.IsPartitionEOF)
            {
                // Everything before the end offset has been seen, transaction markers included.
                if (result.Offset.Value > state.Next) state.Next = result.Offset.Value;
                if (state.Finished) FinishPartition(state);
                if (_bounded && AllFinished()) break;
                continue;
            }
            long offset = result.Offset.Value;
            if (offset < state.Next) continue; // delivered again after a reassignment
            if (state.Stop is { } stop && offset >= stop)
            {
                state.Next = Math.Max(state.Next, stop);
                FinishPartition(state);
                if (AllFinished()) break;
                continue;
            }
            var message = result.Message;
            if (message.Value is null && !upsert)
            {
                state.Next = offset + 1;
                continue;
            }
            int added = 1;
            string? error = null;
            string? registryError = null;
            string part = "value";
            try
            {
                if (_value.Changes is { } changes)
                {
                    // A change message gives any number of rows (none for a DDL event or a filtered table).
                    error = changes.TryAppend(message.Value, _value.Columns, _kinds) is { } changeError ? "value: " + changeError : null;
                    added = _kinds.Count - rows;
                }
                else error = _value.TryAppend(message.Value) is { } valueError ? "value: " + valueError : null;
                part = "key";
                for (int k = 0; k < added && error is null && _key is not null; k++)
                    if (_key.TryAppend(message.Key) is { } keyError) error = "key: " + keyError;
            }
            catch (ConfluentAvro.SchemaRegistryException e)
            {
                // Not the record's fault: never skipped, whatever the ignore option says.
                registryError = $"{part}: {e.Message}";
            }
            if (error is not null || registryError is not null)
            {
                _value.Truncate(rows);
                _key?.Truncate(rows);
                _kinds.Truncate(rows);
                if (registryError is null && _value.IgnoreErrors)
                {
                    SkippedRecords++;
                    state.Next = offset + 1;
                    continue;
                }
                var failure = registryError is not null
                    ? new InvalidDataException($"Cannot decode the record in table '{_context.Table.Name}' at Kafka topic '{result.Topic}', "
                        + $"partition {result.Partition.Value}, offset {offset}: {registryError}.")
                    : new InvalidDataException($"Malformed record in table '{_context.Table.Name}' at Kafka topic '{result.Topic}', "
                    + $"partition {result.Partition.Value}, offset {offset}: {error}."
                    + (_value.IgnoreOption is { } option ? $" Fix the record or set '{option}' = 'true' to skip such records." : ""));
                // The position stays at the bad record: a restart meets it again, never skips it.
                if (rows == 0) throw failure;
                _pendingFailure = failure;
                break;
            }
            for (int k = 0; k < added; k++) AppendMetadata(result);
            _runs.Add(state.SplitId, added);
            state.Next = offset + 1;
            if (upsert) _kinds.Add(message.Value is null ? RowKind.Delete : RowKind.Insert);
            rows += added;
        }
        return Build(rows);
    }

    /// <summary>The partitions the rows of the batch just returned came from (null when it had none).</summary>
    public SourceSplits? TakeSplits()
    {
        var splits = _lastSplits;
        _lastSplits = null;
        return splits;
    }

    private SourceSplitSet Assignment()
    {
        if (_assignment is { } assignment) return assignment;
        var ids = new List<string>();
        foreach (var p in _partitions.Values)
            if (!p.Finished) ids.Add(p.SplitId);
        return _assignment = new SourceSplitSet(ids);
    }

    /// <summary>The row kinds of the batch just returned (null when every row is <c>+I</c>).</summary>
    public RowKind[]? TakeKinds() => _kinds.ToBatchKinds();

    private void AppendMetadata(ConsumeResult<byte[]?, byte[]?> result)
    {
        for (int m = 0; m < _metadata.Length; m++)
        {
            var column = _metadata[m];
            switch (_metadataKeys[m])
            {
                case "topic": column.AppendString(result.Topic); break;
                case "partition": column.AppendInt64(result.Partition.Value); break;
                case "offset": column.AppendInt64(result.Offset.Value); break;
                case "timestamp":
                    var ts = result.Message.Timestamp;
                    if (ts.Type == TimestampType.NotAvailable) column.AppendNull();
                    else column.AppendInt64(ts.UnixTimestampMs * 1000);
                    break;
                case "timestamp-type":
                    column.AppendString(result.Message.Timestamp.Type switch
                    {
                        TimestampType.CreateTime => "CreateTime",
                        TimestampType.LogAppendTime => "LogAppendTime",
                        _ => "NoTimestampType",
                    });
                    break;
                case "leader-epoch":
                    if (result.LeaderEpoch is { } epoch) column.AppendInt64(epoch);
                    else column.AppendNull();
                    break;
                case "headers": AppendHeaders((ListColumnBuilder)column, result.Message.Headers); break;
                default: AppendFormatMetadata(column, _metadataKeys[m]); break;
            }
        }
    }

    /// <summary>The record's headers as a <c>MAP&lt;STRING, BYTES&gt;</c>: a key given more than once keeps its last value,
    /// as Flink's map of the headers does; a header without a value maps to NULL.</summary>
    private static void AppendHeaders(ListColumnBuilder column, Headers? headers)
    {
        if (headers is not null)
        {
            var entries = column.Values;
            var keys = entries.Children[0];
            var values = entries.Children[1];
            for (int i = 0; i < headers.Count; i++)
            {
                var key = headers[i].Key;
                bool repeated = false;
                for (int later = i + 1; later < headers.Count && !repeated; later++)
                    repeated = string.Equals(headers[later].Key, key, StringComparison.Ordinal);
                if (repeated) continue;
                keys.AppendString(key);
                if (headers[i].GetValueBytes() is { } bytes) values.AppendUtf8(bytes);
                else values.AppendNull();
                entries.AppendStructValid();
            }
        }
        column.AppendListValid();
    }

    /// <summary>A change-data format's <c>value.*</c> metadata of the message just read.</summary>
    private void AppendFormatMetadata(ColumnBuilder column, string key)
    {
        var metadata = _value.Changes?.Metadata;
        if (metadata is null)
        {
            column.AppendNull();
            return;
        }
        long? millis = key switch
        {
            "value.ingestion-timestamp" => metadata.IngestionMillis,
            "value.source.timestamp" => metadata.SourceMillis,
            "value.event-timestamp" => metadata.EventMillis,
            _ => null,
        };
        string? text = key switch
        {
            "value.schema" => metadata.SchemaJson,
            "value.source.database" or "value.database" => metadata.Database,
            "value.source.schema" => metadata.Schema,
            "value.source.table" or "value.table" => metadata.Table,
            _ => null,
        };
        if (millis is { } ms) column.AppendInt64(ms * 1000);
        else if (text is not null) column.AppendString(text);
        else column.AppendNull();
    }

    private RecordBatch Build(int rows)
    {
        _lastSplits = rows > 0 ? _runs.Build(Assignment()) : null;
        var value = _value.Columns.Select(c => c.Build()).ToArray();
        var key = _key?.Columns.Select(c => c.Build()).ToArray() ?? Array.Empty<IArrowArray>();
        var arrays = new IArrowArray[_outputs.Length];
        for (int i = 0; i < arrays.Length; i++)
        {
            var (part, index) = _outputs[i];
            arrays[i] = part switch { 0 => value[index], 1 => key[index], _ => _metadata[index].Build() };
        }
        return new RecordBatch(_context.OutputSchema, arrays, rows);
    }

    private void Assign()
    {
        _assigned = true;
        var open = _partitions.Values.Where(p => !p.Finished).Select(p => new TopicPartitionOffset(p.Topic, p.Partition, p.Next)).ToList();
        _consumer.Assign(open);
    }

    private void FinishPartition(KafkaPartitionState state)
    {
        _assignment = null;
        _consumer.IncrementalUnassign(new[] { new TopicPartition(state.Topic, state.Partition) });
    }

    private bool AllFinished()
    {
        foreach (var p in _partitions.Values)
            if (!p.Finished) return false;
        return true;
    }

    /// <summary>Unbounded: every discovery interval, new partitions (and new topics matching the pattern) that this subtask
    /// owns are read from their earliest offset, as Flink does.</summary>
    private void Discover()
    {
        if (_discoveryInterval <= TimeSpan.Zero) return;
        long now = _context.Clock.MonotonicMillis();
        if (now - _lastDiscoveryMillis < _discoveryInterval.TotalMilliseconds) return;
        _lastDiscoveryMillis = now;
        List<(string Topic, int Partition)> all;
        try
        {
            all = ListPartitions();
        }
        catch (InvalidOperationException)
        {
            return; // a discovery that fails is tried again at the next interval; the partitions already read go on
        }
        var added = new List<TopicPartitionOffset>();
        foreach (var (topic, partition) in all)
        {
            if (!IsMine(topic, partition) || _partitions.ContainsKey((topic, partition))) continue;
            var state = new KafkaPartitionState(topic, partition, Watermarks(new TopicPartition(topic, partition)).Low, null);
            _partitions[(topic, partition)] = state;
            added.Add(new TopicPartitionOffset(topic, partition, state.Next));
        }
        if (added.Count == 0) return;
        _assignment = null;
        _consumer.IncrementalAssign(added);
    }

    private const byte FormatVersion = 1;

    /// <summary>Position: version, then per partition: topic, partition, next offset, stop offset (-1 for none).</summary>
    public byte[] SnapshotPosition()
    {
        var writer = new PositionWriter(FormatVersion);
        writer.WriteInt(_partitions.Count);
        var commits = new List<TopicPartitionOffset>();
        foreach (var p in _partitions.Values.OrderBy(p => p.Topic, StringComparer.Ordinal).ThenBy(p => p.Partition))
        {
            writer.WriteString(p.Topic);
            writer.WriteInt(p.Partition);
            writer.WriteLong(p.Next);
            writer.WriteLong(p.Stop ?? -1);
            commits.Add(new TopicPartitionOffset(p.Topic, p.Partition, p.Next));
        }
        _lastSnapshot = commits;
        if (_commitOffsets && _assigned)
        {
            // For monitoring only (the checkpoint is what a restore reads): stored now, committed by the client in the background.
            foreach (var c in commits)
            {
                try
                {
                    _consumer.StoreOffset(c);
                }
                catch (KafkaException)
                {
                    // a finished (unassigned) partition cannot be stored; its last stored offset stays
                }
            }
        }
        return writer.ToArray();
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        var table = _context.Table.Name;
        var restored = new Dictionary<(string, int), KafkaPartitionState>();
        for (int i = 0; i < positions.Count; i++)
        {
            var reader = new PositionReader(positions[i], "kafka", table, i, FormatVersion);
            int count = reader.ReadCount(4 + 4 + 16);
            for (int k = 0; k < count; k++)
            {
                var topic = reader.ReadString();
                int partition = reader.ReadInt();
                long next = reader.ReadLong(), stop = reader.ReadLong();
                if (topic.Length == 0 || partition < 0 || next < 0 || stop < -1)
                    throw reader.Invalid($"partition {topic}[{partition}] is at offset {next}, stop {stop}");
                restored[(topic, partition)] = new KafkaPartitionState(topic, partition, next, stop < 0 ? null : stop);
            }
            reader.End();
        }
        // Every partition any old subtask read now belongs to the subtask the assignment rule names. Partitions no old
        // subtask knew (created since) are new partitions: read from their earliest offset when unbounded (as discovery
        // does), not at all when bounded (a bounded job reads the range it started with).
        _assignment = null;
        foreach (var key in _partitions.Keys.ToList())
            if (restored.ContainsKey(key) || _bounded) _partitions.Remove(key);
        foreach (var (key, state) in restored)
            if (IsMine(key.Item1, key.Item2)) _partitions[key] = state;
        if (!_bounded)
            foreach (var state in _partitions.Values.Where(p => !restored.ContainsKey((p.Topic, p.Partition))))
                state.Next = Watermarks(new TopicPartition(state.Topic, state.Partition)).Low;
    }

    public ValueTask DisposeAsync()
    {
        _value?.Dispose();
        _key?.Dispose();
        _admin?.Dispose();
        if (_consumer is not null)
        {
            try
            {
                // The last position taken, including partitions already finished (no longer assigned).
                if (_commitOffsets && _lastSnapshot is { Count: > 0 } last) _consumer.Commit(last);
            }
            catch (KafkaException)
            {
                // monitoring only
            }
            _consumer.Close();
            _consumer.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
