using System.Text;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Flink's text for <c>DESCRIBE</c> and <c>SHOW CREATE TABLE|VIEW</c>.</summary>
internal static class CatalogFormatting
{
    /// <summary>Flink's DESCRIBE / SHOW COLUMNS header; <c>comment</c> only when some column of the table has a comment
    /// (Flink's <c>ShowColumnsOperation</c>).</summary>
    private static readonly string[] DescribeColumns = { "name", "type", "null", "key", "extras", "watermark" };
    private static readonly string[] DescribeColumnsWithComment = { "name", "type", "null", "key", "extras", "watermark", "comment" };

    /// <summary>The columns of <paramref name="table"/> whose names <paramref name="filter"/> keeps.</summary>
    public static TableResult Describe(CatalogTable table, ShowLikeFilter filter)
    {
        bool comments = table.Columns.Any(c => c.Comment is not null);
        string key = table.PrimaryKey.Count == 0 ? "" : $"PRI({string.Join(", ", table.PrimaryKey)})";
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var c in table.Columns)
        {
            if (!filter.Keeps(c.Name)) continue;
            string extras = c switch
            {
                ComputedColumn cc => "AS " + cc.ExpressionText,
                // A key equal to the column name was (as far as we can tell) not written: Flink then prints no FROM.
                MetadataColumn m => "METADATA" + (m.MetadataKey == m.Name ? "" : $" FROM '{m.MetadataKey}'") + (m.IsVirtual ? " VIRTUAL" : ""),
                _ => "",
            };
            string watermark = table.Watermark is { } w && w.RowtimeColumn == c.Name ? w.ExpressionText : "";
            var row = new List<string?> { c.Name, TypeText(c.Type), c.Type.Nullable ? "TRUE" : "FALSE", table.PrimaryKey.Contains(c.Name) ? key : "", extras, watermark };
            if (comments) row.Add(c.Comment ?? "");
            rows.Add(row);
        }
        return new TableResult(comments ? DescribeColumnsWithComment : DescribeColumns, rows);
    }

    /// <summary>A view's columns carry no key, extras, watermark or comment.</summary>
    public static TableResult Describe(CatalogView view, ShowLikeFilter filter)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var f in view.Schema.Fields)
            if (filter.Keeps(f.Name)) rows.Add(new[] { f.Name, TypeText(f.Type), f.Type.Nullable ? "TRUE" : "FALSE", "", "", "" });
        return new TableResult(DescribeColumns, rows);
    }

    /// <summary>The type without NOT NULL (nullability has its own column), with time-attribute markers.</summary>
    private static string TypeText(SqlType t) => t.WithNullable(true).ToString();

    public static string ShowCreateTable(CatalogTable table)
    {
        var sb = new StringBuilder();
        sb.Append(table.Temporary ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ").Append(ObjectNames.QuotedFullName(table.Name)).Append(" (\n");
        var lines = new List<string>();
        foreach (var c in table.Columns)
        {
            var line = new StringBuilder("  ").Append(ExpressionSqlPrinter.Quote(c.Name)).Append(' ');
            var type = SerializableType(c.Type);
            switch (c)
            {
                case ComputedColumn cc: line.Append("AS ").Append(cc.ExpressionText); break;
                case MetadataColumn m:
                    line.Append(type).Append(" METADATA");
                    if (m.MetadataKey != m.Name) line.Append(" FROM '").Append(m.MetadataKey).Append('\'');
                    if (m.IsVirtual) line.Append(" VIRTUAL");
                    break;
                default: line.Append(type); break;
            }
            if (c.Comment is not null) line.Append(" COMMENT '").Append(c.Comment.Replace("'", "''")).Append('\'');
            lines.Add(line.ToString());
        }
        if (table.Watermark is { } w)
            lines.Add($"  WATERMARK FOR {ExpressionSqlPrinter.Quote(w.RowtimeColumn)} AS {w.ExpressionText}");
        if (table.PrimaryKey.Count > 0)
            lines.Add($"  CONSTRAINT `{table.PrimaryKeyConstraintName}` PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Select(ExpressionSqlPrinter.Quote))}) NOT ENFORCED");
        sb.Append(string.Join(",\n", lines)).Append("\n)");
        if (table.Comment is not null) sb.Append(" COMMENT '").Append(table.Comment.Replace("'", "''")).Append('\'');
        sb.Append('\n');
        if (table.Distribution is { } distribution) sb.Append(distribution).Append('\n');
        if (table.PartitionKeys.Count > 0)
            sb.Append("PARTITIONED BY (").Append(string.Join(", ", table.PartitionKeys.Select(ExpressionSqlPrinter.Quote))).Append(")\n");
        // Flink's ShowCreateUtil leaves the WITH clause out when a table has no options.
        if (table.Options.Count == 0) return sb.ToString();
        sb.Append("WITH (\n");
        // Secrets (passwords, JAAS configurations, ...) are never shown.
        sb.Append(string.Join(",\n", table.Options.Select(o => $"  '{o.Key}' = '{Config.SensitiveOptions.Shown(o.Key, o.Value).Replace("'", "''")}'")));
        sb.Append("\n)\n");
        return sb.ToString();
    }

    /// <summary>Flink's <c>SHOW CREATE CATALOG</c>: name, comment, then the <c>WITH</c> options sorted by key.</summary>
    public static string ShowCreateCatalog(SessionCatalog catalog)
    {
        var sb = new StringBuilder("CREATE CATALOG ").Append(ExpressionSqlPrinter.Quote(catalog.Name)).Append('\n');
        if (catalog.Comment is not null) sb.Append("COMMENT '").Append(catalog.Comment.Replace("'", "''")).Append("'\n");
        if (catalog.Options is { Count: > 0 } options)
        {
            sb.Append("WITH (\n");
            sb.Append(string.Join(",\n", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"  '{o.Key.Replace("'", "''")}' = '{o.Value.Replace("'", "''")}'")));
            sb.Append("\n)\n");
        }
        return sb.ToString();
    }

    /// <summary>Flink's SHOW CREATE VIEW: the column names, then the query as Flink stores it expanded (see
    /// <see cref="ExpandedQueryPrinter"/>; a query it cannot expand is shown as written).</summary>
    public static string ShowCreateView(CatalogView view, TableCatalog catalog)
    {
        var sb = new StringBuilder();
        sb.Append(view.Temporary ? "CREATE TEMPORARY VIEW " : "CREATE VIEW ").Append(ObjectNames.QuotedFullName(view.Name));
        var names = view.Schema.Fields.Select(f => f.Name).ToList();
        sb.Append("(").Append(string.Join(", ", names.Select(ExpressionSqlPrinter.Quote))).Append(") as\n");
        sb.Append(ExpandedQueryPrinter.TryPrint(view, catalog) ?? view.QueryText.Trim()).Append('\n');
        return sb.ToString();
    }

    /// <summary>A type as Flink's SHOW CREATE TABLE prints it (<c>asSerializableString</c>): STRING is <c>VARCHAR(2147483647)</c>,
    /// TIMESTAMP_LTZ(p) is <c>TIMESTAMP(p) WITH LOCAL TIME ZONE</c>.</summary>
    public static string SerializableType(SqlType t)
    {
        string text = t.Kind switch
        {
            SqlTypeKind.VarChar => $"VARCHAR({t.Precision})",
            SqlTypeKind.VarBinary => $"VARBINARY({t.Precision})",
            SqlTypeKind.TimestampLtz => $"TIMESTAMP({t.Precision}) WITH LOCAL TIME ZONE",
            SqlTypeKind.Array => $"ARRAY<{SerializableType(t.Elements![0])}>",
            SqlTypeKind.Multiset => $"MULTISET<{SerializableType(t.Elements![0])}>",
            SqlTypeKind.Map => $"MAP<{SerializableType(t.Elements![0])}, {SerializableType(t.Elements![1])}>",
            SqlTypeKind.Row => "ROW<" + string.Join(", ", t.Elements!.Select((e, i) => $"`{t.FieldNames![i]}` {SerializableType(e)}")) + ">",
            _ => t.WithoutTimeAttribute().WithNullable(true).ToString(),
        };
        return t.Nullable ? text : text + " NOT NULL";
    }

    /// <summary>Flink names an unnamed primary key <c>PK_</c> + the Java hash code of its column list.</summary>
    public static string PrimaryKeyName(IReadOnlyList<string> columns)
    {
        int hash = 1;
        foreach (var c in columns)
        {
            int h = 0;
            foreach (char ch in c) h = unchecked(31 * h + ch);
            hash = unchecked(31 * hash + h);
        }
        return "PK_" + hash.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
