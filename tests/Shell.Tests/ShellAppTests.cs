namespace StreamSql.Shell.Tests;

public sealed class ShellAppTests
{
    private const string FiveRows =
        "CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5',\n" +
        "  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5');\n";

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args, string input = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await ShellApp.RunAsync(args, new StringReader(input), output, error, terminal: false).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Piped_statements_run_one_by_one_even_across_lines()
    {
        var input = "SET 'a.b' =\n  'c';\nSET 'x' = 'y'; SET;\nHELP;\nquit\nSET 'never' = 'run';\n";

        var (code, output, error) = await RunAsync(Array.Empty<string>(), input);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Equal(2, CountOf(output, "[INFO] Execute statement succeeded."));
        Assert.Matches(@"\|\s+a\.b \|\s+c \|", output);
        Assert.Contains("The following commands are available:", output);
        Assert.Contains("[INFO] Exiting StreamSql shell...", output);
        Assert.DoesNotContain("never", output);
    }

    [Fact]
    public async Task Help_is_laid_out_as_in_flink_2()
    {
        var (code, output, _) = await RunAsync(Array.Empty<string>(), "HELP;\n");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        int first = Array.IndexOf(lines, "The following commands are available:") + 2;
        int hint = Array.FindIndex(lines, l => l.StartsWith("Hint: ", StringComparison.Ordinal));
        Assert.True(first >= 2 && hint > first + 10, output);
        var commands = lines[first..(hint - 1)];
        // Names padded to the longest ("BEGIN STATEMENT SET"), then two tabs, then the description.
        Assert.All(commands, line => Assert.Matches(@"^[A-Z][A-Z /]{18}\t\t\S", line));
        Assert.Contains("QUIT/EXIT          \t\tQuits the SQL CLI client.", commands);
        Assert.Contains("SET                \t\tSets a session configuration property. Syntax: \"SET '<key>'='<value>';\". Use \"SET;\" for listing all properties.", commands);
        Assert.Equal("Hint: Make sure that a statement ends with \";\" for finalizing (multi-line) statements.", lines[hint]);
    }

    [Fact]
    public async Task An_error_in_the_interactive_shell_is_reported_on_stderr_and_the_shell_goes_on()
    {
        var (code, output, error) = await RunAsync(Array.Empty<string>(), "SELEC 1;\nSET 'k' = 'v';\n");

        Assert.Equal(0, code);
        Assert.StartsWith("[ERROR] Could not execute SQL statement. Reason:\nError at 1:1", error);
        Assert.Contains("[INFO] Execute statement succeeded.", output);
    }

    [Fact]
    public async Task A_statement_set_is_answered_statement_by_statement_and_quit_still_leaves()
    {
        var input = FiveRows + "CREATE TABLE out_t (id INT) WITH ('connector' = 'blackhole');\n" +
            "BEGIN STATEMENT SET;\nSHOW TABLES;\nINSERT INTO out_t SELECT id FROM src;\nQUIT;\n";

        var (code, output, error) = await RunAsync(Array.Empty<string>(), input);

        Assert.Equal(0, code);
        // CREATE TABLE twice, then BEGIN and the INSERT, each answered as typed; SHOW TABLES is refused alone.
        Assert.Equal(4, CountOf(output, "[INFO] Execute statement succeeded."));
        Assert.Contains("Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set", error);
        Assert.DoesNotContain("table name", output);
        Assert.Contains("[INFO] Exiting StreamSql shell...", output);
    }

