using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Flink 2.1's functions that make a VARIANT: <c>PARSE_JSON(json [, allowDuplicateKeys])</c> (malformed JSON fails the
/// job with "Failed to parse json string: ...") and <c>TRY_PARSE_JSON(json [, allowDuplicateKeys])</c> (NULL instead).
/// A NULL string gives NULL; duplicate keys fail unless allowed, when the last one wins. Access into a variant is
/// <c>ITEM</c> (<c>v['key']</c>, <c>v[1]</c>) on <see cref="NestedFunctions"/>.
/// </summary>
internal static class VariantFunctions
{
    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("PARSE_JSON", FunctionKind.Scalar, "'PARSE_JSON(<CHARACTER_STRING>)', 'PARSE_JSON(<CHARACTER_STRING>, <BOOLEAN>)'",
            a => Parse(a, a[0].Nullable || IsNull(a[0])));
        yield return new("TRY_PARSE_JSON", FunctionKind.Scalar, "'TRY_PARSE_JSON(<CHARACTER_STRING>)', 'TRY_PARSE_JSON(<CHARACTER_STRING>, <BOOLEAN>)'",
            a => Parse(a, nullable: true));
    }

    private static ResolvedFunction? Parse(CallArguments a, bool nullable)
    {
        if (a.Count is < 1 or > 2 || !IsString(a[0]) || a.Count == 2 && !IsBoolean(a[1])) return null;
        SqlType[] operands = a.Count == 1 ? [As(StringType, a[0])] : [As(StringType, a[0]), As(SqlType.Boolean, a[1])];
        return new ResolvedFunction(a.Name, operands, SqlType.Variant.WithNullable(nullable));
    }
}
