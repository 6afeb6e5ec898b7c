using System.Text.RegularExpressions;
using StreamSql.EndToEnd.Runner;

namespace StreamSql.EndToEnd;

/// <summary>Checks the scenario runner itself (format, comparison), independent of the engine.</summary>
public sealed class RunnerSelfTests
{
    private const string Sample = """
        -- scenario: filter keeps rows whose condition is TRUE
        -- file: input/t.csv
        --| 1,a
        --|
        --| 2,b
        -- sql:
        -- a comment that stays in the script
        CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = '${SCRATCH}/input/t.csv', 'format' = 'csv');

        INSERT INTO out SELECT id FROM t;

        -- expect stdout (unordered):
        --| +I[1]
        --| +I[2]
        -- expect files ${SCRATCH}/out (ordered, contains):
        --| 1
        """;

    [Fact]
    public void Parses_sections_files_script_and_expectations()
    {
        var s = ScenarioParser.Parse("sample.sql", Sample);

        Assert.Equal("filter keeps rows whose condition is TRUE", s.Description);
        var file = Assert.Single(s.Files);
        Assert.Equal("input/t.csv", file.RelativePath);
        Assert.Equal(["1,a", "", "2,b"], file.Lines);
        var sqlLines = s.Sql.Split('\n');
        Assert.Equal("-- a comment that stays in the script", sqlLines[0]);
        Assert.Equal("INSERT INTO out SELECT id FROM t;", sqlLines[3]);
        Assert.EndsWith("FROM t;\n", s.Sql, StringComparison.Ordinal);

        var stdout = Assert.IsType<StdoutExpectation>(s.Expectations[0]);
        Assert.Equal(new LineComparison(false, false, false), stdout.Comparison);
        Assert.Equal(["+I[1]", "+I[2]"], stdout.Lines);
        var files = Assert.IsType<FilesExpectation>(s.Expectations[1]);
        Assert.Equal("${SCRATCH}/out", files.Directory);
        Assert.Equal(new LineComparison(true, false, true), files.Comparison);
        Assert.Equal(ExitExpectation.Zero, s.ExpectedExit);
    }

    [Fact]
    public void Expected_error_implies_a_non_zero_exit()
    {
        var s = ScenarioParser.Parse("e.sql", "-- scenario: x\n-- sql:\nSELECT nmae FROM t;\n-- expect error: Column 'nmae' not found\n-- expect caret under: nmae\n");
        Assert.Equal(ExitExpectation.NonZero, s.ExpectedExit);
        Assert.Equal(new ErrorExpectation("Column 'nmae' not found"), s.Expectations[0]);
        Assert.Equal(new CaretExpectation("nmae"), s.Expectations[1]);
    }

