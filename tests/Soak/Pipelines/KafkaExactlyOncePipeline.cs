using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamSql.Soak.Kafka;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// <c>INSERT INTO {name}_out SELECT id, UPPER(tag) FROM {name}_src WHERE id % 7 &lt;&gt; 0</c> from a pre-filled Kafka
/// topic into an exactly-once kafka sink. The round's topics (input, output, the sink's progress topic) and its
/// transactional-id prefix are its own. What is committed is decided from the output log's commit/abort control records,
/// as the kafka kill tests do: the mock cluster does not hide aborted or open transactions from a read_committed reader.
/// <para>Every moment is open to the kills, the sub-window between an epoch's progress marker and its commit
/// acknowledgement included: the sink decides whether a restored epoch was committed from the progress partition's
/// control records too.</para>
/// </summary>
public sealed class KafkaExactlyOncePipeline : ISoakPipeline
{
    private static readonly TimeSpan EndOfInputCheckInterval = TimeSpan.FromMilliseconds(50);

    private readonly string _name;
    private readonly MockKafkaCluster _cluster;
    private readonly int _rows;
    private readonly string _inputTopic;
    private readonly string _outputTopic;
    private readonly string _progressTopic;
    private readonly List<PartitionLogTail> _tails;
    private DateTime _lastEndOfInputCheck = DateTime.MinValue;

    public KafkaExactlyOncePipeline(string name, MockKafkaCluster cluster, int partitions, int rows)
    {
        _name = name;
        _cluster = cluster;
        _rows = rows;
        // Topics and transactional ids are the round's own: the cluster lives for the whole soak run.
        var round = name + "-" + Guid.NewGuid().ToString("N")[..8];
        _inputTopic = round + "-in";
        _outputTopic = round + "-out";
        _progressTopic = round + "-progress";
        _tails = Enumerable.Range(0, partitions).Select(p => new PartitionLogTail(cluster.BootstrapServers, _outputTopic, p)).ToList();
        cluster.CreateTopic(_inputTopic, partitions);
        cluster.CreateTopic(_outputTopic, partitions);
        cluster.CreateTopic(_progressTopic, 1);
        cluster.Produce(_inputTopic, Enumerable.Range(1, rows).Select(id =>
            (id % partitions, (string?)null, string.Create(CultureInfo.InvariantCulture, $"{{\"id\": {id}, \"tag\": \"{Tag(id)}\"}}"))));
    }

    public string SinkName => _outputTopic;

    public bool IsBounded => true;

    public IReadOnlyList<string> CreateTables =>
    [
        $"CREATE TABLE {_name}_src (id BIGINT, tag STRING) WITH ('connector' = 'kafka', 'topic' = '{_inputTopic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset', "
        + "'scan.bounded.mode' = 'latest-offset')",
        $"CREATE TABLE {_name}_out (id BIGINT, tag STRING) WITH ('connector' = 'kafka', 'topic' = '{_outputTopic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once', "
        + $"'sink.transactional-id-prefix' = '{_outputTopic}', 'sink.progress-topic' = '{_progressTopic}')",
    ];

    public string Insert => $"INSERT INTO {_name}_out SELECT id, UPPER(tag) FROM {_name}_src WHERE id % 7 <> 0";

    public IReadOnlyList<string> ExpectedRows()
    {
        var expected = new List<string>(_rows);
        for (int id = 1; id <= _rows; id++)
            if (id % 7 != 0) expected.Add(Row(id, Tag(id).ToUpperInvariant()));
        return expected;
    }

    public List<string> CommittedRows() => Logs().SelectMany(l => l.Committed()).Select(ToRow).ToList();

    public string SinkListing() => PartitionLog.Listing(Logs());

    /// <summary>As many rows as expected are in the output log, committed or in a transaction the current run opened (a
    /// record's timestamp is when it was produced); counted, not matched (the final comparison judges duplicates). The log
    /// is read as it grows, looked at every 50 ms at most.</summary>
    public bool HasReachedEndOfInput(DateTime sinceUtc)
    {
        var now = DateTime.UtcNow;
        if (now - _lastEndOfInputCheck < EndOfInputCheckInterval) return false;
        _lastEndOfInputCheck = now;
        long since = new DateTimeOffset(sinceUtc).ToUnixTimeMilliseconds();
        int reached = 0;
        foreach (var log in Logs())
            reached += log.Committed().Count + log.Open().Count(r => r.TimestampMs >= since);
        return reached >= _rows - _rows / 7;
    }

    private List<PartitionLog> Logs() => _tails.Select(t => t.Read()).ToList();

    private static string Tag(int id) => "t" + (id % 13).ToString(CultureInfo.InvariantCulture);

    private static string Row(long id, string tag) => string.Create(CultureInfo.InvariantCulture, $"{id},{tag}");

    private static string ToRow(LogRecord record)
    {
        using var json = JsonDocument.Parse(record.Value ?? []);
        return Row(json.RootElement.GetProperty("id").GetInt64(), json.RootElement.GetProperty("tag").GetString() ?? "NULL");
    }
}
