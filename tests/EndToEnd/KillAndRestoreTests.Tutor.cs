using System.Globalization;

namespace StreamSql.EndToEnd;

/// <summary>Kill -9 and resume of the stateful shapes of public Flink SQL tutorials (their scenarios are
/// tests/EndToEnd/scenarios/tutor_*.sql), over paced datagen sequences in place of the tutorials' kafka topics: the
/// sql-training's rides and fares joined in WHERE (an interval join keeping the ride's rowtime) under a legacy TUMBLE,
/// Jark Wu's flink-sql-demo cumulative UV (an unbounded proctime OVER window feeding a GROUP BY, and a per-day COUNT
/// DISTINCT into a changelog file), and Nexmark's q5 hot items (two HOP aggregations joined on their windows). Killed
/// twice and restored at other parallelisms; expected rows computed here or by DuckDB.</summary>
public sealed partial class KillAndRestoreTests
{
    /// <summary>sql-training: rides (every third one an end event) joined with fares paid 500 ms before the ride's time by
    /// <c>FROM Rides r, Fares f WHERE r.rideId = f.rideId AND NOT r.isStart AND f.payTime BETWEEN r.rideTime - INTERVAL '1'
    /// SECOND AND r.rideTime</c>, then SUM of the tips and COUNT per 1 s legacy TUMBLE on the ride's rowtime, which the
    /// interval join keeps: every window exactly once with an uninterrupted run's values.</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,3")]
    public async Task Tutor_sql_training_tips_per_window_after_a_where_interval_join_killed_and_restored_commit_every_window_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "CREATE TABLE Rides (rideId BIGINT, isStart AS rideId % 3 <> 0, rideTime AS TO_TIMESTAMP_LTZ(rideId * 10, 3), "
            + "WATERMARK FOR rideTime AS rideTime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '800', "
            + $"'fields.rideId.kind' = 'sequence', 'fields.rideId.start' = '1', 'fields.rideId.end' = '{Rows}');",
            "CREATE TABLE Fares (rideId BIGINT, tip AS rideId % 7, payTime AS TO_TIMESTAMP_LTZ(rideId * 10 - 500, 3), "
            + "WATERMARK FOR payTime AS payTime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '800', "
            + $"'fields.rideId.kind' = 'sequence', 'fields.rideId.start' = '1', 'fields.rideId.end' = '{Rows}');",
            "CREATE TABLE out (hourStart TIMESTAMP(3), tips BIGINT, cnt BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', 'format' = 'csv');",
            "INSERT INTO out SELECT TUMBLE_START(r.rideTime, INTERVAL '1' SECOND), SUM(f.tip), COUNT(*) FROM Rides r, Fares f "
            + "WHERE r.rideId = f.rideId AND NOT r.isStart AND f.payTime BETWEEN r.rideTime - INTERVAL '1' SECOND AND r.rideTime "
            + "GROUP BY TUMBLE(r.rideTime, INTERVAL '1' SECOND);");
        var windows = new SortedDictionary<long, (long Tips, long Count)>();
        for (long id = 3; id <= Rows; id += 3)
        {
            long start = id * 10 / 1000 * 1000;
            var (tips, count) = windows.GetValueOrDefault(start);
            windows[start] = (tips + id % 7, count + 1);
        }
        var expected = windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{SessionTime(w.Key)},{w.Value.Tips},{w.Value.Count}")).ToList();
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }

    /// <summary>flink-sql-demo, cumulative UV (its first version): MAX of the 10-minute time string and COUNT(DISTINCT
    /// user_id) over an unbounded, unpartitioned OVER window ordered by PROCTIME(), then MAX(uv) GROUP BY time_str, into
    /// debezium-json. The source runs at 'scan.parallelism' 1, so the rows reach the OVER window in sequence order and each
    /// 10-minute string's final uv is the distinct users up to its last row; the OVER window's accumulators (the distinct
    /// users seen) must survive the kills. Replayed in file order every change retracts the current row and the end is
    /// DuckDB's answer.</summary>
    [Theory]
    [InlineData("hashmap", "1,2,1")]
    [InlineData("rocksdb", "2,1,3")]
    public async Task Tutor_flink_sql_demo_cumulative_uv_over_a_proctime_window_killed_and_restored_ends_in_the_batch_answer(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "SET 'table.local-time-zone' = 'UTC';",
            "CREATE TABLE user_behavior (id BIGINT, user_id AS id * 7919 % 1500, ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), proctime AS PROCTIME(), "
            + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '800', 'scan.parallelism' = '1', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (time_str STRING, uv BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'debezium-json');",
            "CREATE VIEW uv_per_10min AS SELECT MAX(SUBSTR(DATE_FORMAT(ts, 'HH:mm'), 1, 4) || '0') OVER w AS time_str, "
            + "COUNT(DISTINCT user_id) OVER w AS uv FROM user_behavior WINDOW w AS (ORDER BY proctime ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);",
            "INSERT INTO out SELECT time_str, MAX(uv) FROM uv_per_10min GROUP BY time_str;");
        // Ids are seconds from the epoch: the 10-minute strings rise with the ids (6000 s do not wrap a day), so a string's
        // uv is the distinct users up to its last id.
        string batch = "SELECT '\"' || t || '\",' || max(uv) FROM (SELECT substr(strftime(TIMESTAMP '1970-01-01' + i * INTERVAL 1 SECOND, '%H:%M'), 1, 4) || '0' AS t, "
            + $"count(DISTINCT i * 7919 % 1500) OVER (ORDER BY i) AS uv FROM range(1, {Rows + 1}) r(i)) GROUP BY t";
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, ParquetOutput.Read(batch), maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: directory => ReplayedChangelog("debezium-json", keyWidth: 1, directory));
        AssertReplayEndsInBatchAnswer("debezium-json", keyWidth: 1, batch);
    }

    /// <summary>flink-sql-demo, cumulative UV per day (its later version): per DATE_FORMAT(ts, 'yyyy-MM-dd') the MAX of the
    /// 10-minute string and COUNT(DISTINCT user_id), a GROUP BY over parallel sources into canal-json; replayed in file order
    /// every change retracts the current row and the end is DuckDB's answer.</summary>
    [Theory]
    [InlineData("rocksdb", "2,1,2")]
    [InlineData("hashmap", "1,3,2")]
    public async Task Tutor_flink_sql_demo_cumulative_uv_per_day_killed_and_restored_ends_in_the_batch_answer(string backend, string parallelisms)
    {
        const int Rows = 6_000;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            "SET 'table.local-time-zone' = 'UTC';",
            "CREATE TABLE user_behavior (id BIGINT, user_id AS id * 7919 % 1500, ts AS TO_TIMESTAMP_LTZ(id * 144000, 3), "
            + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '800', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (date_str STRING, time_str STRING, uv BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'canal-json');",
            "INSERT INTO out SELECT date_str, MAX(time_str), COUNT(DISTINCT user_id) AS uv FROM (SELECT DATE_FORMAT(ts, 'yyyy-MM-dd') AS date_str, "
            + "SUBSTR(DATE_FORMAT(ts, 'HH:mm'), 1, 4) || '0' AS time_str, user_id FROM user_behavior) GROUP BY date_str;");
        string batch = "SELECT '\"' || d || '\",\"' || max(t) || '\",' || count(DISTINCT u) FROM (SELECT strftime(ts, '%Y-%m-%d') AS d, substr(strftime(ts, '%H:%M'), 1, 4) || '0' AS t, u "
            + $"FROM (SELECT TIMESTAMP '1970-01-01' + i * INTERVAL 144 SECOND AS ts, i * 7919 % 1500 AS u FROM range(1, {Rows + 1}) r(i))) GROUP BY d";
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, ParquetOutput.Read(batch), maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true,
            readOutput: directory => ReplayedChangelog("canal-json", keyWidth: 1, directory));
        AssertReplayEndsInBatchAnswer("canal-json", keyWidth: 1, batch);
    }

    /// <summary>The rows a changelog file sink holds once its committed messages are replayed in file order (each insert
    /// makes its row the key's current one, each delete removes it), as JSON values joined by commas.</summary>
    private static List<string> ReplayedChangelog(string format, int keyWidth, string directory)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in CommittedInFileOrder(directory))
        {
            var (insert, row, _) = ParseChangeMessage(format, line);
            var key = string.Join(",", row.Split(',').Take(keyWidth));
            if (insert) current[key] = row;
            else current.Remove(key);
        }
        return current.Values.ToList();
    }

    /// <summary>Nexmark q5 (hot items) as the nexmark repository writes it, over a bid table made of a paced sequence (bid id
    /// at id * 10 ms, auction id * 7919 % 13): COUNT(*) per auction over HOP(2 s, 10 s), the MAX of those counts per
    /// window, joined back on the window where num >= maxn. Every window's hottest auctions exactly once.</summary>
    [Theory]
    [InlineData("hashmap", "2,1,2")]
    [InlineData("rocksdb", "1,3,1")]
    public async Task Tutor_nexmark_q5_hot_items_killed_and_restored_commit_every_windows_hottest_auctions_exactly_once(string backend, string parallelisms)
    {
        const int Rows = 6_000, Auctions = 13;
        var perRun = ParallelismsOf(parallelisms);
        void Script(int run) => WriteScript(Settings(backend, ParallelismOfRun(perRun, run)),
            $"CREATE TABLE bid (id BIGINT, auction AS id * 7919 % {Auctions}, `dateTime` AS TO_TIMESTAMP_LTZ(id * 10, 3), "
            + "WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '800', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{Rows}');",
            $"CREATE TABLE out (auction BIGINT, num BIGINT) WITH ('connector' = 'filesystem', 'path' = '{Out}', 'format' = 'csv');",
            "INSERT INTO out SELECT AuctionBids.auction, AuctionBids.num FROM ("
            + "SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime "
            + "FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end"
            + ") AS AuctionBids JOIN ("
            + "SELECT MAX(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM ("
            + "SELECT COUNT(*) AS num, window_start AS starttime, window_end AS endtime "
            + "FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) GROUP BY auction, window_start, window_end"
            + ") AS CountBids GROUP BY CountBids.starttime, CountBids.endtime"
            + ") AS MaxBids ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime AND AuctionBids.num >= MaxBids.maxn;");
        var counts = new Dictionary<(long Start, long Auction), long>();
        for (long id = 1; id <= Rows; id++)
        {
            long t = id * 10, last = t / 2000 * 2000;
            for (long start = last; start > t - 10_000; start -= 2000)
                counts[(start, id * 7919 % Auctions)] = counts.GetValueOrDefault((start, id * 7919 % Auctions)) + 1;
        }
        var expected = new List<string>();
        foreach (var window in counts.GroupBy(c => c.Key.Start))
        {
            long max = window.Max(c => c.Value);
            expected.AddRange(window.Where(c => c.Value == max).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key.Auction},{c.Value}")));
        }
        await KillRestartAndFinishAsync(kills: perRun.Length - 1, expected, maxDelayMs: 600, beforeRun: Script, lastKillAfterOutput: true);
    }
}
