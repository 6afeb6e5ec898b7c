using StreamSql.Bench;
using StreamSql.Bench.Reports;

namespace StreamSql.Shell.Tests;

/// <summary>
/// The Rx.NET baselines of the windowed queries compute DuckDB's rows: q5 (hot items over HOP windows) and q7 (highest bid
/// per TUMBLE window) over a stream slow enough in event time (5,000 events per second, 12 s) to span several windows, with
/// bids exactly on window boundaries (event 50,004 is a bid at 10.000 s) and ties for the largest count.
/// </summary>
public sealed class RxBaselineTests
{
    [Fact]
    public async Task Rx_q5_and_q7_equal_duckdb_over_several_windows()
    {
        var options = new NexmarkBenchOptions
        {
            Queries = new[] { "q5", "q7" },
            Events = 60_000,
            EventRate = 5_000,
            CheckpointInterval = null,
            Source = SourceMode.Memory,
            Json = true,
        };
        var output = new StringWriter();
        var notes = new StringWriter();
        var benchmark = new NexmarkBenchmark(options, output, notes, progress: null);

        int code = await benchmark.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(code == 0, notes.ToString() + output);
        foreach (var report in benchmark.Reports)
        {
            Assert.Equal(CheckOutcome.Passed, report.Check);
            var duckdb = report.Baseline("duckdb")!;
            // 12 s of event time: two 10-second windows (q7), seven 10-second windows sliding by 2 s (q5), each with a row.
            Assert.True(duckdb.Fingerprint.Rows >= (report.Query == "q7" ? 2 : 7), $"{report.Query}: {duckdb.Fingerprint}");
            var rx = report.Baseline("rx");
            Assert.True(rx is not null, $"{report.Query} has no Rx.NET baseline");
            Assert.True(report.BaselineCorrect("rx"), $"{report.Query}: Rx.NET computed {rx.Fingerprint}, DuckDB {duckdb.Fingerprint}");
        }
    }
}
