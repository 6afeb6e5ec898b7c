using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Resolves possibly qualified object names against the single catalog <c>default_catalog.default_database</c>.</summary>
internal static class ObjectNames
{
    /// <summary>The object's name within the default database; refuses other catalogs and databases.</summary>
    public static string Resolve(ObjectName name)
    {
        var parts = name.Parts;
        if (parts.Count > 3) throw new SqlValidationException($"Object identifier '{name}' has too many parts (catalog.database.object at most)", name.Span);
        if (parts.Count == 3 && parts[0] != TableCatalog.DefaultCatalog)
            throw new SqlValidationException($"Catalog '{parts[0]}' does not exist (only '{TableCatalog.DefaultCatalog}' exists)", name.Span);
        if (parts.Count >= 2 && parts[^2] != TableCatalog.DefaultDatabase)
            throw new SqlValidationException($"Database '{parts[^2]}' does not exist in catalog '{TableCatalog.DefaultCatalog}' (only '{TableCatalog.DefaultDatabase}' exists)", name.Span);
        return parts[^1];
    }

    /// <summary><c>default_catalog.default_database.name</c>.</summary>
    public static string FullName(string name) => $"{TableCatalog.DefaultCatalog}.{TableCatalog.DefaultDatabase}.{name}";

    /// <summary><c>`default_catalog`.`default_database`.`name`</c>.</summary>
    public static string QuotedFullName(string name) => $"`{TableCatalog.DefaultCatalog}`.`{TableCatalog.DefaultDatabase}`.`{name}`";
}
