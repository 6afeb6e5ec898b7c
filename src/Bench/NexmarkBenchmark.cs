using System.Globalization;
using System.Text.RegularExpressions;
using StreamSql.Bench.Baselines;
using StreamSql.Bench.Checks;
using StreamSql.Bench.Engine;
using StreamSql.Bench.Queries;
using StreamSql.Bench.Reports;
using StreamSql.Bench.Sources;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Bench;

/// <summary>
/// <c>streamsql bench nexmark</c>: plans every asked query (a query the engine refuses is reported with the engine's
/// reason), runs the timed engine runs of the runnable ones, then generates the events they read into memory once, loads
/// them into DuckDB, and per query: DuckDB's batch result (the reference and a baseline), the engine's result checked
/// against it (the timed runs' numbers are reported only for a right answer), then the hand-written and Rx.NET baselines
/// over the same events. With the in-memory source the events are generated before the timed runs, which read them.
/// </summary>
public sealed partial class NexmarkBenchmark
{
    private readonly NexmarkBenchOptions _options;
    private readonly TextWriter _output;
    private readonly TextWriter? _progress;
    private readonly TextWriter _notes;

    /// <param name="output">The report (table or JSON lines).</param>
    /// <param name="notes">Phase messages (generation, loading); stderr, so JSON output stays clean.</param>
    /// <param name="progress">Where to draw the progress line (a terminal), or null.</param>
    public NexmarkBenchmark(NexmarkBenchOptions options, TextWriter output, TextWriter notes, TextWriter? progress)
    {
        _options = options;
        _output = output;
        _notes = notes;
        _progress = progress;
    }

    /// <summary>The reports of the last <see cref="RunAsync"/>, in query order.</summary>
    public IReadOnlyList<QueryReport> Reports { get; private set; } = Array.Empty<QueryReport>();

    /// <summary>Runs the benchmark; 0 when every query that ran gave the right answer, 1 otherwise.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var files = _options.QueriesDirectory is null ? NexmarkQueries.Embedded() : NexmarkQueries.FromDirectory(_options.QueriesDirectory);
        var queries = _options.Queries.Select(files.Get).ToArray();
        var planner = new EngineRunner(files, _options, memory: null);
        var definitions = await DefinitionsAsync(planner.Ddl, cancellationToken).ConfigureAwait(false);

        var table = _options.Json ? null : new TableReport(_output);
        var json = _options.Json ? new JsonReport(_output) : null;

