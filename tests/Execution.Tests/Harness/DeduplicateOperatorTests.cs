using StreamSql.Execution.Operators.Rank;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// Deduplication (<see cref="DeduplicateOperator"/>) over (k, ts) rows keyed by k, through the operator test harness:
/// Flink's changelogs for keeping the last or first row on event time (late rows included) and on processing time, and
/// the kept rows restored at another parallelism.
/// </summary>
public sealed class DeduplicateOperatorTests
{
    private const long Second = 1_000_000;
    private static readonly RowSchema Input = new([new Field("k", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    private static DeduplicateOperator Create(bool keepLast, bool rowtime, bool updateBefore = true) =>
        new(new DeduplicateSpec([0], 1, keepLast, rowtime, updateBefore, TimeSpan.Zero, "Deduplicate(...)", Input), Input);

    [Fact]
    public async Task Keeping_the_last_row_on_rowtime_replaces_it_by_rows_at_least_as_late_and_takes_late_rows_too()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(keepLast: true, rowtime: true), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, 10 * Second), (1, 12 * Second), (1, 11 * Second), (1, 12 * Second), (2, 5 * Second)]));
        Assert.Equal(["+I[1, 10]", "-U[1, 10]", "+U[1, 12]", "-U[1, 12]", "+U[1, 12]", "+I[2, 5]"], Seconds(h.OutputRows));
    }

    [Fact]
    public async Task Keeping_the_first_row_on_rowtime_replaces_it_by_earlier_rows_only()
    {
        await using var h = await OperatorTestHarness.OpenAsync(Create(keepLast: false, rowtime: true, updateBefore: false), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyTimes([(1, 10 * Second), (1, 12 * Second), (1, 9 * Second), (1, 9 * Second)]));
        Assert.Equal(["+I[1, 10]", "+U[1, 9]"], Seconds(h.OutputRows));
    }

    [Fact]
    public async Task On_processing_time_keep_first_is_insert_only_and_keep_last_takes_every_row()
    {
        var rows = new List<(long, long)> { (1, 10 * Second), (1, 3 * Second), (2, 1 * Second), (1, 7 * Second) };
        await using var first = await OperatorTestHarness.OpenAsync(Create(keepLast: false, rowtime: false), HarnessBackend.HashMap);
        await first.ProcessBatchAsync(TestBatches.KeyTimes(rows));
        Assert.Equal(["+I[1, 10]", "+I[2, 1]"], Seconds(first.OutputRows));
        await using var last = await OperatorTestHarness.OpenAsync(Create(keepLast: true, rowtime: false), HarnessBackend.HashMap);
        await last.ProcessBatchAsync(TestBatches.KeyTimes(rows));
        Assert.Equal(["+I[1, 10]", "-U[1, 10]", "+U[1, 3]", "+I[2, 1]", "-U[1, 3]", "+U[1, 7]"], Seconds(last.OutputRows));
    }

    [Theory]
    [InlineData("hashmap", "rocksdb")]
    [InlineData("rocksdb", "hashmap")]
    public async Task Kept_rows_and_their_rowtimes_survive_a_restore_at_another_parallelism(string first, string second)
    {
        var checkpoints = new HarnessCheckpoints();
        var one = await OperatorTestHarness.OpenAsync(Create(keepLast: true, rowtime: true), GroupAggregateRescaleTests.Backend(first));
        await one.ProcessBatchAsync(TestBatches.KeyTimes(Enumerable.Range(0, 40).Select(k => ((long)k, (k + 10) * Second)).ToList()));
        var chk = await checkpoints.SnapshotAsync(1, [one]);
        await one.DisposeAsync();

        // Even keys get an older row (kept row stays), odd keys a newer one (replaced).
        var output = new List<string>();
        for (int s = 0; s < 2; s++)
        {
            await using var h = await OperatorTestHarness.OpenAsync(Create(keepLast: true, rowtime: true), GroupAggregateRescaleTests.Backend(second), s, 2, restoreFrom: chk);
            var part = TestBatches.Partition(TestBatches.KeyTimes(Enumerable.Range(0, 40).Select(k => ((long)k, (k % 2 == 0 ? k : k + 100) * Second)).ToList()), 2)[s];
            if (part.Length > 0) await h.ProcessBatchAsync(part);
            output.AddRange(Seconds(h.OutputRows));
        }
        var expected = Enumerable.Range(0, 40).Where(k => k % 2 == 1).SelectMany(k => new[] { $"-U[{k}, {k + 10}]", $"+U[{k}, {k + 100}]" }).ToList();
        output.Sort(StringComparer.Ordinal);
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, output);
    }

    /// <summary>The rows with their timestamps as whole seconds since the epoch, whatever form the harness prints them in.</summary>
    private static List<string> Seconds(IEnumerable<string> rows) => rows.Select(r =>
    {
        int comma = r.IndexOf(", ", StringComparison.Ordinal);
        var text = r[(comma + 2)..^1];
        var seconds = DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? (long)(t - DateTime.UnixEpoch).TotalSeconds
            : long.Parse(text, System.Globalization.CultureInfo.InvariantCulture) / Second;
        return $"{r[..(comma + 2)]}{seconds}]";
    }).ToList();
}
