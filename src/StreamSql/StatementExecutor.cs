using System.Globalization;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql;

/// <summary>
/// Runs one statement for a session: session statements (SET, RESET, EXECUTE, client commands) here, job control
/// (SHOW JOBS, STOP JOB, SAVEPOINT, SHOW CHECKPOINTS, DESCRIBE SAVEPOINT) in <see cref="JobControlStatements"/>;
/// everything else through the planner, starting a job for queries and INSERTs (restored as the statement and session say).
/// </summary>
internal sealed class StatementExecutor
{
    private readonly StreamSqlEnvironment _env;
    private readonly JobControlStatements _jobs;

    public StatementExecutor(StreamSqlEnvironment env)
    {
        _env = env;
        _jobs = new JobControlStatements(env);
    }

    public async Task<StatementResult> ExecuteAsync(StatementOrigin origin, CancellationToken cancellationToken)
    {
        try
        {
            var text = origin.Chunk.Text;
            if (string.IsNullOrWhiteSpace(text)) throw new StreamSqlException("The statement is empty.");
            var command = ClientCommandOf(text);
            if (command is not null) return new ClientCommandResult(text, command);
            if (origin.Chunk.Rejection is { } rejection) throw new StreamSqlException(rejection);
            // A statement set's END is read with its BEGIN (SqlStatementSplitter); one alone ends nothing.
            if (text.Trim().Equals("END", StringComparison.OrdinalIgnoreCase))
                throw new StreamSqlException("No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.");
            var statement = SqlParser.ParseStatement(text, origin.SourceName);
            var result = await DispatchAsync(new ParsedStatement(statement, text), cancellationToken).ConfigureAwait(false);
            if (origin.LocateAllErrors && result is JobSubmittedResult submitted) submitted.Job.Origin = origin;
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            if (e is JobFailedException failed && _env.JobRegistry.Has(failed.JobId)) _env.JobRegistry.Find(failed.JobId).FailureReported = true;
            throw StatementErrors.Translate(e, origin);
        }
    }

    /// <summary>HELP, QUIT, EXIT and CLEAR are the client's, whatever the grammar says about them.</summary>
    internal static string? ClientCommandOf(string text)
    {
        var word = text.Trim().TrimEnd(';').Trim().ToUpperInvariant();
        return word is "HELP" or "QUIT" or "EXIT" or "CLEAR" ? word : null;
    }

    internal async Task<StatementResult> DispatchAsync(ParsedStatement parsed, CancellationToken cancellationToken) =>
        await DispatchAsync(parsed, RestoreRequest.None, cancellationToken).ConfigureAwait(false);

    private async Task<StatementResult> DispatchAsync(ParsedStatement parsed, RestoreRequest restore, CancellationToken cancellationToken)
    {
        var text = parsed.Text;
        switch (parsed.Statement)
        {
            case SetStatement { Key: null }:
                return ListSettings(text);
            case SetStatement set:
                _env.Settings.Set(set.Key, set.Value ?? "");
                // Flink 1.17+ (the SQL gateway) answers SET and RESET like any other statement.
                return new MessageResult(text, MessageResult.ExecuteStatementSucceeded);
            case ResetStatement reset:
                _env.Settings.Reset(reset.Key);
                return new MessageResult(text, MessageResult.ExecuteStatementSucceeded);
            case ShowStatement { Kind: ShowKind.Jobs }:
                return await _jobs.ShowJobsAsync(text, cancellationToken).ConfigureAwait(false);
            case ShowStatement { Kind: ShowKind.Checkpoints } show:
                return _jobs.ShowCheckpoints(text, show);
            case StopJobStatement stop:
                return await _jobs.StopJobAsync(text, stop, cancellationToken).ConfigureAwait(false);
            case TriggerSavepointStatement trigger:
                return await _jobs.TriggerSavepointAsync(text, trigger, cancellationToken).ConfigureAwait(false);
            case DescribeSavepointStatement describe:
                return _jobs.DescribeSavepoint(text, describe);
            case ExecuteStatement execute:
                return await DispatchAsync(new ParsedStatement(execute.Inner, text),
                    new RestoreRequest(execute.RestoreFrom, execute.AllowNonRestoredState), cancellationToken).ConfigureAwait(false);
            case ClientCommandStatement client:
                return new ClientCommandResult(text, client.Command.ToUpperInvariant());
            case StatementSetStatement { Members.Count: 0 }:
                // Flink's client: BEGIN STATEMENT SET; then END; with nothing in between submits no job.
                return new MessageResult(text, MessageResult.ExecuteStatementSucceeded) { Statements = 2 };
        }

        var plan = _env.Planner.Plan(parsed, _env.Settings.Current);
        switch (plan)
        {
            case CatalogChanged changed:
                return new MessageResult(text, changed.Message);
            case Sql.Planner.TableResult table:
                return new TableTextResult(text, table.ColumnNames, table.Rows);
            case Sql.Planner.ExplainResult explain:
                return new ExplainTextResult(text, explain.Text);
            case QueryPlan query:
                {
                    var (job, _) = StartJob(query.Job, "SELECT", Array.Empty<string>(), restore: null);
                    var results = job.Handle.Results
                        ?? throw new StreamSqlException("The query's job has no result stream (the plan has no collect sink).");
                    return new QueryResult(text, job, query.ResultSchema, query.Changelog, results)
                    {
                        IsBatch = string.Equals(query.Job.Configuration.Get(CoreOptions.RuntimeMode), "batch", StringComparison.OrdinalIgnoreCase),
                    };
                }
            case InsertPlan insert:
                {
                    var (job, notices) = StartJob(insert.Job, "INSERT", insert.TargetTables, restore);
                    int blockStatements = StatementSetBlockSize(parsed);
                    if (!_env.Settings.Current.Get(CoreOptions.DmlSync))
                        return new JobSubmittedResult(text, job, false) { StatementSetBlockStatements = blockStatements, Notices = notices };
                    await job.WaitAsync(cancellationToken).ConfigureAwait(false);
                    return new JobSubmittedResult(text, job, true) { StatementSetBlockStatements = blockStatements, Notices = notices };
                }
            default:
                throw new StreamSqlException($"Unexpected plan for the statement: {plan.GetType().Name}");
        }
    }

