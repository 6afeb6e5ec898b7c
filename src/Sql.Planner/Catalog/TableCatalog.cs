namespace StreamSql.Sql.Planner.Catalog;

/// <summary>The session's catalogs (<c>default_catalog</c> and those of <c>CREATE CATALOG</c>, all in memory), their
/// databases, and every table and view. Tables and views share one namespace per database, as in Flink's in-memory
/// catalog. An object is kept under its key (<see cref="Key(string, string, string)"/>): in <c>default_catalog</c> its
/// name in <c>default_database</c> and <c>database.name</c> elsewhere (the keys operator ids and state names were always
/// derived from), in any other catalog <c>catalog.database.name</c>.</summary>
public sealed class TableCatalog
{
    public const string DefaultCatalog = "default_catalog";
    public const string DefaultDatabase = "default_database";

    private readonly Dictionary<string, CatalogTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogView> _views = new(StringComparer.Ordinal);

    // Permanent tables and views hidden by a temporary one of the same key: Flink keeps the two kinds apart and resolves
    // the temporary one first; the permanent one comes back when the temporary one is dropped.
    private readonly Dictionary<string, object> _shadowed = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SessionCatalog> _catalogs = new(StringComparer.Ordinal)
    {
        [DefaultCatalog] = new SessionCatalog(DefaultCatalog, DefaultDatabase, null, null),
    };

    public IReadOnlyDictionary<string, CatalogTable> Tables => _tables;
    public IReadOnlyDictionary<string, CatalogView> Views => _views;

    /// <summary>The user-defined functions (<c>CREATE FUNCTION</c>, or registered through the embedded API).</summary>
    public Functions.UserDefined.UserFunctionCatalog Functions { get; } = new();

    /// <summary>The catalog unqualified and database-qualified names resolve in (<c>USE CATALOG</c>).</summary>
    public string CurrentCatalog { get; private set; } = DefaultCatalog;

    /// <summary>The database unqualified names resolve in (<c>USE db</c>), in <see cref="CurrentCatalog"/>.</summary>
    public string CurrentDatabase { get; private set; } = DefaultDatabase;

    /// <summary>The catalogs, sorted ordinally (the order <c>SHOW CATALOGS</c> prints).</summary>
    public IReadOnlyCollection<string> CatalogNames => _catalogs.Keys;

    public SessionCatalog? FindCatalog(string name) => _catalogs.GetValueOrDefault(name);

    /// <summary>Adds a catalog; false when one of that name exists.</summary>
    public bool AddCatalog(SessionCatalog catalog) => _catalogs.TryAdd(catalog.Name, catalog);

    /// <summary>Puts <paramref name="catalog"/> in the place of the catalog of its name (its tables and views stay).</summary>
    public void ReplaceCatalog(SessionCatalog catalog) => _catalogs[catalog.Name] = catalog;

    /// <summary>Removes a catalog (not the current one) with its tables and views.</summary>
    public void RemoveCatalog(string name)
    {
        if (name == CurrentCatalog) throw new InvalidOperationException($"'{name}' is the current catalog");
        if (!_catalogs.TryGetValue(name, out var catalog)) return;
        foreach (var database in catalog.Databases.ToList()) RemoveDatabase(name, database);
        _catalogs.Remove(name);
    }

    /// <summary>Makes <paramref name="name"/> the current catalog; the current database becomes its default database
    /// (as Flink's <c>USE CATALOG</c> does).</summary>
    public void UseCatalog(string name)
    {
        var catalog = _catalogs[name];
        if (name == CurrentCatalog) return;
        CurrentCatalog = name;
        CurrentDatabase = catalog.DefaultDatabase;
    }

    /// <summary>The databases of the current catalog, sorted ordinally (the order <c>SHOW DATABASES</c> prints).</summary>
    public IReadOnlyCollection<string> Databases => FindCatalog(CurrentCatalog)?.Databases ?? [];

    public bool HasDatabase(string database) => HasDatabase(CurrentCatalog, database);
    public bool HasDatabase(string catalog, string database) => FindCatalog(catalog)?.HasDatabase(database) == true;

    /// <summary>Adds a database to the current catalog; false when it exists.</summary>
    public bool AddDatabase(string database) => AddDatabase(CurrentCatalog, database);
    public bool AddDatabase(string catalog, string database) => _catalogs[catalog].AddDatabase(database);

    /// <summary>Removes a database of the current catalog and every table and view in it.</summary>
    public void RemoveDatabase(string database) => RemoveDatabase(CurrentCatalog, database);

    public void RemoveDatabase(string catalog, string database)
    {
        foreach (var key in ObjectsIn(catalog, database)) { _tables.Remove(key); _views.Remove(key); _shadowed.Remove(key); }
        _catalogs[catalog].RemoveDatabase(database);
    }

    /// <summary>Makes <paramref name="database"/> (of the current catalog) the current database.</summary>
    public void UseDatabase(string database) => CurrentDatabase = database;

    /// <summary>Resolves names in <paramref name="context"/> until disposed (a view's query binds where it was defined).</summary>
    public IDisposable ResolveIn((string Catalog, string Database) context)
    {
        var restore = new Restore(this, CurrentCatalog, CurrentDatabase);
        (CurrentCatalog, CurrentDatabase) = context;
        return restore;
    }

