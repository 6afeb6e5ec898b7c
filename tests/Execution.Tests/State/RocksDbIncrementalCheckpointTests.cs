using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Execution.State.RocksDb;
using static StreamSql.Execution.Tests.State.StateTestSupport;

namespace StreamSql.Execution.Tests.State;

public sealed class RocksDbIncrementalCheckpointTests
{
    private static HashSet<string> SharedFiles(CompletedCheckpoint checkpoint) =>
        checkpoint.Metadata.AllFiles().Where(f => f.RelativePath.StartsWith("../shared/", StringComparison.Ordinal))
            .Select(checkpoint.PathOf).ToHashSet();

    [Fact]
    public void Incremental_checkpoints_share_unchanged_files_and_shared_files_are_deleted_only_when_unreferenced()
    {
        var fileSystem = new InMemoryStateFileSystem();
        var storage = new CheckpointStorage(fileSystem, "/checkpoints", "job-1", null, numRetained: 1);
        var keys = Keys(0, 900);
        using var backend = (RocksDbKeyedStateBackend)CreateSubtask("rocksdb", true, 0, 1);

        KeyedStateBackendTests.Fill(backend, keys[..300]);
        var chk1 = Checkpoint(storage, 1, new[] { backend });
        var shared1 = SharedFiles(chk1);
        Assert.NotEmpty(shared1);
        Assert.Equal(KeyedStateFormats.RocksDbNative, chk1.Metadata.Operators[0].Subtasks[0].Keyed!.Format);

        KeyedStateBackendTests.Fill(backend, keys[300..600]);
        var chk2 = Checkpoint(storage, 2, new[] { backend });
        var shared2 = SharedFiles(chk2);
        Assert.True(shared1.IsSubsetOf(shared2), "the second checkpoint references the first one's SST files");
        Assert.True(shared2.Count > shared1.Count, "and uploads the new ones");
        // num-retained = 1: chk-1 is gone, but the files chk-2 still references are not.
        Assert.False(fileSystem.DirectoryExists(storage.CheckpointDirectory(1)));
        Assert.All(shared2, path => Assert.True(fileSystem.FileExists(path), path));

        var restored = Restore("rocksdb", true, storage.FindLatestCompleted()!, 1);
        try
        {
            KeyedStateBackendTests.AssertFilled(restored[0], keys[..600]);
        }
        finally
        {
            DisposeAll(restored);
        }

        // Compaction replaces every SST file: the next checkpoint references none of chk-2's, so they are deleted.
        KeyedStateBackendTests.Fill(backend, keys[600..]);
        backend.Db.CompactRange(Array.Empty<byte>(), new byte[] { 0xFF, 0xFF, 0xFF });
        var chk3 = Checkpoint(storage, 3, new[] { backend });
        var shared3 = SharedFiles(chk3);
        Assert.Empty(shared2.Intersect(shared3));
        Assert.All(shared2, path => Assert.False(fileSystem.FileExists(path), path));
        Assert.Equal(shared3.Order(), fileSystem.ListFiles(storage.SharedDirectory).Select(n => Path.Combine(storage.SharedDirectory, n)).Order());

        restored = Restore("rocksdb", true, storage.FindLatestCompleted()!, 1);
        try
        {
            KeyedStateBackendTests.AssertFilled(restored[0], keys);
        }
        finally
        {
            DisposeAll(restored);
        }
    }

    [Fact]
    public void A_backend_restored_from_another_jobs_checkpoint_writes_its_first_checkpoint_in_full()
    {
        // Flink's NO_CLAIM: the new job does not own the old job's shared files, so its checkpoints must not point at them
        // through a path ("../shared/...") that only resolves in the old job's directory.
        var fileSystem = new InMemoryStateFileSystem();
        var old = new CheckpointStorage(fileSystem, "/checkpoints", "old-job", null, numRetained: 1);
        var mine = new CheckpointStorage(fileSystem, "/checkpoints", "new-job", null, numRetained: 1);
        var keys = Keys(0, 300);
        using (var backend = CreateSubtask("rocksdb", true, 0, 1))
        {
            KeyedStateBackendTests.Fill(backend, keys[..200]);
            Checkpoint(old, 1, new[] { backend });
        }
        var restored = Restore("rocksdb", true, old.FindLatestCompleted()!, 1);
        try
        {
            KeyedStateBackendTests.Fill(restored[0], keys[200..]);
            var first = Checkpoint(mine, 2, restored);
            first.VerifyFilesPresent();
            Assert.All(SharedFiles(first), path => Assert.StartsWith(mine.SharedDirectory, path));
            // The old job's files may go away; the new job's checkpoint still restores.
            fileSystem.DeleteDirectory(old.JobDirectory);
            var again = Restore("rocksdb", true, mine.FindLatestCompleted()!, 1);
            try
            {
                KeyedStateBackendTests.AssertFilled(again[0], keys);
            }
            finally
            {
                DisposeAll(again);
            }
        }
        finally
        {
            DisposeAll(restored);
        }
    }

    [Fact]
    public void A_restored_backend_keeps_referencing_the_files_it_was_restored_from()
    {
        var storage = new CheckpointStorage(new InMemoryStateFileSystem(), "/checkpoints", "job-1", null, numRetained: 2);
        var keys = Keys(0, 200);
        using var backend = CreateSubtask("rocksdb", true, 0, 1);
        KeyedStateBackendTests.Fill(backend, keys);
        var chk1 = Checkpoint(storage, 1, new[] { backend });
        var restored = Restore("rocksdb", true, chk1, 1);
        try
        {
            var chk2 = Checkpoint(storage, 2, restored);
            Assert.True(SharedFiles(chk1).IsSubsetOf(SharedFiles(chk2)));
        }
        finally
        {
            DisposeAll(restored);
        }
    }

    [Fact]
    public void A_savepoint_of_an_incremental_backend_is_canonical_and_self_contained()
    {
        var storage = MemoryStorage();
        using var backend = CreateSubtask("rocksdb", true, 0, 1);
        KeyedStateBackendTests.Fill(backend, Keys(0, 10));
        var savepoint = Checkpoint(storage, 1, new[] { backend }, savepoint: true);
        var handle = savepoint.Metadata.Operators[0].Subtasks[0].Keyed!;
        Assert.Equal(KeyedStateFormats.Canonical, handle.Format);
        Assert.All(savepoint.Metadata.AllFiles(), f => Assert.DoesNotContain("..", f.RelativePath));
        Assert.StartsWith("/savepoints/savepoint-job-1-", savepoint.Directory);
    }
}
