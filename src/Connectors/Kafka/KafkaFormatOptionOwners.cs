using StreamSql.Connectors.Common;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// Refuses a format's option on a kafka or upsert-kafka table that does not use that format, as Flink does (its factory
/// helper reports every option no chosen format consumed): <c>avro-confluent.url</c> with <c>'format' = 'json'</c>,
/// <c>key.avro-confluent.url</c> with <c>'key.format' = 'json'</c>. A plain or <c>value.</c>-prefixed key configures the
/// value format, a <c>key.</c>-prefixed key the key format.
/// </summary>
internal static class KafkaFormatOptionOwners
{
    private static readonly string[] Formats =
    [
        "json", "csv", "raw", "avro", ConfluentAvro.ConfluentAvroOptions.Identifier, ChangelogFormats.ChangelogFormatOptions.Debezium,
        ChangelogFormats.ChangelogFormatOptions.Canal, ChangelogFormats.ChangelogFormatOptions.Maxwell,
    ];

    public static void Check(CatalogTable table, string? valueFormat, string? keyFormat)
    {
        foreach (var key in table.Options.Keys)
        {
            bool ofKey = key.StartsWith("key.", StringComparison.Ordinal);
            string rest = ofKey ? key["key.".Length..] : key.StartsWith("value.", StringComparison.Ordinal) ? key["value.".Length..] : key;
            if (FormatOf(rest) is not { } owner) continue;
            string? used = ofKey ? keyFormat : valueFormat;
            if (owner == used) continue;
            string which = ofKey ? "key format ('key.format')" : "value format ('format' / 'value.format')";
            throw new ConnectorOptionException(key, used is null
                ? $"Option '{key}' of table '{table.Name}' configures the format '{owner}', but the table sets no {which}."
                : $"Option '{key}' of table '{table.Name}' configures the format '{owner}', but the table's {which} is '{used}'.");
        }
    }

    /// <summary>The format whose option <paramref name="key"/> (without a key./value. prefix) is, or null.</summary>
    private static string? FormatOf(string key)
    {
        foreach (var format in Formats)
            if (key.Length > format.Length && key[format.Length] == '.' && key.StartsWith(format, StringComparison.Ordinal)) return format;
        return null;
    }

    public static void Check(CatalogTable table, TableOptions options, string? valueFormat) =>
        Check(table, valueFormat, options.Get(KafkaOptions.KeyFormat));
}
