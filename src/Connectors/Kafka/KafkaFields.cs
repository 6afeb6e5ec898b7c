using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// How a table's physical columns map onto a record: the key columns (<c>key.fields</c>, read and written by
/// <c>key.format</c>) and the value columns (all of them with <c>value.fields-include = ALL</c>, the others with
/// <c>EXCEPT_KEY</c>), as indices into the physical schema.
/// </summary>
internal sealed record KafkaFields(IReadOnlyList<int> KeyColumns, IReadOnlyList<int> ValueColumns, string? KeyFormat, string ValueFormat, string KeyPrefix)
{
    /// <summary>The upsert-kafka connector: the primary key is the record key.</summary>
    public const string UpsertIdentifier = "upsert-kafka";

    public static KafkaFields Of(CatalogTable table)
    {
        var options = new Common.TableOptions(table);
        var physical = table.PhysicalSchema;
        var keyColumns = new List<int>();
        bool upsert = string.Equals(table.Connector, UpsertIdentifier, StringComparison.OrdinalIgnoreCase);
        var keyText = upsert ? string.Join(";", table.PrimaryKey) : options.Get(KafkaOptions.KeyFields);
        var prefix = options.Get(KafkaOptions.KeyFieldsPrefix);
        if (!string.IsNullOrWhiteSpace(keyText))
        {
            foreach (var name in keyText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int index = physical.IndexOf(name);
                if (index < 0)
                    throw new ConnectorOptionException(KafkaOptions.KeyFields.Key,
                        $"Could not find the field '{name}' in the table schema for usage in the key format. A key field must be a regular, "
                        + $"physical column. The following columns can be selected in the 'key.fields' option: [{string.Join(", ", physical.Fields.Select(f => f.Name))}] (table '{table.Name}').");
                if (!name.StartsWith(prefix, StringComparison.Ordinal))
                    throw new ConnectorOptionException(KafkaOptions.KeyFieldsPrefix.Key,
                        $"All fields in 'key.fields' must be prefixed with '{prefix}' when option 'key.fields-prefix' is set but field '{name}' is not prefixed (table '{table.Name}').");
                if (keyColumns.Contains(index)) throw options.Invalid(KafkaOptions.KeyFields.Key, $"'{name}' appears twice");
                keyColumns.Add(index);
            }
        }
        var keyFormat = options.Get(KafkaOptions.KeyFormat);
        // Flink's wording (KafkaConnectorOptionsUtil); EXCEPT_KEY without a key format is accepted there and means every column.
        if (keyFormat is not null && keyColumns.Count == 0)
            throw new ConnectorOptionException(KafkaOptions.KeyFormat.Key,
                $"A key format 'key.format' requires the declaration of one or more of key fields using 'key.fields' (table '{table.Name}').");
        if (keyFormat is null && (keyColumns.Count > 0 || (!upsert && options.Raw(KafkaOptions.KeyFields.Key) is not null)))
            throw new ConnectorOptionException(KafkaOptions.KeyFields.Key,
                $"The option 'key.fields' can only be declared if a key format is defined using 'key.format' (table '{table.Name}').");
        bool exceptKey = options.Get(KafkaOptions.ValueFieldsInclude) == "EXCEPT_KEY";
        if (!exceptKey && prefix.Length > 0)
            throw new ConnectorOptionException(KafkaOptions.KeyFieldsPrefix.Key,
                "A key prefix is not allowed when option 'value.fields-include' is set to 'ALL'. Set it to 'EXCEPT_KEY' instead to avoid "
                + $"field overlaps (table '{table.Name}').");
        var valueColumns = new List<int>();
        for (int i = 0; i < physical.Count; i++)
            if (!exceptKey || !keyColumns.Contains(i)) valueColumns.Add(i);
        var valueFormat = options.Get(KafkaOptions.ValueFormat);
        if (valueFormat == "raw") CheckRaw(options, KafkaOptions.ValueFormat.Key, valueColumns, physical);
        if (keyFormat == "raw") CheckRaw(options, KafkaOptions.KeyFormat.Key, keyColumns, physical);
        if (valueFormat == "csv") CheckCsv(options, KafkaOptions.ValueFormat.Key, valueColumns, physical);
        if (keyFormat == "csv") CheckCsv(options, KafkaOptions.KeyFormat.Key, keyColumns, physical);
        CheckVariants(options, KafkaOptions.ValueFormat.Key, valueFormat, valueColumns, physical);
        if (keyFormat is not null) CheckVariants(options, KafkaOptions.KeyFormat.Key, keyFormat, keyColumns, physical);
        if (valueFormat == "avro") CheckAvro(options, KafkaOptions.ValueFormat.Key, valueColumns, physical, AvroTimestampMapping.Legacy);
        if (keyFormat == "avro") CheckAvro(options, KafkaOptions.KeyFormat.Key, keyColumns, physical, AvroTimestampMapping.KeyLegacy);
        List<string> Names(List<int> columns) =>
            columns.Select(c => keyColumns.Contains(c) && prefix.Length > 0 ? physical[c].Name[prefix.Length..] : physical[c].Name).ToList();
        if (valueFormat == ConfluentAvro.ConfluentAvroOptions.Identifier)
            ConfluentAvro.ConfluentAvroFormat.Check(table, isKey: false, KafkaOptions.ValueFormat.Key, valueColumns, Names(valueColumns));
        if (keyFormat == ConfluentAvro.ConfluentAvroOptions.Identifier)
            ConfluentAvro.ConfluentAvroFormat.Check(table, isKey: true, KafkaOptions.KeyFormat.Key, keyColumns, Names(keyColumns));
        return new KafkaFields(keyColumns, valueColumns, keyFormat, valueFormat, prefix);
    }

