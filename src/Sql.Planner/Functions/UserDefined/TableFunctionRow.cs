using System.Reflection;
using StreamSql.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>
/// The columns of the rows a table function collects: for <see cref="TableFunction{T}"/> of a mapped type, one column
/// <c>f0</c> (Flink's name for an atomic result); for a class, record or struct, its public readable instance properties
/// in declaration order, each a column of its name and mapped type.
/// </summary>
public sealed record TableFunctionRow(Type ClrType, IReadOnlyList<Field> Fields, IReadOnlyList<PropertyInfo>? Properties)
{
    /// <summary>The T of <c>TableFunction&lt;T&gt;</c> that <paramref name="implementation"/> derives from, or null.</summary>
    public static Type? RowTypeOf(Type implementation)
    {
        for (var t = implementation.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(TableFunction<>)) return t.GetGenericArguments()[0];
        return null;
    }

    /// <exception cref="ArgumentException">The type has no mapping; the message names it, or the property.</exception>
    public static TableFunctionRow Of(Type implementation, Type rowType)
    {
        if (ClrTypeMapping.ToSql(rowType) is { } atomic) return new TableFunctionRow(rowType, [new Field("f0", atomic)], null);
        if (rowType.IsPrimitive || rowType.IsEnum || rowType.IsArray || rowType.IsInterface || rowType.IsAbstract || rowType.ContainsGenericParameters
            || Nullable.GetUnderlyingType(rowType) is not null)
            throw new ArgumentException($"Table function class '{implementation.FullName}' collects {rowType.Name}, which has no SQL type; " +
                $"collect one of {ClrTypeMapping.SupportedTypes}, or a class or record whose public properties have those types");
        var properties = rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod!.IsPublic)
            .OrderBy(p => p.MetadataToken)
            .ToList();
        if (properties.Count == 0)
            throw new ArgumentException($"Table function class '{implementation.FullName}' collects {rowType.Name}, which has no public properties to make columns of");
        var fields = new List<Field>(properties.Count);
        foreach (var p in properties)
        {
            var type = ClrTypeMapping.ToSql(p.PropertyType) ?? throw new ArgumentException(
                $"Property '{p.Name}' of {rowType.FullName}, collected by table function class '{implementation.FullName}', has type {p.PropertyType.Name}, " +
                $"which has no SQL type; supported: {ClrTypeMapping.SupportedTypes}");
            fields.Add(new Field(p.Name, type));
        }
        return new TableFunctionRow(rowType, fields, properties);
    }
}
