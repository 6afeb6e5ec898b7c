namespace StreamSql.Sql.Planner.Catalog;

/// <summary>The session's tables and views in one in-memory catalog, <c>default_catalog</c>, with its databases
/// (<c>default_database</c> and those of <c>CREATE DATABASE</c>). Tables and views share one namespace per database, as in
/// Flink's default catalog. An object is kept under its key: its name in <c>default_database</c>, <c>database.name</c>
/// elsewhere (<see cref="Key"/>).</summary>
public sealed class TableCatalog
{
    public const string DefaultCatalog = "default_catalog";
    public const string DefaultDatabase = "default_database";

    private readonly Dictionary<string, CatalogTable> _tables = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _databases = new(StringComparer.Ordinal) { DefaultDatabase };
    private readonly Dictionary<string, CatalogView> _views = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CatalogTable> Tables => _tables;
    public IReadOnlyDictionary<string, CatalogView> Views => _views;

    /// <summary>The user-defined functions (<c>CREATE FUNCTION</c>, or registered through the embedded API).</summary>
    public Functions.UserDefined.UserFunctionCatalog Functions { get; } = new();

    /// <summary>The database unqualified names resolve in (<c>USE db</c>).</summary>
    public string CurrentDatabase { get; private set; } = DefaultDatabase;

    /// <summary>The databases, sorted ordinally (the order <c>SHOW DATABASES</c> prints).</summary>
    public IReadOnlyCollection<string> Databases => _databases;

    public bool HasDatabase(string database) => _databases.Contains(database);

    /// <summary>Adds a database; false when it exists.</summary>
    public bool AddDatabase(string database) => _databases.Add(database);

    /// <summary>Removes a database and every table and view in it.</summary>
    public void RemoveDatabase(string database)
    {
        foreach (var key in ObjectsIn(database)) { _tables.Remove(key); _views.Remove(key); }
        _databases.Remove(database);
    }

    public void UseDatabase(string database) => CurrentDatabase = database;

    /// <summary>The key of <paramref name="name"/> in <paramref name="database"/>.</summary>
    public static string Key(string database, string name) => database == DefaultDatabase ? name : database + "." + name;

    /// <summary>The database and name of a key (a name with a dot is in the database before it when that one exists).</summary>
    public (string Database, string Name) Split(string key)
    {
        var split = Binder.ObjectNames.SplitKey(key);
        return _databases.Contains(split.Database) && split.Database != DefaultDatabase ? split : (DefaultDatabase, key);
    }

    /// <summary>The keys of the tables and views of <paramref name="database"/>.</summary>
    public List<string> ObjectsIn(string database)
    {
        var keys = new List<string>();
        foreach (var key in _tables.Keys) if (Split(key).Database == database) keys.Add(key);
        foreach (var key in _views.Keys) if (Split(key).Database == database) keys.Add(key);
        return keys;
    }

    /// <summary>Whether a table or view of that exact name exists.</summary>
    public bool Contains(string name) => _tables.ContainsKey(name) || _views.ContainsKey(name);

    public CatalogTable? FindTable(string name) => _tables.TryGetValue(name, out var t) ? t : null;
    public CatalogView? FindView(string name) => _views.TryGetValue(name, out var v) ? v : null;

    /// <summary>Every table and view key, sorted ordinally.</summary>
    public IReadOnlyList<string> AllNames()
    {
        var names = new List<string>(_tables.Keys);
        names.AddRange(_views.Keys);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>The names of the tables and views of the current database, sorted ordinally (what <c>SHOW TABLES</c>
    /// prints).</summary>
    public IReadOnlyList<string> NamesInCurrentDatabase()
    {
        var names = ObjectsIn(CurrentDatabase).Select(k => Split(k).Name).ToList();
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
