using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace StreamSql.Tests.Fuzzing;

/// <summary>
/// A short, deterministic fuzzing run of the SQL front end on every test run; a long one on request:
/// <c>STREAMSQL_FUZZ_INPUTS=200000 STREAMSQL_FUZZ_SEED=7 dotnet test tests/StreamSql.Tests -c Release --filter FrontEndFuzzTests</c>
/// (see tests/README.md). A failure names the seed and case that replay its input.
/// </summary>
public sealed class FrontEndFuzzTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;

    [Fact]
    public async Task Mutated_statements_of_the_repository_scripts_end_in_a_result_or_a_StreamSqlException()
    {
        int seed = Setting("STREAMSQL_FUZZ_SEED", 20_261_203);
        int inputs = Setting("STREAMSQL_FUZZ_INPUTS", 1000);
        int first = Setting("STREAMSQL_FUZZ_FIRST_CASE", 0);
        // The short run is bounded by count (the same inputs every time) and, on a slow machine, by time.
        var budget = Environment.GetEnvironmentVariable("STREAMSQL_FUZZ_INPUTS") is null ? TimeSpan.FromSeconds(45) : TimeSpan.MaxValue;

        var fuzzer = new FrontEndFuzzer();
        Assert.True(fuzzer.CorpusSize > 100, $"corpus of {fuzzer.CorpusSize} statements");
        var (ran, findings) = await fuzzer.RunAsync(seed, first, inputs, budget, log: output.WriteLine);
        output.WriteLine($"{ran} inputs from {fuzzer.CorpusSize} statements, seed {seed}: {findings.Count} findings");

        if (findings.Count == 0) return;
        var report = new StringBuilder($"{findings.Count} of {ran} inputs (seed {seed}) ended wrongly; replay one with ")
            .Append("STREAMSQL_FUZZ_SEED=<seed> STREAMSQL_FUZZ_FIRST_CASE=<case> STREAMSQL_FUZZ_INPUTS=1\n");
        foreach (var f in findings.Take(5))
        {
            string input = f.Input.Length <= 2000 ? f.Input : f.Input[..2000] + $"... ({f.Input.Length} chars)";
            report.Append("\n--- seed ").Append(f.Seed).Append(" case ").Append(f.Case).Append(":\n").Append(input)
                .Append("\n--> ").Append(f.Outcome).Append('\n');
        }
        Assert.Fail(report.ToString());
    }

    [Fact]
    public void The_same_seed_and_case_give_the_same_input()
    {
        var fuzzer = new FrontEndFuzzer();
        Assert.Equal(fuzzer.Input(3, 41), fuzzer.Input(3, 41));
        Assert.NotEqual(fuzzer.Input(3, 41), fuzzer.Input(3, 42));
    }
}
