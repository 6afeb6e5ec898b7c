using StreamSql.Functions;

namespace StreamSql.Tests.Differential;

/// <summary>
/// A user-defined split function in each join form over random rows (NULL and empty strings, separators at either end),
/// compared with DuckDB's <c>unnest(string_split(...))</c> and <c>generate_subscripts</c> for the same rows.
/// </summary>
public sealed class TableFunctionDifferentialTests
{
    [Fact]
    public async Task A_split_function_agrees_with_duckdbs_unnest_of_string_split()
    {
        await using var run = new DifferentialRun(defaultSeed: 20261205);
        run.AddTable("t", rows: 300);
        run.ExecuteEngine($"CREATE FUNCTION split_on AS '{typeof(SplitOn).FullName}'");
        string[] separators = ["a", "b", "x", "ab"];
        foreach (var sep in separators)
        {
            const string duckParts = "SELECT unnest(string_split(t.s, '{0}')) AS part, generate_subscripts(string_split(t.s, '{0}'), 1) AS pos";
            string parts = string.Format(System.Globalization.CultureInfo.InvariantCulture, duckParts, sep);
            await run.CheckAsync(new DualSql(
                $"SELECT k, s, part, pos FROM t, LATERAL TABLE(split_on(s, '{sep}')) AS u(part, pos)",
                $"SELECT k, s, part, pos FROM t, LATERAL ({parts}) AS u"));
            await run.CheckAsync(new DualSql(
                $"SELECT k, part FROM t CROSS JOIN LATERAL TABLE(split_on(s, '{sep}')) AS u(part, pos) WHERE pos > 1 AND v > 0",
                $"SELECT k, part FROM t, LATERAL ({parts}) AS u WHERE pos > 1 AND v > 0"));
            await run.CheckAsync(new DualSql(
                $"SELECT k, s, u.part, u.pos FROM t LEFT JOIN LATERAL TABLE(split_on(s, '{sep}')) AS u(part, pos) ON TRUE",
                $"SELECT k, s, u.part, u.pos FROM t LEFT JOIN LATERAL ({parts}) AS u ON TRUE"));
            await run.CheckAsync(new DualSql(
                $"SELECT part, COUNT(*) AS c, SUM(v) AS sv FROM t, LATERAL TABLE(split_on(s, '{sep}')) AS u(part, pos) GROUP BY part",
                $"SELECT part, COUNT(*) AS c, SUM(v) AS sv FROM t, LATERAL ({parts}) AS u GROUP BY part"));
        }
        Assert.True(run.Mismatches == 0, run.Report());
        Assert.True(run.NonEmptyCases == run.Cases, $"only {run.NonEmptyCases} of {run.Cases} cases returned rows");
    }
}

/// <summary>DuckDB's <c>string_split</c>: every piece between separators (empty ones too), with its 1-based position; a
/// NULL string has no pieces.</summary>
public sealed class SplitOn : TableFunction<SplitOn.Piece>
{
    public sealed record Piece(string Part, int Position);

    public void Eval(string? text, string separator)
    {
        if (text is null) return;
        var parts = text.Split(separator);
        for (int i = 0; i < parts.Length; i++) Collect(new Piece(parts[i], i + 1));
    }
}
