using StreamSql.Execution.Connectors;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql;

/// <summary>
/// A StreamSql session in an application: settings, tables, and the jobs it started. Run Flink-dialect SQL with
/// <see cref="ExecuteSql"/> (one statement), <see cref="ExecuteScriptAsync"/> (a script) or <see cref="Query"/> (a SELECT
/// whose rows you read). INSERTs run as detached jobs in this process; dispose the environment to stop them.
/// </summary>
/// <example>
/// <code>
/// await using var env = StreamSqlEnvironment.Create();
/// env.ExecuteSql("CREATE TABLE t (x INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
/// await using var result = env.Query("SELECT x FROM t WHERE x > 0");
/// await foreach (var row in result.ReadRowsAsync()) Console.WriteLine(row);
/// </code>
/// </example>
public sealed class StreamSqlEnvironment : IAsyncDisposable
{
    private readonly SessionSettings _settings;
    private readonly JobRegistry _jobs = new();
    private readonly StatementExecutor _executor;
    private readonly TimeSpan _stopTimeout;
    private int _disposed;

    private StreamSqlEnvironment(StreamSqlOptions options)
    {
        Connectors = SessionConnectors.Create(options.Connectors);
        Catalog = new TableCatalog();
        Planner = new SqlPlanner(Catalog, Connectors, SessionConnectors.CreateConstantEvaluator());
        Runner = new JobRunner(Connectors, options.Clock, options.Output ?? Console.Out);
        _settings = new SessionSettings(new Configuration(new Dictionary<string, string>(options.Settings, StringComparer.Ordinal)), SessionOptions.Declared);
        _stopTimeout = options.StopTimeout;
        RestoreFromLatestCheckpoint = options.RestoreFromLatestCheckpoint;
        _executor = new StatementExecutor(this);
    }

    /// <summary>Creates a session with the built-in connectors plus <paramref name="options"/>' extra ones.</summary>
    /// <exception cref="StreamSqlException">An initial setting has an invalid value.</exception>
    public static StreamSqlEnvironment Create(StreamSqlOptions? options = null)
    {
        options ??= new StreamSqlOptions();
        foreach (var (key, value) in options.Settings)
        {
            var option = SessionOptions.Find(key);
            var problem = option?.Validate(value);
            if (problem is not null) throw new StreamSqlException($"Invalid value '{value}' for setting '{key}': {problem}");
        }
        return new StreamSqlEnvironment(options);
    }

    /// <summary>The session's current settings (a new immutable instance after every SET/RESET).</summary>
    public Configuration Configuration => _settings.Current;

    /// <summary>The session's tables and views.</summary>
    public TableCatalog Catalog { get; }

    /// <summary>Registers <paramref name="functionClass"/>, a class with public <c>Eval</c> methods, as a temporary system
    /// function: SQL calls it by <paramref name="name"/>, before a built-in function of the same name (Flink's
    /// <c>createTemporarySystemFunction</c>). Each subtask makes its own instance with the parameterless constructor.</summary>
    /// <exception cref="ArgumentException">The class has no usable <c>Eval</c> method, or the name is taken.</exception>
    public void CreateTemporarySystemFunction(string name, Type functionClass) =>
        Catalog.Functions.Register(name, functionClass, instance: null, temporary: true, system: true);

    /// <summary>Registers an instance of a class with public <c>Eval</c> methods as a temporary system function; every
    /// subtask calls this one instance, so its <c>Eval</c> must be safe to call from several threads.</summary>
    /// <exception cref="ArgumentException">The class has no usable <c>Eval</c> method, or the name is taken.</exception>
    public void CreateTemporarySystemFunction(string name, object function) =>
        Catalog.Functions.Register(name, function.GetType(), function, temporary: true, system: true);

