using Confluent.Kafka;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Connectors.Kafka;

/// <summary>
/// The client configuration from a table's <c>properties.*</c> options: every key passes through to librdkafka as it is,
/// except the few that are Flink source settings rather than client ones (they would be refused by the client). A value is
/// never put in an error message: some are secrets (<c>sasl.jaas.config</c>, <c>*password*</c>).
/// </summary>
internal static class KafkaClientProperties
{
    /// <summary>Flink's KafkaSource settings given as properties; not client properties.</summary>
    public const string CommitOffsetsOnCheckpoint = "commit.offsets.on.checkpoint";
    private static readonly string[] FlinkOnly = { CommitOffsetsOnCheckpoint, "partition.discovery.interval.ms", "client.id.prefix", "register.consumer.metrics" };

    public static Dictionary<string, string> Of(CatalogTable table)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in table.Options)
        {
            if (!key.StartsWith(KafkaOptions.PropertiesPrefix, StringComparison.Ordinal)) continue;
            var property = key[KafkaOptions.PropertiesPrefix.Length..];
            if (Array.IndexOf(FlinkOnly, property) >= 0) continue;
            if (property == "sasl.jaas.config")
            {
                TranslateJaas(table, value, result);
                continue;
            }
            result[property] = value;
        }
        return result;
    }

    /// <summary>
    /// The Java client's <c>sasl.jaas.config</c> (what Flink DDL carries) for the PLAIN and SCRAM login modules, as
    /// librdkafka's <c>sasl.username</c> / <c>sasl.password</c>; other login modules have no librdkafka equivalent.
    /// </summary>
    private static void TranslateJaas(CatalogTable table, string jaas, Dictionary<string, string> into)
    {
        bool known = jaas.Contains("PlainLoginModule", StringComparison.Ordinal) || jaas.Contains("ScramLoginModule", StringComparison.Ordinal);
        var username = System.Text.RegularExpressions.Regex.Match(jaas, "username\\s*=\\s*\"([^\"]*)\"");
        var password = System.Text.RegularExpressions.Regex.Match(jaas, "password\\s*=\\s*\"([^\"]*)\"");
        if (!known || !username.Success || !password.Success)
            throw new ConnectorOptionException(KafkaOptions.PropertiesPrefix + "sasl.jaas.config",
                $"Table '{table.Name}': 'properties.sasl.jaas.config' is supported for the PLAIN and SCRAM login modules with a username and a "
                + "password; for other mechanisms set librdkafka's own properties (e.g. 'properties.sasl.oauthbearer.*').");
        into.TryAdd("sasl.username", username.Groups[1].Value);
        into.TryAdd("sasl.password", password.Groups[1].Value);
    }

    public static string? Flink(CatalogTable table, string property) =>
        table.Options.TryGetValue(KafkaOptions.PropertiesPrefix + property, out var v) ? v : null;

    /// <summary>Builds a client, turning librdkafka's refusal of a property into an error naming the table's option.</summary>
    public static T Build<T>(CatalogTable table, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new ConnectorOptionException("properties.*",
                $"The Kafka client refused the properties of table '{table.Name}': {Sanitize(e.Message, table)}");
        }
        catch (KafkaException e)
        {
            throw new ConnectorOptionException("properties.*",
                $"The Kafka client refused the properties of table '{table.Name}': {Sanitize(e.Error.Reason, table)}");
        }
    }

    /// <summary>A client message with any secret value of the table masked (a client may echo a value back).</summary>
    public static string Sanitize(string message, CatalogTable table)
    {
        foreach (var (key, value) in table.Options)
        {
            if (value.Length == 0 || !Sql.Planner.Config.SensitiveOptions.IsSensitive(key)) continue;
            message = message.Replace(value, Sql.Planner.Config.SensitiveOptions.Mask, StringComparison.Ordinal);
            var password = System.Text.RegularExpressions.Regex.Match(value, "password\\s*=\\s*\"([^\"]+)\"");
            if (password.Success) message = message.Replace(password.Groups[1].Value, Sql.Planner.Config.SensitiveOptions.Mask, StringComparison.Ordinal);
        }
        return message;
    }
}
