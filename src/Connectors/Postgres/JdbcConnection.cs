using Npgsql;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The connection settings of a jdbc table (<c>url</c>, <c>username</c>, <c>password</c>, <c>connection.max-retry-timeout</c>)
/// and the messages about them: a message never holds the password, the URL as written, or the connection string.
/// </summary>
internal sealed class JdbcConnection
{
    private readonly CatalogTable _table;

    private JdbcConnection(CatalogTable table, NpgsqlConnectionStringBuilder builder)
    {
        _table = table;
        ConnectionString = builder.ConnectionString;
        Server = $"{builder.Host}{(builder.Host?.Contains(':') == true ? "" : ":" + builder.Port)}/{builder.Database}";
    }

    public string ConnectionString { get; }

    /// <summary>host:port/database, for messages.</summary>
    public string Server { get; }

    public static JdbcConnection Of(CatalogTable table)
    {
        var options = new Common.TableOptions(table);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = JdbcUrl.ConnectionString(options.Require(JdbcOptions.Url)!, options.Get(JdbcOptions.Username), options.Get(JdbcOptions.Password),
                options.Get(JdbcOptions.ConnectionMaxRetryTimeout));
        }
        catch (FormatException e)
        {
            throw options.Invalid(JdbcOptions.Url.Key, e.Message);
        }
        return new JdbcConnection(table, builder);
    }

    /// <summary>A message from the client or server with the table's secrets masked (a server may echo a value back).</summary>
    public string Sanitize(string message)
    {
        foreach (var (key, value) in _table.Options)
        {
            if (value.Length == 0 || !Sql.Planner.Config.SensitiveOptions.IsSensitive(key)) continue;
            message = message.Replace(value, Sql.Planner.Config.SensitiveOptions.Mask, StringComparison.Ordinal);
        }
        if (_table.Options.TryGetValue(JdbcOptions.Url.Key, out var url))
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(url, "(?i)(?:ssl)?password=([^&]+)"))
                message = message.Replace(Uri.UnescapeDataString(m.Groups[1].Value), Sql.Planner.Config.SensitiveOptions.Mask, StringComparison.Ordinal);
        return message;
    }

    /// <summary>Opens a connection; a failure names the table, the server and the option to check.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new JdbcConnectException(
                $"The jdbc table '{_table.Name}' cannot connect to PostgreSQL at {Server} (options 'url', 'username', 'password'): {Sanitize(Describe(e))}", e);
        }
    }

    /// <summary>The client's or server's own words (PostgresException: severity, code and message; no connection string).</summary>
    public static string Describe(Exception e) => e switch
    {
        PostgresException p => $"{p.SqlState}: {p.MessageText}",
        NpgsqlException { InnerException: { } inner } n when n.Message.StartsWith("Exception while", StringComparison.Ordinal) => inner.Message,
        _ => e.Message,
    };
}

/// <summary>A jdbc connection could not be opened (retried like any failure of a write).</summary>
internal sealed class JdbcConnectException(string message, Exception inner) : Exception(message, inner);
