namespace StreamSql.Sql.Planner.Catalog;

/// <summary>One catalog of the session (<c>default_catalog</c>, or one of <c>CREATE CATALOG</c>): its databases and what
/// <c>DESCRIBE CATALOG</c> / <c>SHOW CREATE CATALOG</c> print. Its tables and views are kept by <see cref="TableCatalog"/>.</summary>
public sealed class SessionCatalog
{
    /// <summary>The one catalog type StreamSql has: Flink's <c>GenericInMemoryCatalog</c>.</summary>
    public const string InMemoryType = "generic_in_memory";

    /// <summary>The database a catalog of <c>CREATE CATALOG</c> starts with when no <c>'default-database'</c> is given:
    /// Flink's <c>GenericInMemoryCatalog.DEFAULT_DB</c>, <c>default</c> (only <c>default_catalog</c> has
    /// <c>default_database</c>, the session's <c>table.builtin-database-name</c>).</summary>
    public const string InMemoryDefaultDatabase = "default";

    private readonly SortedSet<string> _databases = new(StringComparer.Ordinal);

    public SessionCatalog(string name, string defaultDatabase, string? comment, IReadOnlyDictionary<string, string>? options)
    {
        Name = name;
        DefaultDatabase = defaultDatabase;
        Comment = comment;
        Options = options;
        _databases.Add(defaultDatabase);
    }

    public string Name { get; }
    public string DefaultDatabase { get; }
    public string? Comment { get; }

    /// <summary>The <c>WITH</c> options of <c>CREATE CATALOG</c>; null for the built-in <c>default_catalog</c>, which Flink
    /// keeps outside its catalog store (it has no descriptor to describe).</summary>
    public IReadOnlyDictionary<string, string>? Options { get; }

    /// <summary>The databases, sorted ordinally (the order <c>SHOW DATABASES</c> prints).</summary>
    public IReadOnlyCollection<string> Databases => _databases;

    /// <summary>This catalog with another default database (added when missing), comment and options, and the same
    /// databases (<c>ALTER CATALOG</c>).</summary>
    public SessionCatalog With(string defaultDatabase, string? comment, IReadOnlyDictionary<string, string> options)
    {
        var altered = new SessionCatalog(Name, defaultDatabase, comment, options);
        foreach (var database in _databases) altered.AddDatabase(database);
        return altered;
    }

    public bool HasDatabase(string database) => _databases.Contains(database);
    public bool AddDatabase(string database) => _databases.Add(database);
    public void RemoveDatabase(string database) => _databases.Remove(database);
}
