using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Operators.Join;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Tests.Harness;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// A hashmap group table's snapshot holds, per group, exactly the entry the canonical format defines: key = the serialized
/// key, user key = the encoded namespace (empty when not namespaced), value = the table's state row of the group
/// (<see cref="GroupTable.WriteRow"/>), in its key group. Columns of fixed-size vectors are encoded from their pages in one go,
/// other columns through their <see cref="IGroupColumnSnapshot"/>; both must give these bytes.
/// </summary>
public sealed class GroupTableSnapshotTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        // COUNT, SUM, AVG, MAX over BIGINT, DOUBLE and DECIMAL: fixed-size vectors only (varints, 8, 16 and 1 byte).
        { "fixed", false },
        { "fixed", true },
        // A retracting MAX keeps its values' counts: encoded column by column.
        { "mixed", false },
        // ARRAY_AGG of many values: states over 128 bytes, whose length prefixes take more than one byte.
        { "long", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_group_is_written_as_its_key_namespace_and_state_row(string columns, bool namespaced)
    {
        using var backend = StateTestSupport.Create("hashmap", false, new(0, 127));
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt], namespaced));
        var specs = Columns(columns);
        var accumulators = specs.Select(spec => table.AddColumn(spec.Create)).ToArray();
        var serializer = new KeySerializer([0]);
        var expected = new Dictionary<(string Key, long Namespace), (int KeyGroup, int Group)>();
        var random = new Random(11);
        long[] extremes = [long.MinValue, long.MaxValue, 0, -1, 1, 63, 64, -64, -65, 1L << 40];
        int[] keyColumns = [0];
        // Few keys for long states (about 50 values a group).
        int distinct = columns == "long" ? 20 : 500;
        for (int round = 0; round < 30; round++)
        {
            var rows = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < 200; i++)
                rows.Add((random.Next(2) == 0 ? random.Next(distinct) : extremes[random.Next(extremes.Length)], extremes[random.Next(extremes.Length)] + random.Next(3), RowKind.Insert));
            var batch = TestBatches.KeyValues(rows).Data;
            long ns = namespaced ? (round % 4 - 2) * 1_000_000L : 0;
            var groups = namespaced ? table.Resolve(batch, keyColumns, ns) : table.Resolve(batch, keyColumns);
            var values = (Int64Array)batch.Column(1);
            var doubles = new DoubleArray.Builder();
            var decimals = new Decimal128Array.Builder(new Decimal128Type(20, 2));
            for (int i = 0; i < values.Length; i++)
            {
                doubles.Append(values.GetValue(i)!.Value / 3.0);
                decimals.Append((decimal)(values.GetValue(i)!.Value % 1_000_000_000_000) / 100m);
            }
            IArrowArray[] arguments = [values, doubles.Build(), decimals.Build()];
            for (int c = 0; c < specs.Length; c++)
            {
                var argumentType = specs[c].ArgumentTypes.FirstOrDefault();
                IArrowArray[] argument = argumentType is null ? [] : [arguments[argumentType.Kind switch { SqlTypeKind.Double => 1, SqlTypeKind.Decimal => 2, _ => 0 }]];
                accumulators[c].Update(argument, groups.Groups, default);
            }
            var keyGroups = new int[batch.Length];
            serializer.ComputeKeyGroups(batch, StateTestSupport.MaxParallelism, keyGroups);
            for (int i = 0; i < batch.Length; i++)
                expected[(Convert.ToHexString(serializer.Serialize(batch, i)), ns)] = (keyGroups[i], groups.Groups[i]);
        }

        var storage = StateTestSupport.MemoryStorage();
        var checkpoint = StateTestSupport.Checkpoint(storage, 1, [backend]);
        var handle = checkpoint.Metadata.Operators[0].Subtasks[0].Keyed!;
        var written = new Dictionary<(string Key, long Namespace), (int KeyGroup, string Value)>();
        CanonicalSnapshotReader.Read(checkpoint.ReadAll(handle.Files[0]), "t", handle, new KeyGroupRange(0, 127), (state, keyGroup, key, userKey, value) =>
        {
            Assert.Equal("t", state.Name);
            Assert.Equal(namespaced ? 8 : 0, userKey.Length);
            Assert.True(written.TryAdd((Convert.ToHexString(key), GroupTable.DecodeNamespace(userKey)), (keyGroup, Convert.ToHexString(value))));
        });

        Assert.Equal(table.Count, written.Count);
        Assert.Equal(expected.Count, written.Count);
        foreach (var (id, (keyGroup, group)) in expected)
        {
            Assert.True(written.TryGetValue(id, out var entry), $"group of key {id.Key} (namespace {id.Namespace}) is missing");
            Assert.Equal(keyGroup, entry.KeyGroup);
            Assert.Equal(Convert.ToHexString(table.WriteRow(group)), entry.Value);
        }
    }

    /// <summary>A join's stored rows announce their state rows' lengths, so the snapshot sizes its buffers and writes the
    /// length prefixes up front: the bytes must still be the state rows, for rows under and over 128 bytes, one or many a
    /// group, counted or listed, with and without match counts; few keys with many rows each (written straight to the
    /// file) and many keys with a row or two each (written through the key group buffers).</summary>
    [Theory]
    [InlineData(true, false, 60)]
    [InlineData(true, true, 60)]
    [InlineData(false, true, 60)]
    [InlineData(true, false, 100_000)]
    [InlineData(true, true, 100_000)]
    [InlineData(false, true, 100_000)]
    public void Join_rows_are_written_as_their_state_rows_with_lengths_known_up_front(bool appendOnly, bool outer, int keys)
    {
        using var backend = StateTestSupport.Create("hashmap", false, new(0, 127));
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var records = table.AddColumn(epoch => new JoinRecords(epoch, outer, appendOnly));
        var serializer = new KeySerializer([0]);
        var expected = new Dictionary<string, (int KeyGroup, int Group)>();
        var random = new Random(appendOnly ? 3 : 4);
        int[] keyColumns = [0];
        for (int round = 0; round < 20; round++)
        {
            var rows = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < 100; i++) rows.Add((random.Next(keys), 0, RowKind.Insert));
            var batch = TestBatches.KeyValues(rows).Data;
            var groups = table.Resolve(batch, keyColumns).Groups.ToArray();
            var keyGroups = new int[batch.Length];
            serializer.ComputeKeyGroups(batch, StateTestSupport.MaxParallelism, keyGroups);
            for (int i = 0; i < batch.Length; i++)
            {
                var row = new byte[1 + random.Next(keys > 1000 ? 100 : 300)];
                random.NextBytes(row);
                records.Add(groups[i], row, 1 + random.Next(3), random.Next(2) == 0 ? 0 : random.NextInt64(1L << 40));
                expected[Convert.ToHexString(serializer.Serialize(batch, i))] = (keyGroups[i], groups[i]);
            }
        }

        var storage = StateTestSupport.MemoryStorage();
        var checkpoint = StateTestSupport.Checkpoint(storage, 1, [backend]);
        var handle = checkpoint.Metadata.Operators[0].Subtasks[0].Keyed!;
        var written = new Dictionary<string, (int KeyGroup, string Value)>();
        CanonicalSnapshotReader.Read(checkpoint.ReadAll(handle.Files[0]), "t", handle, new KeyGroupRange(0, 127), (_, keyGroup, key, _, value) =>
            Assert.True(written.TryAdd(Convert.ToHexString(key), (keyGroup, Convert.ToHexString(value)))));

        Assert.Equal(expected.Count, written.Count);
        foreach (var (key, (keyGroup, group)) in expected)
        {
            Assert.True(written.TryGetValue(key, out var entry), $"group of key {key} is missing");
            Assert.Equal(keyGroup, entry.KeyGroup);
            Assert.Equal(Convert.ToHexString(table.WriteRow(group)), entry.Value);
        }
    }

    /// <summary>An insert-only inner side keeps each group's entry count and state row length as rows come and go: after
    /// removals (of stored and of absent rows) and reset groups, the snapshot must still write exactly the state rows.</summary>
    [Fact]
    public void Listed_join_rows_keep_their_lengths_through_removals_and_resets()
    {
        using var backend = StateTestSupport.Create("hashmap", false, new(0, 127));
        var table = backend.GetGroupTable("t", new GroupTableSpec([SqlType.BigInt]));
        var records = table.AddColumn(epoch => new JoinRecords(epoch, outer: false, appendOnly: true));
        var serializer = new KeySerializer([0]);
        var keys = new Dictionary<string, (int KeyGroup, int Group)>();
        var stored = new Dictionary<int, List<byte[]>>();
        var random = new Random(5);
        int[] keyColumns = [0];
        for (int round = 0; round < 20; round++)
        {
            var rows = new List<(long?, long?, RowKind)>();
            for (int i = 0; i < 100; i++) rows.Add((random.Next(40), 0, RowKind.Insert));
            var batch = TestBatches.KeyValues(rows).Data;
            var groups = table.Resolve(batch, keyColumns).Groups.ToArray();
            var keyGroups = new int[batch.Length];
            serializer.ComputeKeyGroups(batch, StateTestSupport.MaxParallelism, keyGroups);
            for (int i = 0; i < batch.Length; i++)
            {
                int g = groups[i];
                var list = stored.TryGetValue(g, out var l) ? l : stored[g] = [];
                int action = random.Next(10);
                if (action == 0 && list.Count > 0)
                {
                    var victim = list[random.Next(list.Count)];
                    records.Add(g, victim, -1, 0);
                    list.Remove(victim);
                }
                else if (action == 1) records.Add(g, [1, 2, 3, 4, 5, 6, 7, 8, 9], -1, 0);
                else if (action == 2)
                {
                    records.Reset(g);
                    list.Clear();
                }
                else
                {
                    var row = new byte[1 + random.Next(300)];
                    random.NextBytes(row);
                    records.Add(g, row, 1, 0);
                    list.Add(row);
                }
                keys[Convert.ToHexString(serializer.Serialize(batch, i))] = (keyGroups[i], g);
            }
        }

        var storage = StateTestSupport.MemoryStorage();
        var checkpoint = StateTestSupport.Checkpoint(storage, 1, [backend]);
        var handle = checkpoint.Metadata.Operators[0].Subtasks[0].Keyed!;
        var written = new Dictionary<string, (int KeyGroup, string Value)>();
        CanonicalSnapshotReader.Read(checkpoint.ReadAll(handle.Files[0]), "t", handle, new KeyGroupRange(0, 127), (_, keyGroup, key, _, value) =>
            Assert.True(written.TryAdd(Convert.ToHexString(key), (keyGroup, Convert.ToHexString(value)))));

        Assert.Equal(keys.Count, written.Count);
        foreach (var (key, (keyGroup, group)) in keys)
        {
            Assert.True(written.TryGetValue(key, out var entry), $"group of key {key} is missing");
            Assert.Equal(keyGroup, entry.KeyGroup);
            Assert.Equal(Convert.ToHexString(table.WriteRow(group)), entry.Value);
            int n = 0;
            for (int e = records.First(group); e >= 0; e = records.Next(e)) Assert.Equal(stored[group][n++], records.Row(e).ToArray());
            Assert.Equal(stored[group].Count, n);
        }
    }

    private static AccumulatorSpec[] Columns(string kind) => kind switch
    {
        "fixed" =>
        [
            new(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull()),
            new(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt),
            new(AggregateFunction.Avg, [SqlType.BigInt], SqlType.BigInt),
            new(AggregateFunction.Max, [SqlType.BigInt], SqlType.BigInt),
            new(AggregateFunction.Sum, [SqlType.Double], SqlType.Double),
            new(AggregateFunction.Sum, [SqlType.Decimal(20, 2)], SqlType.Decimal(38, 2)),
        ],
        "mixed" =>
        [
            new(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull()),
            new(AggregateFunction.Max, [SqlType.BigInt], SqlType.BigInt, Retracting: true),
            new(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt),
        ],
        _ =>
        [
            new(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt),
            new(AggregateFunction.ArrayAgg, [SqlType.BigInt], SqlType.Array(SqlType.BigInt)),
        ],
    };
}
