using System.Text;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;

namespace StreamSql.Tests.ExprX;

/// <summary>
/// Evaluates an <see cref="ExprCase"/> as Flink's <c>ExpressionTestBase</c> does: <c>SELECT CAST((expr) AS STRING) FROM
/// testTable</c> over the case's one-row view, the value read as text, a NULL as "NULL". One session per test row and time zone.
/// </summary>
internal sealed class ExprRunner : IAsyncDisposable
{
    private readonly Dictionary<(ExprTestRow, string), StreamSqlEnvironment> _sessions = [];

    private StreamSqlEnvironment Session(ExprTestRow row, string timeZone)
    {
        if (_sessions.TryGetValue((row, timeZone), out var env)) return env;
        env = Sessions.Create(settings: [("parallelism.default", "1"), ("table.local-time-zone", timeZone)]);
        env.ExecuteSql(row.CreateView(TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
        _sessions.Add((row, timeZone), env);
        return env;
    }

    /// <summary>The expression's value as Flink's test reads it.</summary>
    public async Task<string> EvaluateAsync(ExprCase @case)
    {
        await using var result = Session(@case.Row, @case.TimeZone).Query($"SELECT CAST(({@case.Sql}) AS STRING) FROM testTable");
        string? value = null;
        var rows = 0;
        await foreach (var batch in result.ReadBatchesAsync().WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token))
        {
            for (int row = 0; row < batch.Length; row++, rows++)
                value = ArrowValueReader.Read(batch.Column(0), row, result.ColumnTypes[0]) is { } v ? (string)v : "NULL";
        }
        Assert.True(rows == 1, $"{@case.Name}: {rows} rows");
        return value!;
    }

    /// <summary>Runs the case and asserts Flink's string (or Flink's error). With the environment variable
    /// <c>EXPRX_DIFFERENCES_FILE</c> set, the name of each case that differs is appended to that file (how
    /// <see cref="ExprXDifferences"/> is refreshed).</summary>
    public async Task AssertAsync(ExprCase @case)
    {
        try
        {
            await AssertCoreAsync(@case);
        }
        catch when (Environment.GetEnvironmentVariable("EXPRX_DIFFERENCES_FILE") is { Length: > 0 } file)
        {
            lock (_sessions) File.AppendAllLines(file, [@case.Name]);
            throw;
        }
    }

    private async Task AssertCoreAsync(ExprCase @case)
    {
        if (@case.Error is { } keywords)
        {
            // Flink refuses when planning, or (reducing a constant expression) when the job is submitted: either a planning
            // error or the job's failure is the engine's refusal here.
            var e = await Assert.ThrowsAnyAsync<StreamSqlException>(() => EvaluateAsync(@case));
            Assert.True(e.Message.Contains(keywords, StringComparison.Ordinal),
                $"{@case.Name}: {@case.Sql}\n expected an error containing: {keywords}\n actual: {e.Message}");
            return;
        }
        var actual = await EvaluateAsync(@case);
        Assert.True(@case.Expected == actual, $"{@case.Name}: {@case.Sql}\n expected: {@case.Expected}\n actual:   {actual}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var env in _sessions.Values) await env.DisposeAsync();
    }
}