    [Theory]
    [InlineData("-- scenario: x\n-- sql:\nSELECT 1;\n-- expected stdout (unordered):\n--| +I[1]\n", "misspelt header")]
    [InlineData("-- scenario: x\n-- sql:\nSELECT 1;\n-- expect stdout (unordered):\n--| +I[1]\nstray\n", "unexpected line")]
    [InlineData("-- scenario: x\n-- sql:\nSELECT 1;\n-- expect stdout:\n--| +I[1]\n", "unknown expectation")]
    [InlineData("-- scenario: x\n-- sql:\nSELECT 1;\n-- expect stdout (sorted):\n", "unknown flag 'sorted'")]
    [InlineData("-- scenario: x\n-- sql:\nSELECT 1;\n", "no expectation")]
    [InlineData("-- sql:\nSELECT 1;\n-- expect exit: 0\n-- expect error: x\n", "missing '-- scenario:")]
    [InlineData("-- scenario: x\n--| 1\n-- sql:\nSELECT 1;\n-- expect error: x\n", "data line outside")]
    [InlineData("-- scenario: x\n-- file: ../evil.csv\n-- sql:\nSELECT 1;\n-- expect error: x\n", "relative to the scratch")]
    public void Rejects_malformed_scenarios_with_the_line(string text, string message)
    {
        var ex = Assert.Throws<FormatException>(() => ScenarioParser.Parse("bad.sql", text));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.sql:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_rows_are_kept_and_subtask_numbers_dropped()
    {
        var rows = LineMatcher.PrintRows([
            "[INFO] Submitting SQL update statement to the cluster...",
            "+I[1, a]",
            "2> -U[2, b]",
            "sink:1> +U[3, c]",
            "sink1> -D[4, d]",
            "Job ID: 42",
            "+I[unterminated",
        ]);
        Assert.Equal(["+I[1, a]", "-U[2, b]", "sink> +U[3, c]", "sink1> -D[4, d]"], rows);
    }

    [Fact]
    public void Unordered_comparison_is_multiset_equality_and_lists_the_difference()
    {
        var how = new LineComparison(false, false, false);
        Assert.Null(LineMatcher.Compare(["a", "b", "a"], ["a", "a", "b"], how));

        var diff = LineMatcher.Compare(["a", "a", "b"], ["a", "b", "c"], how);
        Assert.NotNull(diff);
        Assert.Matches(new Regex(@"missing[^\n]*\n\s+a\n", RegexOptions.None), diff.Replace("\r", "", StringComparison.Ordinal));
        Assert.Matches(new Regex(@"unexpected[^\n]*\n\s+c\n", RegexOptions.None), diff.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Ordered_comparison_fails_on_a_different_order()
    {
        var how = new LineComparison(true, false, false);
        Assert.Null(LineMatcher.Compare(["a", "b"], ["a", "b"], how));
        Assert.Contains("first difference at line 1", LineMatcher.Compare(["a", "b"], ["b", "a"], how), StringComparison.Ordinal);
        Assert.NotNull(LineMatcher.Compare(["a"], ["a", "a"], how));
    }

    [Fact]
    public void Contains_comparison_matches_substrings_in_order()
    {
        var how = new LineComparison(true, true, true);
        string[] actual = ["== Abstract Syntax Tree ==", "x", "== Optimized Physical Plan ==", "y"];
        Assert.Null(LineMatcher.Compare(["Abstract Syntax Tree", "Optimized Physical Plan"], actual, how));
        Assert.NotNull(LineMatcher.Compare(["Optimized Physical Plan", "Abstract Syntax Tree"], actual, how));
        Assert.Null(LineMatcher.Compare(["Optimized Physical Plan", "Abstract Syntax Tree"], actual, how with { Ordered = false }));
    }

    [Fact]
    public void Caret_must_point_at_the_token_in_the_echoed_line()
    {
        string[] good = ["Error at job.sql:3:8: Column 'nmae' not found", "  SELECT nmae FROM t", "         ^^^^"];
        string[] bad = ["  SELECT nmae FROM t", "  ^^^^"];
        Assert.True(ScenarioRunner.HasCaretUnder(good, "nmae"));
        Assert.False(ScenarioRunner.HasCaretUnder(bad, "nmae"));
    }

    [Fact]
    public void Visible_files_skip_hidden_and_in_progress_files()
    {
        var dir = Directory.CreateTempSubdirectory("streamsql-e2e-self-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "part-0-0"), "1,a\n2,b\n");
            File.WriteAllText(Path.Combine(dir, ".part-0-1.inprogress"), "3,c\n");
            File.WriteAllText(Path.Combine(dir, "_SUCCESS"), "");
            Directory.CreateDirectory(Path.Combine(dir, "dt=1"));
            File.WriteAllText(Path.Combine(dir, "dt=1", "part-1-0"), "4,d\n");
            var lines = ScenarioRunner.VisibleFileLines(dir, out var listing);
            Assert.Equal(["4,d", "1,a", "2,b"], lines);
            Assert.Contains(".part-0-1.inprogress (hidden)", listing, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_run_gets_a_closed_stdin_and_both_streams()
    {
        var run = await ShellProcess.RunProcessAsync("/bin/sh", ["-c", "cat; echo out; echo err >&2; exit 3"],
            Path.GetTempPath(), TimeSpan.FromSeconds(20));
        Assert.False(run.TimedOut);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("out\n", run.Stdout);
        Assert.Equal("err\n", run.Stderr);
    }

    [Fact]
    public async Task A_run_past_its_timeout_is_killed_with_its_children()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"streamsql-e2e-child-{Guid.NewGuid():N}");
        var run = await ShellProcess.RunProcessAsync("/bin/sh", ["-c", $"(sleep 3; touch {marker}) & sleep 30"],
            Path.GetTempPath(), TimeSpan.FromSeconds(1));
        Assert.True(run.TimedOut);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"took {run.Elapsed}");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.False(File.Exists(marker), "the child of the timed-out process survived the kill");
    }

    [Fact]
    public void Every_scenario_file_parses_and_there_are_enough_of_them()
    {
        var files = ScenarioCatalog.Files().ToList();
        Assert.True(files.Count >= 45, $"only {files.Count} scenarios in {ScenarioCatalog.Directory}");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            Assert.Matches(new Regex("^[a-z0-9]+(_[a-z0-9]+)*\\.sql$"), name);
            var scenario = ScenarioParser.ParseFile(file);
            Assert.False(string.IsNullOrWhiteSpace(scenario.Description), name);
        }
    }
}