    [Fact]
    public async Task Explain_is_shown_in_one_result_cell_as_flinks_client_shows_it()
    {
        var (code, output, error) = await RunAsync(Array.Empty<string>(), FiveRows + "EXPLAIN SELECT id FROM src;\n");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        var lines = output.Split('\n');
        int header = Array.FindIndex(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\| +result \|$"));
        Assert.True(header > 0, output);
        Assert.Matches(@"^\+-+\+$", lines[header - 1]);
        Assert.Equal(lines[header - 1], lines[header + 1]);
        Assert.Equal("| == Abstract Syntax Tree ==", lines[header + 2]);
        int end = Array.IndexOf(lines, " |", header);
        Assert.True(end > header + 2, output);
        Assert.Equal(lines[header - 1], lines[end + 1]);
        Assert.Equal("1 row in set", lines[end + 2]);
    }

    [Fact]
    public async Task A_query_is_shown_in_tableau_mode_with_a_row_count()
    {
        var (code, output, error) = await RunAsync(Array.Empty<string>(), FiveRows + "SELECT id FROM src;\n");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("| op |          id |", output);
        for (int i = 1; i <= 5; i++) Assert.Matches($@"\| \+I \|\s+{i} \|", output);
        Assert.Contains("Received a total of 5 rows", output);
    }

    [Fact]
    public async Task Automatic_mode_shows_a_query_over_a_bounded_table_as_a_batch_table()
    {
        // src is bounded: automatic runs it in batch mode, printed as Flink prints a batch result (no op column).
        var (code, output, error) = await RunAsync(Array.Empty<string>(), FiveRows + "SET 'execution.runtime-mode' = 'automatic';\nSELECT id FROM src WHERE id > 3;\n");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.DoesNotContain("| op |", output);
        Assert.Contains("2 rows in set", output);
    }

    [Fact]
    public async Task A_filtered_query_shows_only_matching_rows()
    {
        var (code, output, error) = await RunAsync(Array.Empty<string>(), FiveRows + "SELECT id, id * 2 AS twice FROM src WHERE id >= 4;\n");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("| op |          id |       twice |", output);
        Assert.Contains("| +I |           4 |           8 |", output);
        Assert.Contains("| +I |           5 |          10 |", output);
        Assert.DoesNotContain("|           3 |", output);
        Assert.Contains("Received a total of 2 rows", output);
    }

    [Fact]
    public async Task Changelog_mode_prints_one_line_per_change()
    {
        var (code, output, _) = await RunAsync(Array.Empty<string>(), FiveRows + "SET 'sql-client.execution.result-mode' = 'changelog';\nSELECT id FROM src;\n");

        Assert.Equal(0, code);
        for (int i = 1; i <= 5; i++) Assert.Contains($"+I[{i}]\n", output);
    }

    [Fact]
    public async Task A_script_stops_at_the_first_failing_statement_with_its_location()
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, "SET 'a' = 'b';\nSHOW TABLES;\nSELECT * FROM nowhere;\nSET 'c' = 'd';\n");
        try
        {
            var (code, output, error) = await RunAsync(new[] { "-f", path });

            Assert.Equal(1, code);
            Assert.Contains($"Error at {path}:3:", error);
            Assert.Contains("nowhere", error);
            Assert.Contains("^", error);
            Assert.Equal(1, CountOf(output, "Execute statement succeeded."));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_script_with_an_insert_waits_for_its_job_and_prints_its_rows()
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, FiveRows + "CREATE TABLE out (id INT) WITH ('connector' = 'print');\nINSERT INTO out SELECT id FROM src;\n");
        try
        {
            var (code, output, error) = await RunAsync(new[] { "-f", path });

            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Contains("[INFO] Submitting SQL update statement to the cluster...", output);
            Assert.Matches(@"Job ID: [0-9a-f]{32}\n", output);
            for (int i = 1; i <= 5; i++) Assert.Contains($"+I[{i}]\n", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_statement_set_block_is_acknowledged_statement_by_statement_then_submitted()
    {
        var input = FiveRows +
            "CREATE TABLE a (id INT) WITH ('connector' = 'blackhole');\n" +
            "CREATE TABLE b (id INT) WITH ('connector' = 'blackhole');\n" +
            "BEGIN STATEMENT SET;\nINSERT INTO a SELECT id FROM src;\nINSERT INTO b SELECT id FROM src;\nEND;\n";

        var (code, output, error) = await RunAsync(Array.Empty<string>(), input);

        Assert.Equal("", error);
        Assert.Equal(0, code);
        // three CREATE TABLEs, then BEGIN and the two INSERTs, then the submission
        Assert.Equal(6, CountOf(output, "[INFO] Execute statement succeeded."));
        Assert.Equal(1, CountOf(output, "Job ID: "));
        Assert.True(output.LastIndexOf("Execute statement succeeded.", StringComparison.Ordinal) < output.IndexOf("Submitting SQL update", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_statement_set_block_is_acknowledged_and_submits_nothing()
    {
        // Flink's client answers BEGIN STATEMENT SET; and the END; of an empty set each with a success message.
        var (code, output, error) = await RunAsync(Array.Empty<string>(), "BEGIN STATEMENT SET;\nEND;\nSET 'k' = 'v';\n");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Equal(3, CountOf(output, "[INFO] Execute statement succeeded."));
        Assert.Equal(0, CountOf(output, "Job ID: "));
    }

    [Fact]
    public async Task A_script_whose_job_fails_exits_non_zero_with_the_job_failure_on_stderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, FiveRows + "CREATE TABLE out (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO out SELECT CAST(name AS INT) FROM src;\n");
        try
        {
            var (code, output, error) = await RunAsync(new[] { "-f", path });

            Assert.Equal(1, code);
            Assert.Contains("Job ID: ", output);
            // Located at the CAST that failed (line 4, column 24), with the line and a caret under the CAST.
            Assert.StartsWith("[ERROR] Could not execute SQL statement. Reason:\nError at ", error);
            Assert.Contains(":4:24: Job 'insert-into", error);
            Assert.Contains("Cannot cast", error);
            Assert.Contains("\n" + new string(' ', 25) + new string('^', "CAST(name AS INT)".Length), error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Init_script_runs_before_the_prompt_and_settings_come_from_the_command_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, "SET 'from.init' = 'yes';\n");
        try
        {
            var (code, output, _) = await RunAsync(new[] { "-i", path, "-D", "from.cli=yes" }, "SET;\n");

            Assert.Equal(0, code);
            // Flink's client shows only that the init script worked, not its statements' results.
            Assert.StartsWith($"Successfully initialized from sql script: file:{Path.GetFullPath(path)}\n", output);
            Assert.DoesNotContain("Execute statement succeeded.", output);
            Assert.Matches(@"\|\s+from\.init \|\s+yes \|", output);
            Assert.Matches(@"\|\s+from\.cli \|\s+yes \|", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_failing_init_script_says_so_after_its_error_and_the_shell_does_not_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, "SET 'a' = 'b';\nSELEC 1;\n");
        try
        {
            var (code, output, error) = await RunAsync(new[] { "-i", path }, "SET 'never' = 'run';\n");

            Assert.Equal(1, code);
            Assert.StartsWith("[ERROR] Could not execute SQL statement. Reason:\n", error);
            Assert.Contains($"{path}:2:1", error);
            Assert.Equal($"Failed to initialize from sql script: file:{Path.GetFullPath(path)}.\n", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_script_run_with_f_starts_with_flinks_executing_sql_from_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(path, "SET 'a' = 'b';\nRESET 'a';\n");
        try
        {
            var (code, output, error) = await RunAsync(new[] { "-f", path });

            Assert.Equal("", error);
            Assert.Equal(0, code);
            Assert.Equal("[INFO] Executing SQL from file.\n[INFO] Execute statement succeeded.\n[INFO] Execute statement succeeded.\n", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Help_and_bad_arguments()
    {
        var help = await RunAsync(new[] { "--help" });
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage: streamsql", help.Out);

        var bad = await RunAsync(new[] { "--nope" });
        Assert.Equal(2, bad.Code);
        Assert.Contains("--nope", bad.Err);

        var missing = await RunAsync(new[] { "-f", "/definitely/not/here.sql" });
        Assert.Equal(1, missing.Code);
        Assert.Contains("Could not read the script", missing.Err);

        var latest = await RunAsync(new[] { "--from-latest-checkpoint", "-f", "/definitely/not/here.sql" });
        Assert.Equal(1, latest.Code);
        Assert.Contains("Could not read the script", latest.Err);
    }

    [Theory]
    [InlineData("hello.sql", "+I[")]
    [InlineData("select_datagen.sql", "Received a total of ")]
    [InlineData("insert_print.sql", "+I[1, ")]
    public async Task The_example_scripts_run(string name, string expected)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "StreamSql.sln"))) dir = Path.GetDirectoryName(dir);
        Assert.NotNull(dir);

        var (code, output, error) = await RunAsync(new[] { "-f", Path.Combine(dir!, "examples", name) });

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains(expected, output);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0, at = 0;
        while ((at = text.IndexOf(part, at, StringComparison.Ordinal)) >= 0) { count++; at += part.Length; }
        return count;
    }
}
