using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// Encodes the key or the value of a record from some of a row's columns with the formats the filesystem connector writes
/// (json, csv) or <c>raw</c> (one STRING or BYTES column as its bytes; null stays null).
/// </summary>
internal sealed class KafkaRecordEncoder
{
    private readonly int[] _columns;
    private readonly Field[] _fields;
    private readonly IRowEncoder? _encoder;
    private readonly MemoryStream _buffer = new();
    private readonly bool _lineFormat;

    /// <param name="columns">The columns of the input batch to encode, in the format's field order.</param>
    /// <param name="names">The names the format gives them.</param>
    /// <param name="types">The table's types of the columns (their nullability and precision, which avro's schema follows).</param>
    /// <param name="topic">The topic written to (avro-confluent's default subject is named after it).</param>
    public KafkaRecordEncoder(string format, IReadOnlyList<int> columns, IReadOnlyList<string> names, Schema input, TableOptions options,
        IReadOnlyList<Sql.Planner.Types.SqlType> types, string topic, bool isKey)
    {
        var millis = types.Select(AvroBinary.Millis).ToList();
        _lineFormat = format is "json" or "csv" || ChangelogFormats.ChangelogFormatOptions.IsChangelogFormat(format);
        _columns = columns.ToArray();
        _fields = _columns.Select((c, i) => new Field(names[i], input.GetFieldByIndex(c).DataType, types[i].Nullable)).ToArray();
        _encoder = format switch
        {
            "raw" => null,
            "avro" => new AvroBinary.Encoder(millis),
            ConfluentAvro.ConfluentAvroOptions.Identifier => ConfluentAvro.ConfluentAvroFormat.CreateEncoder(options.Table, isKey, topic, names, types, millis),
            "csv" => new CsvRowEncoder(options.Get(KafkaOptions.CsvFieldDelimiter),
                options.Get(KafkaOptions.CsvDisableQuoteCharacter) ? null : options.Get(KafkaOptions.CsvQuoteCharacter),
                options.Get(KafkaOptions.CsvEscapeCharacter), options.Get(KafkaOptions.CsvNullLiteral),
                options.Contains(KafkaOptions.CsvWriteBigDecimalInScientificNotation) && options.Get(KafkaOptions.CsvWriteBigDecimalInScientificNotation),
                options.Get(KafkaOptions.CsvArrayElementDelimiter)),
            ChangelogFormats.ChangelogFormatOptions.Debezium or ChangelogFormats.ChangelogFormatOptions.Canal or ChangelogFormats.ChangelogFormatOptions.Maxwell =>
                ChangelogFormats.ChangeMessageRowEncoder.Create(format, names, options),
            _ => new JsonRowEncoder(names, options.Get(KafkaOptions.JsonTimestampFormat) == "ISO-8601" ? TimestampStyle.Iso8601 : TimestampStyle.Sql,
                options.Get(KafkaOptions.JsonEncodeDecimalAsPlainNumber), options.Get(KafkaOptions.JsonEncodeIgnoreNullFields),
                options.Get(KafkaOptions.JsonMapNullKeyMode), options.Get(KafkaOptions.JsonMapNullKeyLiteral), types),
        };
    }

    /// <summary>The encoded row; for raw, null when the value is null.</summary>
    public byte[]? Encode(Batch batch, Batch projected, int row)
    {
        if (_encoder is null)
        {
            var column = batch.Column(_columns[0]);
            if (column.IsNull(row)) return null;
            return new ColumnView(column).GetBytes(row).ToArray();
        }
        _buffer.SetLength(0);
        _encoder.Write(projected, row, _buffer);
        // The line formats end a record with a line end; a Kafka record is the record alone.
        return _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length - (_lineFormat ? 1 : 0)).ToArray();
    }

    /// <summary>The batch's encoded columns as a batch of their own (no copy), once per batch.</summary>
    public Batch Project(Batch batch)
    {
        if (_encoder is null) return batch;
        var arrays = new IArrowArray[_columns.Length];
        for (int i = 0; i < arrays.Length; i++) arrays[i] = batch.Column(_columns[i]);
        return new Batch(new RecordBatch(new Schema(_fields, null), arrays, batch.Length), batch.RowKinds);
    }
}
