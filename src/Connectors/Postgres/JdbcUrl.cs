using System.Globalization;
using Npgsql;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// A <c>jdbc:postgresql://host[:port][,host2[:port2]]/database[?k=v&amp;...]</c> URL (PgJDBC's form) as an Npgsql connection
/// string. PgJDBC parameters with an Npgsql equivalent pass through (<c>sslmode</c>, <c>user</c>, <c>password</c>,
/// <c>currentSchema</c>, <c>ApplicationName</c>, <c>connectTimeout</c>, ...); others are refused by name so a typo is not silently
/// ignored. The URL text is never put in a message as it is: it may hold a password.
/// </summary>
public static class JdbcUrl
{
    private const string Prefix = "jdbc:postgresql:";

    /// <summary>PgJDBC parameter → Npgsql keyword (case-insensitive).</summary>
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = "Username",
        ["password"] = "Password",
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["currentSchema"] = "Search Path",
        ["ApplicationName"] = "Application Name",
        ["connectTimeout"] = "Timeout",
        ["socketTimeout"] = "Command Timeout",
        ["tcpKeepAlive"] = "Tcp Keepalive",
        ["targetServerType"] = "Target Session Attributes",
        ["options"] = "Options",
        ["gssEncMode"] = "GSS Encryption Mode",
        ["channelBinding"] = "Channel Binding",
    };

    /// <summary>PgJDBC parameters that only tune the Java driver: accepted and ignored.</summary>
    private static readonly HashSet<string> JavaOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "reWriteBatchedInserts", "prepareThreshold", "stringtype", "loggerLevel", "loginTimeout", "defaultRowFetchSize", "binaryTransfer",
        "preparedStatementCacheQueries", "assumeMinServerVersion", "ssl", "sslfactory",
    };

    /// <summary>The connection string for <paramref name="url"/>; <see cref="FormatException"/> says what is wrong (without the URL).</summary>
    public static NpgsqlConnectionStringBuilder Parse(string url)
    {
        var text = url.Trim();
        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            throw new FormatException("only PostgreSQL is supported: the URL must start with 'jdbc:postgresql://'");
        var rest = text[Prefix.Length..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
            throw new FormatException("the URL must name a server: 'jdbc:postgresql://host[:port]/database'");
        rest = rest[2..];
        string query = "";
        int q = rest.IndexOf('?');
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        int slash = rest.IndexOf('/');
        var hostPart = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? "" : Uri.UnescapeDataString(rest[(slash + 1)..]);
        var builder = new NpgsqlConnectionStringBuilder();
        var hosts = new List<string>();
        foreach (var entry in hostPart.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var host = entry;
            int port = 5432;
            int colon = host.LastIndexOf(':');
            if (colon > 0 && !host.EndsWith(']'))
            {
                if (!int.TryParse(host.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                    throw new FormatException($"'{host[(colon + 1)..]}' is not a port number");
                host = host[..colon];
            }
            hosts.Add(host.Trim('[', ']') + ":" + port.ToString(CultureInfo.InvariantCulture));
        }
        if (hosts.Count == 0) hosts.Add("localhost:5432");
        builder.Host = string.Join(',', hosts);
        if (database.Length > 0) builder.Database = database;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            if (JavaOnly.Contains(key)) continue;
            if (!Parameters.TryGetValue(key, out var keyword))
                throw new FormatException($"the URL parameter '{key}' is not supported (supported: {string.Join(", ", Parameters.Keys.Order(StringComparer.Ordinal))})");
            try
            {
                builder[keyword] = key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? SslMode(value) : value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
            {
                throw new FormatException($"the URL parameter '{key}' has an invalid value" + (key.Contains("password", StringComparison.OrdinalIgnoreCase) ? "" : $" '{value}'"));
            }
        }
        return builder;
    }

    /// <summary>PgJDBC's sslmode values are libpq's; Npgsql spells them in Pascal case.</summary>
    private static string SslMode(string value) => value.ToLowerInvariant() switch
    {
        "disable" => "Disable",
        "allow" => "Allow",
        "prefer" => "Prefer",
        "require" => "Require",
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        _ => throw new FormatException(value),
    };

    /// <summary>The URL with any <c>password=</c> parameter's value masked, for messages.</summary>
    public static string Masked(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url, "(?i)((?:ssl)?password=)[^&]*", "$1" + Sql.Planner.Config.SensitiveOptions.Mask);

    /// <summary>The connection string a table's options describe: its URL, then <c>username</c>/<c>password</c> over the URL's.</summary>
    public static NpgsqlConnectionStringBuilder ConnectionString(string url, string? username, string? password, TimeSpan connectTimeout)
    {
        var builder = Parse(url);
        if (username is not null) builder.Username = username;
        if (password is not null) builder.Password = password;
        if (connectTimeout > TimeSpan.Zero) builder.Timeout = (int)Math.Clamp(Math.Ceiling(connectTimeout.TotalSeconds), 1, 1024);
        // Timestamps cross as UTC instants: the session's time zone must not shift TIMESTAMP values written through casts.
        builder.Timezone = "UTC";
        builder.IncludeErrorDetail = false;
        return builder;
    }
}
