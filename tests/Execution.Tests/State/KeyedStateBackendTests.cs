using StreamSql.Execution.State;
using StreamSql.Execution.State.RocksDb;
using static StreamSql.Execution.Tests.State.StateTestSupport;

namespace StreamSql.Execution.Tests.State;

/// <summary>The behaviour every keyed state backend shares, run against hashmap, rocksdb and incremental rocksdb.</summary>
public sealed class KeyedStateBackendTests
{
    private static readonly KeyGroupRange All = new(0, MaxParallelism - 1);

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void Value_state_is_per_key_and_clears(string type, bool incremental)
    {
        using var backend = Create(type, incremental, All);
        var keys = Keys(0, 3);
        var state = backend.GetValueState("count");
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.Null(state.Value());
        state.Update(Bytes("a"));
        backend.SetCurrentKey(keys[1].Key, keys[1].KeyGroup);
        state.Update(Bytes("b"));
        state.Update(Bytes("b2"));
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.Equal("a", Text(state.Value()));
        state.Clear();
        Assert.Null(state.Value());
        backend.SetCurrentKey(keys[1].Key, keys[1].KeyGroup);
        Assert.Equal("b2", Text(state.Value()));
        backend.SetCurrentKey(keys[2].Key, keys[2].KeyGroup);
        Assert.Null(state.Value());
        Assert.Single(backend.Keys("count"));
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void List_state_appends_in_order_updates_and_clears(string type, bool incremental)
    {
        using var backend = Create(type, incremental, All);
        var keys = Keys(10, 2);
        var list = backend.GetListState("rows");
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.Empty(list.Get());
        list.Add(Bytes("x"));
        list.Add(Bytes(""));
        list.Add(Bytes("z"));
        backend.SetCurrentKey(keys[1].Key, keys[1].KeyGroup);
        list.Update(new[] { Bytes("p"), Bytes("q") });
        Assert.Equal(new[] { "p", "q" }, list.Get().Select(Text));
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.Equal(new[] { "x", "", "z" }, list.Get().Select(Text));
        list.Clear();
        Assert.Empty(list.Get());
        backend.SetCurrentKey(keys[1].Key, keys[1].KeyGroup);
        list.Update(Array.Empty<byte[]>());
        Assert.Empty(list.Get());
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void Map_state_puts_gets_removes_and_lists_entries(string type, bool incremental)
    {
        using var backend = Create(type, incremental, All);
        var keys = Keys(20, 2);
        var map = backend.GetMapState("m");
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.True(map.IsEmpty());
        map.Put(Bytes("b"), Bytes("2"));
        map.Put(Bytes("a"), Bytes("1"));
        map.Put(Bytes("b"), Bytes("22"));
        backend.SetCurrentKey(keys[1].Key, keys[1].KeyGroup);
        map.Put(Bytes("a"), Bytes("other"));
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.Equal("22", Text(map.Get(Bytes("b"))));
        Assert.True(map.Contains(Bytes("a")));
        Assert.False(map.Contains(Bytes("c")));
        Assert.Equal(new[] { "a=1", "b=22" }, map.Entries().Select(e => Text(e.Key) + "=" + Text(e.Value)).Order());
        map.Remove(Bytes("a"));
        Assert.Null(map.Get(Bytes("a")));
        Assert.False(map.IsEmpty());
        map.Clear();
        Assert.True(map.IsEmpty());
        backend.SetCurrentKey(keys[1].Key, keys[1].KeyGroup);
        Assert.Equal("other", Text(map.Get(Bytes("a"))));
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void A_state_name_keeps_its_kind(string type, bool incremental)
    {
        using var backend = Create(type, incremental, All);
        backend.GetValueState("s");
        var e = Assert.Throws<InvalidOperationException>(() => backend.GetMapState("s"));
        Assert.Contains("'s' is a Value state", e.Message);
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void Timers_fire_in_timestamp_then_key_order_once(string type, bool incremental)
    {
        using var backend = Create(type, incremental, All);
        var keys = Keys(0, 3);
        foreach (var (key, group, ts) in new[] { (keys[2], 0, 300L), (keys[0], 0, 100L), (keys[1], 0, 100L), (keys[0], 0, 300L), (keys[0], 0, 100L) })
        {
            backend.SetCurrentKey(key.Key, key.KeyGroup);
            backend.Timers.Register(ts);
        }
        backend.SetCurrentKey(keys[2].Key, keys[2].KeyGroup);
        backend.Timers.Register(500);
        backend.Timers.Delete(500);
        Assert.Equal(4, backend.Timers.Count);
        Assert.Equal(100, backend.Timers.NextTimestamp);
        var fired = new List<(long, byte[])>();
        while (backend.Timers.TryPollExpired(300, out var timer)) fired.Add((timer.Timestamp, timer.Key));
        Assert.Equal(4, fired.Count);
        Assert.Equal(new[] { 100L, 100, 300, 300 }, fired.Select(f => f.Item1));
        Assert.True(fired[0].Item2.AsSpan().SequenceCompareTo(fired[1].Item2) < 0);
        Assert.True(fired[2].Item2.AsSpan().SequenceCompareTo(fired[3].Item2) < 0);
        Assert.False(backend.Timers.TryPollExpired(long.MaxValue, out _));
        Assert.Empty(backend.Keys(EventTimeTimerService.StateName));
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void Snapshot_and_restore_round_trip_every_kind_and_timers(string type, bool incremental)
    {
        var storage = MemoryStorage();
        var keys = Keys(0, 200);
        using var backend = CreateSubtask(type, incremental, 0, 1);
        Fill(backend, keys);
        var checkpoint = Checkpoint(storage, 1, new[] { backend });
        var restored = Restore(type, incremental, checkpoint, 1);
        try
        {
            AssertFilled(restored[0], keys);
            Assert.Equal(keys.Length, restored[0].Timers.Count);
        }
        finally
        {
            DisposeAll(restored);
        }
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public void Writes_after_the_synchronous_part_are_not_in_the_snapshot(string type, bool incremental)
    {
        var storage = MemoryStorage();
        var keys = Keys(0, 50);
        using var backend = CreateSubtask(type, incremental, 0, 1);
        Fill(backend, keys);
        var snapshot = backend.Snapshot(1, SnapshotType.Checkpoint);
        foreach (var (key, group) in keys)
        {
            backend.SetCurrentKey(key, group);
            backend.GetValueState("v").Update(Bytes("changed"));
            backend.GetListState("l").Add(Bytes("more"));
            backend.GetMapState("m").Put(Bytes("new"), Bytes("1"));
            backend.GetMapState("m").Remove(Bytes("k1"));
        }
        var writer = storage.BeginCheckpoint(1);
        var handle = snapshot.Write(writer, "op-op1-0", CancellationToken.None);
        var checkpoint = storage.Complete(writer, new(1, 1, "job", false,
            new[] { new Execution.Checkpointing.OperatorStateEntry("op1", 1, MaxParallelism, new[] { new Execution.Checkpointing.SubtaskStateHandle(0, handle, null) }) }));
        var restored = Restore(type, incremental, checkpoint, 1);
        try
        {
            AssertFilled(restored[0], keys);
        }
        finally
        {
            DisposeAll(restored);
        }
        backend.SetCurrentKey(keys[0].Key, keys[0].KeyGroup);
        Assert.Equal("changed", Text(backend.GetValueState("v").Value()));
        Assert.Equal(3, backend.GetListState("l").Get().Count);
    }

    [Theory]
    [InlineData("hashmap", false, 2, 3)]
    [InlineData("hashmap", false, 3, 1)]
    [InlineData("rocksdb", false, 2, 3)]
    [InlineData("rocksdb", true, 2, 3)]
    [InlineData("rocksdb", true, 3, 1)]
    [InlineData("rocksdb", true, 2, 2)]
    public void Rescaling_puts_every_key_in_exactly_the_subtask_owning_its_key_group(string type, bool incremental, int from, int to)
    {
        var storage = MemoryStorage();
        var keys = Keys(1000, 600);
        var old = new IKeyedStateBackend[from];
        for (int i = 0; i < from; i++) old[i] = CreateSubtask(type, incremental, i, from);
        try
        {
            foreach (var key in keys)
                Fill(old[Runtime.KeyGroups.SubtaskOf(key.KeyGroup, from, MaxParallelism)], new[] { key });
            var checkpoint = Checkpoint(storage, 1, old);
            var restored = Restore(type, incremental, checkpoint, to);
            try
            {
                var seen = new Dictionary<string, int>();
                for (int s = 0; s < to; s++)
                {
                    foreach (var (group, key) in restored[s].Keys("v"))
                    {
                        Assert.Equal(s, Runtime.KeyGroups.SubtaskOf(group, to, MaxParallelism));
                        Assert.True(seen.TryAdd(Convert.ToHexString(key), s), "key restored twice");
                    }
                    AssertFilled(restored[s], keys.Where(k => Runtime.KeyGroups.SubtaskOf(k.KeyGroup, to, MaxParallelism) == s).ToArray());
                    if (restored[s] is RocksDbKeyedStateBackend rocks) AssertNothingOutsideRange(rocks);
                }
                Assert.Equal(keys.Length, seen.Count);
                Assert.Equal(keys.Length, restored.Sum(r => r.Timers.Count));
            }
            finally
            {
                DisposeAll(restored);
            }
        }
        finally
        {
            DisposeAll(old);
        }
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public void A_savepoint_restores_into_the_other_backend(string from, string to)
    {
        var storage = MemoryStorage();
        var keys = Keys(0, 100);
        using var backend = CreateSubtask(from, true, 0, 1);
        Fill(backend, keys);
        var savepoint = Checkpoint(storage, 5, new[] { backend }, savepoint: true);
        Assert.True(savepoint.Metadata.IsSavepoint);
        var restored = Restore(to, false, savepoint, 2);
        try
        {
            for (int s = 0; s < 2; s++)
                AssertFilled(restored[s], keys.Where(k => Runtime.KeyGroups.SubtaskOf(k.KeyGroup, 2, MaxParallelism) == s).ToArray());
        }
        finally
        {
            DisposeAll(restored);
        }
    }

    /// <summary>The database holds no entry of a key group outside the backend's range (restoring deleted or skipped them).</summary>
    private static void AssertNothingOutsideRange(RocksDbKeyedStateBackend backend)
    {
        using var it = backend.Db.NewIterator();
        for (it.SeekToFirst(); it.Valid(); it.Next())
        {
            var key = it.GetKeySpan();
            int group = (key[0] << 8) | key[1];
            Assert.True(group == 0xFFFF || backend.KeyGroupRange.Contains(group), $"key group {group} outside {backend.KeyGroupRange}");
        }
    }

    [Theory, MemberData(nameof(Backends), MemberType = typeof(StateTestSupport))]
    public async Task The_asynchronous_part_runs_concurrently_with_processing(string type, bool incremental)
    {
        var storage = MemoryStorage();
        var keys = Keys(0, 3000);
        using var backend = CreateSubtask(type, incremental, 0, 1);
        Fill(backend, keys);
        var snapshot = backend.Snapshot(1, SnapshotType.Checkpoint);
        var writer = storage.BeginCheckpoint(1);
        var write = Task.Run(() => snapshot.Write(writer, "op-op1-0", CancellationToken.None));
        for (int round = 0; round < 3; round++)
            foreach (var (key, group) in keys)
            {
                backend.SetCurrentKey(key, group);
                backend.GetValueState("v").Update(Bytes("changed" + round));
                backend.GetListState("l").Add(Bytes("more"));
                backend.GetMapState("m").Remove(Bytes("k2"));
                backend.GetValueState("new").Update(Bytes("x"));
            }
        var handle = await write;
        var checkpoint = storage.Complete(writer, new(1, 1, "job", false,
            new[] { new Execution.Checkpointing.OperatorStateEntry("op1", 1, MaxParallelism, new[] { new Execution.Checkpointing.SubtaskStateHandle(0, handle, null) }) }));
        var restored = Restore(type, incremental, checkpoint, 1);
        try
        {
            AssertFilled(restored[0], keys);
            Assert.Empty(restored[0].Keys("new"));
        }
        finally
        {
            DisposeAll(restored);
        }
    }

    /// <summary>Per key: value "v&lt;key&gt;", list [a, b], map {k1: 1, k2: 2}, a timer at 1000 + first key byte.</summary>
    internal static void Fill(IKeyedStateBackend backend, (byte[] Key, int KeyGroup)[] keys)
    {
        foreach (var (key, group) in keys)
        {
            backend.SetCurrentKey(key, group);
            backend.GetValueState("v").Update(Bytes("v" + Convert.ToHexString(key)));
            backend.GetListState("l").Add(Bytes("a"));
            backend.GetListState("l").Add(Bytes("b"));
            backend.GetMapState("m").Put(Bytes("k1"), Bytes("1"));
            backend.GetMapState("m").Put(Bytes("k2"), Bytes("2"));
            backend.Timers.Register(1000 + key[^1]);
        }
    }

    internal static void AssertFilled(IKeyedStateBackend backend, (byte[] Key, int KeyGroup)[] keys)
    {
        Assert.Equal(keys.Length, backend.Keys("v").Count());
        foreach (var (key, group) in keys)
        {
            backend.SetCurrentKey(key, group);
            Assert.Equal("v" + Convert.ToHexString(key), Text(backend.GetValueState("v").Value()));
            Assert.Equal(new[] { "a", "b" }, backend.GetListState("l").Get().Select(Text));
            Assert.Equal(new[] { "k1=1", "k2=2" }, backend.GetMapState("m").Entries().Select(e => Text(e.Key) + "=" + Text(e.Value)).Order());
        }
    }
}
