using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>
/// Scripts a Flink user writes against 'kafka' and 'upsert-kafka', checked against what Flink does: its documented
/// examples run, and the option mistakes it refuses are refused with Flink's wording (KafkaConnectorOptionsUtil,
/// KafkaDynamicTableFactory).
/// </summary>
public sealed class HuntCKafkaConformanceTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    private static StreamSqlEnvironment Session() =>
        StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });

    private static async Task<List<string>> Rows(StreamSqlEnvironment env, string select)
    {
        await using var result = env.Query(select);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, result.Job.Status);
        return rows.Select(r => string.Join("|", r.Values.Select(v => v?.ToString() ?? "NULL"))).OrderBy(s => s, StringComparer.Ordinal).ToList();
    }

    private const string Base = "'connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:1'";

    [Theory]
    [InlineData("id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json'",
        "A key format 'key.format' requires the declaration of one or more of key fields using 'key.fields'")]
    [InlineData("id INT", Base + ", 'value.format' = 'json', 'key.fields' = 'id'",
        "The option 'key.fields' can only be declared if a key format is defined using 'key.format'")]
    [InlineData("id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json', 'key.fields' = 'nope'",
        "Could not find the field 'nope' in the table schema for usage in the key format. A key field must be a regular, physical column. The following columns can be selected in the 'key.fields' option: [id]")]
    [InlineData("k_id INT, id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json', 'key.fields' = 'id', 'key.fields-prefix' = 'k_', 'value.fields-include' = 'EXCEPT_KEY'",
        "All fields in 'key.fields' must be prefixed with 'k_' when option 'key.fields-prefix' is set but field 'id' is not prefixed")]
    [InlineData("k_id INT, id INT", Base + ", 'value.format' = 'json', 'key.format' = 'json', 'key.fields' = 'k_id', 'key.fields-prefix' = 'k_'",
        "A key prefix is not allowed when option 'value.fields-include' is set to 'ALL'. Set it to 'EXCEPT_KEY' instead to avoid field overlaps")]
    [InlineData("id INT", Base + ", 'topic-pattern' = 'x.*', 'format' = 'json'", "Option 'topic' and 'topic-pattern' shouldn't be set together")]
    [InlineData("id INT", "'connector' = 'kafka', 'properties.bootstrap.servers' = 'h:1', 'format' = 'json'", "Either 'topic' or 'topic-pattern' must be set")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", Base + ", 'format' = 'json'",
        "The Kafka table 't' with 'json' format doesn't support defining PRIMARY KEY constraint on the table, because it can't guarantee the semantic of primary key")]
    [InlineData("id INT, PRIMARY KEY (id) NOT ENFORCED", Base + ", 'value.format' = 'csv'",
        "The Kafka table 't' with 'csv' format doesn't support defining PRIMARY KEY constraint on the table")]
    public void An_option_mistake_is_refused_with_flinks_wording(string columns, string options, string flinkSays)
    {
        using var env = Session().AsDisposable();
        var error = Assert.ThrowsAny<Exception>(() => env.Value.ExecuteSql($"CREATE TABLE t ({columns}) WITH ({options})"));
        Assert.Contains(flinkSays, error.Message);
    }

    [Fact]
    public void A_primary_key_on_a_kafka_table_of_a_changelog_format_is_accepted_as_flink_accepts_it()
    {
        using var env = Session().AsDisposable();
        env.Value.ExecuteSql($"CREATE TABLE t (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ({Base}, 'format' = 'debezium-json')");
    }

    [Fact]
    public async Task Except_key_without_a_key_format_reads_every_column_from_the_value_as_flink_does()
    {
        _cluster.CreateTopic("plain", 1);
        _cluster.Produce("plain", Enumerable.Range(0, 5).Select(i => (0, (string?)$"k{i}", $"{{\"id\": {i}, \"name\": \"n{i}\"}}")));
        await using var env = Session();
        env.ExecuteSql($"CREATE TABLE plain (id INT, name STRING) WITH ('connector' = 'kafka', 'topic' = 'plain', "
            + $"'properties.bootstrap.servers' = '{_cluster.BootstrapServers}', 'format' = 'json', 'value.fields-include' = 'EXCEPT_KEY', "
            + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{i}|n{i}").ToList(), await Rows(env, "SELECT id, name FROM plain"));
    }
}
