using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>Writes a row in Confluent's wire format: the magic byte 0, the id the registry gave the table's schema
/// (4 bytes, big-endian), then the row in Avro binary (<see cref="AvroBinary.Encoder"/>).</summary>
internal sealed class ConfluentAvroRowEncoder(int schemaId, AvroBinary.Encoder avro) : IRowEncoder
{
    private readonly byte[] _header = [0, (byte)(schemaId >> 24), (byte)(schemaId >> 16), (byte)(schemaId >> 8), (byte)schemaId];

    public int SchemaId => schemaId;

    public void Write(Batch batch, int row, Stream output)
    {
        output.Write(_header);
        avro.Write(batch, row, output);
    }
}
