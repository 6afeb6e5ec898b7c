using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// Decodes the key or the value of a record into columns with the formats the filesystem connector reads (json, csv) or
/// <c>raw</c> (the bytes as one STRING or BYTES column). <see cref="Columns"/> holds one builder per decoded field.
/// </summary>
internal sealed class KafkaRecordDecoder : IDisposable
{
    private readonly IRecordParser? _parser;

    /// <param name="format">json, csv or raw.</param>
    /// <param name="fields">Every field the format holds, in order (csv is positional), with the names the format sees.</param>
    /// <param name="needed">Indices into <paramref name="fields"/> of the fields to decode.</param>
    /// <param name="millis">Per field: a timestamp in milliseconds (avro's timestamp-millis).</param>
    public KafkaRecordDecoder(string format, IReadOnlyList<Field> fields, IReadOnlyList<int> needed, TableOptions options, bool isKey,
        IReadOnlyList<bool> millis, IReadOnlyList<bool>? variants = null)
    {
        var schema = new Schema(needed.Select(i => fields[i]), null);
        Columns = new ColumnBuilder[needed.Count];
        for (int i = 0; i < Columns.Length; i++) Columns[i] = ColumnBuilder.Create(schema.GetFieldByIndex(i).DataType);
        switch (format)
        {
            case "raw":
                break;
            case "avro":
                // Avro is read field after field: every field is decoded, the ones not needed into builders emptied per record.
                _all = new ColumnBuilder[fields.Count];
                _unneeded = new List<ColumnBuilder>();
                for (int f = 0; f < fields.Count; f++)
                {
                    int slot = IndexOf(needed, f);
                    _all[f] = slot >= 0 ? Columns[slot] : ColumnBuilder.Create(fields[f].DataType);
                    if (slot < 0) _unneeded.Add(_all[f]);
                }
                _parser = new AvroBinary.Parser(new Schema(fields, null), millis);
                break;
            case ConfluentAvro.ConfluentAvroOptions.Identifier:
                // The writer schema comes with each record; only the needed fields are read, the others skipped.
                (_parser, _registry) = ConfluentAvro.ConfluentAvroFormat.CreateParser(options.Table, isKey, fields, needed, millis);
                break;
            case ChangelogFormats.ChangelogFormatOptions.Debezium or ChangelogFormats.ChangelogFormatOptions.Canal or ChangelogFormats.ChangelogFormatOptions.Maxwell:
                (Changes, IgnoreErrors) = ChangelogFormats.ChangelogFormatOptions.CreateParser(format, schema, options);
                IgnoreOption = Changes.IgnoreOption;
                break;
            case "csv":
                char? quote = options.Get(KafkaOptions.CsvDisableQuoteCharacter) ? null : options.Get(KafkaOptions.CsvQuoteCharacter);
                IgnoreErrors = !isKey && options.Get(KafkaOptions.CsvIgnoreParseErrors);
                _parser = new CsvRecordParser(options.Get(KafkaOptions.CsvFieldDelimiter), quote, options.Get(KafkaOptions.CsvEscapeCharacter),
                    options.Get(KafkaOptions.CsvAllowComments), options.Get(KafkaOptions.CsvNullLiteral), fields.Count, needed, schema, lenient: IgnoreErrors,
                    options.Get(KafkaOptions.CsvArrayElementDelimiter));
                IgnoreOption = KafkaOptions.CsvIgnoreParseErrors.Key;
                break;
            default:
                _parser = new JsonRecordParser(schema, !isKey && options.Get(KafkaOptions.JsonFailOnMissingField),
                    nullOnBadValue: !isKey && options.Get(KafkaOptions.JsonIgnoreParseErrors),
                    variants: variants is null ? null : needed.Select(i => variants[i]).ToList());
                IgnoreErrors = !isKey && options.Get(KafkaOptions.JsonIgnoreParseErrors);
                IgnoreOption = KafkaOptions.JsonIgnoreParseErrors.Key;
                break;
        }
    }

    public ColumnBuilder[] Columns { get; }

    /// <summary>avro-confluent: the schema registry's client.</summary>
    private readonly ConfluentAvro.SchemaRegistryClient? _registry;

    public void Dispose() => _registry?.Dispose();

    /// <summary>The change-data parser when the format is one (debezium-json, canal-json, maxwell-json): a record gives any
    /// number of rows with kinds, appended to <see cref="Columns"/> by the parser.</summary>
    public ChangelogFormats.IChangelogRecordParser? Changes { get; }

    /// <summary>avro: every field's builder, in field order.</summary>
    private readonly ColumnBuilder[]? _all;
    private readonly List<ColumnBuilder>? _unneeded;

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }

    /// <summary>Whether a malformed record is skipped (the format's ignore-parse-errors).</summary>
    public bool IgnoreErrors { get; }

    /// <summary>The option that skips malformed records, for the error message (null for raw: every record decodes).</summary>
    public string? IgnoreOption { get; }

    /// <summary>Appends one row, or returns why the bytes do not decode (the caller truncates the columns).</summary>
    public string? TryAppend(byte[]? bytes)
    {
        if (_parser is null)
        {
            if (bytes is null) Columns[0].AppendNull();
            else Columns[0].AppendUtf8(bytes); // a STRING column's bytes are UTF-8 already, a BYTES column's are copied as they are
            return null;
        }
        if (bytes is null)
        {
            foreach (var c in Columns) c.AppendNull();
            return null;
        }
        if (_all is not null)
        {
            var error = _parser.TryAppend(bytes, _all);
            foreach (var c in _unneeded!) c.Truncate(0);
            return error;
        }
        if (_parser.IsSkipped(bytes)) return "the record is empty";
        return _parser.TryAppend(bytes, Columns);
    }

    public void Truncate(int rows)
    {
        foreach (var c in Columns) c.Truncate(rows);
        if (_unneeded is not null) foreach (var c in _unneeded) c.Truncate(0);
    }
}
