using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Common;

/// <summary>The check of the csv format's columns, as Flink's <c>CsvRowSchemaConverter</c>: atomic values, and ROW and
/// ARRAY of atomic values (one level: a field of their elements joined by <c>csv.array-element-delimiter</c>); a MAP,
/// MULTISET or deeper nesting is refused when the table is created, naming the column.</summary>
internal static class NestedColumns
{
    /// <summary>The problem with <paramref name="field"/> for the csv format, or null when it can hold it.</summary>
    public static string? Describe(Field field)
    {
        var type = field.Type;
        if (type.Kind == SqlTypeKind.Variant || type.Elements?.Any(e => e.Kind == SqlTypeKind.Variant) == true)
            return $"the csv format does not support column '{field.Name}' of type {type}; use the json format for VARIANT values";
        if (type.Kind is SqlTypeKind.Map or SqlTypeKind.Multiset)
            return $"the csv format does not support column '{field.Name}' of type {type}; use the json or avro format for MAP and MULTISET values";
        IEnumerable<SqlType> nested = type.Kind is SqlTypeKind.Array or SqlTypeKind.Row ? type.Elements ?? [] : [];
        foreach (var inner in nested)
            if (inner.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset)
                return $"Only simple types are supported in the second level nesting of fields '{field.Name}' but was: {inner}; use the json format for deeper nesting";
        return null;
    }
}
