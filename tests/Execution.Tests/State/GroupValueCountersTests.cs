using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// <see cref="GroupValueCounters"/>, the distinct values DISTINCT aggregates over one argument share: a member's state row is
/// byte for byte the row a <see cref="GroupValueCounts"/> of its own wrote (so checkpoints taken before the values were
/// shared restore into shared ones and back), a captured member keeps its counts while later writes change them, and values
/// leave only when no member counts them.
/// </summary>
public sealed class GroupValueCountersTests
{
    private static byte[] Key(int value) => BitConverter.GetBytes(value);

    [Fact]
    public void A_member_writes_and_reads_the_state_row_of_a_group_value_counts()
    {
        var epoch = new SnapshotEpoch();
        var own = new GroupValueCounts(epoch);
        var shared = new GroupValueCounters(epoch);
        int a = shared.AddMember(), b = shared.AddMember();
        own.EnsureCapacity(4);
        shared.EnsureCapacity(4);
        foreach (var (group, value, count) in new[] { (1, 5, 2L), (1, 7, 1L), (2, 5, 1L), (1, 9, -1L) })
        {
            own.Add(group, Key(value), count, out _);
            shared.Add(a, shared.FindOrAdd(group, Key(value), GroupValueCounts.ValueHash(Key(value))), count);
        }
        // Member b counts other values of the same groups; they must not show in a's row.
        shared.Add(b, shared.FindOrAdd(1, Key(8), GroupValueCounts.ValueHash(Key(8))), 3);
        shared.Add(b, shared.FindOrAdd(1, Key(5), GroupValueCounts.ValueHash(Key(5))), 1);

        for (int group = 1; group <= 2; group++)
        {
            var expected = new StateRowWriter();
            own.Write(group, expected);
            var actual = new StateRowWriter();
            shared.Write(a, group, actual);
            Assert.Equal(expected.Written.ToArray(), actual.Written.ToArray());

            // Read back into another group: the row a GroupValueCounts writes after reading it too.
            var reader = new StateRowReader(expected.Written);
            shared.Read(a, 3, ref reader);
            var ownReader = new StateRowReader(expected.Written);
            own.Read(3, ref ownReader);
            var again = new StateRowWriter();
            shared.Write(a, 3, again);
            var ownAgain = new StateRowWriter();
            own.Write(3, ownAgain);
            Assert.Equal(ownAgain.Written.ToArray(), again.Written.ToArray());
        }
        var bRow = new StateRowWriter();
        shared.Write(b, 1, bRow);
        var bReader = new StateRowReader(bRow.Written);
        Assert.Equal(2UL, bReader.ReadVarULong());
    }

    [Fact]
    public void Values_leave_when_no_member_counts_them_and_captures_keep_their_counts()
    {
        var epoch = new SnapshotEpoch();
        var shared = new GroupValueCounters(epoch);
        int a = shared.AddMember(), b = shared.AddMember();
        shared.EnsureCapacity(1);
        int e = shared.FindOrAdd(0, Key(1), GroupValueCounts.ValueHash(Key(1)));
        Assert.Equal(1, shared.Add(a, e, 1));
        Assert.Equal(1, shared.Add(b, e, 1));

        epoch.BeginSnapshot();
        var view = shared.Capture(a);
        Assert.Equal(0, shared.Add(a, e, -1));
        shared.RemoveEmpty();
        Assert.Equal(e, shared.First(0));
        var captured = new StateRowWriter();
        view.Write(0, captured);
        var reader = new StateRowReader(captured.Written);
        Assert.Equal(1UL, reader.ReadVarULong());
        epoch.EndSnapshot();

        var now = new StateRowWriter();
        shared.Write(a, 0, now);
        Assert.Equal(0UL, new StateRowReader(now.Written).ReadVarULong());
        Assert.Equal(0, shared.Add(b, e, -1));
        shared.RemoveEmpty();
        Assert.Equal(-1, shared.First(0));
    }

    [Fact]
    public void Members_captured_together_write_each_group_as_its_live_row_and_a_later_capture_sees_later_values()
    {
        var epoch = new SnapshotEpoch();
        var shared = new GroupValueCounters(epoch);
        int a = shared.AddMember(), b = shared.AddMember();
        shared.EnsureCapacity(3);
        void Count(int member, int group, int value, long delta) =>
            shared.Add(member, shared.FindOrAdd(group, Key(value), GroupValueCounts.ValueHash(Key(value))), delta);
        Count(a, 0, 1, 1);
        Count(b, 0, 2, 2);
        Count(a, 1, 3, 1);
        Count(b, 1, 3, 4);
        Count(a, 2, 4, 1);

        byte[] Live(int member, int group)
        {
            var writer = new StateRowWriter();
            shared.Write(member, group, writer);
            return writer.Written.ToArray();
        }
        void AssertCapturedAsLive()
        {
            var expected = new Dictionary<(int, int), byte[]>();
            for (int group = 0; group < 3; group++)
                foreach (int member in new[] { a, b }) expected[(member, group)] = Live(member, group);
            epoch.BeginSnapshot();
            var views = new[] { shared.Capture(a), shared.Capture(b) };
            // Written in a snapshot's order (a group's columns one after the other), then out of it; the first group asked for
            // is the last of the capture before, whose values changed since.
            foreach (var (group, member) in new[] { (2, a), (2, b), (0, a), (0, b), (1, a), (1, b), (0, b), (1, a), (2, b) })
            {
                var writer = new StateRowWriter();
                views[member].Write(group, writer);
                Assert.Equal(expected[(member, group)], writer.Written.ToArray());
            }
            epoch.EndSnapshot();
        }

        AssertCapturedAsLive();
        Count(b, 0, 5, 1);
        Count(a, 0, 1, -1);
        shared.RemoveEmpty();
        Count(a, 2, 6, 3);
        AssertCapturedAsLive();
    }
}
