using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// The options of Flink's <c>avro-confluent</c> format, under the prefix of the format they configure: the value format's
/// <c>avro-confluent.*</c> (also <c>value.avro-confluent.*</c>), the key format's <c>key.avro-confluent.*</c>. Flink 1.x's
/// <c>avro-confluent.schema-registry.url</c> and <c>.schema-registry.subject</c> are accepted for <c>url</c> and <c>subject</c>.
/// </summary>
internal sealed class ConfluentAvroOptions
{
    public const string Identifier = "avro-confluent";

    public static ConfluentAvroOptions Value { get; } = new("", "value.");
    public static ConfluentAvroOptions Key { get; } = new("key.", null);

    private ConfluentAvroOptions(string prefix, string? alternative)
    {
        string p = prefix + Identifier + ".";
        string[] Also(string name, string? legacy = null)
        {
            var keys = new List<string>();
            if (alternative is not null) keys.Add(alternative + Identifier + "." + name);
            if (legacy is not null)
            {
                keys.Add(p + legacy);
                if (alternative is not null) keys.Add(alternative + Identifier + "." + legacy);
            }
            return keys.ToArray();
        }
        Url = Options.OptionalString(p + "url", "URL of the Confluent Schema Registry (several as 'http://a:8081,http://b:8081', tried in order); "
            + "required with the avro-confluent format.", Also("url", "schema-registry.url"));
        Subject = Options.OptionalString(p + "subject", "Subject the sink registers the table's schema under (default '<topic>-value' for the "
            + "value format, '<topic>-key' for the key format).", Also("subject", "schema-registry.subject"));
        Schema = Options.OptionalString(p + "schema", "The Avro schema to register instead of the one derived from the table; it must lay the "
            + "columns out as the derived one does (record names, namespaces, docs and defaults may differ).", Also("schema"));
        BasicAuthCredentialsSource = Options.OptionalString(p + "basic-auth.credentials-source",
            "Where the registry's basic-auth login comes from: USER_INFO ('basic-auth.user-info') or URL (the url's user info).", Also("basic-auth.credentials-source"));
        BasicAuthUserInfo = Options.OptionalString(p + "basic-auth.user-info", "Basic-auth login for the registry, 'user:password' (never shown).",
            Also("basic-auth.user-info"));
        BearerAuthCredentialsSource = Options.OptionalString(p + "bearer-auth.credentials-source",
            "Where the registry's bearer token comes from: STATIC_TOKEN ('bearer-auth.token').", Also("bearer-auth.credentials-source"));
        BearerAuthToken = Options.OptionalString(p + "bearer-auth.token", "Bearer token for the registry (never shown).", Also("bearer-auth.token"));
        KeystoreLocation = Options.OptionalString(p + "ssl.keystore.location", "Client certificate for TLS to the registry: a PKCS#12 file.",
            Also("ssl.keystore.location"));
        KeystorePassword = Options.OptionalString(p + "ssl.keystore.password", "Password of the PKCS#12 keystore (never shown).", Also("ssl.keystore.password"));
        TruststoreLocation = Options.OptionalString(p + "ssl.truststore.location",
            "Certificates the registry's TLS certificate must chain to: a PKCS#12 or PEM file.", Also("ssl.truststore.location"));
        TruststorePassword = Options.OptionalString(p + "ssl.truststore.password", "Password of a PKCS#12 truststore (never shown).",
            Also("ssl.truststore.password"));
        PropertiesPrefixes = alternative is null ? new[] { p + "properties." } : new[] { p + "properties.", alternative + Identifier + ".properties." };
        All = new ConfigOption[]
        {
            Url, Subject, Schema, BasicAuthCredentialsSource, BasicAuthUserInfo, BearerAuthCredentialsSource, BearerAuthToken, KeystoreLocation,
            KeystorePassword, TruststoreLocation, TruststorePassword,
        };
    }

    public ConfigOption<string?> Url { get; }
    public ConfigOption<string?> Subject { get; }
    public ConfigOption<string?> Schema { get; }
    public ConfigOption<string?> BasicAuthCredentialsSource { get; }
    public ConfigOption<string?> BasicAuthUserInfo { get; }
    public ConfigOption<string?> BearerAuthCredentialsSource { get; }
    public ConfigOption<string?> BearerAuthToken { get; }
    public ConfigOption<string?> KeystoreLocation { get; }
    public ConfigOption<string?> KeystorePassword { get; }
    public ConfigOption<string?> TruststoreLocation { get; }
    public ConfigOption<string?> TruststorePassword { get; }

    /// <summary>Prefixes of the properties passed to the registry client (<c>avro-confluent.properties.*</c>), e.g.
    /// <c>basic.auth.user.info</c>; the options above win over them.</summary>
    public IReadOnlyList<string> PropertiesPrefixes { get; }

    public IReadOnlyList<ConfigOption> All { get; }

    /// <summary>Both formats' options and property prefixes, for the connectors' declarations.</summary>
    public static IReadOnlyList<ConfigOption> Declared { get; } = [.. Value.All, .. Key.All];
    public static IReadOnlyList<string> DeclaredPrefixes { get; } = [.. Value.PropertiesPrefixes, .. Key.PropertiesPrefixes];
}
