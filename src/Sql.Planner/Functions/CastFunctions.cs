using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// <c>CAST</c> and <c>TRY_CAST</c>. The binder builds these calls itself (the call's type is the target type); resolving
/// them takes two argument types, (operand, target): the result is the target, nullable like the operand for CAST and
/// always nullable for TRY_CAST.
/// </summary>
internal static class CastFunctions
{
    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("CAST", FunctionKind.Scalar, "'CAST(<ANY> AS <TYPE>)'", a => Cast(a, tryCast: false));
        yield return new("TRY_CAST", FunctionKind.Scalar, "'TRY_CAST(<ANY> AS <TYPE>)'", a => Cast(a, tryCast: true));
    }

    private static ResolvedFunction? Cast(CallArguments a, bool tryCast)
    {
        if (a.Count != 2) return null;
        var from = a[0];
        var to = a[1].WithoutTimeAttribute();
        if (!CastRules.CanCast(from, to))
            throw new FunctionResolutionException(CastRules.Refusal(from, to));
        // A variant holding a JSON null casts to SQL NULL (Flink's VariantToStringCastRule), so its text may be NULL.
        bool nullable = tryCast || from.Nullable || from.Kind is SqlTypeKind.Null or SqlTypeKind.Variant;
        return new ResolvedFunction(a.Name, new[] { from }, to.WithNullable(nullable));
    }
}
