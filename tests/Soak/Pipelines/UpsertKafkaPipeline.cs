using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamSql.Soak.Kafka;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// <c>INSERT INTO {name}_out</c> an updating <see cref="UpsertSequenceQuery"/> over the datagen sequence 1..rows into an
/// exactly-once upsert-kafka sink (json key and value) on the soak's mock cluster. What is committed is the table a reader
/// of the topic sees: the last committed record of every key (the log's commit/abort control records decide, as for
/// <see cref="KafkaExactlyOncePipeline"/>; the key's records stay in one partition, in order), a tombstone deleting it.
/// A lost, doubled or reordered update shows as a wrong row of its key; with <see cref="UpsertSequenceQuery.IncreasingColumn"/>,
/// a key whose committed records do not grow in that column adds an unexpected line saying where.
/// </summary>
public sealed class UpsertKafkaPipeline : ISoakPipeline
{
    private static readonly TimeSpan EndOfInputCheckInterval = TimeSpan.FromMilliseconds(50);

    private readonly UpsertSequenceQuery _query;
    private readonly string _name;
    private readonly MockKafkaCluster _cluster;
    private readonly int _rows;
    private readonly int _rowsPerSecond;
    private readonly string _outputTopic;
    private readonly string _progressTopic;
    private readonly List<PartitionLogTail> _tails;
    private HashSet<string>? _expectedSet;
    private DateTime _lastEndOfInputCheck = DateTime.MinValue;

    public UpsertKafkaPipeline(UpsertSequenceQuery query, string name, MockKafkaCluster cluster, int partitions, int rows, int rowsPerSecond)
    {
        _query = query;
        _name = name;
        _cluster = cluster;
        _rows = rows;
        _rowsPerSecond = rowsPerSecond;
        // Topics and transactional ids are the round's own: the cluster lives for the whole soak run.
        var round = name + "-" + Guid.NewGuid().ToString("N")[..8];
        _outputTopic = round + "-out";
        _progressTopic = round + "-progress";
        _tails = Enumerable.Range(0, partitions).Select(p => new PartitionLogTail(cluster.BootstrapServers, _outputTopic, p)).ToList();
        cluster.CreateTopic(_outputTopic, partitions);
        cluster.CreateTopic(_progressTopic, 1);
    }

    public string SinkName => _outputTopic;

    public bool IsBounded => true;

    public IReadOnlyList<string> CreateTables =>
    [
        string.Create(CultureInfo.InvariantCulture,
            $"CREATE TABLE {_name}_src (id BIGINT{_query.SourceExtras}) WITH ('connector' = 'datagen', 'rows-per-second' = '{_rowsPerSecond}', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{_rows}')"),
        $"CREATE TABLE {_name}_out ({_query.SinkColumns}) WITH ('connector' = 'upsert-kafka', 'topic' = '{_outputTopic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'key.format' = 'json', 'value.format' = 'json', "
        + $"'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '{_outputTopic}', 'sink.progress-topic' = '{_progressTopic}')",
    ];

    public string Insert => $"INSERT INTO {_name}_out " + _query.Select.Replace("{a}", _name + "_src", StringComparison.Ordinal);

    public IReadOnlyList<string> ExpectedRows() => _query.Expected(_rows).ToList();

    public List<string> CommittedRows()
    {
        var committed = Logs().Select(l => l.Committed()).ToList();
        var rows = Table(committed);
        if (_query.IncreasingColumn is { } column) rows.AddRange(NotIncreasing(committed, column));
        return rows;
    }

    public string SinkListing() => PartitionLog.Listing(Logs());

    /// <summary>The table of the committed records followed by those of transactions the current run opened (a record's
    /// timestamp is when it was produced) holds every expected row; looked at every 50 ms at most.</summary>
    public bool HasReachedEndOfInput(DateTime sinceUtc)
    {
        var now = DateTime.UtcNow;
        if (now - _lastEndOfInputCheck < EndOfInputCheckInterval) return false;
        _lastEndOfInputCheck = now;
        long since = new DateTimeOffset(sinceUtc).ToUnixTimeMilliseconds();
        var expected = _expectedSet ??= ExpectedRows().ToHashSet(StringComparer.Ordinal);
        var table = Table(Logs().Select(l => l.Committed().Concat(l.Open().Where(r => r.TimestampMs >= since))));
        return table.Count(expected.Contains) == expected.Count;
    }

    private List<PartitionLog> Logs() => _tails.Select(t => t.Read()).ToList();

    /// <summary>The last record of every key in the partitions' records (in log order), tombstoned keys left out, as CSV
    /// lines of the value's fields.</summary>
    private static List<string> Table(IEnumerable<IEnumerable<LogRecord>> partitions)
    {
        var last = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var records in partitions)
            foreach (var record in records)
                last[record.KeyText ?? ""] = record.Value is null ? null : ToRow(record.Value);
        return last.Values.OfType<string>().ToList();
    }

    /// <summary>A line for every key whose committed records (in log order) do not strictly grow in value column
    /// <paramref name="column"/>: the first step back or repeat, with its offset.</summary>
    private static IEnumerable<string> NotIncreasing(List<List<LogRecord>> partitions, int column)
    {
        var previous = new Dictionary<string, long>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var records in partitions)
            foreach (var record in records)
            {
                if (record.Value is null) continue;
                var key = record.KeyText ?? "";
                long value = long.Parse(ToRow(record.Value).Split(',')[column], CultureInfo.InvariantCulture);
                if (previous.TryGetValue(key, out var before) && value <= before && reported.Add(key))
                    yield return string.Create(CultureInfo.InvariantCulture,
                        $"key {key}: column {column} went from {before} to {value} at offset {record.Offset} (an update committed twice or out of order)");
                previous[key] = value;
            }
    }

    private static string ToRow(byte[] value)
    {
        using var json = JsonDocument.Parse(value);
        return string.Join(',', json.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Null ? "NULL" : p.Value.ToString()));
    }
}
