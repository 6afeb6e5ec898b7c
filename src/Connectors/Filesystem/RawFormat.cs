using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem;

/// <summary>The checks of Flink's <c>raw</c> format on a filesystem table: one physical column besides the partition
/// columns, STRING or BYTES (a file is read as lines), and a charset the runtime knows.</summary>
internal static class RawFormat
{
    public static void Check(TableOptions options, CatalogTable table)
    {
        var columns = table.PhysicalSchema.Fields
            .Where(f => !table.PartitionKeys.Any(k => string.Equals(k, f.Name, StringComparison.OrdinalIgnoreCase))).ToList();
        if (columns.Count != 1)
            throw options.Invalid(FilesystemOptions.Format.Key, "the 'raw' format only supports single physical column. However the defined schema "
                + $"contains {columns.Count} physical columns (besides partition columns): " + string.Join(", ", columns.Select(c => $"`{c.Name}` {c.Type}")));
        var type = columns[0].Type;
        if (type.Kind is not (SqlTypeKind.VarChar or SqlTypeKind.Char or SqlTypeKind.VarBinary or SqlTypeKind.Binary))
            throw options.Invalid(FilesystemOptions.Format.Key,
                $"the 'raw' format of the filesystem connector reads a file as lines, so its column is STRING or BYTES, not {type} (column '{columns[0].Name}')");
        Charset(options);
    }

    /// <summary>The encoding <c>raw.charset</c> names.</summary>
    public static Encoding Charset(TableOptions options)
    {
        var name = options.Get(FilesystemOptions.RawCharset);
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw options.Invalid(FilesystemOptions.RawCharset.Key, $"'{name}' is not a supported charset (e.g. UTF-8, UTF-16, ISO-8859-1, US-ASCII)");
        }
    }
}
