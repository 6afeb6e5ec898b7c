using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>Source positions: a restore continues every partition where the checkpoint left it, at the same or another
/// parallelism, with no record lost or read twice.</summary>
public sealed class KafkaSourceRestoreTests : IDisposable
{
    private readonly MockKafkaCluster _cluster = new();

    public void Dispose() => _cluster.Dispose();

    [Theory]
    [InlineData(2, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 1)]
    public async Task Restored_readers_continue_from_the_checkpointed_offsets_with_no_loss_or_duplicate(int before, int after)
    {
        _cluster.CreateTopic("events", 5);
        _cluster.Produce("events", Enumerable.Range(0, 200).Select(i => (i % 5, (string?)null, $"{{\"id\": {i}}}")));
        var table = SourceReaders.Table(_cluster.BootstrapServers, "events", ("scan.startup.mode", "earliest-offset"), ("scan.bounded.mode", "latest-offset"));

        var seen = new List<int>();
        var positions = new List<byte[]>();
        for (int s = 0; s < before; s++)
        {
            await using var reader = await SourceReaders.Open(table, s, before);
            seen.AddRange(await SourceReaders.Read(reader, 20)); // some of its share, then the checkpoint
            positions.Add(reader.SnapshotPosition());
        }
        Assert.NotEmpty(seen);
        Assert.True(seen.Count < 200);
        // Records read after the checkpoint are replayed by the restored run: they do not count.
        for (int s = 0; s < after; s++)
        {
            await using var reader = await SourceReaders.Open(table, s, after, positions);
            seen.AddRange(await SourceReaders.Read(reader, int.MaxValue));
        }

        Assert.Equal(Enumerable.Range(0, 200), seen.OrderBy(i => i));
    }

    [Fact]
    public async Task Subtasks_share_the_partitions_and_together_read_each_record_once()
    {
        _cluster.CreateTopic("shared", 4);
        _cluster.Produce("shared", Enumerable.Range(0, 40).Select(i => (i % 4, (string?)null, $"{{\"id\": {i}}}")));
        var table = SourceReaders.Table(_cluster.BootstrapServers, "shared", ("scan.startup.mode", "earliest-offset"), ("scan.bounded.mode", "latest-offset"));
        var all = new List<int>();
        var perSubtask = new List<int>();
        for (int s = 0; s < 3; s++)
        {
            await using var reader = await SourceReaders.Open(table, s, 3);
            var ids = await SourceReaders.Read(reader, int.MaxValue);
            perSubtask.Add(ids.Count);
            all.AddRange(ids);
        }
        Assert.Equal(Enumerable.Range(0, 40), all.OrderBy(i => i));
        Assert.True(perSubtask.Count(n => n > 0) >= 2, "the partitions are spread over the subtasks");
    }

    [Fact]
    public async Task An_unbounded_pattern_source_picks_up_a_new_matching_topic_from_its_start()
    {
        _cluster.CreateTopic("disc-a", 1);
        _cluster.Produce("disc-a", new[] { (0, (string?)null, "{\"id\": 1}") });
        var table = SourceReaders.Table(_cluster.BootstrapServers, "unused", ("scan.startup.mode", "earliest-offset"),
            ("scan.topic-partition-discovery.interval", "100ms"));
        var options = new Dictionary<string, string>(table.Options) { ["topic-pattern"] = "disc-.*" };
        options.Remove("topic");
        table = table with { Options = options };
        await using var reader = await SourceReaders.Open(table, 0, 1);
        Assert.Equal(new[] { 1 }, await SourceReaders.Read(reader, 1));

        _cluster.CreateTopic("disc-b", 2);
        _cluster.Produce("disc-b", new[] { (0, (string?)null, "{\"id\": 2}"), (1, null, "{\"id\": 3}") });
        _cluster.CreateTopic("other", 1);
        _cluster.Produce("other", new[] { (0, (string?)null, "{\"id\": 99}") });

        Assert.Equal(new[] { 2, 3 }, (await SourceReaders.Read(reader, 2)).OrderBy(i => i));
        var position = reader.SnapshotPosition();
        await using var restored = await SourceReaders.Open(table, 0, 1, new[] { position });
        Assert.Empty(await SourceReaders.Read(restored, 1, TimeSpan.FromSeconds(1)));
    }
}
