using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>A view: its query (re-bound on every use) and the schema it had when created.</summary>
public sealed record CatalogView(string Name, Query Query, string QueryText, IReadOnlyList<string> ColumnNames, RowSchema Schema, bool Temporary);
