namespace StreamSql.Tests;

public sealed class ErrorLocationTests
{
    [Fact]
    public async Task A_syntax_error_in_a_script_is_reported_at_its_line_and_column_in_the_script()
    {
        await using var env = Sessions.Create();
        var script = "SET 'a' = 'b';\n\nSHOW TABLES;\nSELECT id,, name FROM t;\n";

        var error = await Assert.ThrowsAnyAsync<StreamSqlException>(() => env.ExecuteScriptAsync(script, "job.sql"));

        Assert.Equal(4, error.Line);
        Assert.Equal("job.sql", error.SourceName);
        Assert.StartsWith("Error at job.sql:4:", error.Message);
        Assert.Contains("SELECT id,, name FROM t", error.Message);
        Assert.Contains("^", error.Message);
        // statements before the failing one ran
        Assert.Equal("b", env.Configuration.GetRaw("a"));
    }

    [Fact]
    public async Task A_validation_error_on_a_later_column_of_a_line_keeps_its_column()
    {
        await using var env = Sessions.Create();
        var script = "SHOW TABLES; SELECT nope FROM missing_table;";

        var error = await Assert.ThrowsAnyAsync<StreamSqlException>(() => env.ExecuteScriptAsync(script, "x.sql"));

        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 13, $"column {error.Column} should be inside the second statement");
        Assert.Contains("missing_table", error.Message);
    }

    [Fact]
    public async Task Errors_without_a_position_of_their_own_point_at_the_failing_statement()
    {
        await using var env = Sessions.Create();
        var script = "SHOW TABLES;\n  SET 'parallelism.default' = 'x';";

        var error = await Assert.ThrowsAnyAsync<StreamSqlException>(() => env.ExecuteScriptAsync(script, "s.sql"));

        Assert.StartsWith("Error at s.sql:2:3: ", error.Message);
        Assert.Equal((2, 3), (error.Line, error.Column));
    }

    [Fact]
    public async Task A_single_statement_error_has_no_file_name()
    {
        await using var env = Sessions.Create();
        var error = Assert.ThrowsAny<StreamSqlException>(() => env.ExecuteSql("SELEC 1"));
        Assert.StartsWith("Error at 1:", error.Message);
        Assert.Null(error.SourceName);
    }
}
