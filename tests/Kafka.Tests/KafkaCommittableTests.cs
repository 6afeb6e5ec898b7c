using Confluent.Kafka;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Kafka;

namespace StreamSql.Kafka.Tests;

/// <summary>The exactly-once sink's committable in the checkpoint: records with their timestamp and headers round-trip,
/// and a committable of the format before timestamps and headers (version 1) still reads.</summary>
public sealed class KafkaCommittableTests
{
    [Fact]
    public void Records_keep_their_timestamp_and_headers_through_the_checkpoint()
    {
        var headers = new Headers { { "trace", "t-1"u8.ToArray() }, { "empty", null } };
        var committable = new KafkaCommittable("job-0", 0, 7, 42, [
            new KafkaOutputRecord(-1, "k"u8.ToArray(), "v"u8.ToArray(), 1_700_000_000_001, headers),
            new KafkaOutputRecord(2, null, null),
        ]);

        var read = KafkaCommittable.Deserialize(committable.Serialize(), "t");

        Assert.Equal(("job-0", 0, 7L, 42L), (read.TransactionalId, read.Subtask, read.Epoch, read.MarkerSearchFrom));
        var first = read.Records[0];
        Assert.Equal((-1, "k", "v", 1_700_000_000_001L), (first.Partition, System.Text.Encoding.UTF8.GetString(first.Key!), System.Text.Encoding.UTF8.GetString(first.Value!), first.TimestampMillis));
        Assert.Equal(new[] { "trace", "empty" }, first.Headers!.Select(h => h.Key));
        Assert.Equal("t-1"u8.ToArray(), first.Headers![0].GetValueBytes());
        Assert.Null(first.Headers[1].GetValueBytes());
        Assert.Equal(new KafkaOutputRecord(2, null, null), read.Records[1] with { });
        Assert.Null(read.Records[1].Headers);
    }

    [Fact]
    public void A_committable_written_before_timestamps_and_headers_still_reads()
    {
        var w = new PositionWriter(1);
        w.WriteString("job-0");
        w.WriteInt(1);
        w.WriteLong(3);
        w.WriteLong(10);
        w.WriteInt(1);
        w.WriteInt(0);
        w.WriteBytes("k"u8, false);
        w.WriteBytes("v"u8, false);

        var read = KafkaCommittable.Deserialize(w.ToArray(), "t");

        var record = Assert.Single(read.Records);
        Assert.Equal((0, KafkaOutputRecord.NoTimestamp), (record.Partition, record.TimestampMillis));
        Assert.Null(record.Headers);
        Assert.Equal("v"u8.ToArray(), record.Value);
    }
}
