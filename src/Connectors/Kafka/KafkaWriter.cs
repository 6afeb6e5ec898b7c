using Confluent.Kafka;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Kafka.Log;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// One subtask of a kafka sink (append-only input), or of an upsert-kafka sink (the key's last row; deletions as tombstones).
/// <para><c>at-least-once</c>: records are produced as they come and the producer is flushed on every barrier, so a
/// completed checkpoint never covers a record the cluster has not acknowledged. <c>none</c>: produced, never waited for
/// (flushed at the end).</para>
/// <para><c>exactly-once</c>: the records of an epoch (between two barriers) are kept and handed over on the barrier as
/// the checkpoint's committable — a write-ahead log inside the checkpoint. When the checkpoint completes they are written
/// in one Kafka transaction (transactional id <c>&lt;prefix&gt;-&lt;subtask&gt;</c>) together with a marker record
/// (key: the preparing subtask's transactional id, value: the checkpoint id and a nonce of the epoch) in partition 0 of <c>sink.progress-topic</c>.
/// After a restore the committables of the restored checkpoint are committed again unless their marker is found committed
/// (read_committed, from the progress offset the committable recorded, and the marker's transaction's commit record in the
/// partition's log: <see cref="MarkerTransactionCommitted"/>) — so an epoch whose checkpoint completed is
/// written exactly once even when the process died between the checkpoint and its Kafka commit, the window a sink that
/// keeps the records only in an open transaction cannot close with librdkafka (a new producer aborts the old
/// transaction). Opening the producer (InitTransactions) fences an earlier run's producer of the same id and aborts its
/// open transaction; ids of subtasks beyond today's parallelism are fenced by whoever restores their committables.</para>
/// <para>The epochs' Kafka commit runs off the task thread, on a committer of its own (one at a time, in epoch order),
/// so the pipeline goes on while the records are produced and the transaction commits; the next barrier (and the end of
/// input) waits for it before it prepares, so a checkpoint never drops a committable whose transaction is not committed
/// yet, and the commit at the end of input is waited for. A failed commit fails the next write, barrier or commit.</para>
/// <para>Persisted metadata columns (after the physical ones in the input) give each record its <c>timestamp</c> (NULL:
/// the producer's time) and <c>headers</c>, as Flink's kafka sink writes them.</para>
/// </summary>
internal sealed class KafkaWriter : ISinkWriter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private SinkWriterContext _context = null!;
    private TableOptions _options = null!;
    private string _topic = "";
    private string _guarantee = "";
    private string _partitioner = "";
    private int _partitionCount;
    private int _roundRobin;
    private KafkaRecordEncoder? _keyEncoder;
    private KafkaRecordEncoder _valueEncoder = null!;
    private IProducer<byte[]?, byte[]?> _producer = null!;
    private Error? _deliveryError;
    private Action<DeliveryReport<byte[]?, byte[]?>> _onDelivery = null!;

    // exactly-once
    private string _transactionalId = "";
    private string _progressTopic = "";
    private long _markerSearchFrom;
    private readonly List<KafkaOutputRecord> _epoch = new();
    /// <summary>Epochs this writer prepared itself: committed without a look at the log (no earlier attempt can exist).
    /// Guarded by itself (the committer removes what it committed).</summary>
    private readonly HashSet<long> _preparedHere = new();
    /// <summary>The commits handed to the committer so far, chained in order; the only user of the producer meanwhile.</summary>
    private Task _committing = Task.CompletedTask;
    private readonly KafkaSinkFault _fault;
    private bool _upsert;
    private bool _changes;
    /// <summary>The input columns of the <c>timestamp</c> and <c>headers</c> metadata (-1: not written).</summary>
    private int _timestampColumn = -1;
    private int _headersColumn = -1;

    public KafkaWriter() : this(new KafkaSinkFault())
    {
    }

    internal KafkaWriter(KafkaSinkFault fault) => _fault = fault;

    public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var table = context.Table;
        _options = new TableOptions(table);
        var topics = KafkaReader.Topics(_options);
        if (topics.Count != 1 || _options.Get(KafkaOptions.TopicPattern) is not null)
            throw new Sql.Planner.Connectors.ConnectorOptionException(KafkaOptions.Topic.Key,
                $"The kafka sink of table '{table.Name}' writes to exactly one topic: set 'topic' to one name (not a list or 'topic-pattern').");
        _topic = topics[0];
        _guarantee = _options.Get(KafkaOptions.DeliveryGuarantee);
        _upsert = string.Equals(table.Connector, KafkaFields.UpsertIdentifier, StringComparison.OrdinalIgnoreCase);
        // A change-data format writes every change as a message of its own (a retraction as a delete message).
        _changes = !_upsert && ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(_options.Get(KafkaOptions.ValueFormat));
        _partitioner = _upsert ? "default" : _options.Get(KafkaOptions.Partitioner); // upsert: by key, so a key's records stay in order
        CreateEncoders(context);
        var metadata = table.PersistedMetadataColumns;
        for (int m = 0; m < metadata.Count; m++)
        {
            int column = table.PhysicalSchema.Count + m;
            if (metadata[m].MetadataKey == "timestamp") _timestampColumn = column;
            else if (metadata[m].MetadataKey == "headers") _headersColumn = column;
        }

        var config = new ProducerConfig(KafkaClientProperties.Of(table));
        // Flink's default partitioner is the Java client's (murmur2 of the key): keep keyed records where Java producers put them.
        if (!table.Options.ContainsKey(KafkaOptions.PropertiesPrefix + "partitioner")) config.Partitioner = Confluent.Kafka.Partitioner.Murmur2Random;
        if (_guarantee == "exactly-once")
        {
            _transactionalId = _options.Require(KafkaOptions.TransactionalIdPrefix) + "-" + context.SubtaskIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _progressTopic = _options.Get(KafkaOptions.ProgressTopic);
            config.TransactionalId = _transactionalId;
        }
        _onDelivery = report =>
        {
            if (report.Error.IsError) _deliveryError ??= report.Error;
        };
        _producer = KafkaClientProperties.Build(table, () => new ProducerBuilder<byte[]?, byte[]?>(config)
            .SetKeySerializer(Serializers.ByteArray).SetValueSerializer(Serializers.ByteArray).SetLogHandler((_, _) => { }).Build());
        _partitionCount = PartitionCount(_topic);
        if (_guarantee == "exactly-once")
        {
            // Fences an earlier run's producer with this id and aborts the transaction it left open.
            Kafka(() => _producer.InitTransactions(Timeout), "initialize its transactions");
            _markerSearchFrom = ProgressEnd();
        }
        return ValueTask.CompletedTask;
    }

    private void CreateEncoders(SinkWriterContext context)
    {
        var fields = KafkaFields.Of(context.Table);
        var physical = context.Table.PhysicalSchema;
        _valueEncoder = new KafkaRecordEncoder(fields.ValueFormat, fields.ValueColumns,
            fields.ValueColumns.Select(c => fields.FormatName(physical, c)).ToList(), context.InputSchema, _options,
            fields.ValueColumns.Select(c => physical[c].Type).ToList(), _topic, isKey: false);
        if (fields.KeyFormat is not null)
            _keyEncoder = new KafkaRecordEncoder(fields.KeyFormat, fields.KeyColumns,
                fields.KeyColumns.Select(c => fields.FormatName(physical, c)).ToList(), context.InputSchema, _options,
                fields.KeyColumns.Select(c => physical[c].Type).ToList(), _topic, isKey: true);
    }

    private int PartitionCount(string topic)
    {
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        var metadata = Kafka(() => admin.GetMetadata(topic, Timeout), $"read the metadata of topic '{topic}'");
        var t = metadata.Topics.FirstOrDefault(x => x.Topic == topic);
        if (t is null || t.Error.IsError || t.Partitions.Count == 0)
            throw new InvalidOperationException($"Table '{_context.Table.Name}': Kafka topic '{topic}' does not exist or has no partitions"
                + (t is not null && t.Error.IsError ? $" ({t.Error.Reason})" : "") + ".");
        return t.Partitions.Count;
    }

    public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        ThrowOnDeliveryError();
        ThrowOnCommitFailure();
        var keyColumns = _keyEncoder?.Project(batch);
        var valueColumns = _valueEncoder.Project(batch);
        var timestamps = _timestampColumn < 0 ? default : new Execution.Columns.ColumnView(batch.Column(_timestampColumn));
        var headers = _headersColumn < 0 ? null : new KafkaHeadersColumn(batch.Column(_headersColumn));
        for (int row = 0; row < batch.Length; row++)
        {
            var kind = batch.KindAt(row);
            if (kind != RowKind.Insert && !_upsert && !_changes)
                throw new InvalidOperationException(
                    $"The kafka sink of table '{_context.Table.Name}' only accepts inserts, but received a {kind.ShortString()} row; write an append-only query or use 'upsert-kafka'.");
            var key = _keyEncoder?.Encode(batch, keyColumns!, row);
            // upsert-kafka: a deletion (and, as in Flink, the retraction before an update) is a tombstone for the key.
            var value = _upsert && kind is RowKind.Delete or RowKind.UpdateBefore ? null : _valueEncoder.Encode(batch, valueColumns, row);
            int partition = _partitioner switch
            {
                "fixed" => _context.SubtaskIndex % _partitionCount,
                "round-robin" => _roundRobin++ % _partitionCount,
                _ => -1,
            };
            long timestamp = _timestampColumn >= 0 && timestamps.Validity.IsValid(row)
                ? Sql.Planner.Types.TimestampEncoding.FloorDiv(timestamps.Values<long>()[row], timestamps.Kind == Execution.Columns.ColumnKind.TimestampNanos ? 1_000_000 : 1_000)
                : KafkaOutputRecord.NoTimestamp;
            var record = new KafkaOutputRecord(partition, key, value, timestamp, headers?.At(row));
            if (_guarantee == "exactly-once") _epoch.Add(record);
            else Produce(_topic, record, cancellationToken);
        }
        return ValueTask.CompletedTask;
    }

    private void Produce(string topic, KafkaOutputRecord record, CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]?> { Key = record.Key, Value = record.Value, Headers = record.Headers };
        if (record.TimestampMillis != KafkaOutputRecord.NoTimestamp) message.Timestamp = new Timestamp(record.TimestampMillis, TimestampType.CreateTime);
        int partition = record.Partition;
        while (true)
        {
            try
            {
                if (partition < 0) _producer.Produce(topic, message, _onDelivery);
                else _producer.Produce(new TopicPartition(topic, partition), message, _onDelivery);
                return;
            }
            catch (ProduceException<byte[]?, byte[]?> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _producer.Poll(TimeSpan.FromMilliseconds(50)); // the client's queue is full: wait for deliveries
            }
            catch (KafkaException e)
            {
                throw Failure($"produce to topic '{topic}'", e.Error);
            }
        }
    }

    public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken)
    {
        if (_guarantee == "exactly-once")
            return _committing.IsCompletedSuccessfully ? ValueTask.FromResult(PrepareEpoch(checkpointId)) : PrepareAfterCommitAsync(checkpointId);
        if (_guarantee == "at-least-once" || checkpointId == Execution.Operators.SinkOperator.EndOfInputCheckpointId) Flush();
        return ValueTask.FromResult<byte[]?>(null);
    }

    /// <summary>The commit still running holds committables the sink operator no longer keeps in its state: the checkpoint
    /// of this barrier may only be taken once they are committed (or the failure fails the barrier).</summary>
    private async ValueTask<byte[]?> PrepareAfterCommitAsync(long checkpointId)
    {
        await _committing.ConfigureAwait(false);
        return PrepareEpoch(checkpointId);
    }

    private byte[]? PrepareEpoch(long checkpointId)
    {
        if (_epoch.Count == 0) return null;
        var committable = new KafkaCommittable(_transactionalId, _context.SubtaskIndex, checkpointId, _markerSearchFrom, _epoch.ToArray(),
            Guid.NewGuid().ToString("N"));
        _epoch.Clear();
        lock (_preparedHere) _preparedHere.Add(checkpointId);
        return committable.Serialize();
    }

    private void ThrowOnCommitFailure()
    {
        if (_committing.IsFaulted) _committing.GetAwaiter().GetResult();
    }

    private void Flush()
    {
        if (_producer.Flush(Timeout) > 0)
            throw new InvalidOperationException($"Table '{_context.Table.Name}': the Kafka producer could not deliver its records within {Timeout.TotalSeconds:0} s.");
        ThrowOnDeliveryError();
    }

    public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
    {
        if (_guarantee != "exactly-once") return ValueTask.CompletedTask;
        ThrowOnCommitFailure();
        var owned = handles.ToArray(); // the caller's list is not ours to keep
        if (owned.Length > 0)
            // A dedicated thread: the commit blocks in the client (flush, CommitTransaction) for as long as the epoch takes.
            // Even decoding the committables (tens of ms for a large epoch) is left to it.
            _committing = _committing.ContinueWith(previous =>
            {
                previous.GetAwaiter().GetResult(); // a failed commit fails every later one: epochs commit in order or not at all
                CommitInOrder(owned.Select(h => KafkaCommittable.Deserialize(h, _context.Table.Name)).OrderBy(c => c.Epoch).ToList(), cancellationToken);
            }, CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default);
        // The end of input's commit is the job's last: it has ended only when its output is visible.
        return checkpointId == Execution.Operators.SinkOperator.EndOfInputCheckpointId ? new ValueTask(_committing) : ValueTask.CompletedTask;
    }

    private void CommitInOrder(List<KafkaCommittable> committables, CancellationToken cancellationToken)
    {
        foreach (var c in committables)
        {
            bool mine;
            lock (_preparedHere) mine = c.TransactionalId == _transactionalId && _preparedHere.Contains(c.Epoch);
            if (!mine)
            {
                // Flink's committer logs its recovered transactions too: the one line a crash's aftermath can be read from.
                var prefix = $"[INFO] Kafka sink of table '{_context.Table.Name}': checkpoint {c.Epoch} of '{c.TransactionalId}' (restored) ";
                if (CommittedMarkerOffset(c) is { } offset)
                {
                    _context.Diagnostics.WriteLine(prefix + $"was committed before the restore (its marker is at offset {offset} of '{_progressTopic}'); not written again.");
                    continue;
                }
                _context.Diagnostics.WriteLine(prefix + $"was not committed before the restore: writing its {c.Records.Count} records.");
            }
            Commit(c, cancellationToken);
            if (mine) lock (_preparedHere) _preparedHere.Remove(c.Epoch);
        }
    }

    /// <summary>Writes an epoch's records and its marker in one transaction.</summary>
    private void Commit(KafkaCommittable c, CancellationToken cancellationToken)
    {
        _fault.CommitStarting();
        Kafka(() => _producer.BeginTransaction(), "begin a transaction");
        foreach (var r in c.Records) Produce(_topic, r, cancellationToken);
        // The records first, the marker last: a marker in the log means every record of its epoch is there too.
        Flush();
        _fault.At("after-data");
        long markerOffset = -1;
        using var window = _fault.EnterMarkerWindow();
        var marker = new Message<byte[]?, byte[]?> { Key = System.Text.Encoding.UTF8.GetBytes(c.MarkerKey), Value = System.Text.Encoding.UTF8.GetBytes(c.MarkerValue) };
        _producer.Produce(new TopicPartition(_progressTopic, 0), marker, report =>
        {
            if (report.Error.IsError) _deliveryError ??= report.Error;
            else markerOffset = report.Offset.Value;
        });
        Kafka(() => _producer.CommitTransaction(Timeout), "commit its transaction");
        ThrowOnDeliveryError();
        if (markerOffset >= 0) _markerSearchFrom = markerOffset + 1;
    }

    /// <summary>
    /// Where the marker of an epoch restored from a checkpoint is, if the epoch was committed before the restore: in the progress
    /// partition, read with read_committed from the offset the committable recorded up to the end as it is now. The
    /// transaction that may hold the marker is resolved first — this producer's own id was fenced on open; another id (a
    /// subtask beyond today's parallelism) is fenced here — so an open transaction cannot hide a marker that commits later.
    /// </summary>
    private long? CommittedMarkerOffset(KafkaCommittable c)
    {
        if (c.TransactionalId != _transactionalId && c.Subtask >= _context.Parallelism) Fence(c.TransactionalId);
        var config = new ConsumerConfig(KafkaClientProperties.Of(_context.Table))
        {
            GroupId = "streamsql-progress-" + c.TransactionalId,
            IsolationLevel = IsolationLevel.ReadCommitted,
            EnablePartitionEof = true,
            EnableAutoCommit = false,
        };
        using var consumer = KafkaClientProperties.Build(_context.Table, () => new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetKeyDeserializer(Deserializers.ByteArray).SetValueDeserializer(Deserializers.ByteArray).SetLogHandler((_, _) => { }).Build());
        var partition = new TopicPartition(_progressTopic, 0);
        long end = Kafka(() => consumer.QueryWatermarkOffsets(partition, Timeout), $"read the end of topic '{_progressTopic}'").High.Value;
        if (end <= c.MarkerSearchFrom) return null;
        consumer.Assign(new TopicPartitionOffset(partition, c.MarkerSearchFrom));
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null) continue;
            if (result.IsPartitionEOF)
            {
                if (result.Offset.Value >= end) return null;
                continue;
            }
            if (result.Message.Key is { } key && result.Message.Value is { } value
                && System.Text.Encoding.UTF8.GetString(key) == c.MarkerKey && System.Text.Encoding.UTF8.GetString(value) == c.MarkerValue
                && MarkerTransactionCommitted(result.Offset.Value))
                return result.Offset.Value;
            if (result.Offset.Value + 1 >= end) return null;
        }
        throw new InvalidOperationException($"Table '{_context.Table.Name}': could not read topic '{_progressTopic}' to offset {end} within "
            + $"{Timeout.TotalSeconds:0} s to learn whether checkpoint {c.Epoch} of '{c.TransactionalId}' was committed.");
    }

    /// <summary>
    /// Whether the transaction that wrote the marker at <paramref name="offset"/> committed, as the progress partition's
    /// control records say. A read_committed view is not proof: librdkafka's mock cluster shows it the records of open and
    /// aborted transactions (and never aborts a fenced one), so a marker a killed run left in an unfinished transaction read
    /// as committed and its epoch was never written. Over TLS or SASL the log cannot be read here, and the broker's
    /// read_committed filtering is trusted, as it is when reading the log fails.
    /// </summary>
    private bool MarkerTransactionCommitted(long offset)
    {
        var config = KafkaClientProperties.Of(_context.Table);
        if (config.TryGetValue("security.protocol", out var protocol) && !protocol.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
            return true;
        try
        {
            var (host, port) = KafkaLogReader.Leader(config, _progressTopic, 0, Timeout);
            var batches = new List<KafkaLogBatch>();
            KafkaLogReader.Read(host, port, _progressTopic, 0, offset, batches, "streamsql-progress-check");
            return KafkaTransactionOutcomes.Of(batches, offset) == KafkaTransactionOutcome.Committed;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or InvalidDataException or KafkaException
            or KafkaLogFetchException or InvalidOperationException)
        {
            return true;
        }
    }

    private void Fence(string transactionalId)
    {
        var config = new ProducerConfig(KafkaClientProperties.Of(_context.Table)) { TransactionalId = transactionalId };
        using var producer = KafkaClientProperties.Build(_context.Table, () => new ProducerBuilder<byte[]?, byte[]?>(config).SetLogHandler((_, _) => { }).Build());
        Kafka(() => producer.InitTransactions(Timeout), $"fence the transactional id '{transactionalId}'");
    }

    private void ThrowOnDeliveryError()
    {
        if (_deliveryError is { } error) throw Failure($"deliver a record to topic '{_topic}'", error);
    }

    private T Kafka<T>(Func<T> action, string what)
    {
        try
        {
            return action();
        }
        catch (KafkaException e)
        {
            throw Failure(what, e.Error);
        }
    }

    private void Kafka(Action action, string what) => Kafka(() => { action(); return 0; }, what);

    private InvalidOperationException Failure(string what, Error error) =>
        new($"The kafka sink of table '{_context.Table.Name}' could not {what}: {KafkaClientProperties.Sanitize(error.Reason, _context.Table)}"
            + (error.Code == ErrorCode.Local_Fenced || error.Code == ErrorCode.ProducerFenced
                ? " (another producer with the same transactional id took over: is another job using the same 'sink.transactional-id-prefix'?)" : ""));

    /// <summary>The end of the progress partition now: markers of epochs prepared from here on come after it.</summary>
    private long ProgressEnd()
    {
        var config = new ConsumerConfig(KafkaClientProperties.Of(_context.Table)) { GroupId = "streamsql-progress", EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).SetLogHandler((_, _) => { }).Build();
        return Kafka(() => consumer.QueryWatermarkOffsets(new TopicPartition(_progressTopic, 0), Timeout).High.Value,
            $"read the end of partition 0 of topic '{_progressTopic}' (create it, or set 'sink.progress-topic' to an existing topic)");
    }

    public async ValueTask DisposeAsync()
    {
        // Exactly-once: nothing is open between commits (records wait in the checkpoint); the others flushed at the end.
        // A commit still running (the job stops after a savepoint's, or is cancelled) ends before its producer does; its
        // failure fails the close (and so a subtask that otherwise succeeded: its output is not all visible).
        try
        {
            await _committing.ConfigureAwait(false);
        }
        finally
        {
            _producer?.Dispose();
        }
    }
}
