using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamSql.Shell.Tests.Terminal;

/// <summary>
/// A child process on the slave side of a pseudo-terminal, the way a terminal emulator runs a shell: the child sees a real
/// terminal (isatty, termios, a controlling terminal, a window size), the test writes what a user types or pastes to the
/// master and reads what the child draws. Only libc is used (posix_openpt, posix_spawn), so no package is needed.
/// </summary>
internal sealed partial class PseudoTerminal : IAsyncDisposable
{
    private readonly int _master;
    private readonly int _pid;
    private readonly Thread _reader;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();
    private int? _exitStatus;

    public static bool IsSupported => OperatingSystem.IsLinux();

    private PseudoTerminal(int master, int pid)
    {
        _master = master;
        _pid = pid;
        _reader = new Thread(ReadOutput) { IsBackground = true, Name = "pty-reader" };
        _reader.Start();
    }

    /// <summary>Starts <paramref name="program"/> on a new terminal of the given size, with exactly the given environment.</summary>
    public static unsafe PseudoTerminal Start(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, ushort rows = 50, ushort columns = 200)
    {
        int master = LibC.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
        Check(master, "posix_openpt");
        try
        {
            Check(LibC.grantpt(master), "grantpt");
            Check(LibC.unlockpt(master), "unlockpt");
            var size = new LibC.WinSize { Rows = rows, Columns = columns };
            Check(LibC.ioctl(master, LibC.TIOCSWINSZ, ref size), "ioctl(TIOCSWINSZ)");
            var slavePath = stackalloc byte[256];
            int error = LibC.ptsname_r(master, slavePath, 256);
            if (error != 0) throw new IOException($"ptsname_r failed: errno {error}");
            int pid = Spawn(program, args, environment, slavePath);
            return new PseudoTerminal(master, pid);
        }
        catch
        {
            LibC.close(master);
            throw;
        }
    }

    /// <summary>posix_spawn in a new session whose stdin, stdout and stderr are the slave, opened after setsid so it becomes
    /// the child's controlling terminal (Ctrl-C and job control work as in a terminal emulator).</summary>
    private static unsafe int Spawn(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> environment, byte* slavePath)
    {
        var strings = new List<nint>();
        byte* Utf8(string s)
        {
            var p = Marshal.StringToCoTaskMemUTF8(s);
            strings.Add(p);
            return (byte*)p;
        }
        var actions = NativeMemory.AllocZeroed(LibC.SpawnFileActionsSize);
        var attributes = NativeMemory.AllocZeroed(LibC.SpawnAttrSize);
        var noSignals = NativeMemory.AllocZeroed(LibC.SigSetSize);
        var allSignals = NativeMemory.AllocZeroed(LibC.SigSetSize);
        var argv = (byte**)NativeMemory.AllocZeroed((nuint)(args.Count + 2), (nuint)sizeof(byte*));
        var envp = (byte**)NativeMemory.AllocZeroed((nuint)(environment.Count + 1), (nuint)sizeof(byte*));
        try
        {
            CheckResult(LibC.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            CheckResult(LibC.posix_spawn_file_actions_addopen(actions, 0, slavePath, LibC.O_RDWR, 0), "addopen");
            CheckResult(LibC.posix_spawn_file_actions_adddup2(actions, 0, 1), "adddup2");
            CheckResult(LibC.posix_spawn_file_actions_adddup2(actions, 0, 2), "adddup2");
            CheckResult(LibC.posix_spawnattr_init(attributes), "posix_spawnattr_init");
            // The test host ignores some signals (SIGPIPE) and may block others; the child starts as from a login shell.
            LibC.sigemptyset(noSignals);
            LibC.sigfillset(allSignals);
            CheckResult(LibC.posix_spawnattr_setsigmask(attributes, noSignals), "setsigmask");
            CheckResult(LibC.posix_spawnattr_setsigdefault(attributes, allSignals), "setsigdefault");
            CheckResult(LibC.posix_spawnattr_setflags(attributes, LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF), "setflags");

            argv[0] = Utf8(program);
            for (int i = 0; i < args.Count; i++) argv[i + 1] = Utf8(args[i]);
            int e = 0;
            foreach (var (key, value) in environment) envp[e++] = Utf8(key + "=" + value);

            CheckResult(LibC.posix_spawn(out int pid, argv[0], actions, attributes, argv, envp), "posix_spawn " + program);
            return pid;
        }
        finally
        {
            LibC.posix_spawn_file_actions_destroy(actions);
            LibC.posix_spawnattr_destroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(noSignals);
            NativeMemory.Free(allSignals);
            NativeMemory.Free(argv);
            NativeMemory.Free(envp);
            foreach (var p in strings) Marshal.FreeCoTaskMem(p);
        }
    }

    /// <summary>Everything the child wrote, as the terminal received it (escape sequences included).</summary>
    public string RawOutput
    {
        get { lock (_lock) return _output.ToString(); }
    }

    /// <summary>What the child wrote with escape sequences and carriage returns removed: the text a reader would pick
    /// out of the session (a line editor redraws its line on every key, so a typed line shows up several times).</summary>
    public string Text => PlainText(RawOutput);

    /// <summary>Writes <paramref name="keys"/> to the terminal in one write, as a terminal does with a paste.</summary>
    public unsafe void Write(string keys)
    {
        var bytes = Encoding.UTF8.GetBytes(keys);
        fixed (byte* start = bytes)
        {
            int done = 0;
            while (done < bytes.Length)
            {
                var n = LibC.write(_master, start + done, (nuint)(bytes.Length - done));
                if (n < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == LibC.EINTR) continue;
                    if (errno == LibC.EAGAIN) { Thread.Sleep(1); continue; }
                    throw new IOException($"write to the terminal failed: errno {errno}");
                }
                done += (int)n;
            }
        }
    }

