using Confluent.Kafka;
using StreamSql.Kafka.Tests.Fixture;

namespace StreamSql.Kafka.Tests;

/// <summary>The fixture itself: the mock cluster, topic creation, and the log reader that decides committed records
/// from the transaction markers.</summary>
public sealed class MockClusterTests
{
    [Fact]
    public void Produced_records_are_in_the_log_and_consumable()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("plain", 2);
        cluster.Produce("plain", new[] { (0, (string?)"k1", "a"), (1, null, "b"), (0, "k2", "c") });
        var p0 = cluster.ReadLog("plain", 0);
        Assert.Equal(new[] { "a", "c" }, p0.Records.Select(r => r.ValueText));
        Assert.Equal(new[] { "k1", "k2" }, p0.Records.Select(r => r.KeyText));
        Assert.Equal(new[] { 0L, 1L }, p0.Records.Select(r => r.Offset));
        Assert.Empty(p0.Markers);
        Assert.Equal(new[] { "b" }, cluster.ReadLog("plain", 1).Committed().Select(r => r.ValueText));

        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "g" }).Build();
        consumer.Assign(new TopicPartitionOffset("plain", 0, Offset.Beginning));
        var first = consumer.Consume(TimeSpan.FromSeconds(10));
        Assert.Equal("a", first.Message.Value);
    }

    [Fact]
    public void Committed_and_aborted_transactions_are_told_apart_by_their_markers()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("tx", 1);
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            TransactionalId = "fixture-tx",
        }).Build();
        producer.InitTransactions(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        producer.Produce("tx", new Message<Null, string> { Value = "committed-1" });
        producer.CommitTransaction(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        producer.Produce("tx", new Message<Null, string> { Value = "aborted-1" });
        producer.Flush(TimeSpan.FromSeconds(30));
        producer.AbortTransaction(TimeSpan.FromSeconds(30));
        producer.BeginTransaction();
        producer.Produce("tx", new Message<Null, string> { Value = "open-1" });
        producer.Flush(TimeSpan.FromSeconds(30));

        var log = cluster.ReadLog("tx", 0);
        Assert.Equal(new[] { "committed-1" }, log.Committed().Select(r => r.ValueText));
        Assert.Equal(new[] { "aborted-1" }, log.Aborted().Select(r => r.ValueText));
        Assert.Equal(new[] { "open-1" }, log.Open().Select(r => r.ValueText));
        Assert.Equal(new[] { true, false }, log.Markers.Select(m => m.Commit));
    }

    [Fact]
    public void Producing_more_than_the_mock_keeps_per_partition_throws_naming_the_partition_and_the_cap()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("big", 2);
        var kilobyte = new string('x', 1024);
        cluster.Produce("big", Enumerable.Range(0, 1000).Select(i => (0, (string?)null, kilobyte))); // 1 MB: kept whole
        Assert.Equal(0, cluster.Watermarks("big", 0).Low);

        // 6 MB to partition 1 in one go: past 5 MiB the mock drops the oldest batches.
        var error = Assert.Throws<MockLogTrimmedException>(() =>
            cluster.Produce("big", Enumerable.Range(0, 6000).Select(i => (1, (string?)null, kilobyte))));
        Assert.Equal("big", error.Topic);
        Assert.Equal(1, error.Partition);
        Assert.True(error.LogStart > 0);
        Assert.Contains("big[1]", error.Message);
        Assert.Contains("5 MiB", error.Message);

        // Reading the trimmed log says so too, rather than returning what is left; the other partition reads whole.
        Assert.Throws<MockLogTrimmedException>(() => cluster.ReadLog("big", 1));
        Assert.Equal(1000, cluster.ReadLog("big", 0).Records.Count);
    }
}
