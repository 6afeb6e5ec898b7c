using System.Diagnostics;

namespace StreamSql.Shell.Tests;

/// <summary>The real <c>streamsql</c> executable as a child process: exit codes, stderr, signals.</summary>
public sealed class ProcessTests
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "streamsql.exe" : "streamsql");

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static string TempScript(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"streamsql-{Guid.NewGuid():N}.sql");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Script_failure_exits_non_zero_with_the_location_on_stderr()
    {
        var script = TempScript("SET 'a' = 'b';\nCREATE TABLE t (x INT) WITH ('connector' = 'datagen');\nSELECT y FROM t;\n");
        try
        {
            using var process = Start("-f", script);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, process.ExitCode);
            var err = await stderr;
            Assert.StartsWith("[ERROR] Could not execute SQL statement. Reason:", err);
            Assert.Contains($"{script}:3:", err);
            Assert.DoesNotContain("   at ", err); // no stack trace
            Assert.Contains("[INFO] Execute statement succeeded.", await stdout);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Script_loads_a_function_from_an_assembly_with_using_jar_and_calls_it()
    {
        string assembly = typeof(Reverse).Assembly.Location;
        var script = TempScript(
            $"CREATE TEMPORARY FUNCTION reverse_text AS '{typeof(Reverse).FullName}' USING JAR '{assembly}';\n" +
            "SELECT reverse_text(s) AS r FROM (VALUES ('abc'), ('xy')) AS t(s);\n" +
            "SELECT reverse_text(1, 2);\n");
        try
        {
            using var process = Start("-f", script);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            string output = await stdout, error = await stderr;
            Assert.Contains("| +I |                            cba |", output);
            Assert.Contains("| +I |                             yx |", output);
            // The wrong call is refused at its line and column, listing the Eval methods there are.
            Assert.Equal(1, process.ExitCode);
            Assert.Contains($"{script}:3:8: Cannot apply 'reverse_text' to arguments of type (INT, INT)", error);
            Assert.Contains("Eval(STRING)", error);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Script_with_a_bounded_insert_exits_zero_after_its_rows_are_printed()
    {
        var script = TempScript(
            "CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');\n" +
            "CREATE TABLE out (id INT) WITH ('connector' = 'print');\n" +
            "INSERT INTO out SELECT id FROM src;\n");
        try
        {
            using var process = Start("-f", script);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal("", await stderr);
            Assert.Equal(0, process.ExitCode);
            var output = (await stdout).ReplaceLineEndings("\n");
            Assert.Contains("+I[1]\n", output);
            Assert.Contains("+I[3]\n", output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_signal_stops_the_jobs_of_a_script_and_exits_with_the_signal_code(string signal, int exitCode)
    {
        if (OperatingSystem.IsWindows()) return;
        var script = TempScript(
            "CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n" +
            "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');\n" +
            "INSERT INTO sink SELECT id FROM endless;\n");
        try
        {
            using var process = Start("-f", script);
            var stderr = process.StandardError.ReadToEndAsync();
            // Wait until the job is submitted, so the signal finds a running job to stop.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
                if (line.StartsWith("Job ID: ", StringComparison.Ordinal)) break;
            Assert.NotNull(line);

            using (var kill = Process.Start("kill", new[] { "-" + signal, process.Id.ToString() })) await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(exitCode, process.ExitCode);
            Assert.Equal("", await stderr);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task Sigterm_stops_the_jobs_of_a_script_with_a_savepoint_when_a_savepoint_directory_is_set()
    {
        if (OperatingSystem.IsWindows()) return;
        var savepoints = Path.Combine(Path.GetTempPath(), $"streamsql-sp-{Guid.NewGuid():N}");
        var script = TempScript(
            $"SET 'execution.checkpointing.savepoint-dir' = '{savepoints}';\n" +
            "SET 'pipeline.name' = 'endless-job';\n" +
            "CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n" +
            "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');\n" +
            "INSERT INTO sink SELECT id FROM endless;\n");
        try
        {
            using var process = Start("-f", script);
            var stderr = process.StandardError.ReadToEndAsync();
            string? line;
            string? jobId = null;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
                if (line.StartsWith("Job ID: ", StringComparison.Ordinal)) { jobId = line["Job ID: ".Length..]; break; }
            Assert.NotNull(jobId);

            using (var kill = Process.Start("kill", new[] { "-TERM", process.Id.ToString() })) await kill.WaitForExitAsync();
            var rest = (await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60))).ReplaceLineEndings("\n");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(143, process.ExitCode);
            Assert.Equal("", await stderr);
            Assert.Contains($"Suspending job \"{jobId}\" ('endless-job') with a savepoint.\n", rest);
            var path = System.Text.RegularExpressions.Regex.Match(rest, "Savepoint completed. Path: (.+)\n").Groups[1].Value;
            Assert.StartsWith(savepoints, path);
            Assert.True(File.Exists(Path.Combine(path, "_metadata")));
        }
        finally
        {
            File.Delete(script);
            if (Directory.Exists(savepoints)) Directory.Delete(savepoints, recursive: true);
        }
    }

    [Fact]
    public async Task Statements_a_statement_set_does_not_take_fail_alone_and_the_set_runs_its_inserts()
    {
        // Flink's statement_set.q, read from stdin (the shell goes on after an error): BEGIN again, a CREATE TABLE and a
        // SELECT inside the block each fail with Flink's message; the INSERT runs when END comes; an END alone fails.
        using var process = Start();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync("""
            SET 'table.dml-sync' = 'true';
            CREATE TABLE out_t (id INT, str STRING) WITH ('connector' = 'print');
            BEGIN STATEMENT SET;
            BEGIN STATEMENT SET;
            CREATE TABLE src (id INT, str STRING) WITH ('connector' = 'datagen');
            SELECT id, str FROM (VALUES (1, 'Hello World'), (2, 'Hi')) AS T(id, str);
            INSERT INTO out_t SELECT * FROM (VALUES (1, 'Hello World'), (2, 'Hi'));
            END;
            END;
            SHOW TABLES;

            """);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        string output = await stdout, errors = await stderr;
        Assert.Contains("+I[1, Hello World]", output);
        Assert.Contains("+I[2, Hi]", output);
        Assert.Contains("|      out_t |", output); // the CREATE TABLE inside the set did not run
        Assert.DoesNotContain("src", output);
        Assert.Equal(3, errors.Split("Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to submit Statement Set.").Length - 1);
        Assert.Contains("No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.", errors);
    }

    [Fact]
    public async Task Ctrl_c_stops_a_running_query_and_the_interactive_shell_goes_on()
    {
        if (OperatingSystem.IsWindows()) return;
        using var process = Start();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync("CREATE TABLE e (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');");
        await process.StandardInput.WriteLineAsync("SELECT id FROM e;");
        await process.StandardInput.FlushAsync();

        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
            if (line.StartsWith("| +I |", StringComparison.Ordinal)) break; // rows are arriving
        Assert.NotNull(line);

        using (var kill = Process.Start("kill", new[] { "-INT", process.Id.ToString() })) await kill.WaitForExitAsync();
        // One deadline for the whole wait: rows keep arriving when Ctrl-C is missed, so a per-line timeout never fires.
        var stopDeadline = DateTime.UtcNow.AddSeconds(30);
        while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))) is not null)
        {
            if (line.StartsWith("Query terminated, received a total of ", StringComparison.Ordinal)) break;
            if (DateTime.UtcNow > stopDeadline)
            {
                process.Kill();
                Assert.Fail("the query still printed rows 30 s after Ctrl-C");
            }
        }
        Assert.NotNull(line);

        await process.StandardInput.WriteLineAsync("SET 'after' = 'ctrl-c';");
        await process.StandardInput.WriteLineAsync("quit;");
        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("[INFO] Execute statement succeeded.", rest);
        Assert.Contains("[INFO] Exiting StreamSql shell...", rest);
        Assert.Equal("", await stderr);
    }
}

/// <summary>A user-defined function the shell test loads from this test assembly with USING JAR.</summary>
public sealed class Reverse
{
    public string? Eval(string? text)
    {
        if (text is null) return null;
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
