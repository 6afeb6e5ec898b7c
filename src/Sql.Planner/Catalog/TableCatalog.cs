namespace StreamSql.Sql.Planner.Catalog;

/// <summary>The session's tables and views (one in-memory catalog, <c>default_catalog.default_database</c>).</summary>
public sealed class TableCatalog
{
    private readonly Dictionary<string, CatalogTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogView> _views = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CatalogTable> Tables => _tables;
    public IReadOnlyDictionary<string, CatalogView> Views => _views;
}
