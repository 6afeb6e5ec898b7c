using System.Diagnostics;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Tests.Fuzzing;

/// <summary>One input the front end mishandled: how to replay it, and what it did.</summary>
internal sealed record FuzzFinding(int Seed, int Case, string Input, string Outcome);

/// <summary>
/// Feeds mutated statements of the repository's SQL scripts (tests/EndToEnd/scenarios, examples) to the embedded API and
/// checks that each one ends in a result or a <see cref="StreamSqlException"/>, never another exception (nor a job: a
/// query or INSERT is run as EXPLAIN, so nothing is started). Case <c>i</c> of seed <c>s</c> is always the same input.
/// </summary>
internal sealed class FrontEndFuzzer
{
    /// <summary>Written before each input runs, so an input that kills the process (a stack overflow) can be replayed.</summary>
    public static string CurrentInputFile(int seed, int first) => Path.Combine(Path.GetTempPath(), $"streamsql-fuzz-{seed}-{first}.txt");

    private static readonly System.Text.Encoding LenientUtf8 = new System.Text.UTF8Encoding(false, false);

    private readonly IReadOnlyList<string> _corpus;
    private readonly IReadOnlyList<string> _setup;
    private readonly StatementMutator _mutator;

    public FrontEndFuzzer()
    {
        var statements = new List<string>();
        foreach (var file in CorpusFiles())
            foreach (var chunk in SqlStatementSplitter.SplitScript(File.ReadAllText(file)))
                if (!string.IsNullOrWhiteSpace(chunk.Text)) statements.Add(chunk.Text);
        _corpus = statements;
        // The corpus's own tables and views, so mutated queries reach the binder and planner instead of stopping at an
        // unknown table. CREATE TABLE ... AS SELECT starts a job, so it is not setup.
        _setup = statements.Where(s => s.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) && !StartsJobOrTouchesJobs(s)).ToList();
        _mutator = new StatementMutator(statements);
    }

    public int CorpusSize => _corpus.Count;

    private static IEnumerable<string> CorpusFiles()
    {
        var root = RepositoryAbove(AppContext.BaseDirectory) ?? RepositoryAbove(Environment.CurrentDirectory)
            ?? throw new InvalidOperationException("the repository root (StreamSql.sln) is not above " + AppContext.BaseDirectory);
        return Directory.GetFiles(Path.Combine(root.FullName, "tests", "EndToEnd", "scenarios"), "*.sql")
            .Concat(Directory.GetFiles(Path.Combine(root.FullName, "examples"), "*.sql", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
    }

    private static DirectoryInfo? RepositoryAbove(string directory)
    {
        var root = new DirectoryInfo(directory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "StreamSql.sln"))) root = root.Parent;
        return root;
    }

    /// <summary>The input of case <paramref name="index"/> of <paramref name="seed"/>.</summary>
    /// <remarks>Not <see cref="HashCode.Combine{T1, T2}"/>: it is seeded anew in every process.</remarks>
    public string Input(int seed, int index) => _mutator.Mutate(new Random((int)((seed * 1_000_003L + index) % int.MaxValue)));

    /// <summary>Runs cases <paramref name="first"/>.. until <paramref name="count"/> have run or <paramref name="budget"/> is
    /// spent; returns how many ran and what went wrong (at most <paramref name="maxFindings"/>).</summary>
    public async Task<(int Ran, IReadOnlyList<FuzzFinding> Findings)> RunAsync(int seed, int first, int count, TimeSpan budget,
        int maxFindings = 20, Action<string>? log = null)
    {
        var findings = new List<FuzzFinding>();
        var clock = Stopwatch.StartNew();
        StreamSqlEnvironment? env = null;
        int ran = 0;
        try
        {
            for (int i = first; ran < count && clock.Elapsed < budget && findings.Count < maxFindings; i++, ran++)
            {
                // A fresh session now and then, so DDL among the inputs (DROP, ALTER, SET) does not pile up.
                if (env is null || ran % 250 == 0)
                {
                    if (env is not null) await env.DisposeAsync();
                    env = await NewSessionAsync();
                }
                string input = Input(seed, i);
                // Inputs may hold lone surrogates: write them with replacement characters rather than fail.
                File.WriteAllText(CurrentInputFile(seed, first), $"seed {seed} case {i}\n{input}", LenientUtf8);
                var started = Stopwatch.StartNew();
                string? outcome = await RunOneAsync(env, input);
                // Slow inputs are worth a look, but timings on a shared machine are no test verdict.
                if (started.Elapsed > TimeSpan.FromSeconds(10))
                    log?.Invoke($"SLOW seed {seed} case {i}: {started.Elapsed.TotalSeconds:F0} s");
                if (outcome is not null)
                {
                    findings.Add(new FuzzFinding(seed, i, input, outcome));
                    log?.Invoke($"FINDING seed {seed} case {i}: {outcome}");
                }
                if (log is not null && (ran + 1) % 10_000 == 0) log($"{ran + 1} inputs, {findings.Count} findings, {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        finally
        {
            if (env is not null) await env.DisposeAsync();
        }
        File.Delete(CurrentInputFile(seed, first));
        return (ran, findings);
    }

    private async Task<StreamSqlEnvironment> NewSessionAsync()
    {
        var env = Sessions.Create();
        foreach (var ddl in _setup)
        {
            try { await env.ExecuteSqlAsync(ddl); }
            catch (StreamSqlException) { /* a table the corpus defines twice, or one this build cannot create */ }
        }
        return env;
    }

    /// <summary>What went wrong with <paramref name="input"/>, or null when it ended as it should.</summary>
    private static async Task<string?> RunOneAsync(StreamSqlEnvironment env, string input)
    {
        try
        {
            // The splitter and the parser alone, on the whole text (several statements, unbalanced quotes).
            SqlStatementSplitter.SplitScript(input);
            try { SqlParser.ParseScript(input); }
            catch (SqlException) { }

            foreach (var chunk in SqlStatementSplitter.SplitScript(input))
            {
                string statement = chunk.Text;
                if (string.IsNullOrWhiteSpace(statement)) continue;
                if (StartsJobOrTouchesJobs(statement)) statement = "EXPLAIN " + statement;
                try
                {
                    await env.ExecuteSqlAsync(statement);
                }
                catch (StreamSqlException)
                {
                }
                if (env.Jobs.Count > 0)
                {
                    await env.CancelAllJobsAsync(TimeSpan.FromSeconds(5));
                    return "started a job: " + Abbreviate(statement);
                }
            }
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }
    }

    /// <summary>Queries, INSERTs, statement sets, CREATE TABLE AS and job control would start or stop jobs: they run as
    /// EXPLAIN, which plans them (or fails to) without running anything.</summary>
    private static bool StartsJobOrTouchesJobs(string statement)
    {
        Statement parsed;
        try { parsed = SqlParser.ParseStatement(statement); }
        catch (SqlException) { return false; }
        return parsed switch
        {
            QueryStatement or InsertStatement or StatementSetStatement or ExecuteStatement or StopJobStatement
                or TriggerSavepointStatement => true,
            CreateTableStatement create => create.AsQuery is not null,
            _ => false,
        };
    }

    private static string Abbreviate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
