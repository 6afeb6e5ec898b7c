using StreamSql.Execution.Batches;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Tests.Harness;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// A namespaced <see cref="GroupTable"/> without key columns (a window aggregation by window only) resolves each row to
/// its namespace's group, looked up once per run of one namespace: the same groups, touched groups and stored keys (the
/// empty key) as a lookup per row would give.
/// </summary>
public sealed class GroupTableWithoutKeysTests
{
    [Fact]
    public void Rows_of_a_namespace_share_its_group_and_the_key_is_the_empty_key()
    {
        using var state = StateTestSupport.Create("hashmap", false, new(0, 127));
        var table = state.GetGroupTable("t", new GroupTableSpec([], Namespaced: true));
        var random = new Random(3);
        var namespaces = Enumerable.Range(0, 500).Select(_ => (long)random.Next(4) * 10).ToArray();
        var selection = Enumerable.Range(0, 500).Select(i => i % 7 != 3).ToArray();
        var batch = TestBatches.KeyValues(Enumerable.Range(0, 500).Select(i => ((long?)i, (long?)i, RowKind.Insert)).ToList()).Data;

        var resolved = table.Resolve(batch, [], namespaces, selection: selection);
        var groups = resolved.Groups.ToArray();
        var touched = resolved.Touched.ToArray();
        var touchedIsNew = resolved.TouchedIsNew.ToArray();

        var groupOf = new Dictionary<long, int>();
        var expectedTouched = new List<int>();
        for (int i = 0; i < groups.Length; i++)
        {
            if (!selection[i])
            {
                Assert.Equal(-1, groups[i]);
                continue;
            }
            if (!groupOf.TryGetValue(namespaces[i], out int g))
            {
                groupOf[namespaces[i]] = g = groups[i];
                expectedTouched.Add(g);
            }
            Assert.Equal(g, groups[i]);
        }
        Assert.Equal(expectedTouched, touched);
        Assert.All(touchedIsNew, Assert.True);
        Assert.Equal(groupOf.Count, groupOf.Values.Distinct().Count());
        foreach (var (ns, g) in groupOf)
        {
            Assert.Equal(g, table.Find([], 0, ns));
            Assert.Equal(ns, table.NamespaceOf(g));
            Assert.True(table.KeyOf(g).IsEmpty);
        }

        // A second batch finds the groups it made, in the namespaces it has, and makes none.
        var again = table.Resolve(batch, [], namespaces);
        Assert.All(again.TouchedIsNew.ToArray(), Assert.False);
        for (int i = 0; i < namespaces.Length; i++) Assert.Equal(groupOf[namespaces[i]], again.Groups[i]);
        Assert.Equal(groupOf.Count, table.Count);
    }
}
