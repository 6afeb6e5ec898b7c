using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// <see cref="GroupValueLists"/> links entries forward only, so a removal unlinks with the entry before it as found by its
/// walk from the head. Random appends, removals of a value's first occurrence (head, middle or tail), removals of the
/// head, pending retractions and their cancellation, and appends reusing freed entries keep the same lists as a plain
/// list per group, and the tail each list keeps is its last entry.
/// </summary>
public sealed class GroupValueListsRemovalTests
{
    private const int Groups = 7;

    [Fact]
    public void Removals_anywhere_in_a_list_keep_the_lists_a_plain_list_per_group_keeps()
    {
        var random = new Random(5);
        var lists = new GroupValueLists(new SnapshotEpoch());
        lists.EnsureCapacity(Groups);
        var values = new List<byte[]>[Groups];
        var pending = new List<byte[]>[Groups];
        for (int g = 0; g < Groups; g++) (values[g], pending[g]) = ([], []);

        for (int step = 0; step < 20_000; step++)
        {
            int g = random.Next(Groups);
            // Few distinct values, so removals find their value at every position and equal values repeat.
            byte[] value = [(byte)random.Next(6), (byte)random.Next(2)];
            switch (random.Next(4))
            {
                case 0 or 1:
                    lists.Append(g, value, cancelPending: true);
                    int cancelled = pending[g].FindIndex(v => v.AsSpan().SequenceEqual(value));
                    if (cancelled >= 0) pending[g].RemoveAt(cancelled);
                    else values[g].Add(value);
                    break;
                case 2:
                    bool keepPending = random.Next(3) == 0;
                    bool removed = lists.RemoveFirst(g, value, keepPending);
                    int at = values[g].FindIndex(v => v.AsSpan().SequenceEqual(value));
                    Assert.Equal(at >= 0, removed);
                    if (at >= 0) values[g].RemoveAt(at);
                    else if (keepPending) pending[g].Add(value);
                    break;
                default:
                    Assert.Equal(values[g].Count > 0, lists.RemoveHead(g));
                    if (values[g].Count > 0) values[g].RemoveAt(0);
                    break;
            }
            Assert.Equal(values[g], Values(lists, g));
            Assert.Equal(LastOf(lists, g), lists.Last(g));
            // Pending retractions cancel in any order: compare them sorted.
            Assert.Equal(Sorted(pending[g]), Sorted(Pending(lists, g)));
        }
    }

    private static List<byte[]> Values(GroupValueLists lists, int group)
    {
        var result = new List<byte[]>();
        for (int e = lists.First(group); e >= 0; e = lists.Next(e)) result.Add(lists.Value(e).ToArray());
        return result;
    }

    private static int LastOf(GroupValueLists lists, int group)
    {
        int last = -1;
        for (int e = lists.First(group); e >= 0; e = lists.Next(e)) last = e;
        return last;
    }

    private static List<string> Sorted(List<byte[]> values) => values.Select(Convert.ToHexString).Order().ToList();

    /// <summary>The group's pending retractions as its state row has them (after its values).</summary>
    private static List<byte[]> Pending(GroupValueLists lists, int group)
    {
        var writer = new StateRowWriter();
        lists.Write(group, writer);
        var reader = new StateRowReader(writer.Written);
        int n = checked((int)reader.ReadVarULong());
        for (int i = 0; i < n; i++) reader.ReadBytes();
        int p = checked((int)reader.ReadVarULong());
        var result = new List<byte[]>();
        for (int i = 0; i < p; i++) result.Add(reader.ReadBytes().ToArray());
        Assert.True(reader.AtEnd);
        return result;
    }
}
