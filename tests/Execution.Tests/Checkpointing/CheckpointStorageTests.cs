using System.Buffers.Binary;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State;
using StreamSql.Execution.Tests.State;
using StreamSql.Sql.Planner.Config;
using static StreamSql.Execution.Tests.State.StateTestSupport;

namespace StreamSql.Execution.Tests.Checkpointing;

public sealed class CheckpointStorageTests : IDisposable
{
    private readonly string _root = TempDirectory("checkpoints");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CheckpointStorage FileStorage(int retained = 1, string retention = "NO_EXTERNALIZED_CHECKPOINTS") =>
        new(LocalStateFileSystem.Instance, Path.Combine(_root, "chk"), "0123456789abcdef", Path.Combine(_root, "sp"), retained, retention, new Random(1));

    private static CompletedCheckpoint CheckpointOf(CheckpointStorage storage, long id, int keys = 20)
    {
        using var backend = CreateSubtask("hashmap", false, 0, 1);
        KeyedStateBackendTests.Fill(backend, Keys(id * 1000, keys));
        return Checkpoint(storage, id, new[] { backend });
    }

    /// <summary>Flink's default name of a statement set lists every sink ("insert-into_cat.db.a,cat.db.b,..."): a job named
    /// so must still checkpoint (a directory name has at most 255 bytes) and find its checkpoints again, and two such names
    /// that differ only at the end must not share a directory.</summary>
    [Fact]
    public void A_job_name_too_long_for_a_directory_name_checkpoints_into_a_shortened_stable_directory()
    {
        string Name(char last) => "insert-into_" + string.Join(",", Enumerable.Repeat("default_catalog.default_database.out", 7)) + last;
        var name = Name('a');
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_root, "chk"), name, null, 1, "NO_EXTERNALIZED_CHECKPOINTS", new Random(1));
        var directory = Path.GetFileName(storage.JobDirectory);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(directory) <= CheckpointStorage.MaxSafeNameBytes, directory);
        Assert.StartsWith("insert-into_default_catalog.default_database.out_default_catalog", directory);
        CheckpointOf(storage, 1);
        var again = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_root, "chk"), name, null, 1, "NO_EXTERNALIZED_CHECKPOINTS", new Random(2));
        Assert.Equal([1L], again.CompletedCheckpointIds());
        Assert.NotEqual(directory, Path.GetFileName(new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_root, "chk"), Name('b'), null, 1,
            "NO_EXTERNALIZED_CHECKPOINTS", new Random(3)).JobDirectory));
        Assert.Equal("short-job_name", CheckpointStorage.SafeName("short-job name"));
        // The rocksdb working directory of its subtasks is named after it too.
        using var backend = StateBackends.CreateKeyed(Configuration.Empty.With("state.backend.type", "rocksdb").With("state.backend.rocksdb.localdir", Path.Combine(_root, "rocks")),
            name, "0123456789abcdef0123456789abcdef", 1, 2, 128);
        Assert.Equal("rocksdb", backend.Name);
        Assert.All(Directory.GetDirectories(Path.Combine(_root, "rocks")), d => Assert.True(Path.GetFileName(d).Length <= 255, d));
    }

    [Fact]
    public void An_in_memory_file_holds_every_byte_written_across_its_chunks_once_closed()
    {
        var fileSystem = new InMemoryStateFileSystem();
        var expected = new byte[(5 << 20) / 2 + 17];
        new Random(5).NextBytes(expected);
        var random = new Random(6);
        using (var stream = fileSystem.Create("/mem/file"))
        {
            int written = 0;
            while (written < expected.Length)
            {
                int n = Math.Min(expected.Length - written, random.Next(3) switch { 0 => 1, 1 => random.Next(1, 5000), _ => random.Next(1, 3 << 20) });
                if (n == 1) stream.WriteByte(expected[written]);
                else stream.Write(expected, written, n);
                written += n;
            }
            Assert.False(fileSystem.FileExists("/mem/file"));
        }
        Assert.Equal(expected.Length, fileSystem.Length("/mem/file"));
        using var read = new MemoryStream();
        using (var stream = fileSystem.OpenRead("/mem/file")) stream.CopyTo(read);
        Assert.Equal(expected, read.ToArray());
    }

    [Fact]
    public void In_memory_files_written_after_others_were_deleted_reuse_their_chunks_without_changing_any_file_read()
    {
        var fileSystem = new InMemoryStateFileSystem();
        byte[] Bytes(int seed)
        {
            var bytes = new byte[(5 << 20) / 2 + 17];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }
        void Write(string path, byte[] bytes)
        {
            using var stream = fileSystem.Create(path);
            stream.Write(bytes);
        }
        byte[] Read(Stream stream)
        {
            using var read = new MemoryStream();
            stream.CopyTo(read);
            return read.ToArray();
        }
        Write("/mem/1", Bytes(1));
        Write("/mem/small", [1, 2, 3]);
        using var openBeforeDelete = fileSystem.OpenRead("/mem/1");
        fileSystem.DeleteFile("/mem/1");
        var second = Bytes(2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Write("/mem/2", second);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // The two whole chunks come from the deleted file; only the last half chunk is copied into an array of its length.
        Assert.True(allocated < 1 << 20, $"writing 2.5 MB after deleting 2.5 MB allocated {allocated} bytes besides the content");
        Assert.Equal(Bytes(1), Read(openBeforeDelete));
        Assert.Equal(second, Read(fileSystem.OpenRead("/mem/2")));
        Assert.Equal([1, 2, 3], Read(fileSystem.OpenRead("/mem/small")));
        Write("/mem/2", Bytes(3));
        Assert.Equal(Bytes(3), Read(fileSystem.OpenRead("/mem/2")));
        Assert.Equal(Bytes(3).Length, fileSystem.Length("/mem/2"));
    }

    [Theory]
    [InlineData("file://{0}")]
    [InlineData("file://localhost{0}")]
    [InlineData("file:{0}")]
    [InlineData("{0}")]
    public void Checkpoint_and_savepoint_directories_may_be_file_uris_as_in_flink(string form)
    {
        string uri = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, _root);
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, uri + "/chk", "job", uri + "/sp");
        Assert.Equal(Path.Combine(_root, "chk", "job"), storage.JobDirectory);
        Assert.Equal(Path.Combine(_root, "sp"), storage.SavepointDirectory);
        var completed = CheckpointOf(storage, 1);
        Assert.Equal(1, storage.Load("file://" + completed.Directory).CheckpointId);
    }

    [Fact]
    public void A_directory_on_another_file_system_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => new CheckpointStorage(LocalStateFileSystem.Instance, "s3://bucket/chk", "job", null));
        Assert.Contains("'s3://bucket/chk' is not a local path", e.Message);
    }

    [Fact]
    public void Metadata_round_trips_every_field()
    {
        var metadata = new CheckpointMetadata(42, 1_700_000_000_123, "my job", false, new[]
        {
            new OperatorStateEntry("a1b2", 2, 128, new[]
            {
                new SubtaskStateHandle(0, new KeyedStateHandle("canonical", new KeyGroupRange(0, 1), new long[] { 10, 20 },
                    new[] { new StateFileHandle("op-a1b2-0.keyed", 99, 0xDEADBEEF) }), new StateFileHandle("op-a1b2-0.operator", 7, 5)),
                new SubtaskStateHandle(1, new KeyedStateHandle("rocksdb-native", new KeyGroupRange(64, 127), Array.Empty<long>(),
                    new[] { new StateFileHandle("../shared/x-000009.sst", 1234, 77, "000009.sst") }), null),
            }),
            new OperatorStateEntry("src", 1, 128, new[] { new SubtaskStateHandle(0, null, new StateFileHandle("op-src-0.operator", 3, 9)) }),
        });
        var back = CheckpointMetadataFormat.Deserialize(CheckpointMetadataFormat.Serialize(metadata), "/x/_metadata");
        Assert.Equal((42L, 1_700_000_000_123L, "my job", false), (back.CheckpointId, back.TimestampMillis, back.JobName, back.IsSavepoint));
        Assert.Equal(2, back.Operators.Count);
        var s0 = back.Operators[0].Subtasks[0];
        Assert.Equal(new KeyGroupRange(0, 1), s0.Keyed!.KeyGroups);
        Assert.Equal(new long[] { 10, 20 }, s0.Keyed.KeyGroupOffsets);
        Assert.Equal(new StateFileHandle("op-a1b2-0.keyed", 99, 0xDEADBEEF), s0.Keyed.Files[0]);
        Assert.Equal(new StateFileHandle("op-a1b2-0.operator", 7, 5), s0.OperatorState);
        Assert.Equal(new StateFileHandle("../shared/x-000009.sst", 1234, 77, "000009.sst"), back.Operators[0].Subtasks[1].Keyed!.Files[0]);
        Assert.Null(back.Operators[1].Subtasks[0].Keyed);
        Assert.Equal(metadata.AllFiles().Count(), back.AllFiles().Count());
    }

    [Fact]
    public void Savepoint_metadata_may_not_reference_files_outside_its_directory()
    {
        var metadata = new CheckpointMetadata(1, 0, "job", true, new[]
        {
            new OperatorStateEntry("op", 1, 128, new[] { new SubtaskStateHandle(0, null, new StateFileHandle("../shared/x.operator", 1, 2)) }),
        });
        var e = Assert.Throws<CheckpointFormatException>(() => CheckpointMetadataFormat.Deserialize(CheckpointMetadataFormat.Serialize(metadata), "/sp/_metadata"));
        Assert.Equal("checkpoint /sp/_metadata references '../shared/x.operator', which is not a path inside the savepoint", e.Message);
        var inconsistent = new CheckpointMetadata(1, 0, "job", false, new[]
        {
            new OperatorStateEntry("op", 2, 128, new[] { new SubtaskStateHandle(0,
                new KeyedStateHandle("canonical", new KeyGroupRange(0, 63), new long[3], new[] { new StateFileHandle("a", 1, 1) }), null) }),
        });
        e = Assert.Throws<CheckpointFormatException>(() => CheckpointMetadataFormat.Deserialize(CheckpointMetadataFormat.Serialize(inconsistent), "/c/_metadata"));
        Assert.Equal("checkpoint /c/_metadata is corrupt: operator op subtask 0 has an inconsistent key group range [0, 63]", e.Message);
    }

    [Fact]
    public void Metadata_is_written_last_and_the_layout_is_one_directory_per_checkpoint()
    {
        var storage = FileStorage();
        var checkpoint = CheckpointOf(storage, 7);
        var dir = Path.Combine(_root, "chk", "0123456789abcdef", "chk-7");
        Assert.Equal(dir, checkpoint.Directory);
        Assert.Equal(new[] { "_metadata", "op-op1-0.keyed" }, Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Equal(7, storage.Load(Path.Combine(dir, "_metadata")).CheckpointId);
    }

    [Fact]
    public void A_truncated_metadata_file_is_reported_with_its_path()
    {
        var storage = FileStorage();
        var checkpoint = CheckpointOf(storage, 7);
        var bytes = File.ReadAllBytes(checkpoint.MetadataPath);
        File.WriteAllBytes(checkpoint.MetadataPath, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<CheckpointFormatException>(() => storage.Load(checkpoint.Directory));
        Assert.StartsWith($"checkpoint {checkpoint.MetadataPath} is truncated", e.Message);
    }

    [Fact]
    public void A_metadata_file_of_another_version_is_refused()
    {
        var storage = FileStorage();
        var checkpoint = CheckpointOf(storage, 7);
        var bytes = File.ReadAllBytes(checkpoint.MetadataPath);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 9);
        File.WriteAllBytes(checkpoint.MetadataPath, bytes);
        var e = Assert.Throws<CheckpointFormatException>(() => storage.Load(checkpoint.Directory));
        Assert.Equal($"checkpoint {checkpoint.MetadataPath} has version 9, this build reads 1 and 2", e.Message);
    }

    [Fact]
    public void A_flipped_bit_in_metadata_fails_its_checksum()
    {
        var storage = FileStorage();
        var checkpoint = CheckpointOf(storage, 7);
        var bytes = File.ReadAllBytes(checkpoint.MetadataPath);
        bytes[30] ^= 1;
        File.WriteAllBytes(checkpoint.MetadataPath, bytes);
        var e = Assert.Throws<CheckpointFormatException>(() => storage.Load(checkpoint.Directory));
        Assert.StartsWith($"checksum mismatch in {checkpoint.MetadataPath}", e.Message);
    }

    [Fact]
    public void A_corrupt_state_file_fails_its_checksum_on_restore()
    {
        var storage = FileStorage();
        var checkpoint = CheckpointOf(storage, 7);
        var path = Path.Combine(checkpoint.Directory, "op-op1-0.keyed");
        var bytes = File.ReadAllBytes(path);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointFormatException>(() => Restore("hashmap", false, storage.Load(checkpoint.Directory), 1));
        Assert.Equal($"checksum mismatch in {path}", e.Message);
    }

    [Fact]
    public void A_missing_state_file_is_named_and_the_checkpoint_is_skipped_by_the_latest_lookup()
    {
        var storage = FileStorage(retained: 3);
        CheckpointOf(storage, 1);
        var checkpoint = CheckpointOf(storage, 2);
        var path = Path.Combine(checkpoint.Directory, "op-op1-0.keyed");
        File.Delete(path);
        var e = Assert.Throws<CheckpointFormatException>(() => storage.Load(checkpoint.Directory).VerifyFilesPresent());
        Assert.Equal($"state file {path} of checkpoint {checkpoint.Directory} is missing", e.Message);
        var skipped = new List<string>();
        Assert.Equal(1, storage.FindLatestCompleted(skipped)!.CheckpointId);
        Assert.Equal(new[] { e.Message }, skipped);
    }

    [Fact]
    public void The_latest_lookup_skips_incomplete_and_corrupt_checkpoints_and_says_why()
    {
        var storage = FileStorage(retained: 5);
        CheckpointOf(storage, 3);
        var corrupt = CheckpointOf(storage, 4);
        File.WriteAllBytes(corrupt.MetadataPath, File.ReadAllBytes(corrupt.MetadataPath)[..20]);
        var writer = storage.BeginCheckpoint(5);
        writer.WriteExclusive("op-op1-0.keyed", s => s.WriteByte(1));
        var skipped = new List<string>();
        var latest = storage.FindLatestCompleted(skipped);
        Assert.Equal(3, latest!.CheckpointId);
        Assert.Equal(2, skipped.Count);
        Assert.Equal($"checkpoint {storage.CheckpointDirectory(5)} is incomplete (no _metadata)", skipped[0]);
        Assert.StartsWith($"checkpoint {corrupt.MetadataPath} is truncated", skipped[1]);
        KeyedStateBackendTests.AssertFilled(Restore("hashmap", false, latest, 1)[0], Keys(3000, 20));
    }

    [Fact]
    public void Retention_keeps_the_newest_num_retained_checkpoints()
    {
        var storage = FileStorage(retained: 2);
        for (int id = 1; id <= 4; id++) CheckpointOf(storage, id);
        Assert.Equal(new long[] { 4, 3 }, storage.CompletedCheckpointIds());
        Assert.False(Directory.Exists(storage.CheckpointDirectory(1)));
        Assert.False(Directory.Exists(storage.CheckpointDirectory(2)));
    }

    [Fact]
    public void Completing_a_checkpoint_makes_its_files_durable_before_its_metadata_and_its_directory_entry_after()
    {
        var files = new RecordingFileSystem();
        var storage = new CheckpointStorage(files, "/chk", "job", null);
        var writer = storage.BeginCheckpoint(7);
        var a = writer.WriteExclusive("op-a-0.operator", s => s.Write(new byte[10]));
        var b = writer.WriteShared("x.sst", "x.sst", s => s.Write(new byte[20]));
        storage.Complete(writer, new CheckpointMetadata(7, 0, "job", false, [new OperatorStateEntry("a", 1, 128,
            [new SubtaskStateHandle(0, new KeyedStateHandle(KeyedStateFormats.RocksDbNative, new KeyGroupRange(0, 127), [], [b]), a)])]));

        int metadata = files.Log.IndexOf("write-atomically /chk/job/chk-7/_metadata");
        Assert.True(metadata > 0, string.Join("\n", files.Log));
        Assert.InRange(files.Log.IndexOf("sync /chk/job/chk-7/op-a-0.operator"), 0, metadata);
        Assert.InRange(files.Log.IndexOf("sync /chk/job/shared/x.sst"), 0, metadata);
        Assert.InRange(files.Log.IndexOf("sync /chk/job/chk-7"), 0, metadata);
        Assert.InRange(files.Log.IndexOf("sync /chk/job/shared"), 0, metadata);
        Assert.True(files.Log.IndexOf("sync /chk/job") > metadata, "the job directory's entry for chk-7 is flushed after _metadata");
    }

    [Fact]
    public async Task Checkpoints_completing_at_the_same_time_never_fail_each_other()
    {
        // A final checkpoint and a periodic one may finish together; each deletes the checkpoints older than the retained.
        var storage = FileStorage(retained: 1);
        for (long id = 1; id <= 120; id += 2)
        {
            var writers = new[] { storage.BeginCheckpoint(id), storage.BeginCheckpoint(id + 1) };
            foreach (var w in writers) w.WriteExclusive("op-a-0.operator", s => s.Write(new byte[64]));
            await Task.WhenAll(writers.Select(w => Task.Run(() => storage.Complete(w, new CheckpointMetadata(w.CheckpointId, 0, "job", false,
                [new OperatorStateEntry("a", 1, 128, [new SubtaskStateHandle(0, null, new StateFileHandle("op-a-0.operator", 64, Crc32C.Compute(new byte[64])))])])))));
        }
        var latest = Assert.Single(storage.CompletedCheckpointIds());
        Assert.Equal(120, latest);
        storage.FindLatestCompleted()!.VerifyFilesPresent();
    }

    [Fact]
    public void Leftovers_of_dead_runs_are_removed_and_completed_checkpoints_kept()
    {
        var storage = FileStorage(retained: 5);
        using var backend = CreateSubtask("rocksdb", true, 0, 1);
        KeyedStateBackendTests.Fill(backend, Keys(0, 50));
        var completed = Checkpoint(storage, 1, new[] { backend });
        var incomplete = storage.BeginCheckpoint(2);
        incomplete.WriteExclusive("op-x-0.operator", s => s.Write(new byte[4]));
        incomplete.WriteShared("orphan.sst", "orphan.sst", s => s.Write(new byte[4]));

        storage.RemoveLeftovers();

        Assert.False(Directory.Exists(storage.CheckpointDirectory(2)));
        Assert.False(File.Exists(Path.Combine(storage.SharedDirectory, "orphan.sst")));
        Assert.Equal(new long[] { 1 }, storage.CompletedCheckpointIds());
        storage.Load(completed.Directory).VerifyFilesPresent();
    }

    [Fact]
    public void Local_files_and_directories_are_flushed_without_error()
    {
        var file = Path.Combine(_root, "f");
        File.WriteAllText(file, "x");
        LocalStateFileSystem.Instance.Sync(file);
        LocalStateFileSystem.Instance.Sync(_root);
        Assert.Throws<IOException>(() => FileDurability.SyncDirectory(Path.Combine(_root, "missing")));
    }

    /// <summary>An in-memory file system that logs creates, syncs and atomic writes in order.</summary>
    private sealed class RecordingFileSystem : IStateFileSystem
    {
        private readonly InMemoryStateFileSystem _inner = new();
        public List<string> Log { get; } = new();
        public Stream Create(string path) { Log.Add("create " + path); return _inner.Create(path); }
        public Stream OpenRead(string path) => _inner.OpenRead(path);
        public bool FileExists(string path) => _inner.FileExists(path);
        public long Length(string path) => _inner.Length(path);
        public void WriteAtomically(string path, ReadOnlySpan<byte> content) { Log.Add("write-atomically " + path); _inner.WriteAtomically(path, content); }
        public IReadOnlyList<string> ListDirectories(string path) => _inner.ListDirectories(path);
        public IReadOnlyList<string> ListFiles(string path) => _inner.ListFiles(path);
        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);
        public void DeleteFile(string path) => _inner.DeleteFile(path);
        public void DeleteDirectory(string path) => _inner.DeleteDirectory(path);
        public void Sync(string path) => Log.Add("sync " + path);
    }

    [Theory]
    [InlineData("NO_EXTERNALIZED_CHECKPOINTS", JobTermination.Failed, false)]
    [InlineData("DELETE_ON_CANCELLATION", JobTermination.Failed, true)]
    [InlineData("DELETE_ON_CANCELLATION", JobTermination.Cancelled, false)]
    [InlineData("RETAIN_ON_CANCELLATION", JobTermination.Cancelled, true)]
    [InlineData("RETAIN_ON_CANCELLATION", JobTermination.Stopped, false)]
    [InlineData("NO_EXTERNALIZED_CHECKPOINTS", JobTermination.Finished, true)]
    public void The_retention_policy_decides_what_survives_the_job(string retention, JobTermination termination, bool kept)
    {
        var storage = FileStorage(retention: retention);
        CheckpointOf(storage, 1);
        storage.OnJobTerminated(termination);
        Assert.Equal(kept, storage.FindLatestCompleted() is not null);
    }

    [Fact]
    public void A_finished_job_keeps_only_its_final_checkpoint()
    {
        var storage = FileStorage(retained: 3);
        for (int id = 1; id <= 3; id++) CheckpointOf(storage, id);
        storage.OnJobTerminated(JobTermination.Finished);
        Assert.Equal(new long[] { 3 }, storage.CompletedCheckpointIds());
        storage.FindLatestCompleted()!.VerifyFilesPresent();
    }

    [Fact]
    public void A_savepoint_moved_to_another_directory_restores()
    {
        var storage = FileStorage();
        var keys = Keys(0, 300);
        using var backend = CreateSubtask("rocksdb", true, 0, 1);
        KeyedStateBackendTests.Fill(backend, keys);
        var savepoint = Checkpoint(storage, 9, new[] { backend }, savepoint: true);
        Assert.Matches(@"savepoint-012345-[0-9a-f]{12}$", savepoint.Directory);
        var moved = Path.Combine(_root, "elsewhere", "mine");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(savepoint.Directory, moved);
        var loaded = CheckpointStorage.Load(LocalStateFileSystem.Instance, Path.Combine(moved, "_metadata"));
        Assert.Equal(9, loaded.CheckpointId);
        var restored = Restore("hashmap", false, loaded, 3);
        Assert.Equal(keys.Length, restored.Sum(r => r.Keys("v").Count()));
        for (int s = 0; s < 3; s++)
            KeyedStateBackendTests.AssertFilled(restored[s], keys.Where(k => Runtime.KeyGroups.SubtaskOf(k.KeyGroup, 3, MaxParallelism) == s).ToArray());
    }

    [Fact]
    public void Options_accept_both_generations_of_keys_and_choose_the_storage()
    {
        var dir = Path.Combine(_root, "old-style");
        var config = Configuration.Empty.With("state.checkpoints.dir", dir).With("state.checkpoints.num-retained", "3")
            .With("state.backend", "rocksdb").With("state.backend.incremental", "true");
        Assert.Equal("rocksdb", config.Get(CheckpointingOptions.StateBackend));
        Assert.True(config.Get(CheckpointingOptions.Incremental));
        var storage = CheckpointStorage.FromConfiguration(config, "job");
        Assert.IsType<LocalStateFileSystem>(storage.FileSystem);
        Assert.Equal(3, storage.NumRetained);
        Assert.Equal(Path.Combine(dir, "job"), storage.JobDirectory);
        Assert.IsType<InMemoryStateFileSystem>(CheckpointStorage.FromConfiguration(Configuration.Empty, "job").FileSystem);
        Assert.Equal("EXACTLY_ONCE", Configuration.Empty.Get(CheckpointingOptions.Mode));
        Assert.NotNull(CheckpointingOptions.Mode.Validate("sideways"));
        Assert.Equal("hashmap", Configuration.Empty.With("state.backend", "filesystem").Get(CheckpointingOptions.StateBackend));
        Assert.Equal("'heap' is not a state backend (expected 'hashmap' or 'rocksdb')", CheckpointingOptions.StateBackend.Validate("heap"));
        Assert.Equal(TimeSpan.FromMinutes(10), Configuration.Empty.Get(CheckpointingOptions.Timeout));
        using var backend = StateBackends.CreateKeyed(config.With("state.backend.rocksdb.localdir", Path.Combine(_root, "rocks")), "job", "op", 1, 2, 128);
        Assert.Equal("rocksdb", backend.Name);
        Assert.Equal(new KeyGroupRange(64, 127), backend.KeyGroupRange);
    }

    [Fact]
    public void Operator_state_is_split_evenly_or_unioned_on_rescale()
    {
        var storage = MemoryStorage();
        var writer = storage.BeginCheckpoint(1);
        var files = new List<StateFileHandle>();
        for (int s = 0; s < 2; s++)
        {
            var backend = new OperatorStateBackend();
            for (int i = 0; i < 5; i++) backend.GetListState("offsets").Add(new[] { (byte)(s * 10 + i) });
            backend.GetUnionListState("watermarks").Add(new[] { (byte)(100 + s) });
            files.Add(backend.Snapshot().Write(writer, $"op-src-{s}")!);
        }
        var checkpoint = storage.Complete(writer, new CheckpointMetadata(1, 0, "job", false, new[]
            { new OperatorStateEntry("src", 2, 128, files.Select((f, i) => new SubtaskStateHandle(i, null, f)).ToArray()) }));
        var handles = checkpoint.Metadata.Operators[0].Subtasks.Select(s => s.OperatorState!).ToArray();
        var restored = new List<byte>[3];
        for (int s = 0; s < 3; s++)
        {
            var backend = new OperatorStateBackend();
            backend.Restore(handles, checkpoint, s, 3);
            restored[s] = backend.GetListState("offsets").Get().Select(e => e[0]).ToList();
            Assert.Equal(new byte[] { 100, 101 }, backend.GetUnionListState("watermarks").Get().Select(e => e[0]));
        }
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 10, 11, 12, 13, 14 }, restored.SelectMany(r => r));
        Assert.All(restored, r => Assert.InRange(r.Count, 3, 4));
    }
}
