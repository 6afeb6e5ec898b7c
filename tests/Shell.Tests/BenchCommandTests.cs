using System.Text.Json;
using StreamSql.Bench.Queries;

namespace StreamSql.Shell.Tests;

/// <summary>
/// <c>streamsql bench nexmark</c> end to end on a small stream: the stateless queries run, their results equal DuckDB's,
/// the numbers and fields the issue asks for are there; a query the engine refuses is reported with its reason; and a
/// wrong answer gets no numbers and a failing exit code.
/// </summary>
public sealed class BenchCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await ShellApp.RunAsync(args, new StringReader(""), output, error, terminal: false).WaitAsync(TimeSpan.FromMinutes(3));
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private static Dictionary<string, JsonElement> JsonLines(string output)
    {
        var result = new Dictionary<string, JsonElement>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var element = JsonDocument.Parse(line).RootElement;
            result[element.GetProperty("query").GetString()!] = element;
        }
        return result;
    }

    [Fact]
    public async Task The_jit_option_takes_full_or_tiered_and_only_bench_runs_restart()
    {
        var (code, _, error) = await RunAsync("bench", "nexmark", "--jit", "quick");
        Assert.Equal(ShellApp.UsageError, code);
        Assert.Contains("--jit expects 'full' or 'tiered', got 'quick'.", error);

        Assert.False(Bench.BenchJit.ShouldRestart(["bench", "nexmark", "--jit", "tiered"]));
        Assert.False(Bench.BenchJit.ShouldRestart(["bench", "nexmark", "--jit=tiered"]));
        Assert.False(Bench.BenchJit.ShouldRestart(["bench", "--help"]));
        Assert.False(Bench.BenchJit.ShouldRestart(["-f", "job.sql"]));
        // The child runs with the variable set, so it never restarts again.
        Assert.Equal(Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") is null,
            Bench.BenchJit.ShouldRestart(["bench", "nexmark", "--query", "q0"]));
    }

    [Fact]
    public async Task Stateless_queries_run_and_equal_duckdb_and_a_refused_query_says_why()
    {
        var (code, output, error) = await RunAsync("bench", "nexmark", "--query", "q0,q1,q2,q6", "--events", "30000",
            "--checkpoint-interval", "200ms", "--output", "json");

        Assert.True(code == 0, error + output);
        var rows = JsonLines(output);
        Assert.Equal(new[] { "q0", "q1", "q2", "q6" }, rows.Keys.Order());
        foreach (var query in new[] { "q0", "q1", "q2" })
        {
            var row = rows[query];
            Assert.Equal("ok", row.GetProperty("status").GetString());
            Assert.Equal("passed", row.GetProperty("result_check").GetString());
            Assert.Equal(30000, row.GetProperty("events").GetInt64());
            foreach (var field in new[] { "seconds", "cpu_seconds", "events_per_second", "events_per_core_second", "peak_memory_bytes" })
                Assert.True(row.GetProperty(field).GetDouble() > 0, $"{query}.{field}");
            Assert.True(row.GetProperty("checkpoints").GetProperty("count").GetInt32() >= 1, query);
            var baselines = row.GetProperty("baselines");
            Assert.True(baselines.GetProperty("duckdb").GetProperty("result_correct").GetBoolean());
            Assert.True(baselines.GetProperty("hand-written").GetProperty("result_correct").GetBoolean());
            Assert.True(baselines.GetProperty("rx").GetProperty("result_correct").GetBoolean());
        }
        // q0 passes every bid through: 46 of every 50 events.
        Assert.Equal(30000 * 46 / 50, rows["q0"].GetProperty("rows").GetInt64());
        Assert.Equal("unsupported", rows["q6"].GetProperty("status").GetString());
        // As Flink: the INSERT's column types are checked before the plan (its sink declares seller VARCHAR for a BIGINT).
        Assert.Contains("Column types of query result and sink", rows["q6"].GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, rows["q6"].GetProperty("events_per_second").ValueKind);
    }

    [Fact]
    public async Task Q14_calls_its_user_defined_function_and_equals_duckdb()
    {
        var (code, output, error) = await RunAsync("bench", "nexmark", "--query", "q14", "--events", "20000", "--rounds", "1",
            "--no-baselines", "--output", "json");

        Assert.True(code == 0, error + output);
        var q14 = JsonLines(output)["q14"];
        Assert.Equal("ok", q14.GetProperty("status").GetString());
        // DuckDB counts the 'c's with length(extra) - length(replace(extra, 'c', '')); the engine calls CountChar.Eval.
        Assert.Equal("passed", q14.GetProperty("result_check").GetString());
        Assert.True(q14.GetProperty("rows").GetInt64() > 0);
    }

    [Fact]
    public async Task The_queries_over_files_run_q10_counted_from_its_committed_files_and_q13_joined_with_its_side_input()
    {
        var (code, output, error) = await RunAsync("bench", "nexmark", "--query", "q10,q13", "--events", "20000", "--rounds", "2",
            "--checkpoint-interval", "200ms", "--no-baselines", "--output", "json");

        Assert.True(code == 0, error + output);
        var q10 = JsonLines(output)["q10"];
        Assert.Equal("ok", q10.GetProperty("status").GetString());
        Assert.Equal("passed", q10.GetProperty("result_check").GetString());
        // Every bid is logged: 46 of every 50 events; the timed runs count the lines of the files they committed.
        Assert.Equal(20000 * 46 / 50, q10.GetProperty("rows").GetInt64());
        Assert.True(q10.GetProperty("events_per_core_second").GetDouble() > 0);
        // q13 looks every bid up in the filesystem side input (keys 0..9999, one row each): an inner join that keeps every bid.
        var q13 = JsonLines(output)["q13"];
        Assert.Equal("ok", q13.GetProperty("status").GetString());
        Assert.Equal("passed", q13.GetProperty("result_check").GetString());
        Assert.Equal(20000 * 46 / 50, q13.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task The_table_marks_unsupported_queries_and_shows_the_baselines()
    {
        var (code, output, error) = await RunAsync("bench", "nexmark", "--query", "q22,q12,q6", "--events", "20000", "--source", "memory",
            "--parallelism", "2");

        Assert.True(code == 0, error + output);
        Assert.Contains("Nexmark: 20,000 events, source memory, parallelism 2", output);
        Assert.Matches(@"\nq22 +20,000 +[\d.]+ +[\d.]+ [KMG]? ?.*passed\n", output);
        // q12 (a processing-time TUMBLE into TIMESTAMP(3) columns) runs, but no batch engine computes its windows.
        Assert.Matches(@"\nq12 +20,000 +.*unchecked: ", output);
        Assert.Matches(@"\nq6 +unsupported: .*sink", output);
        Assert.Contains("hand-written", output);
        Assert.Contains("3 queries: 2 ran, 1 unsupported, 1 results equal DuckDB's, 0 failed.", output);
    }

    [Fact]
    public async Task A_wrong_answer_gets_no_numbers_and_fails_the_run()
    {
        var queries = NexmarkQueries.Embedded();
        var dir = Directory.CreateTempSubdirectory("nexmark-wrong-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "ddl.sql"), queries.Ddl);
            File.WriteAllText(Path.Combine(dir.FullName, "q2.sql"), queries.Get("q2").Sql);
            Directory.CreateDirectory(Path.Combine(dir.FullName, "duckdb"));
            // The reference keeps every 124th auction instead of every 123rd: the engine's (right) answer differs from it.
            File.WriteAllText(Path.Combine(dir.FullName, "duckdb", "q2.sql"), "SELECT auction, price FROM bid WHERE auction % 124 = 0");

            var (code, output, _) = await RunAsync("bench", "nexmark", "--query", "q2", "--events", "20000", "--queries-dir", dir.FullName,
                "--output", "json");

            Assert.Equal(1, code);
            var row = JsonLines(output)["q2"];
            Assert.Equal("wrong_result", row.GetProperty("status").GetString());
            Assert.Equal("failed", row.GetProperty("result_check").GetString());
            Assert.Contains("DuckDB computed", row.GetProperty("result_check_detail").GetString());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("events_per_second").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("events_per_core_second").ValueKind);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Several_sources_and_parallelisms_run_each_combination_and_print_the_scaling_table()
    {
        var (code, output, error) = await RunAsync("bench", "nexmark", "--query", "q0,q2", "--events", "20000", "--source", "generator,memory",
            "--parallelism", "1,2", "--checkpoint-interval", "off", "--no-baselines");

        Assert.True(code == 0, error + output);
        foreach (var source in new[] { "generator", "memory" })
            foreach (var parallelism in new[] { 1, 2 })
                Assert.Contains($"Nexmark: 20,000 events, source {source}, parallelism {parallelism}", output);
        var scaling = output[output.IndexOf("Scaling:", StringComparison.Ordinal)..];
        Assert.Matches(@"query +generator, p1 +generator, p2 +memory, p1 +memory, p2\n", scaling);
        // Every combination's cell has a rate: events/s per core (events/s), then processing per core (start-up time).
        Assert.Matches(@"\nq0 +(\S+ ?[KMG]? \(\S+ ?[KMG]?/s\) +){3}\S+ ?[KMG]? \(\S+ ?[KMG]?/s\)\n", scaling);
        Assert.Matches(@"\nq2 +(\S+ ?[KMG]? \(\d+ ms\) +){3}\S+ ?[KMG]? \(\d+ ms\)\n", scaling);
    }

    [Fact]
    public async Task Json_rows_carry_the_start_up_apart_from_the_processing_and_the_collections()
    {
        var (code, output, error) = await RunAsync("bench", "nexmark", "--query", "q0", "--events", "20000", "--source", "memory,generator",
            "--checkpoint-interval", "off", "--output", "json");

        Assert.True(code == 0, error + output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(new[] { "memory", "generator" }, lines.Select(l => l.GetProperty("source").GetString()));
        foreach (var row in lines)
        {
            double startUp = row.GetProperty("startup_seconds").GetDouble();
            Assert.InRange(startUp, 1e-6, row.GetProperty("seconds").GetDouble());
            // Planning is the start-up's first part (read from the wall clock, the start-up from the stopwatch: 1 ms of slack).
            Assert.InRange(row.GetProperty("startup_planning_seconds").GetDouble(), 0, startUp + 0.001);
            Assert.InRange(row.GetProperty("startup_cpu_seconds").GetDouble(), 0, row.GetProperty("cpu_seconds").GetDouble());
            Assert.True(row.GetProperty("processing_events_per_core_second").GetDouble() >= row.GetProperty("events_per_core_second").GetDouble());
            var gc = row.GetProperty("gc");
            Assert.True(gc.GetProperty("gen0").GetInt32() >= gc.GetProperty("gen1").GetInt32());
            Assert.True(gc.GetProperty("gen1").GetInt32() >= gc.GetProperty("gen2").GetInt32());
            Assert.InRange(gc.GetProperty("pause_seconds").GetDouble(), 0, row.GetProperty("seconds").GetDouble());
            // A baseline too quick for the CPU clock has no ratio; where there is one, leaving the start-up out can only lower it.
            var duckdb = row.GetProperty("baselines").GetProperty("duckdb");
            if (duckdb.GetProperty("engine_time_ratio").ValueKind == JsonValueKind.Number)
                Assert.True(duckdb.GetProperty("engine_processing_time_ratio").GetDouble() <= duckdb.GetProperty("engine_time_ratio").GetDouble());
        }
    }
}
