using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// Flink 2.x's timestamp mapping of the <c>avro</c> format, chosen by <c>avro.timestamp_mapping.legacy</c> (default true):
/// <list type="bullet">
/// <item>legacy: TIMESTAMP(p ≤ 3) is a long <c>timestamp-millis</c>; TIMESTAMP(p &gt; 3) and TIMESTAMP_LTZ are refused, as
///   Flink's AvroSchemaConverter refuses them ("Avro does not support TIMESTAMP type with precision: p, it only supports
///   precision less than 3", "Unsupported to derive Schema for type: TIMESTAMP_LTZ(p)").</item>
/// <item>corrected (<c>false</c>): TIMESTAMP is <c>local-timestamp-millis</c> (p ≤ 3) or <c>local-timestamp-micros</c>
///   (p ≤ 6); TIMESTAMP_LTZ is <c>timestamp-millis</c> (p ≤ 3) or <c>timestamp-micros</c> (p ≤ 6), an instant.</item>
/// </list>
/// The binary encoding is a long in the unit either way (milliseconds up to precision 3, microseconds above), so the
/// mapping decides which columns a table may have and which logical type a schema names. Precision 7 to 9
/// (<c>*-nanos</c>) and timestamps nested in ROW, ARRAY or MAP beyond TIMESTAMP(3) are not supported yet.
/// </summary>
internal static class AvroTimestampMapping
{
    public static readonly ConfigOption<bool> Legacy = Options.Bool("avro.timestamp_mapping.legacy", true,
        "avro format: Flink's legacy timestamp mapping (TIMESTAMP(p <= 3) as timestamp-millis; TIMESTAMP(p > 3) and TIMESTAMP_LTZ refused); "
        + "false: TIMESTAMP as local-timestamp-millis/micros and TIMESTAMP_LTZ as timestamp-millis/micros.", "value.avro.timestamp_mapping.legacy");

    public static readonly ConfigOption<bool> KeyLegacy = Options.Bool("key.avro.timestamp_mapping.legacy", true,
        "The key format's 'avro.timestamp_mapping.legacy'.");

    /// <summary>Why a column of <paramref name="type"/> cannot be written or read in avro under the mapping, or null.</summary>
    public static string? Problem(SqlType type, bool legacy, string legacyKey) => Problem(type, legacy, legacyKey, nested: false);

    private static string? Problem(SqlType type, bool legacy, string legacyKey, bool nested)
    {
        switch (type.Kind)
        {
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz when nested:
                return type.Kind == SqlTypeKind.Timestamp && type.Precision <= 3 ? null
                    : $"the avro format holds timestamps nested in ROW, ARRAY or MAP as TIMESTAMP(3) only, not {type} yet";
            case SqlTypeKind.Timestamp when legacy && type.Precision > 3:
                return $"Avro does not support TIMESTAMP type with precision: {type.Precision}, it only supports precision less than 3 "
                    + $"(Flink's legacy timestamp mapping); set '{legacyKey}' = 'false' for the corrected mapping, where TIMESTAMP({type.Precision}) is "
                    + "local-timestamp-micros";
            case SqlTypeKind.TimestampLtz when legacy:
                return $"Unsupported to derive Schema for type: {type} under Flink's legacy avro timestamp mapping; set '{legacyKey}' = 'false' for "
                    + $"the corrected mapping, where TIMESTAMP_LTZ is timestamp-{(type.Precision <= 3 ? "millis" : "micros")}";
            case SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map:
                foreach (var element in type.Elements ?? [])
                    if (Problem(element, legacy, legacyKey, nested: true) is { } problem) return problem;
                return null;
            default:
                return null;
        }
    }
}
