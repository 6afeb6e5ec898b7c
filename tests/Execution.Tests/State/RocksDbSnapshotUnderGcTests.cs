using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using static StreamSql.Execution.Tests.State.StateTestSupport;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// A rocksdb snapshot written while the task keeps writing, and the restore of it, while another thread collects
/// garbage and runs finalizers without pause. RocksDB iterators read their upper bound from native memory owned by a
/// finalizable ReadOptions: when it was collected mid-scan, scans ran past their key group (the snapshot held entries
/// twice) or past their state (a restore decoded value-state keys as timers).
/// </summary>
[Collection(nameof(RocksDbSnapshotUnderGcTests))]
public sealed class RocksDbSnapshotUnderGcTests
{
    [Fact]
    public async Task Snapshots_and_restores_are_exact_while_finalizers_run()
    {
        using var stop = new CancellationTokenSource();
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();
        try
        {
            var keys = Keys(0, 1200);
            for (int round = 0; round < 5; round++)
            {
                var storage = MemoryStorage();
                using var backend = CreateSubtask("rocksdb", false, 0, 1);
                KeyedStateBackendTests.Fill(backend, keys);
                var snapshot = backend.Snapshot(1, SnapshotType.Checkpoint);
                var writer = storage.BeginCheckpoint(1);
                var write = Task.Run(() => snapshot.Write(writer, "op-op1-0", CancellationToken.None));
                foreach (var (key, group) in keys)
                {
                    backend.SetCurrentKey(key, group);
                    backend.GetValueState("v").Update(Bytes("changed"));
                    backend.GetValueState("new").Update(Bytes("x"));
                }
                var handle = await write;
                var checkpoint = storage.Complete(writer, new(1, 1, "job", false,
                    new[] { new OperatorStateEntry("op1", 1, MaxParallelism, new[] { new SubtaskStateHandle(0, handle, null) }) }));
                var restored = Restore("rocksdb", false, checkpoint, 1);
                try
                {
                    KeyedStateBackendTests.AssertFilled(restored[0], keys);
                    Assert.Equal(keys.Length, restored[0].Keys("_timers").Count());
                }
                finally
                {
                    DisposeAll(restored);
                }
            }
        }
        finally
        {
            stop.Cancel();
            collector.Join();
        }
    }
}

/// <summary>Runs alone: its endless full collections would pause every other test of the assembly.</summary>
[CollectionDefinition(nameof(RocksDbSnapshotUnderGcTests), DisableParallelization = true)]
public sealed class RocksDbSnapshotUnderGcCollection;