    /// <summary>Registers <paramref name="functionClass"/> as a temporary catalog function (Flink's
    /// <c>createTemporaryFunction</c>): a built-in function of the same name is found first.</summary>
    /// <exception cref="ArgumentException">The class has no usable <c>Eval</c> method, or the name is taken.</exception>
    public void CreateTemporaryFunction(string name, Type functionClass) =>
        Catalog.Functions.Register(name, functionClass, instance: null, temporary: true, system: false);

    /// <summary>Removes a temporary system function; false when there was none of that name.</summary>
    public bool DropTemporarySystemFunction(string name) => Catalog.Functions.Remove(name, system: true);

    /// <summary>The connectors tables can use, by <c>'connector'</c> identifier.</summary>
    public ConnectorRegistry Connectors { get; }

    /// <summary>The planner (catalog statements, queries and INSERTs to job graphs).</summary>
    public SqlPlanner Planner { get; }

    /// <summary>Runs the session's jobs in this process.</summary>
    public JobRunner Runner { get; }

    /// <summary>Every job this session started, in start order.</summary>
    public IReadOnlyList<JobClient> Jobs => _jobs.Snapshot();

    internal SessionSettings Settings => _settings;
    internal JobRegistry JobRegistry => _jobs;

    /// <summary>The other engines' jobs that STOP JOB and SAVEPOINT reach when the job is not this session's; set when a
    /// control endpoint is attached (the shell), null in embedded use.</summary>
    internal Control.OtherEngineJobs? OtherEngines { get; set; }
    internal TimeSpan StopTimeout => _stopTimeout;

    /// <summary>Raised as soon as a statement has something to tell before its result is ready — where an INSERT job
    /// restores its state from, or why it starts empty — so a client can show it before a <c>table.dml-sync</c> job's
    /// output. The same notices are in <see cref="JobSubmittedResult.Notices"/>.</summary>
    public event Action<StatementNotice>? NoticeRaised;

    internal void RaiseNotice(StatementNotice notice) => NoticeRaised?.Invoke(notice);

    /// <summary>Whether INSERT jobs restore from their latest checkpoint by default (<see cref="StreamSqlOptions.RestoreFromLatestCheckpoint"/>).</summary>
    public bool RestoreFromLatestCheckpoint { get; }

    /// <summary>Executes one statement (a trailing <c>;</c> is allowed) and returns what it produced. INSERTs return
    /// once their job is submitted (or finished, with <c>table.dml-sync</c>); a SELECT returns a running <see cref="QueryResult"/>.</summary>
    /// <exception cref="StreamSqlException">The statement is invalid or failed; the message says what and where.</exception>
    public StatementResult ExecuteSql(string sql) => ExecuteSqlAsync(sql).GetAwaiter().GetResult();

    /// <inheritdoc cref="ExecuteSql"/>
    public Task<StatementResult> ExecuteSqlAsync(string sql, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _executor.ExecuteAsync(StatementOrigin.ForStatement(sql), cancellationToken);
    }

    /// <summary>Starts a SELECT and returns its running result.</summary>
    /// <exception cref="StreamSqlException">The text is not a query, or it is invalid.</exception>
    public QueryResult Query(string select) => QueryAsync(select).GetAwaiter().GetResult();

    /// <inheritdoc cref="Query"/>
    public async Task<QueryResult> QueryAsync(string select, CancellationToken cancellationToken = default)
    {
        var result = await ExecuteSqlAsync(select, cancellationToken).ConfigureAwait(false);
        if (result is QueryResult query) return query;
        throw new StreamSqlException($"Query expects a SELECT statement, but got: {Abbreviate(select)}");
    }

