using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Common;

/// <summary>Which formats hold a VARIANT column: the json format, a top-level column (read as PARSE_JSON reads the
/// field's JSON value, written as the JSON it holds). Any other format, or a VARIANT nested in a ROW, ARRAY or MAP, is
/// refused when the table is used, naming the column, rather than writing the variant's encoded bytes.</summary>
internal static class VariantColumns
{
    /// <summary>The problem with <paramref name="field"/> for <paramref name="format"/>, or null when it can hold it.</summary>
    public static string? Describe(string format, Field field)
    {
        var type = field.Type;
        bool nested = type.Elements?.Any(Contains) == true;
        if (type.Kind != SqlTypeKind.Variant && !nested) return null;
        if (format == "json" && !nested) return null;
        return nested
            ? $"the {format} format does not support a VARIANT nested in column '{field.Name}' of type {type}; a json-format table holds VARIANT columns at the top level"
            : $"the {format} format does not support column '{field.Name}' of type VARIANT; use the json format for VARIANT values";
    }

    private static bool Contains(SqlType type) => type.Kind == SqlTypeKind.Variant || type.Elements?.Any(Contains) == true;
}
