using Field = Apache.Arrow.Field;
using StreamSql.Connectors.Common;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// Flink's <c>avro-confluent</c> format (Avro with Confluent Schema Registry) as the value or key format of the kafka and
/// upsert-kafka connectors: what the table needs checked, and the parser and encoder of a subtask.
/// </summary>
internal static class ConfluentAvroFormat
{
    public static ConfluentAvroOptions OptionsFor(bool isKey) => isKey ? ConfluentAvroOptions.Key : ConfluentAvroOptions.Value;

    /// <summary>Refuses a table the format cannot serve: no registry URL, a column Avro cannot hold.</summary>
    /// <param name="formatKey">The option that chose the format (for messages).</param>
    /// <param name="columns">The physical columns the format holds.</param>
    /// <param name="names">Their names as the format sees them (without the key prefix).</param>
    public static void Check(CatalogTable table, bool isKey, string formatKey, IReadOnlyList<int> columns, IReadOnlyList<string> names)
    {
        var options = new TableOptions(table);
        var format = OptionsFor(isKey);
        SchemaRegistrySettings.Of(table, format); // the URL and the login options
        var physical = table.PhysicalSchema;
        foreach (var c in columns)
        {
            if (FindMultiset(physical[c].Type))
                throw options.Invalid(formatKey, $"the avro-confluent format does not support MULTISET values yet (column '{physical[c].Name}' is {physical[c].Type})");
            if (AvroBinary.Unsupported(physical[c].Type) is { } problem)
                throw options.Invalid(formatKey, $"{problem.Replace("the avro format", "the avro-confluent format", StringComparison.Ordinal)} "
                    + $"(column '{physical[c].Name}' is {physical[c].Type})");
        }
        if (options.Get(format.Schema) is { } given)
        {
            string key = SchemaRegistrySettings.UsedKey(table, format.Schema);
            AvroSchema parsed;
            try
            {
                parsed = AvroSchemaParser.Parse(given);
            }
            catch (FormatException e)
            {
                throw options.Invalid(key, $"not an Avro schema: {e.Message}");
            }
            var derived = AvroSchemaParser.Parse(AvroSchemaDerivation.Of(names, columns.Select(c => physical[c].Type).ToList()));
            if (AvroSchemaLayout.Difference(parsed, derived) is { } difference)
                throw options.Invalid(key, $"the schema does not describe the table's columns: {difference}");
        }
    }

    private static bool FindMultiset(SqlType type) =>
        type.Kind == SqlTypeKind.Multiset || (type.Elements?.Any(FindMultiset) ?? false);

    /// <summary>The parser of a subtask, with the registry client it owns.</summary>
    public static (ConfluentAvroRecordParser Parser, SchemaRegistryClient Registry) CreateParser(CatalogTable table, bool isKey, IReadOnlyList<Field> fields,
        IReadOnlyList<int> needed, IReadOnlyList<bool> millis)
    {
        var registry = new SchemaRegistryClient(SchemaRegistrySettings.Of(table, OptionsFor(isKey)));
        return (new ConfluentAvroRecordParser(registry, fields, needed, millis), registry);
    }

    /// <summary>The encoder of a sink subtask: the table's schema is registered under the subject (default
    /// <c>&lt;topic&gt;-value</c> or <c>&lt;topic&gt;-key</c>) and its id prefixes every record.</summary>
    /// <exception cref="SchemaRegistryException">The registry cannot be reached or refuses the schema.</exception>
    public static ConfluentAvroRowEncoder CreateEncoder(CatalogTable table, bool isKey, string topic, IReadOnlyList<string> names,
        IReadOnlyList<SqlType> types, IReadOnlyList<bool> millis)
    {
        var options = new TableOptions(table);
        var format = OptionsFor(isKey);
        string subject = options.Get(format.Subject) is { Length: > 0 } s ? s : topic + (isKey ? "-key" : "-value");
        string subjectOption = SchemaRegistrySettings.UsedKey(table, format.Subject);
        // A schema given by the user was checked to lay the columns out as the derived one does.
        string schema = options.Get(format.Schema) ?? AvroSchemaDerivation.Of(names, types);
        using var registry = new SchemaRegistryClient(SchemaRegistrySettings.Of(table, format));
        int id = registry.Register(subject, schema, subjectOption);
        return new ConfluentAvroRowEncoder(id, new AvroBinary.Encoder(millis));
    }
}
