namespace StreamSql.Control;

/// <summary>
/// A session's control endpoint: a small REST API on loopback (Flink's paths: <c>/jobs/overview</c>,
/// <c>/jobs/:jobid/stop</c>, ...) through which another process lists, stops, cancels and savepoints the session's
/// jobs, plus this engine's discovery file so <c>streamsql jobs</c> finds it without a port.
/// It starts in the background shortly after the session starts its first job (a session that runs no job, or only
/// jobs that end within <see cref="DefaultStartDelay"/>, never opens a port or loads ASP.NET Core), and stops, deleting
/// the discovery file, when disposed.
/// </summary>
/// <example>
/// <code>
/// await using var env = StreamSqlEnvironment.Create();
/// await using var endpoint = ControlEndpoint.Attach(env);
/// env.ExecuteSql("INSERT INTO sink SELECT * FROM source");
/// Console.WriteLine(await endpoint.Started);   // http://127.0.0.1:8081/
/// </code>
/// </example>
public sealed class ControlEndpoint : IAsyncDisposable
{
    /// <summary>How long after the first job the endpoint starts by default: a short script's jobs end sooner and never
    /// pay for Kestrel's start-up (about 0.2 s of CPU, JIT mostly).</summary>
    public static readonly TimeSpan DefaultStartDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>How long an exiting engine waits for a client to collect the result of a savepoint it triggered.</summary>
    private static readonly TimeSpan ResultPickupTimeout = TimeSpan.FromSeconds(5);

    private readonly StreamSqlEnvironment _env;
    private readonly EngineDiscovery? _discovery;
    private readonly Action<string> _warn;
    private readonly TimeProvider _time;
    private readonly TimeSpan _startDelay;
    private readonly JobEndTimes _endTimes;
    private readonly SavepointOperations _savepoints = new();
    private readonly TaskCompletionSource<Uri?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _disposing = new();
    private readonly object _lock = new();
    private Task? _starting;
    private IAsyncDisposable? _server;
    private string? _discoveryFile;
    private bool _disposed;

    private ControlEndpoint(StreamSqlEnvironment env, EngineDiscovery? discovery, Action<string>? warn, TimeProvider time, TimeSpan startDelay)
    {
        _env = env;
        _discovery = discovery;
        _warn = warn ?? (_ => { });
        _time = time;
        _startDelay = startDelay;
        _endTimes = new JobEndTimes(time);
    }

    /// <summary>
    /// Serves <paramref name="env"/>'s jobs from its first job on (at once if it already has jobs). Settings come from the
    /// session's <see cref="RestOptions"/> at that moment (with <c>rest.enabled</c> = false it does not start).
    /// </summary>
    /// <param name="env">The session whose jobs the endpoint controls.</param>
    /// <param name="discovery">Where to write the discovery file; the current user's directory when null.</param>
    /// <param name="warn">Told when the endpoint cannot start (the jobs run on without it).</param>
    /// <param name="time">The clock for job times; the system clock when null.</param>
    /// <param name="startDelay">How long after the first job to start; <see cref="DefaultStartDelay"/> when null.</param>
    public static ControlEndpoint Attach(StreamSqlEnvironment env, EngineDiscovery? discovery = null, Action<string>? warn = null, TimeProvider? time = null,
        TimeSpan? startDelay = null)
    {
        discovery ??= EngineDiscovery.ForCurrentUser();
        var endpoint = new ControlEndpoint(env, discovery, warn, time ?? TimeProvider.System, startDelay ?? DefaultStartDelay);
        env.OtherEngines = new OtherEngineJobs(discovery);
        env.JobRegistry.Added += endpoint.OnJobAdded;
        var existing = env.JobRegistry.Snapshot();
        foreach (var job in existing) endpoint._endTimes.Track(job);
        if (existing.Count > 0) endpoint.Start();
        return endpoint;
    }

