using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// <c>CASE</c>, <c>COALESCE</c>, <c>NULLIF</c>, <c>IF</c>, <c>IFNULL</c>: the result is the least restrictive type of the
/// value operands; there is none for e.g. a string and a number ("Illegal mixing of types", as Calcite).
/// </summary>
internal static class ConditionalFunctions
{
    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("CASE", FunctionKind.Scalar, "'CASE WHEN <BOOLEAN> THEN <ANY> [...] ELSE <ANY> END'", Case);
        yield return new("COALESCE", FunctionKind.Scalar, "'COALESCE(<ANY>, ...)'", Coalesce);
        yield return new("NULLIF", FunctionKind.Scalar, "'NULLIF(<COMPARABLE_TYPE>, <COMPARABLE_TYPE>)'", NullIf);
        yield return new("IF", FunctionKind.Scalar, "'IF(<BOOLEAN>, <ANY>, <ANY>)'", If);
        yield return new("IFNULL", FunctionKind.Scalar, "'IFNULL(<ANY>, <ANY>)'", IfNull);
        yield return new("GREATEST", FunctionKind.Scalar, "'GREATEST(<COMPARABLE_TYPE>, ...)'", GreatestOrLeast);
        yield return new("LEAST", FunctionKind.Scalar, "'LEAST(<COMPARABLE_TYPE>, ...)'", GreatestOrLeast);
    }

    /// <summary>GREATEST / LEAST: the least restrictive type of the operands (which must be ordered); NULL if any operand is.</summary>
    private static ResolvedFunction? GreatestOrLeast(CallArguments a)
    {
        if (a.Count < 1) return null;
        var common = a.Count == 1 ? a[0] : null;
        for (int i = 1; i < a.Count; i++)
        {
            var pair = TypeRules.ComparisonType(common ?? a[0], a[i], ordered: true);
            if (pair is null) return null;
            common = pair;
        }
        var result = Common(a, a.Types);
        bool nullable = false;
        foreach (var t in a.Types) nullable |= t.Nullable || IsNull(t);
        return new ResolvedFunction(a.Name, AllAs(a, result), result.WithNullable(nullable));
    }

    private static SqlType Common(CallArguments a, IReadOnlyList<SqlType> values)
    {
        var common = TypeRules.LeastRestrictive(values)
            ?? throw new FunctionResolutionException(
                $"Illegal mixing of types in {a.Name}: {string.Join(", ", values.Select(Describe))} have no common type. Cast the values to one type.");
        return common.Kind == SqlTypeKind.Null ? SqlType.String.WithNullable(true) : common;
    }

    private static ResolvedFunction? Case(CallArguments a)
    {
        if (a.Count < 3 || a.Count % 2 == 0) return null;
        var values = new List<SqlType>();
        for (int i = 0; i + 1 < a.Count; i += 2)
        {
            if (!IsBoolean(a[i]))
                throw new FunctionResolutionException($"Condition of CASE WHEN must be BOOLEAN, but is {Describe(a[i])}");
            values.Add(a[i + 1]);
        }
        values.Add(a[a.Count - 1]);
        var common = Common(a, values);
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++)
            operands[i] = i % 2 == 0 && i < a.Count - 1 ? As(SqlType.Boolean, a[i]) : As(common, a[i]);
        return new ResolvedFunction(a.Name, operands, common);
    }

    private static ResolvedFunction? Coalesce(CallArguments a)
    {
        if (a.Count < 1) return null;
        var common = Common(a, a.Types);
        bool allNullable = true;
        foreach (var t in a.Types) allNullable &= t.Nullable || IsNull(t);
        return new ResolvedFunction(a.Name, AllAs(a, common), common.WithNullable(allNullable));
    }

    private static ResolvedFunction? NullIf(CallArguments a)
    {
        if (a.Count != 2) return null;
        var common = TypeRules.ComparisonType(a[0], a[1], ordered: false);
        if (common is null) return null;
        if (IsNull(a[0])) return new ResolvedFunction(a.Name, AllAs(a, common), common.WithNullable(true));
        // Calcite's NULLIF is ARG0_FORCE_NULLABLE: the first operand's own type (NULLIF(CHAR(2), 'a') is CHAR(2),
        // NULLIF(INT, BIGINT) is INT), compared with the second in their common type.
        var first = a[0].WithoutTimeAttribute();
        return new ResolvedFunction(a.Name, new[] { first, As(common, a[1]) }, first.WithNullable(true));
    }

    private static ResolvedFunction? If(CallArguments a)
    {
        if (a.Count != 3 || !IsBoolean(a[0])) return null;
        // Flink's IF checks its operands as one signature: values without a common type are "Cannot apply 'IF' to
        // arguments of type ..." (ScalarFunctionsValidationTest), not CASE's "Illegal mixing of types".
        if (TypeRules.LeastRestrictive(new[] { a[1], a[2] }) is null) return null;
        var common = Common(a, new[] { a[1], a[2] });
        return new ResolvedFunction(a.Name, new[] { As(SqlType.Boolean, a[0]), As(common, a[1]), As(common, a[2]) }, common);
    }

    private static ResolvedFunction? IfNull(CallArguments a)
    {
        if (a.Count != 2) return null;
        var common = Common(a, a.Types);
        // Flink: nullable only when the replacement is.
        return new ResolvedFunction(a.Name, AllAs(a, common), common.WithNullable(a[1].Nullable || IsNull(a[1])));
    }
}
