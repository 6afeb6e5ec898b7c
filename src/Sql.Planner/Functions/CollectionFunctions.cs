using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Flink's ARRAY_* and MAP_* functions, and the string functions that build collections (SPLIT, STR_TO_MAP). Positions
/// are 1-based; elements are compared as Flink's <c>=</c> does, except that NULL finds NULL where Flink says so
/// (ARRAY_REMOVE, ARRAY_DISTINCT and the set functions). Results are nullable when an operand is.
/// </summary>
internal static class CollectionFunctions
{
    private static readonly SqlType StringArray = SqlType.Array(StringType);

    public static IEnumerable<FunctionDefinition> All()
    {
        yield return Unary("ARRAY_DISTINCT", a => a[0].WithoutTimeAttribute());
        yield return Unary("ARRAY_REVERSE", a => a[0].WithoutTimeAttribute());
        // Flink refuses ARRAY_MAX/ARRAY_MIN over BOOLEAN, ROW, ARRAY, MAP and MULTISET elements ("Invalid function call").
        yield return Unary("ARRAY_MAX", a => a[0].Elements![0].WithNullable(true), OrderableElements);
        yield return Unary("ARRAY_MIN", a => a[0].Elements![0].WithNullable(true), OrderableElements);
        yield return new("ARRAY_SORT", FunctionKind.Scalar, "'ARRAY_SORT(<ARRAY>)', 'ARRAY_SORT(<ARRAY>, <BOOLEAN>)', 'ARRAY_SORT(<ARRAY>, <BOOLEAN>, <BOOLEAN>)'", a =>
            a.Count is >= 1 and <= 3 && IsArray(a[0]) && !IsNested(a[0].Elements![0]) && (a.Count < 2 || IsBoolean(a[1])) && (a.Count < 3 || IsBoolean(a[2]))
                ? Operands(a, a[0].WithoutTimeAttribute(), i => i == 0 ? a[0] : As(SqlType.Boolean, a[i]))
                : null);
        yield return new("ARRAY_POSITION", FunctionKind.Scalar, "'ARRAY_POSITION(<ARRAY>, <ANY>)'", a =>
            a.Count == 2 && IsArray(a[0]) && ElementLike(a[0], a[1])
                ? Operands(a, SqlType.Int, i => i == 0 ? a[0] : As(a[0].Elements![0], a[1]))
                : null);
        yield return new("ARRAY_REMOVE", FunctionKind.Scalar, "'ARRAY_REMOVE(<ARRAY>, <ANY>)'", a =>
            a.Count == 2 && IsArray(a[0]) && ElementLike(a[0], a[1])
                ? new ResolvedFunction(a.Name, [a[0], As(a[0].Elements![0], a[1])], a[0].WithoutTimeAttribute())
                : null);
        yield return new("ARRAY_SLICE", FunctionKind.Scalar, "'ARRAY_SLICE(<ARRAY>, <INTEGER>)', 'ARRAY_SLICE(<ARRAY>, <INTEGER>, <INTEGER>)'", a =>
            a.Count is 2 or 3 && IsArray(a[0]) && IsInteger(a[1]) && (a.Count < 3 || IsInteger(a[2]))
                ? Operands(a, a[0].WithoutTimeAttribute(), i => i == 0 ? a[0] : IntOperand(a[i]))
                : null);
        yield return new("ARRAY_JOIN", FunctionKind.Scalar, "'ARRAY_JOIN(<ARRAY<STRING>>, <STRING>)', 'ARRAY_JOIN(<ARRAY<STRING>>, <STRING>, <STRING>)'", a =>
            a.Count is 2 or 3 && IsArray(a[0]) && a[0].Elements![0].IsCharacterString && IsString(a[1]) && (a.Count < 3 || IsString(a[2]))
                ? Operands(a, StringType, i => i == 0 ? a[0] : As(StringType, a[i]))
                : null);
        yield return new("ARRAY_CONCAT", FunctionKind.Scalar, "'ARRAY_CONCAT(<ARRAY>, ...)'", a => SameArrays(a, 1, int.MaxValue));
        // COLLECT's result from the ARRAY_AGG of its values (see AggregateBinder): the list as a MULTISET, empty for none.
        yield return new("$COLLECT_MULTISET", FunctionKind.Scalar, "'$COLLECT_MULTISET(<ARRAY>)'", a =>
            a.Count == 1 && IsArray(a[0])
                ? new ResolvedFunction(a.Name, [a[0]], new SqlType(SqlTypeKind.Multiset, Elements: [a[0].Elements![0]]).AsNotNull())
                : null);
        // SINGLE_VALUE's result from the ARRAY_AGG of its values (see AggregateBinder): the one element, NULL for none.
        yield return new("$SINGLE_VALUE", FunctionKind.Scalar, "'$SINGLE_VALUE(<ARRAY>)'", a =>
            a.Count == 1 && IsArray(a[0]) ? new ResolvedFunction(a.Name, [a[0]], a[0].Elements![0].WithNullable(true)) : null);
        // PERCENTILE's result from the ARRAY_AGG of its values (see AggregateBinder): the list, then the percentages as
        // DOUBLE literals; NULL for an empty list.
        yield return new("$PERCENTILE", FunctionKind.Scalar, "'$PERCENTILE(<ARRAY<DOUBLE>>, <DOUBLE>)'", a =>
            a.Count == 2 && IsArray(a[0]) && a[0].Elements![0].Kind == SqlTypeKind.Double && a[1].Kind == SqlTypeKind.Double
                ? new ResolvedFunction(a.Name, a.Types.ToArray(), SqlType.Double.WithNullable(true))
                : null);
        yield return new("$PERCENTILES", FunctionKind.Scalar, "'$PERCENTILES(<ARRAY<DOUBLE>>, <DOUBLE>, ...)'", a =>
            a.Count >= 1 && IsArray(a[0]) && a[0].Elements![0].Kind == SqlTypeKind.Double && a.Types.Skip(1).All(t => t.Kind == SqlTypeKind.Double)
                ? new ResolvedFunction(a.Name, a.Types.ToArray(), SqlType.Array(SqlType.Double.WithNullable(true)).WithNullable(true))
                : null);
        foreach (var name in new[] { "ARRAY_APPEND", "ARRAY_PREPEND" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<ARRAY>, <ANY>)'", ArrayWithElement);
        foreach (var name in new[] { "ARRAY_UNION", "ARRAY_EXCEPT", "ARRAY_INTERSECT" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<ARRAY>, <ARRAY>)'", a => SameArrays(a, 2, 2));
        yield return new("MAP_KEYS", FunctionKind.Scalar, "'MAP_KEYS(<MAP>)'", a =>
            a.Count == 1 && a[0].Kind == SqlTypeKind.Map ? Operands(a, SqlType.Array(a[0].Elements![0]), _ => a[0]) : null);
        yield return new("MAP_VALUES", FunctionKind.Scalar, "'MAP_VALUES(<MAP>)'", a =>
            a.Count == 1 && a[0].Kind == SqlTypeKind.Map ? Operands(a, SqlType.Array(a[0].Elements![1]), _ => a[0]) : null);
        yield return new("MAP_ENTRIES", FunctionKind.Scalar, "'MAP_ENTRIES(<MAP>)'", a =>
            a.Count == 1 && a[0].Kind == SqlTypeKind.Map
                ? Operands(a, SqlType.Array(SqlType.Row(["key", "value"], [a[0].Elements![0], a[0].Elements![1]]).AsNotNull()), _ => a[0])
                : null);
        yield return new("MAP_FROM_ARRAYS", FunctionKind.Scalar, "'MAP_FROM_ARRAYS(<ARRAY>, <ARRAY>)'", a =>
            a.Count == 2 && IsArray(a[0]) && IsArray(a[1])
                ? Operands(a, SqlType.Map(a[0].Elements![0], a[1].Elements![0]), i => a[i])
                : null);
        yield return new("MAP_UNION", FunctionKind.Scalar, "'MAP_UNION(<MAP>, ...)'", MapUnion);
        yield return new("SPLIT", FunctionKind.Scalar, "'SPLIT(<STRING>, <STRING>)'", a =>
            a.Count == 2 && AllMatch(a, IsString) ? Operands(a, StringArray, i => As(StringType, a[i])) : null);
        yield return new("STR_TO_MAP", FunctionKind.Scalar, "'STR_TO_MAP(<STRING>)', 'STR_TO_MAP(<STRING>, <STRING>, <STRING>)'", a =>
            a.Count is not (1 or 3)
                ? throw new FunctionResolutionException("Invalid number of arguments to function 'STR_TO_MAP'. Was expecting 1 or 3 arguments")
                : AllMatch(a, IsString)
                ? Operands(a, SqlType.Map(StringType, StringType), i => As(StringType, a[i]))
                : null);
    }

    private static bool IsArray(SqlType t) => t.Kind == SqlTypeKind.Array;

    /// <summary>Whether <paramref name="value"/> can be compared with the array's elements (or is NULL).</summary>
    private static bool ElementLike(SqlType array, SqlType value) =>
        IsNull(value) || TypeRules.LeastRestrictive([array.Elements![0], value]) is not null;

    private static FunctionDefinition Unary(string name, Func<CallArguments, SqlType> result, Func<SqlType, bool>? accepts = null) =>
        new(name, FunctionKind.Scalar, $"'{name}(<ARRAY>)'", a =>
            a.Count == 1 && IsArray(a[0]) && (accepts is null || accepts(a[0])) ? Operands(a, result(a), _ => a[0].WithoutTimeAttribute()) : null);

    private static bool OrderableElements(SqlType array) => array.Elements![0].Kind != SqlTypeKind.Boolean && !IsNested(array.Elements[0]);

    private static bool IsNested(SqlType type) => type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset;

    /// <summary>Operands of the given types; the result nullable when any operand is.</summary>
    private static ResolvedFunction Operands(CallArguments a, SqlType result, Func<int, SqlType> operand)
    {
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++) operands[i] = operand(i);
        return new ResolvedFunction(a.Name, operands, result.WithNullable(result.Nullable && IsElementResult(a.Name) || Nullable(a)));
    }

    /// <summary>ARRAY_MAX/ARRAY_MIN are NULL for an empty array, whatever the operand's nullability.</summary>
    private static bool IsElementResult(string name) => name is "ARRAY_MAX" or "ARRAY_MIN";

    /// <summary>ARRAY_APPEND / ARRAY_PREPEND(array, element): an array of the common type of its elements and the element
    /// (whose elements are nullable when the element is); NULL when the array is.</summary>
    private static ResolvedFunction? ArrayWithElement(CallArguments a)
    {
        if (a.Count != 2 || !IsArray(a[0])) return null;
        var element = a[0].Elements![0];
        var common = IsNull(a[1]) ? element : TypeRules.LeastRestrictive([element, a[1]])
            ?? throw new FunctionResolutionException(
                $"The element added by {a.Name} must have a type in common with the array's elements; found {Describe(a[0])} and {Describe(a[1])}");
        common = common.WithoutTimeAttribute().WithNullable(element.Nullable || a[1].Nullable || IsNull(a[1]));
        var array = SqlType.Array(common);
        return new ResolvedFunction(a.Name, [array.WithNullable(a[0].Nullable), common], array.WithNullable(a[0].Nullable));
    }

    /// <summary>Arrays of one common type (ARRAY_CONCAT, ARRAY_UNION, ...): each operand is cast to it.</summary>
    private static ResolvedFunction? SameArrays(CallArguments a, int min, int max)
    {
        if (a.Count < min || a.Count > max) return null;
        foreach (var t in a.Types) if (!IsArray(t)) return null;
        var common = TypeRules.LeastRestrictive(a.Types)
            ?? throw new FunctionResolutionException(
                $"The arrays of {a.Name} must have a common element type; found {string.Join(", ", a.Types.Select(Describe))}");
        return new ResolvedFunction(a.Name, AllAs(a, common), common.WithoutTimeAttribute().WithNullable(Nullable(a)));
    }

    private static ResolvedFunction? MapUnion(CallArguments a)
    {
        if (a.Count < 1) return null;
        foreach (var t in a.Types) if (t.Kind != SqlTypeKind.Map) return null;
        var common = TypeRules.LeastRestrictive(a.Types)
            ?? throw new FunctionResolutionException(
                $"The maps of MAP_UNION must have a common type; found {string.Join(", ", a.Types.Select(Describe))}");
        return new ResolvedFunction(a.Name, AllAs(a, common), common.WithNullable(Nullable(a)));
    }
}
