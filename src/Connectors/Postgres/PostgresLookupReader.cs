using System.Net.Sockets;
using Apache.Arrow;
using Npgsql;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators.Lookup;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Looks rows of a PostgreSQL table up for a lookup join: one query per request of distinct keys —
/// <c>SELECT cols FROM t WHERE k = ANY($1)</c>, or <c>WHERE (k1, k2) IN (SELECT * FROM unnest($1, $2))</c> for a
/// composite key — on pooled connections, so concurrent requests run side by side. A failed query is retried
/// <c>lookup.max-retries</c> times (a fresh connection each time, pausing a second longer each time, as Flink's JDBC lookup
/// function) and then fails the job, naming the table. Columns are found by name (exact, else the one case-insensitive
/// match, as unquoted PostgreSQL names fold to lower case).
/// </summary>
public sealed class PostgresLookupReader : ILookupReader
{
    private readonly LookupReaderContext _context;
    private readonly string _connectionString;
    private readonly string _tableName;
    private readonly int _maxRetries;
    private readonly Func<string, string> _sanitize;
    private readonly RowSchema _schema;
    private readonly Schema _arrowSchema;
    private readonly PostgresFieldReader[] _fields;
    private NpgsqlDataSource? _dataSource;
    private string _query = "";

    /// <param name="connectionString">The Npgsql connection string of the table's <c>url</c>, <c>username</c> and <c>password</c>.</param>
    /// <param name="tableName">The PostgreSQL table (<c>table-name</c>), optionally schema-qualified.</param>
    /// <param name="sanitize">Masks secrets in messages from the client or server.</param>
    public PostgresLookupReader(LookupReaderContext context, string connectionString, string tableName, Func<string, string>? sanitize = null)
    {
        _context = context;
        _connectionString = connectionString;
        _tableName = tableName;
        _sanitize = sanitize ?? (s => s);
        _maxRetries = Math.Max(0, new Sql.Planner.Config.Configuration(context.Table.Options).Get(LookupOptions.MaxRetries));
        _schema = context.Table.PhysicalSchema;
        _arrowSchema = ArrowTypeMapping.ToArrowSchema(_schema);
        _fields = new PostgresFieldReader[_schema.Count];
        for (int i = 0; i < _fields.Length; i++)
            _fields[i] = PostgresFieldReader.For(_schema[i].Type)
                ?? throw new ConnectorOptionException("connector",
                    $"The lookup join cannot read column '{_schema[i].Name}' of type {_schema[i].Type} from the jdbc table '{context.Table.Name}'");
        foreach (int k in context.KeyColumns)
            if (!PostgresKeyParameters.Supports(_schema[k].Type))
                throw new ConnectorOptionException("connector",
                    $"The lookup join cannot look the jdbc table '{context.Table.Name}' up by column '{_schema[k].Name}' of type {_schema[k].Type}");
    }