    /// <summary>Waits until the plain text holds <paramref name="count"/> matches of <paramref name="pattern"/>; fails with the
    /// session's text when it does not within <paramref name="timeout"/> (a generous bound: nothing here measures time).</summary>
    public async Task WaitForAsync(string pattern, TimeSpan timeout, int count = 1)
    {
        var regex = new Regex(pattern);
        var deadline = DateTime.UtcNow + timeout;
        while (regex.Matches(Text).Count < count)
        {
            if (DateTime.UtcNow > deadline || HasExited())
            {
                if (regex.Matches(Text).Count >= count) return;
                Assert.Fail($"The terminal did not show /{pattern}/ ×{count} within {timeout.TotalSeconds:0} s" +
                            (HasExited() ? " (the program exited)" : "") + ". It shows:\n" + Text);
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the child to exit and returns its exit code (128 + signal when a signal ended it).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!HasExited())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"The program did not exit within {timeout.TotalSeconds:0} s. The terminal shows:\n" + Text);
            await Task.Delay(20);
        }
        _reader.Join(TimeSpan.FromSeconds(10)); // the rest of its output
        int status = _exitStatus!.Value;
        int signal = status & 0x7f;
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal;
    }

    private bool HasExited()
    {
        if (_exitStatus is not null) return true;
        int pid = LibC.waitpid(_pid, out int status, LibC.WNOHANG);
        if (pid == _pid) _exitStatus = status;
        return _exitStatus is not null;
    }

    private unsafe void ReadOutput()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[8192];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        fixed (byte* buffer = bytes)
        {
            while (true)
            {
                var n = LibC.read(_master, buffer, (nuint)bytes.Length);
                if (n < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR) continue;
                if (n <= 0) return; // EIO: the child and everything it started closed the terminal
                int count = decoder.GetChars(bytes, 0, (int)n, chars, 0);
                lock (_lock) _output.Append(chars, 0, count);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited())
        {
            LibC.kill(_pid, LibC.SIGKILL);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!HasExited() && DateTime.UtcNow < deadline) await Task.Delay(10);
        }
        _reader.Join(TimeSpan.FromSeconds(10));
        LibC.close(_master);
    }

    internal static string PlainText(string raw) => EscapeSequence().Replace(raw, "").Replace("\r", "");

    // CSI sequences (colours, cursor moves, erases), OSC titles, and the two-byte keypad-mode switches.
    [GeneratedRegex(@"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>]|\x1b[()][0-9A-Z]")]
    private static partial Regex EscapeSequence();

    private static void Check(int result, string call)
    {
        if (result < 0) throw new IOException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    private static void CheckResult(int error, string call)
    {
        if (error != 0) throw new IOException($"{call} failed: errno {error}");
    }
}
