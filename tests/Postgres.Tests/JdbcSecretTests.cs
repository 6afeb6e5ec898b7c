using StreamSql.Execution.Runtime;

namespace StreamSql.Postgres.Tests;

/// <summary>A jdbc table's password — its own option or a URL parameter — is never shown.</summary>
public sealed class JdbcSecretTests
{
    [Fact]
    public async Task Show_create_table_explain_and_errors_mask_the_password()
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        env.ExecuteSql("CREATE TABLE t (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'jdbc', "
            + "'url' = 'jdbc:postgresql://127.0.0.1:1/db?sslmode=disable&password=url-Secret-1', 'table-name' = 't', 'username' = 'u', 'password' = 'opt-Secret-2')");
        env.ExecuteSql("CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1')");

        var shown = string.Join("\n", Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW CREATE TABLE t")).Rows.SelectMany(r => r));
        var explained = Assert.IsType<ExplainTextResult>(env.ExecuteSql("EXPLAIN INSERT INTO t SELECT id FROM src")).Text;
        Assert.Contains("'password' = '******'", shown);
        Assert.Contains("'url' = 'jdbc:postgresql://127.0.0.1:1/db?sslmode=disable&password=******'", shown);

        // Options are checked where the table is used (as Flink); the error lists them, secrets masked.
        env.ExecuteSql("CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', "
            + "'url' = 'jdbc:postgresql://h/db?password=url-Secret-1&nonsense=1', 'table-name' = 't')");
        var bad = Assert.ThrowsAny<Exception>(() => env.ExecuteSql("EXPLAIN INSERT INTO b SELECT id FROM src"));
        Assert.Contains("the URL parameter 'nonsense' is not supported", bad.Message);
        Assert.Contains("'url'='jdbc:postgresql://h/db?password=******&nonsense=1'", bad.Message);

        // Nothing listens on port 1: the job fails at once, naming the table and the options, not the secrets.
        env.ExecuteSql("SET 'restart-strategy.type' = 'none'");
        await env.ExecuteScriptAsync("INSERT INTO t SELECT id FROM src");
        var failed = await env.WaitForJobsAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var failure = Assert.Single(failed).FailureMessage!;
        Assert.Contains("The jdbc table 't' cannot connect to PostgreSQL at 127.0.0.1:1/db (options 'url', 'username', 'password')", failure);

        foreach (var text in new[] { shown, explained, bad.Message, failure })
        {
            Assert.DoesNotContain("url-Secret-1", text);
            Assert.DoesNotContain("opt-Secret-2", text);
        }
    }
}
