using System.Globalization;
using System.Text;
using StreamSql.Execution.Batches;

namespace StreamSql.Tests.Differential;

/// <summary>
/// Runs query pairs through the engine (a bounded job read to its end, its changelog materialized) and through DuckDB over
/// the same rows, and collects every case whose results differ, with both statements and the rows only one side has.
/// The seed comes from <see cref="SeedVariable"/> when set (to replay a failure), else from the caller.
/// </summary>
internal sealed class DifferentialRun : IAsyncDisposable
{
    public const string SeedVariable = "STREAMSQL_DIFF_SEED";

    private readonly StreamSqlEnvironment _engine;
    private readonly DuckDbOracle _oracle = new();
    private readonly StringBuilder _findings = new();
    private readonly string _directory;

    public DifferentialRun(int defaultSeed, params (string Key, string Value)[] settings)
    {
        Seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : defaultSeed;
        Random = new Random(Seed);
        _directory = StateFixtures.TempDirectory();
        _engine = Sessions.Create(null, [("table.local-time-zone", "UTC"), .. settings]);
    }

    public int Seed { get; }
    public Random Random { get; }
    public int Cases { get; private set; }
    public int Mismatches { get; private set; }

    /// <summary>Cases whose answer had at least one row (a run of empty answers proves little).</summary>
    public int NonEmptyCases { get; private set; }

    /// <summary>Batch mode: every row of the engine's answer must be an insert (a final row), not a change.</summary>
    public bool RequireInsertOnly { get; init; }

    /// <summary>Rows compared over all cases.</summary>
    public long RowsCompared { get; private set; }

    /// <summary>A random table both engines can query under <paramref name="name"/>.</summary>
    public RandomTable AddTable(string name, int rows, bool lateRows = true, bool sequence = false, int timeStepMillis = 1)
    {
        var table = new RandomTable(name, _directory, rows, Random, lateRows, sequence, timeStepMillis);
        _engine.ExecuteSql(table.EngineDdl());
        _oracle.Load(table);
        return table;
    }

    /// <summary>Runs a statement in the engine's session only (a second engine view of a table DuckDB already has).</summary>
    public void ExecuteEngine(string sql) => _engine.ExecuteSql(sql);

    /// <summary>Runs a statement in DuckDB only (loading rows a test generated itself).</summary>
    public void ExecuteOracle(string sql) => _oracle.Execute(sql);

    /// <summary>The engine's changelog of a query, in the order it came (for checks of order, which the cases do not make).</summary>
    public async Task<IReadOnlyList<ChangelogRow>> EngineChangelogAsync(string sql)
    {
        await using var result = await _engine.QueryAsync(sql);
        return await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Runs one case; a difference, or an engine error on a query DuckDB answers, is recorded as a finding.</summary>
    public async Task CheckAsync(DualSql query)
    {
        Cases++;
        List<string> expected;
        try
        {
            expected = _oracle.Rows(query.DuckDb);
        }
        catch (Exception e)
        {
            Record(query, $"DuckDB refused the oracle query (a generator bug): {e.Message}");
            return;
        }
        List<string> actual;
        try
        {
            await using var result = await _engine.QueryAsync(query.Engine);
            if (RequireInsertOnly)
            {
                var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
                if (rows.FirstOrDefault(r => r.Kind != RowKind.Insert) is { } change)
                {
                    Record(query, $"a {change.Kind.ShortString()} row where only final rows (+I) may come: [{string.Join(", ", change.Values)}]");
                    return;
                }
                actual = rows.Select(r => CanonicalValue.Row(r.Values)).ToList();
            }
            else
            {
                var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
                actual = table.Rows.Select(r => CanonicalValue.Row(r.Values)).ToList();
            }
            actual.Sort(StringComparer.Ordinal);
        }
        catch (Exception e)
        {
            Record(query, $"the engine failed: {e.GetType().Name}: {e.Message}");
            return;
        }
        RowsCompared += expected.Count;
        if (expected.Count > 0) NonEmptyCases++;
        if (expected.SequenceEqual(actual)) return;
        var missing = Difference(expected, actual);
        var extra = Difference(actual, expected);
        Record(query, $"{expected.Count} rows expected, {actual.Count} returned; missing: [{string.Join("; ", missing.Take(5))}]"
            + $"{(missing.Count > 5 ? $" (+{missing.Count - 5})" : "")}; unexpected: [{string.Join("; ", extra.Take(5))}]{(extra.Count > 5 ? $" (+{extra.Count - 5})" : "")}");
    }

    private void Record(DualSql query, string what)
    {
        Mismatches++;
        if (Mismatches > 10) return;
        _findings.Append(CultureInfo.InvariantCulture, $"case {Cases}: {what}\n  engine: {query.Engine}\n  duckdb: {query.DuckDb}\n");
    }

    /// <summary>Rows of <paramref name="a"/> not matched in <paramref name="b"/> (as multisets).</summary>
    private static List<string> Difference(List<string> a, List<string> b)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in b) counts[row] = counts.GetValueOrDefault(row) + 1;
        var only = new List<string>();
        foreach (var row in a)
        {
            if (counts.TryGetValue(row, out var n) && n > 0) counts[row] = n - 1;
            else only.Add(row);
        }
        return only;
    }

    /// <summary>What to print when the run failed: the seed to replay it, and the first findings.</summary>
    public string Report() =>
        $"{Mismatches} of {Cases} cases differ from DuckDB (seed {Seed}; replay: {SeedVariable}={Seed}):\n{_findings}";

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _oracle.Dispose();
        StateFixtures.Delete(_directory);
    }
}