    /// <summary>
    /// Runs a script's statements in order and stops at the first one that fails. Each result is handed to
    /// <paramref name="onResult"/> before the next statement runs (the shell prints it there; a query's rows can be read
    /// to the end there). Without <paramref name="onResult"/>, query results are returned still running.
    /// </summary>
    /// <param name="script">Statements separated by <c>;</c>.</param>
    /// <param name="sourceName">The script's name (a file) for error positions: <c>Error at job.sql:3:15: ...</c>.</param>
    /// <param name="onResult">Called with each statement's result before the next statement runs.</param>
    /// <param name="cancellationToken">Stops the script between statements (and whatever <paramref name="onResult"/> awaits).</param>
    /// <exception cref="StreamSqlException">The first failing statement's error, located in the script.</exception>
    public async Task<IReadOnlyList<StatementResult>> ExecuteScriptAsync(string script, string? sourceName = null,
        Func<StatementResult, CancellationToken, ValueTask>? onResult = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var results = new List<StatementResult>();
        foreach (var chunk in SqlStatementSplitter.SplitScript(script))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var origin = new StatementOrigin(script, sourceName, chunk, LocateAllErrors: true);
            var result = await _executor.ExecuteAsync(origin, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            if (onResult is not null)
            {
                try
                {
                    await onResult(result, cancellationToken).ConfigureAwait(false);
                }
                catch (StreamSqlException e)
                {
                    throw StatementErrors.Translate(e, origin);
                }
            }
        }
        return results;
    }

    /// <summary>Runs one statement located in a larger text (the shell's buffer or script), so errors point into it.</summary>
    public Task<StatementResult> ExecuteStatementAsync(string script, string? sourceName, SqlStatementChunk statement,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _executor.ExecuteAsync(new StatementOrigin(script, sourceName, statement, LocateAllErrors: sourceName is not null), cancellationToken);
    }

    /// <summary>Waits until every INSERT job this session started has ended; returns those that failed.</summary>
    public async Task<IReadOnlyList<JobClient>> WaitForJobsAsync(CancellationToken cancellationToken = default) =>
        await WaitForJobsAsync(boundedOnly: false, cancellationToken).ConfigureAwait(false);

    /// <summary>As <see cref="WaitForJobsAsync(CancellationToken)"/>; with <paramref name="boundedOnly"/>, only for the jobs
    /// whose every input is bounded (those that end by themselves).</summary>
    public async Task<IReadOnlyList<JobClient>> WaitForJobsAsync(bool boundedOnly, CancellationToken cancellationToken = default)
    {
        var failed = new List<JobClient>();
        foreach (var job in _jobs.Snapshot())
        {
            if (job.Kind != "INSERT" || (boundedOnly && !job.InputsBounded)) continue;
            await job.Handle.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (job.Status == JobStatus.Failed) failed.Add(job);
        }
        return failed;
    }

    /// <summary>Cancels every running job of this session and waits (up to <paramref name="timeout"/>) for them to stop.</summary>
    public async Task CancelAllJobsAsync(TimeSpan? timeout = null)
    {
        var jobs = _jobs.Snapshot();
        foreach (var job in jobs)
            if (!job.IsTerminal) job.Handle.Cancel();
        var all = Task.WhenAll(jobs.Select(j => j.Handle.Completion));
        await Task.WhenAny(all, Task.Delay(timeout ?? _stopTimeout)).ConfigureAwait(false);
    }

    /// <summary>Stops every job of this session. They end SUSPENDED and keep their checkpoints, so a later run resumes them
    /// (<c>--from-latest-checkpoint</c>, <c>EXECUTE ... FROM LATEST CHECKPOINT</c>); <see cref="CancelAllJobsAsync"/> cancels.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        var jobs = _jobs.Snapshot();
        foreach (var job in jobs)
            if (!job.IsTerminal) job.Handle.Suspend();
        var all = Task.WhenAll(jobs.Select(j => j.Handle.Completion));
        await Task.WhenAny(all, Task.Delay(_stopTimeout)).ConfigureAwait(false);
        foreach (var job in jobs) job.StateClaim?.SessionEnded();
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0) throw new ObjectDisposedException(nameof(StreamSqlEnvironment));
    }

    internal static string Abbreviate(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 60 ? oneLine : oneLine[..57] + "...";
    }
}