        // Plan first: only runnable queries need events.
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var query in queries)
            if (await PlanAsync(planner, query, cancellationToken).ConfigureAwait(false) is { } reason) refusals[query.Name] = reason;
        var runnable = queries.Where(q => !refusals.ContainsKey(q.Name)).ToArray();
        var tables = runnable.SelectMany(q => q.Tables).Distinct().ToArray();

        // The live generator needs no events in memory: the engine's runs come first, while the process holds nothing
        // else, so the collector never scans the baselines' events on the engine's CPU time (with them resident, q0's
        // events/s per core varied 4x from run to run); their results are compared with DuckDB's afterwards. The
        // in-memory source reads those events, so they come first there.
        bool eventsFirst = _options.Source == SourceMode.Memory;
        NexmarkEvents? events = null;
        DuckDbBaseline? duckdb = null;
        try
        {
            if (eventsFirst && runnable.Length > 0) events = await GenerateAsync(definitions, tables, cancellationToken).ConfigureAwait(false);
            var runner = new EngineRunner(files, _options, events);
            var runs = new Dictionary<string, EngineRuns>(StringComparer.Ordinal);
            foreach (var query in runnable)
                runs[query.Name] = await EngineRunsAsync(query, runner, cancellationToken).ConfigureAwait(false);

            if (runnable.Length > 0)
            {
                events ??= await GenerateAsync(definitions, tables, cancellationToken).ConfigureAwait(false);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                Note("loading the events into DuckDB ...");
                duckdb = DuckDbBaseline.Load(events, _options.Parallelism);
                Note($"loaded in {clock.Elapsed.TotalSeconds:F1} s");
            }
            table?.Header(_options);
            var reports = new List<QueryReport>();
            foreach (var query in queries)
            {
                var report = refusals.TryGetValue(query.Name, out var reason)
                    ? Report(query, RunStatus.Unsupported, reason, null, CheckOutcome.None, null, Array.Empty<(BaselineResult, bool)>())
                    : CheckAndCompare(query, runs[query.Name], events!, duckdb!);
                reports.Add(report);
                ClearProgress();
                table?.Row(report);
                json?.Row(report);
            }
            Reports = reports;
            table?.Baselines(reports);
            table?.Summary(reports);
            if (_options.ChartPath is { } chart)
            {
                var title = $"Nexmark, {Units.Count(_options.Events)} events, {_options.Source.ToString().ToLowerInvariant()} source, parallelism {_options.Parallelism}";
                await File.WriteAllTextAsync(chart, SvgChart.Render(reports, title), cancellationToken).ConfigureAwait(false);
                Note($"chart written to {chart}");
            }
            return reports.Any(r => r.Status == RunStatus.Failed || r.Check == CheckOutcome.Failed) ? 1 : 0;
        }
        finally
        {
            duckdb?.Dispose();
        }
    }

    private async Task<NexmarkEvents> GenerateAsync(IReadOnlyDictionary<string, CatalogTable> definitions, string[] tables, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Note($"generating {Units.Count(_options.Events)} events ({string.Join(", ", tables)}) into memory ...");
        var events = await NexmarkEvents.GenerateAsync(definitions, tables, _options.Events, 4096, cancellationToken).ConfigureAwait(false);
        Note($"generated in {clock.Elapsed.TotalSeconds:F1} s");
        return events;
    }

    /// <summary>A query's run that fingerprints its result (which also warms the JIT up for the timed runs, as a
    /// long-running job would be), then its timed runs (the first that does not end well ends them).</summary>
    private async Task<EngineRuns> EngineRunsAsync(NexmarkQuery query, EngineRunner runner, CancellationToken cancellationToken)
    {
        long expectedRows = query.Tables.Sum(t => NexmarkEvents.ExpectedRows(t, _options.Events));
        var check = await runner.RunAsync(query, check: true, (rows, elapsed) => Progress(query.Name, "checking", rows, expectedRows, elapsed), cancellationToken).ConfigureAwait(false);
        string? profile = _options.ProfileDirectory is { } dir ? Path.Combine(Directory.CreateDirectory(dir).FullName, query.Name + ".nettrace") : null;
        var rounds = new List<EngineRunResult>();
        for (int round = 0; check.Status == RunStatus.Ok && round < Math.Max(1, _options.Rounds); round++)
        {
            // The garbage of the previous run is not this run's work.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            string phase = _options.Rounds > 1 ? $"timed run {round + 1}/{_options.Rounds}" : "timed run";
            var run = await runner.RunAsync(query, check: false, (rows, elapsed) => Progress(query.Name, phase, rows, expectedRows, elapsed),
                cancellationToken, round == 0 ? profile : null).ConfigureAwait(false);
            rounds.Add(run);
            if (run.Status != RunStatus.Ok) break;
        }
        ClearProgress();
        return new EngineRuns(check, rounds);
    }

    private sealed record EngineRuns(EngineRunResult Check, IReadOnlyList<EngineRunResult> Timed);

    /// <summary>The report of a query whose engine runs are done: their result against DuckDB's, then the baselines.</summary>
    private QueryReport CheckAndCompare(NexmarkQuery query, EngineRuns runs, NexmarkEvents events, DuckDbBaseline duckdb)
    {
        BaselineResult? reference = null;
        if (query.DuckDbSql is { } duckSql)
        {
            Progress($"{query.Name}: DuckDB");
            reference = duckdb.Run(duckSql);
        }

        var check = runs.Check;
        if (check.Status != RunStatus.Ok)
            return Report(query, check.Status, check.Message, null, CheckOutcome.None, null, Array.Empty<(BaselineResult, bool)>());
        CheckOutcome outcome;
        string? detail = null;
        if (reference is null)
        {
            outcome = CheckOutcome.Unchecked;
            detail = "no batch query computes the same result";
        }
        else if (check.Fingerprint == reference.Fingerprint)
        {
            outcome = CheckOutcome.Passed;
        }
        else
        {
            outcome = CheckOutcome.Failed;
            detail = $"the engine committed {check.Fingerprint}, DuckDB computed {reference.Fingerprint}";
        }

        var baselines = new List<(BaselineResult, bool)>();
        if (reference is not null) baselines.Add((reference, true));
        if (outcome == CheckOutcome.Failed)
            return Report(query, RunStatus.Ok, null, check, outcome, detail, baselines);

        var rounds = runs.Timed;
        foreach (var run in rounds)
        {
            if (run.Status != RunStatus.Ok)
                return Report(query, run.Status, run.Message, null, CheckOutcome.None, null, baselines);
            // An unchecked query's rows depend on the wall clock (q12's processing-time windows fire only while a run
            // lasts 10 s), so its runs may differ in rows without being wrong.
            if (reference is not null && run.Rows != check.Fingerprint.Rows)
                return Report(query, RunStatus.Ok, null, run, CheckOutcome.Failed,
                    $"a timed run committed {Units.Count(run.Rows)} rows, the checked run {Units.Count(check.Fingerprint.Rows)}", baselines);
        }
        var timed = rounds.OrderBy(r => r.Cpu).ElementAt(rounds.Count / 2);

        if (!_options.NoBaselines && query.Tables.Count == 1 && query.Tables[0] == "bid")
        {
            var bids = events.Batches("bid");
            var expected = reference?.Fingerprint ?? check.Fingerprint;
            if (HandWrittenQueries.Supports(query.Name))
            {
                Progress($"{query.Name}: hand-written baseline");
                var result = HandWrittenQueries.Run(query.Name, bids, _options.Parallelism);
                baselines.Add((result, result.Fingerprint == expected));
            }
            if (RxQueries.Supports(query.Name))
            {
                Progress($"{query.Name}: Rx.NET baseline");
                var result = RxQueries.Run(query.Name, bids);
                baselines.Add((result, result.Fingerprint == expected));
            }
        }
        return Report(query, RunStatus.Ok, null, timed, outcome, detail, baselines);
    }

    private QueryReport Report(NexmarkQuery query, RunStatus status, string? reason, EngineRunResult? timed, CheckOutcome check, string? detail,
        IReadOnlyList<(BaselineResult, bool)> baselines) =>
        new(query.Name, query.Needs, status, reason, _options.Events, _options.Source, _options.Parallelism, timed, check, detail, baselines);

    /// <summary>Plans the query without running it (its INSERT as EXPLAIN): the engine's reason to refuse it, or null.</summary>
    private static async Task<string?> PlanAsync(EngineRunner runner, NexmarkQuery query, CancellationToken cancellationToken)
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        await env.ExecuteScriptAsync(runner.Ddl, "ddl.sql", cancellationToken: cancellationToken).ConfigureAwait(false);
        var explain = InsertStatement().Replace(query.Sql, "EXPLAIN INSERT INTO");
        explain = explain.Replace("${NEXMARK_DIR}", Path.GetTempPath().TrimEnd('/'), StringComparison.Ordinal);
        try
        {
            await env.ExecuteScriptAsync(explain, query.Name + ".sql", cancellationToken: cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (StreamSqlException e)
        {
            return EngineRunner.ReasonOf(e.Message);
        }
    }

    [GeneratedRegex(@"(?im)^\s*INSERT\s+INTO")]
    private static partial Regex InsertStatement();

    private static async Task<IReadOnlyDictionary<string, CatalogTable>> DefinitionsAsync(string ddl, CancellationToken cancellationToken)
    {
        await using var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = TextWriter.Null });
        await env.ExecuteScriptAsync(ddl, "ddl.sql", cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<string, CatalogTable>(StringComparer.Ordinal);
        foreach (var name in new[] { "bid", "auction", "person" })
            result[name] = env.Catalog.FindTable(name) ?? throw new InvalidOperationException($"ddl.sql declares no table '{name}'");
        return result;
    }

    private void Note(string message)
    {
        ClearProgress();
        lock (_notes)
        {
            _notes.WriteLine(message);
            _notes.Flush();
        }
    }

    private void Progress(string query, string phase, long rows, long expected, TimeSpan elapsed)
    {
        double percent = expected > 0 ? Math.Min(100.0, 100.0 * rows / expected) : 0;
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{query}: {phase} {percent,5:F1}%  {Units.Count(rows)} of {Units.Count(expected)} rows read  {elapsed.TotalSeconds:F1} s"));
    }

    private void Progress(string text)
    {
        if (_progress is null) return;
        lock (_progress)
        {
            _progress.Write("\r\u001b[K" + text);
            _progress.Flush();
        }
    }

    private void ClearProgress()
    {
        if (_progress is null) return;
        lock (_progress)
        {
            _progress.Write("\r\u001b[K");
            _progress.Flush();
        }
    }
}