    private sealed class Restore(TableCatalog owner, string catalog, string database) : IDisposable
    {
        public void Dispose() => (owner.CurrentCatalog, owner.CurrentDatabase) = (catalog, database);
    }

    /// <summary>The key of <paramref name="name"/> in <paramref name="database"/> of <c>default_catalog</c>.</summary>
    public static string Key(string database, string name) => database == DefaultDatabase ? name : database + "." + name;

    /// <summary>The key of <paramref name="name"/> in <paramref name="database"/> of <paramref name="catalog"/>.</summary>
    public static string Key(string catalog, string database, string name) =>
        catalog == DefaultCatalog ? Key(database, name) : $"{catalog}.{database}.{name}";

    /// <summary>The catalog, database and name of a key (a key with a dot is qualified by what precedes it when that
    /// catalog or database exists; otherwise it is a name in <c>default_database</c>).</summary>
    public (string Catalog, string Database, string Name) Locate(string key)
    {
        int dot = key.IndexOf('.');
        if (dot > 0)
        {
            string first = key[..dot], rest = key[(dot + 1)..];
            int second = rest.IndexOf('.');
            if (first != DefaultCatalog && second > 0 && HasDatabase(first, rest[..second]))
                return (first, rest[..second], rest[(second + 1)..]);
            if (first != DefaultDatabase && HasDatabase(DefaultCatalog, first)) return (DefaultCatalog, first, rest);
        }
        return (DefaultCatalog, DefaultDatabase, key);
    }

    /// <summary>The database and name of a key of the current catalog's objects (see <see cref="Locate"/>).</summary>
    public (string Database, string Name) Split(string key)
    {
        var (_, database, name) = Locate(key);
        return (database, name);
    }

    /// <summary>The keys of the tables and views of <paramref name="database"/> in the current catalog.</summary>
    public List<string> ObjectsIn(string database) => ObjectsIn(CurrentCatalog, database);

    /// <summary>The keys of the tables and views of <paramref name="database"/> in <paramref name="catalog"/>.</summary>
    public List<string> ObjectsIn(string catalog, string database)
    {
        var keys = new List<string>();
        foreach (var key in _tables.Keys) if (Locate(key) is var l && l.Catalog == catalog && l.Database == database) keys.Add(key);
        foreach (var key in _views.Keys) if (Locate(key) is var l && l.Catalog == catalog && l.Database == database) keys.Add(key);
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
    public IReadOnlyList<string> NamesInCurrentDatabase() => NamesIn(CurrentCatalog, CurrentDatabase);

    /// <summary>The names of the tables and views of a database, sorted ordinally.</summary>
    public IReadOnlyList<string> NamesIn(string catalog, string database)
    {
        var names = ObjectsIn(catalog, database).Select(k => Locate(k).Name).ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>Whether a new table or view (<paramref name="temporary"/> or not) cannot take <paramref name="name"/>:
    /// one of the same kind holds it (a temporary one may hide a permanent one, and a permanent one may be created under
    /// a temporary one, as in Flink).</summary>
    public bool Conflicts(string name, bool temporary)
    {
        bool? visibleTemporary = FindTable(name)?.Temporary ?? FindView(name)?.Temporary;
        if (visibleTemporary is null) return false;
        return visibleTemporary == temporary || (!temporary && _shadowed.ContainsKey(name));
    }

    public void AddTable(CatalogTable table)
    {
        if (!PlacedUnderTemporary(table.Name, table, table.Temporary)) _tables[table.Name] = table;
    }

    /// <summary>Makes room for a new object: a temporary one hides the permanent one of its name; a permanent one under a
    /// temporary one is kept hidden (true).</summary>
    private bool PlacedUnderTemporary(string name, object added, bool temporary)
    {
        if (!Contains(name)) return false;
        if (Conflicts(name, temporary)) throw new InvalidOperationException($"'{name}' already exists");
        if (!temporary)
        {
            _shadowed[name] = added;
            return true;
        }
        _shadowed[name] = (object?)FindTable(name) ?? FindView(name)!;
        _tables.Remove(name);
        _views.Remove(name);
        return false;
    }

    private void Unshadow(string name)
    {
        if (!_shadowed.Remove(name, out var hidden)) return;
        if (hidden is CatalogTable table) _tables[name] = table;
        else _views[name] = (CatalogView)hidden;
    }

    /// <summary>Replaces an existing table (ALTER TABLE SET/RESET).</summary>
    public void ReplaceTable(CatalogTable table) => _tables[table.Name] = table;

    public void AddView(CatalogView view)
    {
        if (!PlacedUnderTemporary(view.Name, view, view.Temporary)) _views[view.Name] = view;
    }

    /// <summary>Removes the table seen under <paramref name="name"/>; a permanent object it hid is seen again.</summary>
    public bool RemoveTable(string name)
    {
        if (!_tables.Remove(name)) return false;
        Unshadow(name);
        return true;
    }

    /// <summary>Removes the view seen under <paramref name="name"/>; a permanent object it hid is seen again.</summary>
    public bool RemoveView(string name)
    {
        if (!_views.Remove(name)) return false;
        Unshadow(name);
        return true;
    }
}
