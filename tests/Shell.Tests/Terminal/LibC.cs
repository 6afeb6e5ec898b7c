using System.Runtime.InteropServices;

namespace StreamSql.Shell.Tests.Terminal;

/// <summary>The few libc calls a pseudo-terminal needs (Linux, glibc ≥ 2.26 for <c>POSIX_SPAWN_SETSID</c>).</summary>
internal static unsafe class LibC
{
    private const string Library = "libc";

    public const int O_RDWR = 0x2;
    public const int O_NOCTTY = 0x100;
    public const int O_CLOEXEC = 0x80000;
    public const nuint TIOCSWINSZ = 0x5414;
    public const short POSIX_SPAWN_SETSIGDEF = 0x04;
    public const short POSIX_SPAWN_SETSIGMASK = 0x08;
    public const short POSIX_SPAWN_SETSID = 0x80;
    public const int WNOHANG = 1;
    public const int SIGKILL = 9;
    public const int EINTR = 4;
    public const int EAGAIN = 11;

    // glibc's opaque spawn types are 80 and 336 bytes, sigset_t 128; these sizes leave room.
    public const int SpawnFileActionsSize = 256;
    public const int SpawnAttrSize = 1024;
    public const int SigSetSize = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct WinSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    [DllImport(Library, SetLastError = true)] public static extern int posix_openpt(int flags);
    [DllImport(Library, SetLastError = true)] public static extern int grantpt(int fd);
    [DllImport(Library, SetLastError = true)] public static extern int unlockpt(int fd);
    [DllImport(Library)] public static extern int ptsname_r(int fd, byte* buffer, nuint length);
    [DllImport(Library, SetLastError = true)] public static extern int ioctl(int fd, nuint request, ref WinSize size);
    [DllImport(Library, SetLastError = true)] public static extern nint read(int fd, byte* buffer, nuint count);
    [DllImport(Library, SetLastError = true)] public static extern nint write(int fd, byte* buffer, nuint count);
    [DllImport(Library, SetLastError = true)] public static extern int close(int fd);
    [DllImport(Library, SetLastError = true)] public static extern int kill(int pid, int signal);
    [DllImport(Library, SetLastError = true)] public static extern int waitpid(int pid, out int status, int options);

    [DllImport(Library)] public static extern int posix_spawn_file_actions_init(void* actions);
    [DllImport(Library)] public static extern int posix_spawn_file_actions_destroy(void* actions);
    [DllImport(Library)] public static extern int posix_spawn_file_actions_addopen(void* actions, int fd, byte* path, int flags, uint mode);
    [DllImport(Library)] public static extern int posix_spawn_file_actions_adddup2(void* actions, int fd, int newFd);
    [DllImport(Library)] public static extern int posix_spawnattr_init(void* attributes);
    [DllImport(Library)] public static extern int posix_spawnattr_destroy(void* attributes);
    [DllImport(Library)] public static extern int posix_spawnattr_setflags(void* attributes, short flags);
    [DllImport(Library)] public static extern int posix_spawnattr_setsigmask(void* attributes, void* mask);
    [DllImport(Library)] public static extern int posix_spawnattr_setsigdefault(void* attributes, void* signals);
    [DllImport(Library)] public static extern int sigemptyset(void* set);
    [DllImport(Library)] public static extern int sigfillset(void* set);
    [DllImport(Library)] public static extern int posix_spawn(out int pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);
}
