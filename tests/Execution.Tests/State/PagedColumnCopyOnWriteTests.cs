using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// Copy-on-write of a <see cref="PagedColumn{T}"/>: a captured view never changes while its snapshot is pending, and a page
/// copy-on-write replaced is reused for a later copy only once no snapshot that could read it is pending.
/// </summary>
public sealed class PagedColumnCopyOnWriteTests
{
    [Fact]
    public void A_captured_view_keeps_its_values_while_later_snapshots_reuse_released_pages()
    {
        var epoch = new SnapshotEpoch();
        var column = new PagedColumn<long>(epoch);
        column.EnsureCapacity(2 * PagedColumn<long>.PageSize);
        column.Set(0, 10);

        epoch.BeginSnapshot();
        var first = column.Capture();
        column.Set(0, 11);
        Assert.Equal(10, first[0]);
        epoch.EndSnapshot();

        // None pending when the second begins: the page the first snapshot read may take the next copy.
        epoch.BeginSnapshot();
        var second = column.Capture();
        column.Set(0, 12);
        Assert.Equal(11, second[0]);

        // The second is still pending when the third begins: the page it reads must not be reused.
        epoch.BeginSnapshot();
        var third = column.Capture();
        column.Set(0, 13);
        Assert.Equal(11, second[0]);
        Assert.Equal(12, third[0]);
        epoch.EndSnapshot();
        epoch.EndSnapshot();
        Assert.Equal(13, column.Get(0));
    }

    [Fact]
    public void Copy_on_write_after_a_finished_snapshot_allocates_no_new_page()
    {
        var epoch = new SnapshotEpoch();
        var column = new PagedColumn<long>(epoch);
        column.EnsureCapacity(8 * PagedColumn<long>.PageSize);
        int[] everyPage = Enumerable.Range(0, 8).Select(p => p * PagedColumn<long>.PageSize).ToArray();
        for (int round = 1; round <= 3; round++)
        {
            epoch.BeginSnapshot();
            var view = column.Capture();
            long before = GC.GetAllocatedBytesForCurrentThread();
            column.PrepareWrite(everyPage);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            foreach (int index in everyPage) column[index] = round;
            foreach (int index in everyPage) Assert.Equal(round - 1, view[index]);
            epoch.EndSnapshot();
            // The first snapshot's copies are new pages (8 of 32 KB); later ones reuse the pages earlier snapshots released.
            if (round == 1) Assert.True(allocated >= 8 * PagedColumn<long>.PageSize * sizeof(long), $"round 1 allocated {allocated} bytes");
            else Assert.True(allocated < PagedColumn<long>.PageSize * sizeof(long), $"round {round} allocated {allocated} bytes");
        }
    }
}
