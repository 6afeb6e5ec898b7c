using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace StreamSql.Control;

/// <summary>
/// A session's control endpoint: a small REST API on loopback (Flink's paths: <c>/jobs/overview</c>,
/// <c>/jobs/:jobid/stop</c>, ...) through which another process lists, stops, cancels and savepoints the session's
/// jobs, plus this engine's discovery file so <c>streamsql jobs</c> finds it without a port.
/// It starts in the background when the session starts its first job (a session that runs no job never opens a port),
/// and stops, deleting the discovery file, when disposed.
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
    /// <summary>How long an exiting engine waits for a client to collect the result of a savepoint it triggered.</summary>
    private static readonly TimeSpan ResultPickupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long after the first job the endpoint starts by default: a short script's jobs end sooner and never
    /// pay for Kestrel's start-up (about 0.1 s of CPU, JIT mostly).</summary>
    public static readonly TimeSpan DefaultStartDelay = TimeSpan.FromMilliseconds(300);

    private readonly StreamSqlEnvironment _env;
    private readonly EngineDiscovery? _discovery;
    private readonly Action<string> _warn;
    private readonly ControlApi _api;
    private readonly TaskCompletionSource<Uri?> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly TimeSpan _startDelay;
    private Task? _starting;
    private WebApplication? _app;
    private string? _discoveryFile;
    private bool _disposed;

    private ControlEndpoint(StreamSqlEnvironment env, EngineDiscovery? discovery, Action<string>? warn, TimeProvider? time, TimeSpan startDelay)
    {
        _startDelay = startDelay;
        _env = env;
        _discovery = discovery;
        _warn = warn ?? (_ => { });
        _api = new ControlApi(env, time ?? TimeProvider.System);
    }

    /// <summary>
    /// Serves <paramref name="env"/>'s jobs from its first job on (at once if it already has jobs). Settings come from the
    /// session's <see cref="RestOptions"/> when it starts.
    /// </summary>
    /// <param name="env">The session whose jobs the endpoint controls.</param>
    /// <param name="discovery">Where to write the discovery file; the current user's directory when null.</param>
    /// <param name="warn">Told when the endpoint cannot start (the jobs run on without it).</param>
    /// <param name="time">The clock for job durations; the system clock when null.</param>
    /// <param name="startDelay">How long after the first job to start; <see cref="DefaultStartDelay"/> when null.</param>
    public static ControlEndpoint Attach(StreamSqlEnvironment env, EngineDiscovery? discovery = null, Action<string>? warn = null, TimeProvider? time = null,
        TimeSpan? startDelay = null)
    {
        var endpoint = new ControlEndpoint(env, discovery ?? EngineDiscovery.ForCurrentUser(), warn, time, startDelay ?? DefaultStartDelay);
        env.JobRegistry.Added += endpoint.OnJobAdded;
        if (env.JobRegistry.Snapshot().Count > 0) endpoint.Start();
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

    /// <summary>Starts the endpoint now (in the background) instead of at the first job.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_starting is not null || _disposed) return;
            // Kestrel's start-up (JIT, socket setup) must not delay the script: run it off the caller's thread.
            _starting = Task.Run(StartCoreAsync);
        }
    }

    private void OnJobAdded(JobClient job) => Start();

    private async Task StartCoreAsync()
    {
        try
        {
            if (_startDelay > TimeSpan.Zero) await Task.Delay(_startDelay, _disposing.Token).ConfigureAwait(false);
            var settings = ControlEndpointSettings.From(_env.Configuration);
            var app = await ListenAsync(settings).ConfigureAwait(false);
            var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            string? file = null;
            if (_discovery is not null)
            {
                try
                {
                    file = _discovery.Register(new EngineRecord(Environment.ProcessId, url.ToString(),
                        DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), EngineDiscovery.CurrentProcessStartTime(), ControlApi.Version));
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
                    _app = app;
                    _discoveryFile = file;
                }
            }
            if (disposedMeanwhile)
            {
                if (file is not null) EngineDiscovery.TryDelete(file);
                await app.DisposeAsync().ConfigureAwait(false);
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

    private async Task<WebApplication> ListenAsync(ControlEndpointSettings settings)
    {
        foreach (var port in settings.Ports)
        {
            if (port != 0 && !IsFree(settings.Address, port)) continue;
            var app = Build(settings.Address, port);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
                return app;
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                await app.DisposeAsync().ConfigureAwait(false); // taken between the probe and the bind
            }
        }
        throw new ControlEndpointException(
            $"The control endpoint could not start: no free port in '{settings.PortsText}' (rest.bind-port) on {settings.Address}. The jobs run on, but other processes cannot reach them.");
    }

    private WebApplication Build(IPAddress address, int port)
    {
        // The empty builder reads no configuration files or environment variables (ASPNETCORE_URLS cannot move the
        // endpoint) and registers no console lifetime (the shell keeps its own Ctrl-C and SIGTERM handling).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "streamsql", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();
        _api.Map(app);
        return app;
    }

    private static bool IsFree(IPAddress address, int port)
    {
        try
        {
            var probe = new TcpListener(address, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Stops the endpoint and deletes the discovery file. If a client triggered a savepoint whose result it has
    /// not read yet (a stop with savepoint ends the script), waits up to a few seconds for it.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? starting;
        lock (_lock)
        {
            if (_disposed) return;
            starting = _starting;
        }
        // While starting, the endpoint does not wait: the start-up sees the flag and shuts itself down.
        if (starting is { IsCompleted: true }) await _api.Savepoints.WaitUntilResultsReadAsync(ResultPickupTimeout).ConfigureAwait(false);
        WebApplication? app;
        string? file;
        lock (_lock)
        {
            _disposed = true;
            app = _app;
            file = _discoveryFile;
            _app = null;
            _discoveryFile = null;
        }
        _disposing.Cancel();
        _env.JobRegistry.Added -= OnJobAdded;
        _api.Detach();
        if (file is not null) EngineDiscovery.TryDelete(file);
        _started.TrySetResult(null);
        if (app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts and stops with the endpoint; ignores the process's signals (the host application owns them).</summary>
    private sealed class PassiveHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The endpoint cannot start; the message says why and what to change.</summary>
public sealed class ControlEndpointException : Exception
{
    public ControlEndpointException(string message) : base(message) { }
}
