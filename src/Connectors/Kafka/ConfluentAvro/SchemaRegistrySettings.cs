using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>Where the schema registry is and how to log in to it, from a table's avro-confluent options (Flink's
/// options first, then the Confluent client properties under <c>avro-confluent.properties.*</c>).</summary>
internal sealed record SchemaRegistrySettings(IReadOnlyList<Uri> Urls, string UrlOption, AuthenticationHeaderValue? Authorization, TimeSpan Timeout,
    string? KeystoreLocation, string? KeystorePassword, string? TruststoreLocation, string? TruststorePassword)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static SchemaRegistrySettings Of(CatalogTable table, ConfluentAvroOptions format)
    {
        var options = new TableOptions(table);
        var urlText = options.Get(format.Url);
        if (string.IsNullOrWhiteSpace(urlText)) throw options.Missing(format.Url.Key);
        string urlOption = UsedKey(table, format.Url);
        var urls = new List<Uri>();
        foreach (var part in urlText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw options.Invalid(urlOption, "not an http:// or https:// URL");
            // A base URL must end with '/' so the API paths resolve under it rather than replacing its last segment.
            urls.Add(url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"));
        }
        var properties = Properties(table, format);
        string? Setting(ConfigOption<string?> option, string property) =>
            options.Get(option) ?? properties.GetValueOrDefault(property) ?? properties.GetValueOrDefault("schema.registry." + property);

        AuthenticationHeaderValue? authorization = null;
        var bearerSource = Setting(format.BearerAuthCredentialsSource, "bearer.auth.credentials.source");
        var token = Setting(format.BearerAuthToken, "bearer.auth.token");
        var basicSource = Setting(format.BasicAuthCredentialsSource, "basic.auth.credentials.source");
        var userInfo = Setting(format.BasicAuthUserInfo, "basic.auth.user.info");
        if (token is not null || bearerSource is not null)
        {
            if (bearerSource is not null && !bearerSource.Equals("STATIC_TOKEN", StringComparison.OrdinalIgnoreCase))
                throw options.Invalid(format.BearerAuthCredentialsSource.Key, $"'{bearerSource}' is not supported; use STATIC_TOKEN");
            if (token is null) throw options.Missing(format.BearerAuthToken.Key);
            authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            string? login = (basicSource ?? (userInfo is not null ? "USER_INFO" : "URL")).ToUpperInvariant() switch
            {
                "USER_INFO" => userInfo ?? throw options.Missing(format.BasicAuthUserInfo.Key),
                "URL" => urls[0].UserInfo is { Length: > 0 } info ? Uri.UnescapeDataString(info) : null,
                _ => throw options.Invalid(format.BasicAuthCredentialsSource.Key, $"'{basicSource}' is not supported; use USER_INFO or URL"),
            };
            if (login is not null) authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(login)));
        }
        // The login is in the header now; the URLs keep no user info, so no message or exception can show it.
        urls = urls.Select(u => u.UserInfo.Length == 0 ? u : new UriBuilder(u) { UserName = "", Password = "" }.Uri).ToList();
        return new SchemaRegistrySettings(urls, urlOption, authorization, RequestTimeout,
            Setting(format.KeystoreLocation, "ssl.keystore.location"), Setting(format.KeystorePassword, "ssl.keystore.password"),
            Setting(format.TruststoreLocation, "ssl.truststore.location"), Setting(format.TruststorePassword, "ssl.truststore.password"));
    }

    /// <summary>The key the table set an option under (its own or one of its fallbacks), for messages.</summary>
    public static string UsedKey(CatalogTable table, ConfigOption option)
    {
        if (table.Options.ContainsKey(option.Key)) return option.Key;
        foreach (var k in option.FallbackKeys)
            if (table.Options.ContainsKey(k)) return k;
        return option.Key;
    }

    private static Dictionary<string, string> Properties(CatalogTable table, ConfluentAvroOptions format)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in table.Options)
            foreach (var prefix in format.PropertiesPrefixes)
                if (key.StartsWith(prefix, StringComparison.Ordinal)) result[key[prefix.Length..]] = value;
        return result;
    }

    /// <summary>The HTTP handler, with the TLS client certificate and trusted certificates when given.</summary>
    public HttpMessageHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        if (KeystoreLocation is not null)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection
            {
                X509CertificateLoader.LoadPkcs12FromFile(KeystoreLocation, KeystorePassword),
            };
        }
        if (TruststoreLocation is not null)
        {
            var trusted = new X509Certificate2Collection();
            if (TruststoreLocation.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || TruststoreLocation.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
                trusted.ImportFromPemFile(TruststoreLocation);
            else trusted.AddRange(X509CertificateLoader.LoadPkcs12CollectionFromFile(TruststoreLocation, TruststorePassword));
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (errors == SslPolicyErrors.None) return true;
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(new X509Certificate2(certificate));
            };
        }
        return handler;
    }

    /// <summary>The URLs as shown in messages: without any user info they carry.</summary>
    public static string Display(IReadOnlyList<Uri> urls) =>
        string.Join(", ", urls.Select(u => $"{u.Scheme}://{u.Host}:{u.Port}{u.AbsolutePath.TrimEnd('/')}"));
}
