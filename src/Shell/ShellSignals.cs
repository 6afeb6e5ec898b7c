using System.Runtime.InteropServices;

namespace StreamSql.Shell;

/// <summary>
/// Ctrl-C and SIGTERM for the shell. Interactive: Ctrl-C cancels the current scope (the running query, or the line
/// being typed) and the shell goes on. Script mode (<c>-f</c>): Ctrl-C shuts down (exit 130). SIGTERM always shuts down
/// (exit 143). Shutting down cancels <see cref="Shutdown"/>; the shell then stops its jobs cleanly.
/// </summary>
internal sealed class ShellSignals : IDisposable
{
    public const int InterruptedExitCode = 130;
    public const int TerminatedExitCode = 143;

    private readonly bool _scriptMode;
    private readonly List<PosixSignalRegistration> _registrations = new();
    private readonly CancellationTokenSource _shutdown = new();
    private CancellationTokenSource? _scope;
    private int _exitCode;

    public ShellSignals(bool scriptMode) => _scriptMode = scriptMode;

    public CancellationToken Shutdown => _shutdown.Token;

    /// <summary>The exit code a signal asked for, or null when none arrived.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code && code != 0 ? code : null;

    public void Register()
    {
        try
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt));
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate));
        }
        catch (PlatformNotSupportedException)
        {
            // No signal handling on this platform: Ctrl-C ends the process the default way.
        }
    }

    /// <summary>Starts a scope that Ctrl-C cancels (interactive mode); dispose it when the statement or line is done.</summary>
    public Scope BeginScope()
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        Volatile.Write(ref _scope, cts);
        return new Scope(this, cts);
    }

    public void RequestShutdown(int exitCode)
    {
        Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
        _shutdown.Cancel();
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_scriptMode)
        {
            RequestShutdown(InterruptedExitCode);
            return;
        }
        try
        {
            Volatile.Read(ref _scope)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        RequestShutdown(TerminatedExitCode);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _registrations.Clear();
    }

    /// <summary>A cancellable stretch of work: a query being shown, a line being read.</summary>
    public sealed class Scope : IDisposable
    {
        private readonly ShellSignals _owner;
        private readonly CancellationTokenSource _cts;

        internal Scope(ShellSignals owner, CancellationTokenSource cts)
        {
            _owner = owner;
            _cts = cts;
        }

        public CancellationToken Token => _cts.Token;

        public void Dispose()
        {
            Interlocked.CompareExchange(ref _owner._scope, null, _cts);
            _cts.Dispose();
        }
    }
}
