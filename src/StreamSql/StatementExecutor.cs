using System.Globalization;
using StreamSql.Execution;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql;

/// <summary>
/// Runs one statement for a session: session statements (SET, RESET, SHOW JOBS, STOP JOB, EXECUTE, client commands)
/// here; everything else through the planner, starting a job for queries and INSERTs.
/// </summary>
internal sealed class StatementExecutor
{
    private const string SavepointsNotSupported = "savepoints (the checkpoint issue)";
    private readonly StreamSqlEnvironment _env;

    public StatementExecutor(StreamSqlEnvironment env) => _env = env;

    public async Task<StatementResult> ExecuteAsync(StatementOrigin origin, CancellationToken cancellationToken)
    {
        try
        {
            var text = origin.Chunk.Text;
            if (string.IsNullOrWhiteSpace(text)) throw new StreamSqlException("The statement is empty.");
            var command = ClientCommandOf(text);
            if (command is not null) return new ClientCommandResult(text, command);
            var statement = SqlParser.ParseStatement(text, origin.SourceName);
            return await DispatchAsync(new ParsedStatement(statement, text), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw StatementErrors.Translate(e, origin);
        }
    }

    /// <summary>HELP, QUIT, EXIT and CLEAR are the client's, whatever the grammar says about them.</summary>
    internal static string? ClientCommandOf(string text)
    {
        var word = text.Trim().TrimEnd(';').Trim().ToUpperInvariant();
        return word is "HELP" or "QUIT" or "EXIT" or "CLEAR" ? word : null;
    }

    internal async Task<StatementResult> DispatchAsync(ParsedStatement parsed, CancellationToken cancellationToken)
    {
        var text = parsed.Text;
        switch (parsed.Statement)
        {
            case SetStatement { Key: null }:
                return ListSettings(text);
            case SetStatement set:
                _env.Settings.Set(set.Key, set.Value ?? "");
                // Flink 1.17+ (the SQL gateway) answers SET and RESET like any other statement.
                return new MessageResult(text, MessageResult.ExecuteStatementSucceed);
            case ResetStatement reset:
                _env.Settings.Reset(reset.Key);
                return new MessageResult(text, MessageResult.ExecuteStatementSucceed);
            case ShowStatement { Kind: ShowKind.Jobs }:
                return ShowJobs(text);
            case ShowStatement { Kind: ShowKind.Checkpoints }:
                throw new NotSupportedYetException("checkpoints (the checkpoint issue)");
            case StopJobStatement stop:
                return await StopJobAsync(text, stop, cancellationToken).ConfigureAwait(false);
            case ExecuteStatement { RestoreFrom: SavepointRestore }:
                throw new NotSupportedYetException("EXECUTE ... FROM SAVEPOINT: " + SavepointsNotSupported);
            case ExecuteStatement { RestoreFrom: LatestCheckpointRestore }:
                throw new NotSupportedYetException("EXECUTE ... FROM LATEST CHECKPOINT: checkpoints (the checkpoint issue)");
            case ExecuteStatement execute:
                return await DispatchAsync(new ParsedStatement(execute.Inner, text), cancellationToken).ConfigureAwait(false);
            case TriggerSavepointStatement or DescribeSavepointStatement:
                throw new NotSupportedYetException(SavepointsNotSupported);
            case ClientCommandStatement client:
                return new ClientCommandResult(text, client.Command.ToUpperInvariant());
        }

        if (_env.Settings.Current.GetRaw("execution.savepoint.path") is { Length: > 0 } || _env.Settings.Current.GetRaw("execution.state-recovery.path") is { Length: > 0 })
        {
            if (parsed.Statement is InsertStatement or StatementSetStatement)
                throw new NotSupportedYetException("restoring from 'execution.savepoint.path': " + SavepointsNotSupported);
        }

        var plan = _env.Planner.Plan(parsed, _env.Settings.Current);
        switch (plan)
        {
            case CatalogChanged:
                return new MessageResult(text, MessageResult.ExecuteStatementSucceed);
            case Sql.Planner.TableResult table:
                return new TableTextResult(text, table.ColumnNames, table.Rows);
            case Sql.Planner.ExplainResult explain:
                return new ExplainTextResult(text, explain.Text);
            case QueryPlan query:
                {
                    var job = StartJob(query.Job, "SELECT", Array.Empty<string>());
                    var results = job.Handle.Results
                        ?? throw new StreamSqlException("The query's job has no result stream (the plan has no collect sink).");
                    return new QueryResult(text, job, query.ResultSchema, query.Changelog, results);
                }
            case InsertPlan insert:
                {
                    var job = StartJob(insert.Job, "INSERT", insert.TargetTables);
                    int blockStatements = StatementSetBlockSize(parsed);
                    if (!_env.Settings.Current.Get(CoreOptions.DmlSync))
                        return new JobSubmittedResult(text, job, false) { StatementSetBlockStatements = blockStatements };
                    await job.WaitAsync(cancellationToken).ConfigureAwait(false);
                    return new JobSubmittedResult(text, job, true) { StatementSetBlockStatements = blockStatements };
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
        return parsed.Text.TrimStart().StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase) ? 1 + set.Inserts.Count : 0;
    }

    private JobClient StartJob(JobGraph graph, string kind, IReadOnlyList<string> targets)
    {
        var name = _env.Settings.Current.Get(CoreOptions.PipelineName);
        if (!string.IsNullOrEmpty(name)) graph = graph with { Name = name };
        else if (string.IsNullOrEmpty(graph.Name))
            graph = graph with { Name = kind == "SELECT" ? "collect" : "insert-into_" + string.Join(",", targets) };
        var handle = _env.Runner.Start(graph, JobRegistry.NewJobId());
        var job = new JobClient(handle, kind);
        _env.JobRegistry.Add(job);
        return job;
    }

    private TableTextResult ListSettings(string text)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var (key, value) in _env.Settings.List()) rows.Add(new string?[] { key, value });
        return new TableTextResult(text, new[] { "key", "value" }, rows);
    }

    private TableTextResult ShowJobs(string text)
    {
        TimeZoneInfo zone;
        try
        {
            zone = SessionTimeZone.Resolve(_env.Settings.Current);
        }
        catch (ArgumentException)
        {
            zone = TimeZoneInfo.Local;
        }
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var job in _env.JobRegistry.Snapshot())
            rows.Add(new string?[] { job.Id, job.Name, StatusName(job.Status), FormatStartTime(job.StartTime, zone) });
        return new TableTextResult(text, new[] { "job id", "job name", "status", "start time" }, rows);
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

    private async Task<StatementResult> StopJobAsync(string text, StopJobStatement stop, CancellationToken cancellationToken)
    {
        var job = _env.JobRegistry.Find(stop.JobId);
        if (stop.WithSavepoint) throw new NotSupportedYetException("STOP JOB ... WITH SAVEPOINT: " + SavepointsNotSupported);
        if (job.IsTerminal)
            throw new StreamSqlException($"Job '{job.Id}' has already ended ({StatusName(job.Status)}); there is nothing to stop.");
        job.Handle.Cancel();
        var ended = await Task.WhenAny(job.Handle.Completion, Task.Delay(_env.StopTimeout, cancellationToken)).ConfigureAwait(false);
        if (ended != job.Handle.Completion)
            throw new StreamSqlException($"Job '{job.Id}' was asked to stop but has not stopped within {_env.StopTimeout.TotalSeconds:0} s; it is {StatusName(job.Status)}.");
        return new MessageResult(text, MessageResult.ExecuteStatementSucceed);
    }
}