    /// <summary>For <c>BEGIN STATEMENT SET; ...; END;</c>: the statements Flink's client would have answered one by one
    /// (BEGIN and each INSERT); 0 for anything else.</summary>
    private static int StatementSetBlockSize(ParsedStatement parsed)
    {
        if (parsed.Statement is not StatementSetStatement set) return 0;
        return parsed.Text.TrimStart().StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase) ? 1 + set.Members.Count : 0;
    }

    /// <summary>Starts the job under its name (<c>pipeline.name</c>, else Flink's default name). INSERTs and statement
    /// sets (<paramref name="restore"/> not null) restore their state as <see cref="JobRestoreResolver"/> decides.</summary>
    private (JobClient Job, IReadOnlyList<StatementNotice> Notices) StartJob(JobGraph graph, string kind, IReadOnlyList<string> targets, RestoreRequest? restore)
    {
        var configuration = _env.Settings.Current;
        var name = configuration.Get(CoreOptions.PipelineName);
        if (!string.IsNullOrEmpty(name)) graph = graph with { Name = name };
        else if (string.IsNullOrEmpty(graph.Name))
            graph = graph with { Name = kind == "SELECT" ? "collect" : "insert-into_" + string.Join(",", targets) };

        var claim = (restore?.Source is LatestCheckpointRestore ? EndedJobClaim(graph.Name) : null)
            ?? JobStateClaim.Acquire(graph.Configuration, graph.Name).HeldBySession();
        ResolvedRestore resolved;
        try
        {
            resolved = restore is null
                ? new ResolvedRestore(JobStartOptions.Fresh, Array.Empty<StatementNotice>())
                : JobRestoreResolver.Resolve(configuration, graph.Name, claim.StateName, restore, _env.RestoreFromLatestCheckpoint, _env.Connectors);
        }
        catch
        {
            claim.Dispose();
            throw;
        }
        var options = resolved.Options with { StateClaim = claim };
        foreach (var notice in resolved.Notices) _env.RaiseNotice(notice);
        JobHandle handle;
        try
        {
            // The runner owns the claim from here on, also when it refuses to start.
            handle = _env.Runner.Start(graph, JobRegistry.NewJobId(), options);
        }
        catch (Exception e) when (e is StateRestoreException or CheckpointFormatException
            || ((options.RestorePath is not null || options.RestoreFromLatestCheckpoint) && e is IOException or UnauthorizedAccessException))
        {
            var reason = JobFailures.Describe(e);
            // The runtime's mismatch report already starts "Cannot restore from savepoint <path>: ...".
            var from = options.RestorePath is null ? "its latest checkpoint" : $"'{options.RestorePath}'";
            throw new StreamSqlException(reason.StartsWith("Cannot restore", StringComparison.Ordinal)
                ? reason
                : $"Cannot restore job '{graph.Name}' from {from}: {reason}", e);
        }
        var notices = resolved.Notices;
        if (options.RestoreFromLatestCheckpoint)
        {
            var after = JobRestoreResolver.AfterStart(resolved, graph.Name, handle.RestoredFrom, handle.RestoreNotes);
            foreach (var notice in after) _env.RaiseNotice(notice);
            notices = notices.Concat(after).ToArray();
        }
        var savepointDirectory = graph.Configuration.Get(CheckpointingOptions.SavepointDirectory);
        var job = new JobClient(handle, kind, options.RestorePath, string.IsNullOrWhiteSpace(savepointDirectory) ? null : savepointDirectory)
        {
            InputsBounded = graph.Vertices.All(v => v.Chain.All(op => op is not SourceSpec { Bounded: false })),
            StateClaim = claim,
        };
        _env.JobRegistry.Add(job);
        return (job, notices);
    }

    /// <summary>The state name of this session's latest ended job called <paramref name="name"/>, taken over by a job that
    /// goes on from its checkpoints; null when there is none to take.</summary>
    private JobStateClaim? EndedJobClaim(string name)
    {
        var jobs = _env.JobRegistry.Snapshot();
        for (int i = jobs.Count - 1; i >= 0; i--)
            if (jobs[i].Name == name && jobs[i].IsTerminal && jobs[i].StateClaim?.TakeOver() is { } claim)
                return claim;
        return null;
    }

    private TableTextResult ListSettings(string text)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var (key, value) in _env.Settings.List()) rows.Add(new string?[] { key, value });
        return new TableTextResult(text, new[] { "key", "value" }, rows);
    }

    /// <summary>Flink's status names: <c>RUNNING</c>, <c>FINISHED</c>, <c>CANCELED</c>, ...</summary>
    internal static string StatusName(JobStatus status) => status.ToString().ToUpperInvariant();

    /// <summary>Like Java's <c>LocalDateTime.toString()</c> at millisecond precision: <c>2023-02-11T05:03:51.523</c>.</summary>
    internal static string FormatStartTime(DateTimeOffset start, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
        return local.Millisecond == 0
            ? local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }
}
