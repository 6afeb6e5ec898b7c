using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// <see cref="GroupInPlaceBytes"/>: changes are written in place unless a pending snapshot captured the group's array,
/// a captured view keeps the bytes it saw, and the state row is <see cref="BytesVector"/>'s.
/// </summary>
public sealed class GroupInPlaceBytesTests
{
    [Fact]
    public void A_captured_view_keeps_its_bytes_while_the_group_is_changed()
    {
        var epoch = new SnapshotEpoch();
        var column = new GroupInPlaceBytes(epoch);
        column.EnsureCapacity(2);
        column.Set(0, "abc"u8);
        column.Set(1, "xyz"u8);

        epoch.BeginSnapshot();
        var first = column.Capture();
        Write(column, 0, "abcd"u8);
        column.Clear(1);
        Assert.Equal(State(first, 0), State("abc"u8));
        Assert.Equal(State(first, 1), State("xyz"u8));

        // A second snapshot while the first is pending: the array the first reads stays as it was.
        epoch.BeginSnapshot();
        var second = column.Capture();
        Write(column, 0, "ab"u8);
        Assert.Equal(State(first, 0), State("abc"u8));
        Assert.Equal(State(second, 0), State("abcd"u8));
        Assert.Equal(State(second, 1), new byte[] { 0 });
        epoch.EndSnapshot();
        epoch.EndSnapshot();
        Assert.Equal("ab"u8.ToArray(), column.Get(0).ToArray());
    }

    [Fact]
    public void With_no_snapshot_pending_a_change_that_fits_is_written_in_place()
    {
        var epoch = new SnapshotEpoch();
        var column = new GroupInPlaceBytes(epoch);
        column.EnsureCapacity(1);
        column.Set(0, new byte[100]);
        ref byte before = ref MemoryMarshal.GetReference(column.Get(0));

        epoch.BeginSnapshot();
        column.Capture();
        epoch.EndSnapshot();
        Write(column, 0, new byte[90]);
        Assert.True(Unsafe.AreSame(ref before, ref MemoryMarshal.GetReference(column.Get(0))));

        epoch.BeginSnapshot();
        column.Capture();
        Write(column, 0, new byte[80]);
        Assert.False(Unsafe.AreSame(ref before, ref MemoryMarshal.GetReference(column.Get(0))));
        epoch.EndSnapshot();
    }

    [Fact]
    public void The_state_row_is_a_bytes_vectors_and_reads_back()
    {
        var epoch = new SnapshotEpoch();
        var column = new GroupInPlaceBytes(epoch);
        var vector = new BytesVector(epoch);
        column.EnsureCapacity(2);
        vector.EnsureCapacity(2);
        column.Set(0, "hello"u8);
        vector.Set(0, "hello"u8);
        foreach (int g in new[] { 0, 1 })
        {
            var ours = new StateRowWriter();
            var theirs = new StateRowWriter();
            column.WriteState(g, ours);
            vector.Write(g, theirs);
            Assert.Equal(theirs.Written.ToArray(), ours.Written.ToArray());

            var restored = new GroupInPlaceBytes(new SnapshotEpoch());
            restored.EnsureCapacity(2);
            var reader = new StateRowReader(ours.Written);
            restored.ReadState(g, ref reader);
            Assert.Equal(column.HasValue(g), restored.HasValue(g));
            Assert.Equal(column.Get(g).ToArray(), restored.Get(g).ToArray());
        }
    }

    private static void Write(GroupInPlaceBytes column, int group, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(column.Writable(group, bytes.Length));
        column.SetLength(group, bytes.Length);
    }

    private static byte[] State(IGroupColumnSnapshot view, int group)
    {
        var writer = new StateRowWriter();
        view.WriteState(group, writer);
        return writer.Written.ToArray();
    }

    private static byte[] State(ReadOnlySpan<byte> bytes)
    {
        var writer = new StateRowWriter();
        writer.WriteByte(1);
        writer.WriteBytes(bytes);
        return writer.Written.ToArray();
    }
}
