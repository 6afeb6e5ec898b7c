using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;

namespace StreamSql.Tests;

public sealed class EndToEndTests
{
    [Fact]
    public async Task A_query_over_datagen_returns_its_rows_with_their_kinds_and_types()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Sessions.FiveRows);

        await using var result = env.Query("SELECT id, name FROM src");
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { "id", "name" }, result.ColumnNames);
        Assert.Equal(new object?[] { 1, 2, 3, 4, 5 }, rows.Select(r => r[0]).OrderBy(v => (int)v!).ToArray());
        Assert.All(rows, r => Assert.Equal(RowKind.Insert, r.Kind));
        Assert.All(rows, r => Assert.Equal(3, Assert.IsType<string>(r[1]).Length));
        Assert.Equal(JobStatus.Finished, result.Job.Status);
    }

    [Fact]
    public async Task A_query_with_where_and_expressions_returns_only_matching_rows()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Sessions.FiveRows);

        await using var result = env.Query("SELECT id * 10 AS tens, UPPER(name) AS upper_name FROM src WHERE id > 2 AND id <> 4");
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { "tens", "upper_name" }, result.ColumnNames);
        Assert.Equal(new object?[] { 30, 50 }, rows.Select(r => r[0]).OrderBy(v => (int)v!).ToArray());
        Assert.All(rows, r => Assert.Equal(((string)r[1]!).ToUpperInvariant(), r[1]));
    }

    [Fact]
    public async Task A_runtime_failure_of_a_query_surfaces_as_a_job_failure_with_the_job_message()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql(Sessions.FiveRows);

        await using var result = env.Query("SELECT CAST(name AS INT) FROM src");
        var error = await Assert.ThrowsAsync<JobFailedException>(() => result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(result.Job.Id, error.JobId);
        Assert.Contains("Cannot cast", error.Message);
        Assert.DoesNotContain("   at ", error.Message);
    }

    [Fact]
    public async Task A_failing_synchronous_insert_is_reported_at_its_statement()
    {
        await using var env = Sessions.Create(settings: ("table.dml-sync", "true"));
        var script = Sessions.FiveRows + ";\nCREATE TABLE out (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO out SELECT CAST(name AS INT) FROM src;";

        var error = await Assert.ThrowsAsync<JobFailedException>(() => env.ExecuteScriptAsync(script, "sync.sql").WaitAsync(TimeSpan.FromSeconds(30)));

        // Located at the CAST that failed, with a caret under it; the statement reported it, so the shell does not again.
        Assert.StartsWith("Error at sync.sql:3:24: ", error.Message);
        Assert.Contains("Cannot cast", error.Message);
        Assert.EndsWith("\n" + new string(' ', 25) + new string('^', "CAST(name AS INT)".Length), error.Message.TrimEnd());
        Assert.Equal((3, 24), (error.Line, error.Column));
        var job = Assert.Single(env.Jobs);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.True(job.FailureReported);
    }

    [Fact]
    public async Task Query_results_keep_38_digit_decimals_and_timestamps_to_100_nanoseconds()
    {
        await using var env = Sessions.Create();
        await using var result = env.Query("SELECT CAST(0.63 AS DECIMAL(38, 4)) AS a, CAST('12345678901234567890123456789012345678' AS DECIMAL(38, 0)) AS b, "
            + "TIMESTAMP '2021-04-13 20:12:11.123456789' AS ts");
        var row = Assert.Single(await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0.6300m, row[0]);
        Assert.Equal("12345678901234567890123456789012345678", row[1]);   // beyond System.Decimal: the exact text
        Assert.Equal(new DateTime(2021, 4, 13, 20, 12, 11).AddTicks(1_234_567), row[2]); // .NET stops at 100 ns
    }

    [Fact]
    public async Task Query_refuses_a_statement_that_is_not_a_select()
    {
        await using var env = Sessions.Create();
        Assert.ThrowsAny<StreamSqlException>(() => env.Query("SET 'a' = 'b'"));
    }

    [Fact]
    public async Task An_insert_into_print_writes_flink_rows_to_the_output_and_waits_with_dml_sync()
    {
        var output = new StringWriter();
        await using var env = Sessions.Create(TextWriter.Synchronized(output), ("table.dml-sync", "true"));
        env.ExecuteSql(Sessions.FiveRows);
        env.ExecuteSql("CREATE TABLE out (id INT, name STRING) WITH ('connector' = 'print')");

        var submitted = Assert.IsType<JobSubmittedResult>(await env.ExecuteSqlAsync("INSERT INTO out SELECT id, name FROM src").WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(submitted.WaitedForCompletion);
        Assert.Equal(JobStatus.Finished, submitted.Job.Status);
        Assert.Matches("^[0-9a-f]{32}$", submitted.Job.Id);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("+I[3, ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_detached_insert_is_listed_by_show_jobs_and_can_be_stopped_by_name()
    {
        await using var env = Sessions.Create();
        env.ExecuteSql("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
        env.ExecuteSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        env.ExecuteSql("SET 'pipeline.name' = 'my-endless-job'");

        var submitted = Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO sink SELECT id FROM endless"));
        Assert.False(submitted.WaitedForCompletion);

        var jobs = Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW JOBS"));
        var row = Assert.Single(jobs.Rows);
        Assert.Equal(submitted.Job.Id, row[0]);
        Assert.Equal("my-endless-job", row[1]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?$", row[3]);

        var stopped = Assert.IsType<MessageResult>(await env.ExecuteSqlAsync("STOP JOB 'my-endless-job'").WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Execute statement succeeded.", stopped.Message);
        Assert.Equal(JobStatus.Canceled, submitted.Job.Status);
        Assert.Equal("CANCELED", Assert.Single(Assert.IsType<TableTextResult>(env.ExecuteSql("SHOW JOBS")).Rows)[2]);

        var error = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql($"STOP JOB '{submitted.Job.Id}' WITH SAVEPOINT"));
        Assert.Contains("has already ended (CANCELED)", error.Message);
    }

    [Fact]
    public async Task A_script_hands_each_result_to_the_callback_in_order()
    {
        await using var env = Sessions.Create();
        var seen = new List<string>();
        var script = Sessions.FiveRows + ";\nSET 'x' = 'y';\nSELECT id FROM src;";

        await env.ExecuteScriptAsync(script, "s.sql", async (result, ct) =>
        {
            seen.Add(result.GetType().Name);
            if (result is QueryResult q)
                await using (q) seen.Add($"rows={(await q.ToListAsync(ct)).Count}");
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { "MessageResult", "MessageResult", "QueryResult", "rows=5" }, seen);
    }
}