    /// <summary>The name a key or value format sees for a column (the key prefix removed).</summary>
    public string FormatName(RowSchema physical, int column) =>
        KeyColumns.Contains(column) && KeyPrefix.Length > 0 ? physical[column].Name[KeyPrefix.Length..] : physical[column].Name;

    private static void CheckAvro(Common.TableOptions options, string key, List<int> columns, RowSchema physical,
        Sql.Planner.Config.ConfigOption<bool> legacyOption)
    {
        bool legacy = options.Get(legacyOption);
        foreach (var c in columns)
        {
            if (AvroBinary.Unsupported(physical[c].Type) is { } problem)
                throw options.Invalid(key, $"{problem} (column '{physical[c].Name}' is {physical[c].Type})");
            if (AvroTimestampMapping.Problem(physical[c].Type, legacy, legacyOption.Key) is { } mapping)
                throw new Sql.Planner.Connectors.ConnectorOptionException(options.Contains(legacyOption) ? legacyOption.Key : key,
                    $"Column '{physical[c].Name}' of table '{options.TableName}': {mapping}.");
        }
    }

    private static void CheckVariants(Common.TableOptions options, string key, string format, List<int> columns, RowSchema physical)
    {
        if (format is "csv" or "avro" or "raw") return;
        foreach (var c in columns)
            if (Common.VariantColumns.Describe(format, physical[c]) is { } problem) throw options.Invalid(key, problem);
    }

    private static void CheckCsv(Common.TableOptions options, string key, List<int> columns, RowSchema physical)
    {
        foreach (var c in columns)
            if (Common.NestedColumns.Describe(physical[c]) is { } problem) throw options.Invalid(key, problem);
    }

    private static void CheckRaw(Common.TableOptions options, string key, List<int> columns, RowSchema physical)
    {
        if (columns.Count != 1)
            throw options.Invalid(key, $"the raw format reads and writes exactly one column, but {columns.Count} columns would use it");
        var type = physical[columns[0]].Type;
        if (type.Kind is not (SqlTypeKind.VarChar or SqlTypeKind.Char or SqlTypeKind.VarBinary or SqlTypeKind.Binary))
            throw options.Invalid(key, $"the raw format supports STRING and BYTES columns, not {type} (column '{physical[columns[0]].Name}')");
    }
}
