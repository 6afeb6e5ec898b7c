using Npgsql;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Postgres.Tests.Lookup;

/// <summary>
/// A 'jdbc' connector that only serves lookups, for these tests until the jdbc connector (its sink and URL handling are
/// another branch's) calls <see cref="PostgresLookupReader"/> itself: the url is taken in its plain
/// <c>jdbc:postgresql://host:port/database</c> form.
/// </summary>
internal sealed class LookupOnlyJdbcConnector : ITableConnector, ILookupConnector
{
    private static readonly ConfigOption<string?> Url = Options.OptionalString("url", "url");
    private static readonly ConfigOption<string?> TableName = Options.OptionalString("table-name", "table");
    private static readonly ConfigOption<string?> Username = Options.OptionalString("username", "user");
    private static readonly ConfigOption<string?> Password = Options.OptionalString("password", "password");

    public string Identifier => "jdbc";
    public IReadOnlyList<ConfigOption> RequiredOptions { get; } = [Url, TableName];
    public IReadOnlyList<ConfigOption> OptionalOptions { get; } = [Username, Password, .. LookupOptions.All];
    public IReadOnlyList<string> OptionPrefixes { get; } = [];
    public bool SupportsSource => false;
    public bool SupportsSink => false;
    public bool SupportsLookup => true;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata { get; } = new Dictionary<string, SqlType>();
    public bool IsBounded(CatalogTable table) => false;
    public ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;
    public void Validate(CatalogTable table) { }
    public ISourceReader CreateReader() => throw new NotSupportedException();
    public ISinkWriter CreateWriter() => throw new NotSupportedException();

    public ILookupReader CreateLookupReader(LookupReaderContext context)
    {
        var options = context.Table.Options;
        var url = new Uri(options["url"]["jdbc:".Length..]);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Database = url.AbsolutePath.TrimStart('/'),
            Username = options.GetValueOrDefault("username"),
            Password = options.GetValueOrDefault("password"),
            Timeout = 3,
        };
        return new PostgresLookupReader(context, builder.ConnectionString, options["table-name"]);
    }
}
