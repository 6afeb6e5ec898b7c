using System.Diagnostics;
using System.Text;

namespace StreamSql.Shell.Tests;

/// <summary>
/// Scripts that once ended <c>streamsql -f</c> with "Stack overflow." (exit 134) run in a real process: past the nesting
/// limit the script fails with a located error and exit code 1; long flat input runs.
/// </summary>
public sealed class DeepInputProcessTests
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "streamsql.exe" : "streamsql");

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(string script)
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-deep-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, script);
        try
        {
            var info = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-f");
            info.ArgumentList.Add(path);
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private const string Table = "CREATE TABLE t (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5', " +
        "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5');\n";

    public static TheoryData<string, string> TooDeep => new()
    {
        { "5,000 parentheses", "SELECT " + Repeat("(", 5000) + "1" + Repeat(")", 5000) + ";\n" },
        { "2,000 nested subqueries", "EXPLAIN SELECT id FROM " + Repeat("(SELECT id FROM ", 2000) + "t" + Repeat(") AS q", 2000) + ";\n" },
        { "100,000 added terms", "SELECT 1" + Repeat(" + 1", 99_999) + ";\n" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task A_script_nested_past_the_limit_exits_1_with_the_error_not_134(string shape, string statement)
    {
        var (exitCode, stdout, stderr) = await RunScriptAsync(Table + statement + "SELECT 'not reached';\n");

        Assert.True(exitCode == 1, $"{shape}: exit code {exitCode}; stderr: {stderr[..Math.Min(500, stderr.Length)]}");
        Assert.StartsWith("[ERROR] Could not execute SQL statement. Reason:", stderr);
        Assert.Contains(":2:", stderr);
        Assert.Contains("nesting exceeds the limit of 1000 levels", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Stack overflow", stderr);
        Assert.True(stderr.Length < 1000, $"{shape}: stderr shows a window of the long line ({stderr.Length} chars)");
        Assert.DoesNotContain("not reached", stdout);
    }

    [Fact]
    public async Task A_script_of_long_flat_statements_runs()
    {
        var script = new StringBuilder(Table)
            .Append("EXPLAIN SELECT id FROM t WHERE ").AppendJoin(" OR ", Enumerable.Range(0, 5000).Select(i => $"id = {2 * i}")).Append(";\n")
            .Append("EXPLAIN SELECT id FROM t").Append(Repeat(" UNION ALL SELECT id FROM t", 1999)).Append(";\n")
            .Append("SELECT id * 1000 AS found FROM t WHERE id IN (").AppendJoin(", ", Enumerable.Range(4, 100_000)).Append(");\n")
            .Append("SELECT CHAR_LENGTH('").Append('x', 10_000_000).Append("') AS len;\n")
            .ToString();

        var (exitCode, stdout, stderr) = await RunScriptAsync(script);

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {stderr[..Math.Min(500, stderr.Length)]}");
        Assert.Contains("Union(all=[true], union=[id])", stdout);
        Assert.Contains("10000000", stdout);
        Assert.Matches(@"\|\s+4000\s+\|", stdout);
        Assert.Matches(@"\|\s+5000\s+\|", stdout);
        Assert.DoesNotMatch(@"\|\s+3000\s+\|", stdout);
    }
}
