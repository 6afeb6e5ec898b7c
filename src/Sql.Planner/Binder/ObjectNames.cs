using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Resolves possibly qualified object names against the catalog <c>default_catalog</c> and its databases.</summary>
internal static class ObjectNames
{
    /// <summary>The catalog key of a table or view name: unqualified names are in the current database.</summary>
    public static string Resolve(ObjectName name, TableCatalog catalog)
    {
        var parts = name.Parts;
        if (parts.Count > 3) throw new SqlValidationException($"Object identifier '{name}' has too many parts (catalog.database.object at most)", name.Span);
        if (parts.Count == 3 && parts[0] != TableCatalog.DefaultCatalog)
            throw new SqlValidationException($"Catalog '{parts[0]}' does not exist (only '{TableCatalog.DefaultCatalog}' exists)", name.Span);
        string database = parts.Count >= 2 ? parts[^2] : catalog.CurrentDatabase;
        if (!catalog.HasDatabase(database))
            throw new SqlValidationException($"Database '{database}' does not exist in catalog '{TableCatalog.DefaultCatalog}'{NameSuggestion.Hint(database, catalog.Databases)}", name.Span);
        return TableCatalog.Key(database, parts[^1]);
    }

    /// <summary>A function's name: functions live in one namespace whatever the current database (a qualifier must name
    /// the default catalog and an existing database).</summary>
    public static string ResolveFunction(ObjectName name, TableCatalog catalog)
    {
        Resolve(name, catalog);
        return name.Parts[^1];
    }

    /// <summary><c>default_catalog.database.name</c> of a key.</summary>
    public static string FullName(string key)
    {
        var (database, name) = SplitKey(key);
        return $"{TableCatalog.DefaultCatalog}.{database}.{name}";
    }

    /// <summary><c>`default_catalog`.`database`.`name`</c> of a key.</summary>
    public static string QuotedFullName(string key)
    {
        var (database, name) = SplitKey(key);
        return $"`{TableCatalog.DefaultCatalog}`.`{database}`.`{name}`";
    }

    /// <summary>The database and name of a key without the catalog at hand: a dot separates them (a name of the default
    /// database that contains a dot is shown as if qualified).</summary>
    public static (string Database, string Name) SplitKey(string key)
    {
        int dot = key.IndexOf('.');
        return dot > 0 ? (key[..dot], key[(dot + 1)..]) : (TableCatalog.DefaultDatabase, key);
    }
}
