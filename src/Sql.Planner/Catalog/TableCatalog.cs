namespace StreamSql.Sql.Planner.Catalog;

/// <summary>The session's tables and views (one in-memory catalog, <c>default_catalog.default_database</c>).
/// Tables and views share one namespace, as in Flink's default catalog.</summary>
public sealed class TableCatalog
{
    public const string DefaultCatalog = "default_catalog";
    public const string DefaultDatabase = "default_database";

    private readonly Dictionary<string, CatalogTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogView> _views = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CatalogTable> Tables => _tables;
    public IReadOnlyDictionary<string, CatalogView> Views => _views;

    /// <summary>The user-defined functions (<c>CREATE FUNCTION</c>, or registered through the embedded API).</summary>
    public Functions.UserDefined.UserFunctionCatalog Functions { get; } = new();

    /// <summary>Whether a table or view of that exact name exists.</summary>
    public bool Contains(string name) => _tables.ContainsKey(name) || _views.ContainsKey(name);

    public CatalogTable? FindTable(string name) => _tables.TryGetValue(name, out var t) ? t : null;
    public CatalogView? FindView(string name) => _views.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every table and view name, sorted ordinally (the order <c>SHOW TABLES</c> prints).</summary>
    public IReadOnlyList<string> AllNames()
    {
        var names = new List<string>(_tables.Keys);
        names.AddRange(_views.Keys);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public void AddTable(CatalogTable table)
    {
        if (Contains(table.Name)) throw new InvalidOperationException($"'{table.Name}' already exists");
        _tables[table.Name] = table;
    }

    /// <summary>Replaces an existing table (ALTER TABLE SET/RESET).</summary>
    public void ReplaceTable(CatalogTable table) => _tables[table.Name] = table;

    public void AddView(CatalogView view)
    {
        if (Contains(view.Name)) throw new InvalidOperationException($"'{view.Name}' already exists");
        _views[view.Name] = view;
    }

    public bool RemoveTable(string name) => _tables.Remove(name);
    public bool RemoveView(string name) => _views.Remove(name);
}
