using Apache.Arrow;
using StreamSql.Connectors.Nexmark;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Catalog;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>Stop a nexmark source at one parallelism, resume at another: every event exactly once, with the same content.</summary>
public sealed class NexmarkRescaleTests
{
    private static CatalogTable EventTable(long events, bool baseTime = true)
    {
        var options = new List<(string, string)> { ("connector", "nexmark"), ("events.num", events.ToString()), ("max-emit-speed", "true") };
        if (baseTime) options.Add(("base-time", "2024-01-01 00:00:00"));
        return Table("events", NexmarkTests.EventColumns, options.ToArray());
    }

    private static Func<int, int, SourceReaderContext> Context(CatalogTable table, int maxBatchRows = 70, IClock? clock = null) =>
        (s, p) => ReaderContext(table, s, p, maxBatchRows, clock);

    private static ISourceReader Create() => new NexmarkConnector().CreateReader();

    /// <summary>Every row in full (all entity fields), as text.</summary>
    private static List<string> Content(IEnumerable<RecordBatch> batches, CatalogTable table) => Rows(batches, table.PhysicalSchema);

    private static int Partly(int subtask) => subtask switch { 0 => 1, 1 => 0, 2 => Rescale.ToEnd, _ => 3 };

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(2, 7)]
    [InlineData(4, 1)]
    public async Task Stop_at_one_parallelism_and_resume_at_another_generates_every_event_once(int before, int after)
    {
        var table = EventTable(2000);
        var expected = Content((await Rescale.Run(Create, Context(table), before, null, _ => Rescale.ToEnd)).All, table);
        Assert.Equal(2000, expected.Count);

        var head = await Rescale.Run(Create, Context(table), before, null, Partly);
        var tail = await Rescale.Run(Create, Context(table, 33), after, head.Positions, _ => Rescale.ToEnd);
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Content(head.All.Concat(tail.All), table)));
        Assert.All(tail.BatchesPerSubtask, b => Assert.NotEmpty(b)); // no new subtask idles
    }

    [Fact]
    public async Task Resumed_events_keep_the_event_times_of_the_first_run()
    {
        // No base-time: the first event's time comes from the clock when the source opens, and a resumed run must keep it.
        var table = EventTable(1500, baseTime: false);
        var then = new FixedClock(Now);
        var later = new FixedClock(Now + 3_600_000_000L);
        var expected = Content((await Rescale.Run(Create, Context(table, clock: then), 2, null, _ => Rescale.ToEnd)).All, table);
        var head = await Rescale.Run(Create, Context(table, clock: then), 2, null, _ => 2);
        var tail = await Rescale.Run(Create, Context(table, clock: later), 3, head.Positions, _ => Rescale.ToEnd);
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Content(head.All.Concat(tail.All), table)));
    }

    [Fact]
    public async Task Several_rescales_in_a_row_generate_every_event_once_in_event_time_order_per_subtask()
    {
        var table = Table("bid", NexmarkTests.BidColumns, ("connector", "nexmark"), ("table", "bid"), ("events.num", "4000"),
            ("max-emit-speed", "true"), ("base-time", "2024-01-01 00:00:00"), ("first-event.rate", "1000"));
        var expected = Content((await Rescale.Run(Create, Context(table), 1, null, _ => Rescale.ToEnd)).All, table);
        var first = await Rescale.Run(Create, Context(table), 3, null, s => s + 1);
        var second = await Rescale.Run(Create, Context(table, 21), 2, first.Positions, s => 2 - s);
        var third = await Rescale.Run(Create, Context(table, 50), 5, second.Positions, s => s);
        var last = await Rescale.Run(Create, Context(table), 2, third.Positions, _ => Rescale.ToEnd);
        var legs = new[] { first, second, third, last };
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Content(legs.SelectMany(l => l.All), table)));
        // Interleaved classes still give every subtask rising event times (friendly to watermarks).
        foreach (var leg in legs)
            foreach (var subtask in leg.BatchesPerSubtask)
            {
                var times = subtask.SelectMany(b => ((TimestampArray)b.Column(5)).Values.ToArray()).ToList();
                Assert.Equal(times.Order().ToList(), times);
            }
    }

    [Fact]
    public async Task The_same_parallelism_continues_each_subtask_exactly_where_it_stopped()
    {
        var table = EventTable(2000);
        var uninterrupted = await Rescale.Run(Create, Context(table), 2, null, _ => Rescale.ToEnd);
        var head = await Rescale.Run(Create, Context(table), 2, null, s => 3 + s);
        var tail = await Rescale.Run(Create, Context(table), 2, head.Positions, _ => Rescale.ToEnd);
        for (int s = 0; s < 2; s++)
            Assert.Equal(Content(uninterrupted.BatchesPerSubtask[s], table), Content(head.BatchesPerSubtask[s].Concat(tail.BatchesPerSubtask[s]), table));
    }

    [Fact]
    public async Task An_unbounded_source_resumed_at_a_higher_parallelism_continues_the_stream_without_gap_or_overlap()
    {
        var table = EventTable(0);
        var expected = Content((await Rescale.Run(Create, Context(table, 100), 1, null, _ => 9)).All, table);
        var head = await Rescale.Run(Create, Context(table, 100), 1, null, _ => 3);
        var tail = await Rescale.Run(Create, Context(table, 100), 3, head.Positions, _ => 2);
        // Each new subtask takes every third of the remaining events: together the next 600 events.
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Content(head.All.Concat(tail.All), table)));
        var bounded = Create();
        await bounded.OpenAsync(ReaderContext(EventTable(100)), CancellationToken.None);
        Assert.Contains("the checkpoint is of an unbounded source", Assert.Throws<InvalidDataException>(() => bounded.RestorePositions(head.Positions)).Message);
    }

    [Fact]
    public async Task A_paced_source_resumes_at_its_rate_share()
    {
        var table = Table("events", NexmarkTests.EventColumns, ("connector", "nexmark"), ("events.num", "300"), ("first-event.rate", "3000"),
            ("base-time", "2024-01-01 00:00:00"));
        var expected = Content((await Rescale.Run(Create, Context(table), 1, null, _ => Rescale.ToEnd)).All, table);
        var head = await Rescale.Run(Create, Context(table), 1, null, _ => 2);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tail = await Rescale.Run(Create, Context(table), 2, head.Positions, _ => Rescale.ToEnd);
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Content(head.All.Concat(tail.All), table)));
        // The two subtasks run one after the other here, each at 1500 events/s for its ~half of what is left.
        Assert.InRange(watch.ElapsedMilliseconds, 30, 5000);
    }

    [Fact]
    public async Task A_finished_source_resumes_with_nothing_left()
    {
        var table = EventTable(300);
        var done = await Rescale.Run(Create, Context(table), 3, null, _ => Rescale.ToEnd);
        var again = await Rescale.Run(Create, Context(table), 2, done.Positions, _ => Rescale.ToEnd);
        Assert.Empty(again.All);
    }

    [Fact]
    public async Task A_garbage_position_is_refused_with_a_clear_error()
    {
        var table = EventTable(2000);
        var head = await Rescale.Run(Create, Context(table), 2, null, _ => 1);
        var valid = head.Positions[1];
        var otherTime = (byte[])valid.Clone();
        otherTime[1] ^= 1;
        var garbage = new List<byte[]>
        {
            System.Array.Empty<byte>(),
            new byte[] { 99, 1, 2, 3 },
            valid[..^3],
            valid.Append((byte)0).ToArray(),
            "hello world, not a position"u8.ToArray(),
            otherTime,
        };
        foreach (var bad in garbage)
        {
            var reader = Create();
            await reader.OpenAsync(ReaderContext(table, 0, 3), CancellationToken.None);
            var error = Assert.Throws<InvalidDataException>(() => reader.RestorePositions([head.Positions[0], bad]));
            Assert.Contains("nexmark source of table 'events'", error.Message);
        }
    }
}
