using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Common;

/// <summary>The check of formats that hold atomic values only (csv): a ROW, ARRAY, MAP or MULTISET column is refused
/// when the table is created, naming the column and the formats that hold it.</summary>
internal static class NestedColumns
{
    /// <summary>The problem with <paramref name="field"/> for a flat format, or null when it is atomic.</summary>
    public static string? Describe(Field field) =>
        field.Type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset
            ? $"the csv format does not support nested columns: column '{field.Name}' is {field.Type}; use the json or avro format for ROW, ARRAY and MAP values"
            : null;
}
