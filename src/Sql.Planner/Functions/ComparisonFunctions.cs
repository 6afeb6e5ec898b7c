using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// <c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c>, <c>IS [NOT] DISTINCT FROM</c>, <c>IN</c>, <c>LIKE</c>, <c>SIMILAR TO</c>, <c>IS [NOT] NULL</c>.
/// Both sides are coerced to their common type, except exact numbers with a DECIMAL among them, which are compared by
/// value as they are; types without one (a string against a number, as Flink has implicit
/// coercion switched off) are an error.
/// </summary>
internal static class ComparisonFunctions
{
    private const string ComparableForms = "'<COMPARABLE_TYPE> {0} <COMPARABLE_TYPE>'";

    public static IEnumerable<FunctionDefinition> All()
    {
        foreach (var op in new[] { "=", "<>" })
            yield return new(op, FunctionKind.Scalar, string.Format(ComparableForms, op), a => Equality(a));
        foreach (var op in new[] { "<", "<=", ">", ">=" })
            yield return new(op, FunctionKind.Scalar, string.Format(ComparableForms, op), a => Compare(a, ordered: true, nullSafe: false));
        yield return new("IS DISTINCT FROM", FunctionKind.Scalar, string.Format(ComparableForms, "IS DISTINCT FROM"), a => Compare(a, false, true));
        yield return new("IS NOT DISTINCT FROM", FunctionKind.Scalar, string.Format(ComparableForms, "IS NOT DISTINCT FROM"), a => Compare(a, false, true));
        yield return new("IN", FunctionKind.Scalar, "'<COMPARABLE_TYPE> IN (<COMPARABLE_TYPE>, ...)'", In);
        yield return new("IS NULL", FunctionKind.Scalar, "'<ANY> IS NULL'", NullTest);
        yield return new("IS NOT NULL", FunctionKind.Scalar, "'<ANY> IS NOT NULL'", NullTest);
        yield return new("LIKE", FunctionKind.Scalar, "'<STRING> LIKE <STRING>', '<STRING> LIKE <STRING> ESCAPE <STRING>'", Like);
        yield return new("SIMILAR TO", FunctionKind.Scalar, "'<STRING> SIMILAR TO <STRING>', '<STRING> SIMILAR TO <STRING> ESCAPE <STRING>'", Like);
    }

    private static ResolvedFunction? Compare(CallArguments a, bool ordered, bool nullSafe)
    {
        if (a.Count != 2) return null;
        bool nullable = !nullSafe && Nullable(a);
        // Flink compares a DECIMAL with a DECIMAL or an integer by value (DecimalDataUtils.compare), without casting
        // either side to a common type that might round one of them or have too few integer digits for the other.
        if (IsExact(a[0]) && IsExact(a[1]) && (a[0].Kind == SqlTypeKind.Decimal || a[1].Kind == SqlTypeKind.Decimal))
            return new ResolvedFunction(a.Name, new[] { TypeRules.Plain(a[0], a[0].Nullable), TypeRules.Plain(a[1], a[1].Nullable) },
                SqlType.Boolean.WithNullable(nullable));
        var common = TypeRules.ComparisonType(a[0], a[1], ordered);
        if (common is null) return null;
        if (common.Kind == SqlTypeKind.Null) common = SqlType.Boolean;
        return new ResolvedFunction(a.Name, AllAs(a, common), SqlType.Boolean.WithNullable(nullable));
    }

    /// <summary><c>=</c> and <c>&lt;&gt;</c>: a number against a string is refused in the words of Flink's code generator
    /// (ScalarOperatorGens.checkImplicitConversionValidity), which names the two type roots.</summary>
    private static ResolvedFunction? Equality(CallArguments a)
    {
        if (a.Count == 2 && (a[0].IsNumeric && a[1].IsCharacterString || a[0].IsCharacterString && a[1].IsNumeric))
            throw new FunctionResolutionException(
                $"implicit type conversion between {TypeRoot(a[0])} and {TypeRoot(a[1])} is not supported now");
        return Compare(a, ordered: false, nullSafe: false);
    }

    /// <summary>Flink's <c>LogicalTypeRoot</c> name of a number or string type.</summary>
    private static string TypeRoot(SqlType t) => t.Kind switch
    {
        SqlTypeKind.Int => "INTEGER",
        _ => t.Kind.ToString().ToUpperInvariant(),
    };

    private static bool IsExact(SqlType t) => t.IsExactInteger || t.Kind == SqlTypeKind.Decimal;

    private static ResolvedFunction? In(CallArguments a)
    {
        if (a.Count < 2) return null;
        var common = TypeRules.LeastRestrictive(a.Types);
        // A DATE, TIME or TIMESTAMP in a list of texts (or of its own kind) compares with the texts cast to it, as `=` does.
        if (common is null && TypeRules.IsComparableTemporal(a[0]) && a.Types.All(t => t.Kind == a[0].Kind || t.IsCharacterString || IsNull(t)))
            common = TypeRules.LeastRestrictive(a.Types.Where(t => t.Kind == a[0].Kind).ToArray())?.WithNullable(Nullable(a));
        if (common is null) return null;
        if (common.Kind == SqlTypeKind.Null) common = SqlType.Boolean;
        return new ResolvedFunction(a.Name, AllAs(a, common), SqlType.Boolean.WithNullable(Nullable(a)));
    }

    private static ResolvedFunction? NullTest(CallArguments a) =>
        a.Count == 1 ? new ResolvedFunction(a.Name, new[] { IsNull(a[0]) ? SqlType.Boolean : a[0] }, SqlType.Boolean.AsNotNull()) : null;

    private static ResolvedFunction? Like(CallArguments a)
    {
        if (a.Count is < 2 or > 3 || !AllMatch(a, IsString)) return null;
        return Keep(a, SqlType.Boolean);
    }
}
