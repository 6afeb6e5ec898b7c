using StreamSql.Execution.Runtime;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>Secrets in a kafka table's properties are never shown: not by SHOW CREATE TABLE, EXPLAIN, nor in errors.</summary>
public sealed class KafkaSecretTests
{
    private const string Jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"s3cr3t-jaas\";";

    private static string Ddl(string bootstrap, string extra = "") =>
        "CREATE TABLE t (id INT) WITH ('connector' = 'kafka', 'topic' = 'secret-topic', "
        + $"'properties.bootstrap.servers' = '{bootstrap}', 'format' = 'json', 'scan.startup.mode' = 'earliest-offset', "
        + $"'properties.sasl.jaas.config' = '{Jaas.Replace("'", "''")}', 'properties.ssl.key.password' = 'hunter2-key'{extra})";

    [Fact]
    public async Task Show_create_table_and_explain_mask_passwords_and_jaas_configurations()
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql(Ddl("localhost:9092"));

        var shown = string.Join("\n", Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW CREATE TABLE t")).Rows.SelectMany(r => r));
        var explained = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN SELECT id FROM t")).Text;

        foreach (var text in new[] { shown, explained })
        {
            Assert.DoesNotContain("s3cr3t-jaas", text);
            Assert.DoesNotContain("hunter2-key", text);
        }
        Assert.Contains("'properties.sasl.jaas.config' = '******'", shown);
        Assert.Contains("'properties.ssl.key.password' = '******'", shown);
        Assert.Contains("'properties.bootstrap.servers' = 'localhost:9092'", shown);
    }

    [Fact]
    public async Task A_client_that_refuses_the_properties_fails_the_job_without_showing_a_secret()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("secret-topic", 1);
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) });
        env.ExecuteSql(Ddl(cluster.BootstrapServers, ", 'properties.fetch.max.bytes' = 'not-a-number'"));

        await using var result = env.Query("SELECT id FROM t");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Contains("refused the properties of table 't'", error.Message);
        Assert.DoesNotContain("s3cr3t-jaas", error.Message);
        Assert.DoesNotContain("hunter2-key", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }
}
