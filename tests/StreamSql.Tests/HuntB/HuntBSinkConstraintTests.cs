using StreamSql.Execution.Runtime;

namespace StreamSql.Tests.HuntB;

/// <summary>Flink's sink constraint enforcement ('table.exec.sink.not-null-enforcer'): NULL into a NOT NULL column.</summary>
public sealed class HuntBSinkConstraintTests
{
    private const string Tables =
        "CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '4', " +
        "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '4', 'fields.name.length' = '3');\n" +
        "CREATE TABLE out (id INT, name STRING NOT NULL) WITH ('connector' = 'print');\n";

    [Fact]
    public async Task A_null_into_a_not_null_column_fails_the_job_with_flinks_message_after_the_rows_before_it()
    {
        var output = new StringWriter();
        await using var env = Sessions.Create(output, ("table.dml-sync", "true"), ("execution.batch.max-rows", "1024"));
        var script = Tables + "INSERT INTO out SELECT id, CASE WHEN id = 3 THEN CAST(NULL AS STRING) ELSE 'x' END FROM src;";

        var error = await Assert.ThrowsAsync<JobFailedException>(() => env.ExecuteScriptAsync(script, "nn.sql").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.StartsWith("Error at nn.sql:3:1: ", error.Message);
        Assert.Contains("Column 'name' is NOT NULL, however, a null value is being written into it. You can set job configuration "
            + "'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.", error.Message);
        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("+I")).ToArray();
        Assert.Equal(new[] { "+I[1, x]", "+I[2, x]" }, printed);
    }

    [Fact]
    public async Task Drop_mode_drops_the_rows_with_a_null_in_a_not_null_column()
    {
        var output = new StringWriter();
        await using var env = Sessions.Create(output, ("table.dml-sync", "true"), ("table.exec.sink.not-null-enforcer", "drop"));
        var script = Tables + "INSERT INTO out SELECT id, CASE WHEN MOD(id, 2) = 0 THEN CAST(NULL AS STRING) ELSE 'x' END FROM src;";

        await env.ExecuteScriptAsync(script, "nn.sql").WaitAsync(TimeSpan.FromSeconds(30));

        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("+I")).Order().ToArray();
        Assert.Equal(new[] { "+I[1, x]", "+I[3, x]" }, printed);
    }
}
