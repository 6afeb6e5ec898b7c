using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>A view: its query (re-bound on every use) and the schema it had when created.</summary>
public sealed record CatalogView(string Name, Query Query, string QueryText, IReadOnlyList<string> ColumnNames, RowSchema Schema, bool Temporary)
{
    /// <summary>The current catalog and database when the view was created: the query's unqualified names resolve there
    /// on every use, as in Flink (which stores the query with its names expanded).</summary>
    public (string Catalog, string Database) DefinedIn { get; init; } = (TableCatalog.DefaultCatalog, TableCatalog.DefaultDatabase);

    /// <summary>The query as Flink's SHOW CREATE VIEW prints it (names qualified), when <see cref="ViewQueryExpansion"/>
    /// could expand it; otherwise null and the view shows <see cref="QueryText"/>.</summary>
    public string? ExpandedQueryText { get; init; }

    /// <summary>The view's comment (<c>CREATE VIEW v COMMENT '...' AS ...</c>), or null.</summary>
    public string? Comment { get; init; }
}
