using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// The upsert-kafka source against the mock cluster: a compacted topic read as an updating table (values are upserts of
/// their key, tombstones deletes, normalized by ChangelogNormalize into +I/-U/+U/-D), and the round trip of an updating
/// GROUP BY written to a topic and read back as a table.
/// </summary>
public sealed class UpsertKafkaSourceTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session(int parallelism = 1)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Settings["parallelism.default"] = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return StreamSqlEnvironment.Create(options);
    }

    private string UpsertTable(string name, string columns, string topic, params string[] options) =>
        $"CREATE TABLE {name} ({columns}) WITH ('connector' = 'upsert-kafka', 'topic' = '{topic}', "
        + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}'" + string.Concat(options.Select(o => ", " + o)) + ")";

    private static async Task<List<string>> Changelog(StreamSqlEnvironment env, string select)
    {
        await using var result = env.Query(select);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, result.Job.Status);
        return rows.Select(r => r.Kind.ShortString() + "[" + string.Join(", ", r.Values.Select(v => v?.ToString() ?? "NULL")) + "]").ToList();
    }

    private static async Task<List<string>> Table(StreamSqlEnvironment env, string select)
    {
        await using var result = env.Query(select);
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return table.Rows.Select(r => string.Join("|", r.Values.Select(v => v?.ToString() ?? "NULL"))).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Values_are_upserts_and_tombstones_deletes_with_the_full_row()
    {
        _cluster.CreateTopic("users", 1);
        _cluster.ProduceUpserts("users", new (int, string, string?)[]
        {
            (0, "1", "{\"id\": 1, \"name\": \"ann\", \"age\": 30}"),
            (0, "2", "{\"id\": 2, \"name\": \"bob\", \"age\": 40}"),
            (0, "1", "{\"id\": 1, \"name\": \"ann\", \"age\": 31}"),
            (0, "2", null),
            (0, "1", "{\"id\": 1, \"name\": \"ann\", \"age\": 31}"),
            (0, "3", null),
            (0, "3", "{\"id\": 3, \"name\": \"cy\", \"age\": 20}"),
        });
        await using var env = Session();
        env.ExecuteSql(UpsertTable("users", "id BIGINT, name STRING, age INT, PRIMARY KEY (id) NOT ENFORCED", "users",
            "'key.format' = 'csv'", "'value.format' = 'json'", "'scan.bounded.mode' = 'latest-offset'"));

        Assert.Equal(["+I[1, ann, 30]", "+I[2, bob, 40]", "-U[1, ann, 30]", "+U[1, ann, 31]", "-D[2, bob, 40]", "+I[3, cy, 20]"],
            await Changelog(env, "SELECT id, name, age FROM users"));
        // A query that does not read the key still gets the key's changes right: the scan reads the key for the normalize.
        Assert.Equal(["+I[30]", "+I[40]", "-U[30]", "+U[31]", "-D[40]", "+I[20]"], await Changelog(env, "SELECT age FROM users"));
    }

    [Fact]
    public async Task An_updating_group_by_written_to_a_topic_reads_back_as_a_table()
    {
        _cluster.CreateTopic("bids", 2);
        _cluster.CreateTopic("totals", 3);
        var random = new Random(9);
        var bids = Enumerable.Range(0, 400).Select(i => (Bidder: random.Next(25), Price: random.Next(1, 100))).ToList();
        _cluster.Produce("bids", bids.Select((b, i) => (i % 2, (string?)null, $"{{\"bidder\": {b.Bidder}, \"price\": {b.Price}}}")));
        await using var env = Session(parallelism: 2);
        env.ExecuteSql($"CREATE TABLE bids (bidder INT, price INT) WITH ('connector' = 'kafka', 'topic' = 'bids', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset', "
            + "'scan.bounded.mode' = 'latest-offset')");
        env.ExecuteSql(UpsertTable("totals", "bidder INT, n BIGINT, total BIGINT, PRIMARY KEY (bidder) NOT ENFORCED", "totals",
            "'key.format' = 'json'", "'value.format' = 'json'", "'scan.bounded.mode' = 'latest-offset'"));
        // An updating query: every bid updates its bidder's row (with exactly-once the changes are committed by checkpoints).
        await env.ExecuteScriptAsync("INSERT INTO totals SELECT bidder, COUNT(*), SUM(CAST(price AS BIGINT)) FROM bids GROUP BY bidder");
        await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));

        var expected = bids.GroupBy(b => b.Bidder).Select(g => $"{g.Key}|{g.Count()}|{g.Sum(b => (long)b.Price)}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await Table(env, "SELECT bidder, n, total FROM totals"));
        // The topic holds every intermediate value of each key; read as a table only the last counts.
        int records = Enumerable.Range(0, 3).Sum(p => _cluster.ReadLog("totals", p).Committed().Count);
        Assert.True(records > expected.Count, $"{records} records for {expected.Count} keys");
        Assert.Equal([$"{bids.Count}|{bids.Sum(b => (long)b.Price)}"], await Table(env, "SELECT SUM(n), SUM(total) FROM totals"));
    }
}