    /// <summary>Completes with the endpoint's base address once it listens; with null when it could not start or was disposed first.</summary>
    public Task<Uri?> Started => _started.Task;

    /// <summary>The base address once listening, else null.</summary>
    public Uri? Url => _started.Task.IsCompletedSuccessfully ? _started.Task.Result : null;

    /// <summary>This engine's discovery file while the endpoint runs, else null.</summary>
    public string? DiscoveryFile
    {
        get { lock (_lock) return _discoveryFile; }
    }

    /// <summary>Starts the endpoint now (in the background, after the start delay) instead of at the first job.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_starting is not null || _disposed) return;
            // Kestrel's start-up (JIT, socket setup) must not delay the script: run it off the caller's thread.
            _starting = Task.Run(StartCoreAsync);
        }
    }

    private void OnJobAdded(JobClient job)
    {
        _endTimes.Track(job);
        Start();
    }

    private async Task StartCoreAsync()
    {
        try
        {
            if (_startDelay > TimeSpan.Zero) await Task.Delay(_startDelay, _disposing.Token).ConfigureAwait(false);
            if (!_env.Configuration.Get(RestOptions.Enabled))
            {
                _started.TrySetResult(null);
                return;
            }
            var settings = ControlEndpointSettings.From(_env.Configuration);
            var server = await ControlServer.ListenAsync(settings, new ControlApi(_env, _time, _endTimes, _savepoints)).ConfigureAwait(false);
            var url = server.Url;
            string? file = null;
            if (_discovery is not null)
            {
                try
                {
                    file = _discovery.Register(new EngineRecord(Environment.ProcessId, url.ToString(),
                        _time.GetUtcNow().ToUnixTimeMilliseconds(), EngineDiscovery.CurrentProcessStartTime(), ControlApi.Version));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _warn($"The control endpoint listens on {url} but could not be registered for 'streamsql jobs' to find ({e.Message}); use --endpoint {url}.");
                }
            }
            bool disposedMeanwhile;
            lock (_lock)
            {
                disposedMeanwhile = _disposed;
                if (!disposedMeanwhile)
                {
                    _server = server;
                    _discoveryFile = file;
                }
            }
            if (disposedMeanwhile)
            {
                if (file is not null) EngineDiscovery.TryDelete(file);
                await server.DisposeAsync().ConfigureAwait(false);
                _started.TrySetResult(null);
                return;
            }
            _started.TrySetResult(url);
        }
        catch (OperationCanceledException) when (_disposing.IsCancellationRequested)
        {
            _started.TrySetResult(null);
        }
        catch (ControlEndpointException e)
        {
            _warn(e.Message);
            _started.TrySetResult(null);
        }
        catch (Exception e)
        {
            _warn("The control endpoint could not start: " + e.Message);
            _started.TrySetResult(null);
        }
    }

    /// <summary>Stops the endpoint and deletes the discovery file. If a client triggered a savepoint whose result it has
    /// not read yet (a stop with savepoint ends the script), waits up to a few seconds for it.</summary>
    public async ValueTask DisposeAsync()
    {
        bool listening;
        lock (_lock)
        {
            if (_disposed) return;
            listening = _server is not null;
        }
        if (listening) await _savepoints.WaitUntilResultsReadAsync(ResultPickupTimeout).ConfigureAwait(false);
        IAsyncDisposable? server;
        string? file;
        lock (_lock)
        {
            _disposed = true;
            server = _server;
            file = _discoveryFile;
            _server = null;
            _discoveryFile = null;
        }
        // A start-up still under way sees the flag (or the cancelled delay) and shuts itself down: no wait here.
        _disposing.Cancel();
        _env.JobRegistry.Added -= OnJobAdded;
        if (file is not null) EngineDiscovery.TryDelete(file);
        _started.TrySetResult(null);
        if (server is not null) await server.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The endpoint cannot start; the message says why and what to change.</summary>
public sealed class ControlEndpointException : Exception
{
    public ControlEndpointException(string message) : base(message) { }
}
