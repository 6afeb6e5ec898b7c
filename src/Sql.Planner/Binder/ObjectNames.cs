using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Resolves possibly qualified object names against the session's catalogs and their databases.</summary>
internal static class ObjectNames
{
    /// <summary>The catalog key of a table or view name: unqualified names are in the current catalog and database,
    /// <c>db.name</c> in the current catalog.</summary>
    public static string Resolve(ObjectName name, TableCatalog catalog)
    {
        var (catalogName, database) = Qualifier(name, catalog);
        return TableCatalog.Key(catalogName, database, name.Parts[^1]);
    }

    /// <summary>The catalog and database a possibly qualified object name is in (both must exist).</summary>
    public static (string Catalog, string Database) Qualifier(ObjectName name, TableCatalog catalog)
    {
        var parts = name.Parts;
        if (parts.Count > 3) throw new SqlValidationException($"Object identifier '{name}' has too many parts (catalog.database.object at most)", name.Span);
        string catalogName = parts.Count == 3 ? parts[0] : catalog.CurrentCatalog;
        var found = catalog.FindCatalog(catalogName)
            ?? throw new SqlValidationException($"Catalog {catalogName} does not exist{NameSuggestion.Hint(catalogName, catalog.CatalogNames)}", name.Span);
        string database = parts.Count >= 2 ? parts[^2] : catalog.CurrentDatabase;
        if (!found.HasDatabase(database))
            throw new SqlValidationException($"Database '{database}' does not exist in catalog '{catalogName}'{NameSuggestion.Hint(database, found.Databases)}", name.Span);
        return (catalogName, database);
    }

    /// <summary>A function's name: functions live in one namespace whatever the current database (a qualifier must name
    /// the default catalog and an existing database).</summary>
    public static string ResolveFunction(ObjectName name, TableCatalog catalog)
    {
        Resolve(name, catalog);
        return name.Parts[^1];
    }

    /// <summary><c>catalog.database.name</c> of a key.</summary>
    public static string FullName(string key)
    {
        var (catalog, database, name) = SplitKey(key);
        return $"{catalog}.{database}.{name}";
    }

    /// <summary><c>`catalog`.`database`.`name`</c> of a key.</summary>
    public static string QuotedFullName(string key)
    {
        var (catalog, database, name) = SplitKey(key);
        return $"`{catalog}`.`{database}`.`{name}`";
    }

    /// <summary>The catalog, database and name of a key without the catalog at hand: a key with one dot is
    /// <c>database.name</c> of <c>default_catalog</c>, one with two or more <c>catalog.database.name</c> (a name that
    /// contains a dot is shown as if qualified; <see cref="TableCatalog.Locate"/> knows better).</summary>
    public static (string Catalog, string Database, string Name) SplitKey(string key)
    {
        int dot = key.IndexOf('.');
        if (dot <= 0) return (TableCatalog.DefaultCatalog, TableCatalog.DefaultDatabase, key);
        int second = key.IndexOf('.', dot + 1);
        if (second > dot + 1 && key[..dot] != TableCatalog.DefaultCatalog)
            return (key[..dot], key[(dot + 1)..second], key[(second + 1)..]);
        return (TableCatalog.DefaultCatalog, key[..dot], key[(dot + 1)..]);
    }
}
