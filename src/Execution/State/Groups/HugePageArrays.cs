using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Large byte arrays for state that is written once, front to back (arena chunks): allocated pinned and uninitialized,
/// with the 2 MiB-aligned ranges inside them advised for transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>, Linux).
/// The first write to fresh memory otherwise takes one page fault per 4 KiB page, a large share of the cost of appending
/// a large join side's rows (docs/benchmarks.md). Advice is only a hint: where the kernel refuses it (THP off, another
/// OS) the array is an ordinary pinned array. Pinned arrays never move, so the advised range stays the array's.
/// </summary>
internal static class HugePageArrays
{
    private const int HugePage = 2 << 20;
    private const int MadvHugePage = 14;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>A new array of <paramref name="length"/> bytes whose contents are undefined until written.</summary>
    public static unsafe byte[] Allocate(int length)
    {
        var array = GC.AllocateUninitializedArray<byte>(length, pinned: true);
        if (length < 2 * HugePage || _unavailable) return array;
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        nint alignedStart = (start + HugePage - 1) & ~(nint)(HugePage - 1);
        nint alignedEnd = (start + length) & ~(nint)(HugePage - 1);
        if (alignedEnd <= alignedStart) return array;
        try
        {
            _ = Madvise(alignedStart, (nuint)(alignedEnd - alignedStart), MadvHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
        }
        return array;
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
