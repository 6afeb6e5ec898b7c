using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of a windowed aggregation into a filesystem table partitioned by minute with the
/// partition-time commit trigger and success files: every window row exactly once in its partition, and a partition's
/// <c>_SUCCESS</c> written only once all of its rows are committed (the watermark passed the partition's time plus the
/// delay), every partition's by the end.</summary>
public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>
    /// Row id at id * 200 ms of event time, key id % 3, a 10 s TUMBLE per key into (dt, hr, mi) partitions of its window
    /// start, time pattern '$dt $hr:$mi:00' and a 1 minute delay: the 21 minutes of event time commit one after another
    /// while the job runs, the last at the end of the input. After each kill no partition with a success file may lack a
    /// row; in the end every partition has one and the committed rows are each window exactly once.
    /// </summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,3")]
    public async Task Windowed_rows_into_partitions_committed_by_partition_time_killed_and_restored_commit_each_row_and_partition_once(string backend,
        string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        var windows = new SortedDictionary<(long Start, long K), (long N, long Sum)>();
        for (long id = 1; id <= Rows; id++)
        {
            long start = id * 200 / 10_000 * 10_000;
            var (n, sum) = windows.GetValueOrDefault((start, id % 3));
            windows[(start, id % 3)] = (n + 1, sum + id);
        }
        static string Partition(long ms) =>
            DateTime.UnixEpoch.AddMilliseconds(ms).ToString("'dt='yyyy-MM-dd'/hr='HH'/mi='mm", CultureInfo.InvariantCulture);
        var expected = windows.Select(w => string.Create(CultureInfo.InvariantCulture,
            $"{Partition(w.Key.Start)}|{w.Key.K},{SessionTime(w.Key.Start)},{w.Value.N},{w.Value.Sum}")).ToList();
        var partitions = windows.Keys.Select(w => Partition(w.Start)).Distinct().ToList();

        void CheckSuccessFiles(string when)
        {
            var committed = CommittedByPartition(Out);
            var early = partitions.Where(p => File.Exists(Path.Combine(Out, p, "_SUCCESS"))
                    && expected.Count(e => e.StartsWith(p + "|", StringComparison.Ordinal)) != committed.Count(c => c.StartsWith(p + "|", StringComparison.Ordinal)))
                .ToList();
            Log($"{when}: {partitions.Count(p => File.Exists(Path.Combine(Out, p, "_SUCCESS")))} of {partitions.Count} partitions have _SUCCESS");
            if (early.Count > 0) Fail($"{when}: _SUCCESS in partitions whose rows are not all committed: {string.Join(", ", early)}", null);
        }
        void Script(int run)
        {
            if (run > 1) CheckSuccessFiles($"after run {run - 1}");
            WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
                "CREATE TABLE src (id BIGINT, ts AS CAST(TO_TIMESTAMP_LTZ(id * 200, 3) AS TIMESTAMP(3)), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
                + $"WITH ('connector' = 'datagen', 'rows-per-second' = '1000', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
                "CREATE TABLE out (k BIGINT, ws TIMESTAMP(3), n BIGINT, total BIGINT, dt STRING, hr STRING, mi STRING) PARTITIONED BY (dt, hr, mi) "
                + $"WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'csv', "
                + "'partition.time-extractor.timestamp-pattern' = '$dt $hr:$mi:00', 'sink.partition-commit.trigger' = 'partition-time', "
                + "'sink.partition-commit.delay' = '1 min', 'sink.partition-commit.policy.kind' = 'success-file');",
                "INSERT INTO out SELECT id % 3, window_start, COUNT(*), SUM(id), DATE_FORMAT(window_start, 'yyyy-MM-dd'), DATE_FORMAT(window_start, 'HH'), "
                + "DATE_FORMAT(window_start, 'mm') FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY id % 3, window_start, window_end;");
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 400, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: CommittedByPartition);

        _passed = false;
        CheckSuccessFiles("after the final run");
        var missing = partitions.Where(p => !File.Exists(Path.Combine(Out, p, "_SUCCESS"))).ToList();
        if (missing.Count > 0) Fail($"no _SUCCESS in {missing.Count} of {partitions.Count} partitions: {string.Join(", ", missing)}", null);
        Pass();
    }

    /// <summary>The committed lines of a partitioned sink directory, each prefixed with its partition path and '|'.</summary>
    private static List<string> CommittedByPartition(string directory) => CommittedInFileOrder(directory, withPartition: true);
}