    private CatalogTable Table => _context.Table;

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        _dataSource = NpgsqlDataSource.Create(_connectionString);
        _query = await WithRetriesAsync("open", async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await BuildQueryAsync(connection, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<RecordBatch> LookupAsync(RecordBatch keys, CancellationToken cancellationToken)
    {
        var parameters = new NpgsqlParameter[keys.ColumnCount];
        for (int i = 0; i < parameters.Length; i++) parameters[i] = PostgresKeyParameters.Create(keys.Column(i), _schema[_context.KeyColumns[i]].Type);
        return await WithRetriesAsync("look up", () => QueryAsync(parameters, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync().ConfigureAwait(false);
        _dataSource = null;
    }

    private async Task<RecordBatch> QueryAsync(NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource!.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_query, connection);
        foreach (var p in parameters) command.Parameters.Add(p.Clone());
        var builders = new ColumnBuilder[_fields.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_schema[c].Type);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        int rows = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (int c = 0; c < builders.Length; c++) _fields[c].Append(reader, c, builders[c]);
            rows++;
        }
        var columns = new IArrowArray[builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = builders[c].Build();
        return new RecordBatch(_arrowSchema, columns, rows);
    }

    /// <summary>The lookup query over the table's real column names; a table or column that does not exist is an error
    /// naming it (not retried).</summary>
    private async Task<string> BuildQueryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        string? quoted = null;
        foreach (var candidate in new[] { _tableName, string.Join('.', _tableName.Split('.').Select(QuoteIdentifier)) })
        {
            await using var find = new NpgsqlCommand("SELECT c.oid::bigint, quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c " +
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)", connection);
            find.Parameters.Add(new NpgsqlParameter { Value = candidate });
            try
            {
                await using var r = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) { quoted = r.GetString(1); break; }
            }
            catch (PostgresException e) when (e.SqlState is "42601" or "42602" or "3F000")
            {
                // Not a valid name in this spelling (or an unknown schema): try the other one.
            }
        }
        if (quoted is null)
            throw new NotRetried(new ConnectorOptionException(JdbcOptions.TableName.Key,
                $"The jdbc table '{Table.Name}' names the PostgreSQL table '{_tableName}' (option 'table-name'), which does not exist in database '{connection.Database}'"));

        var names = new List<string>();
        var types = new Dictionary<string, (string Internal, string Display)>(StringComparer.Ordinal);
        await using (var columns = new NpgsqlCommand($"SELECT * FROM {quoted} WHERE false", connection))
        await using (var r = await columns.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            for (int i = 0; i < r.FieldCount; i++)
            {
                names.Add(r.GetName(i));
                types[r.GetName(i)] = (r.GetPostgresType(i).InternalName, r.GetDataTypeName(i));
            }
        var resolved = new string[_schema.Count];
        for (int c = 0; c < resolved.Length; c++)
        {
            var name = _schema[c].Name;
            var match = names.Where(n => n == name).ToList();
            if (match.Count == 0) match = names.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1)
                throw new NotRetried(new ConnectorOptionException(JdbcOptions.TableName.Key,
                    $"The jdbc table '{Table.Name}' has column '{name}', but the PostgreSQL table {quoted} (option 'table-name') " +
                    (match.Count == 0 ? "has no such column" : "has several columns of that name in different case") +
                    $"; its columns are: {string.Join(", ", names)}"));
            if (!PostgresFieldReader.Reads(_schema[c].Type, types[match[0]].Internal))
                throw new NotRetried(new ConnectorOptionException(JdbcOptions.TableName.Key,
                    $"The jdbc table '{Table.Name}' reads column '{name}' as {_schema[c].Type}, but column {QuoteIdentifier(match[0])} of the PostgreSQL " +
                    $"table {quoted} (option 'table-name') is of type {types[match[0]].Display}: declare the column with the type it maps to " +
                    "(Flink's PostgreSQL type mapping), or as STRING to read its text"));
            resolved[c] = QuoteIdentifier(match[0]);
        }
        var selected = resolved.Select((c, i) => PostgresFieldReader.SelectText(c, _schema[i].Type));
        var select = $"SELECT {string.Join(", ", selected)} FROM {quoted} WHERE ";
        var keys = _context.KeyColumns;
        return keys.Count == 1
            ? select + $"{resolved[keys[0]]} = ANY($1)"
            : select + $"({string.Join(", ", keys.Select(k => resolved[k]))}) IN (SELECT * FROM unnest({string.Join(", ", keys.Select((_, i) => "$" + (i + 1)))}))";
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Runs <paramref name="attempt"/>, retrying database and network failures <c>lookup.max-retries</c> times.</summary>
    private async Task<T> WithRetriesAsync<T>(string what, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (int retry = 0; ; retry++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (NotRetried e)
            {
                throw e.InnerException!;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                if (retry >= _maxRetries)
                    throw new LookupFailedException(
                        $"The lookup join could not {what} rows of the jdbc table '{Table.Name}' (PostgreSQL table '{_tableName}') " +
                        $"after {_maxRetries} retries ('lookup.max-retries'): {_sanitize(Describe(e))}", e);
                await Task.Delay(TimeSpan.FromSeconds(retry + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Describe(Exception e) => e switch
    {
        PostgresException p => $"{p.SqlState}: {p.MessageText}",
        NpgsqlException { InnerException: { } inner } => inner.Message,
        _ => e.Message,
    };

    /// <summary>A failure retrying cannot fix (a table or column that is not there).</summary>
    private sealed class NotRetried(Exception inner) : Exception(inner.Message, inner);
}
