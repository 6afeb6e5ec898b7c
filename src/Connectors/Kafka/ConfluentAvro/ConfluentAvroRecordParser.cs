using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// Reads a record in Confluent's wire format — the magic byte 0, the writer schema's id (4 bytes, big-endian), the Avro
/// binary encoding — into the table's columns. The writer schema is fetched from the registry once per id and resolved
/// against the table's columns (<see cref="AvroResolution"/>); the plan is kept per id. A record the plan cannot read is
/// malformed (an error message); a registry that cannot be reached or does not know the id throws
/// <see cref="SchemaRegistryException"/>.
/// </summary>
internal sealed class ConfluentAvroRecordParser : IRecordParser
{
    /// <summary>The magic byte and the schema id.</summary>
    public const int HeaderLength = 5;

    private readonly SchemaRegistryClient _registry;
    private readonly IReadOnlyList<Field> _fields;
    private readonly int[] _targets;
    private readonly IReadOnlyList<bool> _millis;
    private readonly Dictionary<int, (AvroValueReader.Record? Plan, string? Error)> _plans = new();

    /// <param name="fields">Every field the format holds, in order, with the names the format sees.</param>
    /// <param name="needed">Indices into <paramref name="fields"/> of the fields to read, in the order of the columns filled.</param>
    public ConfluentAvroRecordParser(SchemaRegistryClient registry, IReadOnlyList<Field> fields, IReadOnlyList<int> needed, IReadOnlyList<bool> millis)
    {
        _registry = registry;
        _fields = fields;
        _millis = millis;
        _targets = new int[fields.Count];
        for (int f = 0; f < fields.Count; f++)
        {
            _targets[f] = -1;
            for (int slot = 0; slot < needed.Count; slot++)
                if (needed[slot] == f) _targets[f] = slot;
        }
    }

    public bool IsSkipped(ReadOnlySpan<byte> record) => false;

    public string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns)
    {
        if (record.Length < HeaderLength || record[0] != 0)
            return "not in the Confluent Avro wire format (the magic byte 0 and a 4-byte schema id, then Avro binary): "
                + (record.Length == 0 ? "the record is empty" : record[0] != 0 ? $"it starts with the byte {record[0]}" : $"it has only {record.Length} bytes");
        int id = BinaryPrimitives.ReadInt32BigEndian(record.Slice(1, 4));
        var (plan, error) = PlanOf(id);
        if (plan is null) return error;
        var data = record[HeaderLength..];
        int at = 0;
        try
        {
            plan.ReadInto(data, ref at, columns);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException or OverflowException)
        {
            return $"cannot read it with the writer schema id {id} ({e.Message.TrimEnd('.')})";
        }
        return at == data.Length ? null : $"cannot read it with the writer schema id {id} ({data.Length - at} bytes left over)";
    }

    private (AvroValueReader.Record? Plan, string? Error) PlanOf(int id)
    {
        if (_plans.TryGetValue(id, out var known)) return known;
        string text = _registry.SchemaOf(id);
        (AvroValueReader.Record?, string?) result;
        try
        {
            result = (AvroResolution.Plan(AvroSchemaParser.Parse(text), _fields, _targets, _millis), null);
        }
        catch (FormatException e)
        {
            result = (null, $"the writer schema id {id} does not fit the table: {e.Message}");
        }
        _plans[id] = result;
        return result;
    }
}
