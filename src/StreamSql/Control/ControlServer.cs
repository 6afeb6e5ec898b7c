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
/// Kestrel serving a <see cref="ControlApi"/> on the first free candidate port. Kept apart from
/// <see cref="ControlEndpoint"/> so that a session that never starts a job never loads ASP.NET Core's assemblies.
/// </summary>
internal sealed class ControlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControlServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <exception cref="ControlEndpointException">No candidate port is free.</exception>
    public static async Task<ControlServer> ListenAsync(ControlEndpointSettings settings, ControlApi api)
    {
        foreach (var port in settings.Ports)
        {
            if (port != 0 && !IsFree(settings.Address, port)) continue;
            var app = Build(settings.Address, port, api);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                await app.DisposeAsync().ConfigureAwait(false); // taken between the probe and the bind
                continue;
            }
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new ControlServer(app, new Uri(address.TrimEnd('/') + "/"));
        }
        throw new ControlEndpointException(
            $"The control endpoint could not start: no free port in '{settings.PortsText}' (rest.bind-port) on {settings.Address}. The jobs run on, but other processes cannot reach them.");
    }

    private static WebApplication Build(IPAddress address, int port, ControlApi api)
    {
        // The empty builder reads no configuration files or environment variables (ASPNETCORE_URLS cannot move the
        // endpoint) and the passive lifetime leaves Ctrl-C and SIGTERM to the shell.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "streamsql", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        var app = builder.Build();
        bool loopbackOnly = IPAddress.IsLoopback(address);
        app.Use(async (http, next) =>
        {
            if (BrowserRequestGuard.Check(http.Request, loopbackOnly) is { } refusal)
            {
                await ControlApi.Error(http, 403, refusal).ConfigureAwait(false);
                return;
            }
            await next(http).ConfigureAwait(false);
        });
        api.Map(app);
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

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Starts and stops with the server; ignores the process's signals (the host application owns them).</summary>
    private sealed class PassiveHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
