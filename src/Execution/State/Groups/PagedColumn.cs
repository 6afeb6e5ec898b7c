using System.Runtime.CompilerServices;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// A growable typed column indexed by group, stored in pages of <see cref="PageSize"/> values so that it grows without
/// copying and a snapshot can capture it by reference (copy-on-write per page, see <see cref="SnapshotEpoch"/>).
/// <para>Hot loops index it directly (<see cref="this[int]"/>) after <see cref="PrepareWrite"/> made the pages of the
/// groups they write private to the current epoch; single writes go through <see cref="Set"/>, which checks.</para>
/// </summary>
public sealed class PagedColumn<T> where T : unmanaged
{
    public const int PageShift = 12;
    public const int PageSize = 1 << PageShift;
    public const int PageMask = PageSize - 1;

    private readonly SnapshotEpoch _epoch;
    private readonly T _default;
    private readonly bool _fillNewPages;
    private T[][] _pages = new T[4][];
    private long[] _pageEpochs = new long[4];
    private int _pageCount;
    // Pages copy-on-write replaced, with the epoch they were replaced in: once every snapshot that could read one has ended
    // (SnapshotEpoch.ReleasedThrough), the next copy goes into it instead of a new page. A checkpoint every second of a
    // table whose every page changes in between would otherwise allocate the columns' size in new pages each time, which
    // the GC then collects in full (blocking) collections that stop the subtask.
    private readonly Queue<(T[] Page, long Epoch)> _retired = new();

    /// <param name="fillNewPages">False for a column whose owner writes every entry before it reads it (entries taken
    /// below a high mark): new pages are then left as allocated, unfilled, and <see cref="EnsureCapacity"/>'s entries hold
    /// no particular value.</param>
    public PagedColumn(SnapshotEpoch epoch, T defaultValue = default, bool fillNewPages = true)
    {
        _epoch = epoch;
        _default = defaultValue;
        _fillNewPages = fillNewPages;
    }

    /// <summary>The value new and reset entries have.</summary>
    public T Default => _default;

    public int Capacity => _pageCount << PageShift;

    /// <summary>Bytes held by the pages (for memory accounting).</summary>
    public long AllocatedBytes => (long)_pageCount * PageSize * Unsafe.SizeOf<T>();

    /// <summary>Makes room for indexes below <paramref name="count"/> (new entries hold the default, unless the column
    /// does not fill new pages).</summary>
    public void EnsureCapacity(int count)
    {
        while (Capacity < count)
        {
            if (_pageCount == _pages.Length)
            {
                Array.Resize(ref _pages, _pages.Length * 2);
                Array.Resize(ref _pageEpochs, _pageEpochs.Length * 2);
            }
            // A page filled with a non-zero default right away need not be zeroed first.
            T[] page;
            if (!_fillNewPages) page = GC.AllocateUninitializedArray<T>(PageSize, pinned: true);
            else if (EqualityComparer<T>.Default.Equals(_default, default)) page = GC.AllocateArray<T>(PageSize, pinned: true);
            else
            {
                page = GC.AllocateUninitializedArray<T>(PageSize, pinned: true);
                page.AsSpan().Fill(_default);
            }
            _pages[_pageCount] = page;
            _pageEpochs[_pageCount] = _epoch.Current;
            _pageCount++;
        }
    }

    /// <summary>The entry at <paramref name="index"/>, unchecked: write through it only after <see cref="PrepareWrite"/>
    /// covered the index in this epoch (or with no snapshot pending).</summary>
    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _pages[index >> PageShift][index & PageMask];
    }

    public T Get(int index) => _pages[index >> PageShift][index & PageMask];

    /// <summary>Writes one entry, copying its page first if a pending snapshot holds it.</summary>
    public void Set(int index, T value) => Writable(index) = value;

    /// <summary>The entry at <paramref name="index"/>, its page made private to the current epoch first.</summary>
    public ref T Writable(int index)
    {
        int p = index >> PageShift;
        if (_pageEpochs[p] != _epoch.Current) Own(p);
        return ref _pages[p][index & PageMask];
    }

    /// <summary>Sets the entry back to the default.</summary>
    public void Reset(int index) => Set(index, _default);

    /// <summary>Makes the pages of <paramref name="indexes"/> writable in place for this epoch (copies those a pending
    /// snapshot holds). Does nothing while no snapshot is pending.</summary>
    public void PrepareWrite(ReadOnlySpan<int> indexes)
    {
        if (!_epoch.HasPending) return;
        long current = _epoch.Current;
        var epochs = _pageEpochs;
        foreach (int index in indexes)
        {
            int p = index >> PageShift;
            if (epochs[p] != current) Own(p);
        }
    }

    /// <summary>As <see cref="PrepareWrite(ReadOnlySpan{int})"/> for the indexes from <paramref name="from"/> up to (not
    /// including) <paramref name="to"/>.</summary>
    public void PrepareWrite(int from, int to)
    {
        if (!_epoch.HasPending || from >= to) return;
        long current = _epoch.Current;
        for (int p = from >> PageShift, last = (to - 1) >> PageShift; p <= last; p++)
            if (_pageEpochs[p] != current) Own(p);
    }

    private void Own(int page)
    {
        long current = _epoch.Current;
        if (_epoch.HasPending)
        {
            var copy = _retired.Count > 0 && _retired.Peek().Epoch <= _epoch.ReleasedThrough
                ? _retired.Dequeue().Page
                : GC.AllocateUninitializedArray<T>(PageSize, pinned: true);
            var captured = _pages[page];
            captured.CopyTo(copy, 0);
            _pages[page] = copy;
            _retired.Enqueue((captured, current));
        }
        _pageEpochs[page] = current;
    }

    /// <summary>The pages as they are now, for a snapshot (call in its synchronous part, right after
    /// <see cref="SnapshotEpoch.BeginSnapshot"/>): later writes copy a page before changing it.</summary>
    public PagedColumnView<T> Capture() => new(_pages.AsSpan(0, _pageCount).ToArray());

    /// <summary>Drops every page (the column restarts empty).</summary>
    public void Clear()
    {
        Array.Clear(_pages);
        _pageCount = 0;
        _retired.Clear();
    }
}

/// <summary>A read-only view of a <see cref="PagedColumn{T}"/> as a snapshot captured it.</summary>
public readonly struct PagedColumnView<T>(T[][] pages) where T : unmanaged
{
    public T this[int index] => pages[index >> PagedColumn<T>.PageShift][index & PagedColumn<T>.PageMask];

    public int Capacity => pages.Length << PagedColumn<T>.PageShift;

    /// <summary>The captured pages (read-only by contract: a pending snapshot's pages are never written).</summary>
    internal T[][] Pages => pages;
}
