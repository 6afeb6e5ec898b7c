using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Common;

/// <summary>Defaults shared by the built-in connectors: no metadata, no prefixes, declared-option validation.</summary>
public abstract class TableConnectorBase : ITableConnector
{
    private static readonly IReadOnlyDictionary<string, SqlType> NoMetadata = new Dictionary<string, SqlType>();

    public abstract string Identifier { get; }
    public virtual IReadOnlyList<ConfigOption> RequiredOptions => Array.Empty<ConfigOption>();
    public abstract IReadOnlyList<ConfigOption> OptionalOptions { get; }
    public virtual IReadOnlyList<string> OptionPrefixes => Array.Empty<string>();
    public virtual bool SupportsSource => false;
    public virtual bool SupportsSink => false;
    public virtual bool SupportsLookup => false;
    public virtual IReadOnlyDictionary<string, SqlType> ReadableMetadata => NoMetadata;
    public virtual IReadOnlyDictionary<string, SqlType> WritableMetadata => NoMetadata;

    public virtual bool AcceptsScanFilters => false;

    public virtual bool IsBounded(CatalogTable table) => false;

    public virtual ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;

    public virtual ChangelogMode SourceChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;

    /// <summary>Checks declared options (presence, unknown keys, values), then <see cref="ValidateSpecific"/>.</summary>
    public void Validate(CatalogTable table)
    {
        TableOptions.CheckDeclared(this, table);
        ValidateSpecific(table);
    }

    protected virtual void ValidateSpecific(CatalogTable table) { }

    public virtual string? MissingFormat(CatalogTable table, TableAccess access) => null;

    public virtual void ValidateSink(CatalogTable table) { }

    public virtual void ValidateSource(CatalogTable table) { }

    public virtual ISourceReader CreateReader() => throw new NotSupportedException($"connector '{Identifier}' cannot be used as a source");

    public virtual ISinkWriter CreateWriter() => throw new NotSupportedException($"connector '{Identifier}' cannot be used as a sink");
}
