using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Constructors of and access to ROW, ARRAY, MAP and MULTISET values (Flink's semantics). Call shapes:
/// <c>ROW(v1, ...)</c> (fields <c>EXPR$0</c>, ...), <c>ARRAY(v1, ...)</c>, <c>MAP(k1, v1, ...)</c>; <c>ITEM(array, index)</c>
/// (1-based, NULL out of range) and <c>ITEM(map, key)</c>; <c>.(row, 'field')</c> for <c>r.field</c> (the second operand
/// a literal naming the field).
/// </summary>
internal static class NestedFunctions
{
    /// <summary>The canonical name of field access (<c>r.f</c>); not a letter, so it is not listed by SHOW FUNCTIONS.</summary>
    public const string FieldAccess = ".";

    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("ROW", FunctionKind.Scalar, "'ROW(<ANY>, ...)'", Row);
        yield return new("ARRAY", FunctionKind.Scalar, "'ARRAY[<ANY>, ...]'", Array);
        yield return new("MAP", FunctionKind.Scalar, "'MAP[<ANY>, <ANY>, ...]'", Map);
        yield return new("ITEM", FunctionKind.Scalar, "'<ARRAY>[<INTEGER>]', '<MAP>[<ANY>]'", Item);
        yield return new(FieldAccess, FunctionKind.Scalar, "'<ROW>.<FIELD>'", Field);
        yield return new("CARDINALITY", FunctionKind.Scalar, "'CARDINALITY(<ARRAY>)', 'CARDINALITY(<MAP>)', 'CARDINALITY(<MULTISET>)'", a =>
            a.Count == 1 && a[0].Kind is SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset
                ? new ResolvedFunction(a.Name, [a[0]], SqlType.Int.WithNullable(a[0].Nullable))
                : null);
        yield return new("ELEMENT", FunctionKind.Scalar, "'ELEMENT(<ARRAY>)'", a =>
            a.Count == 1 && a[0].Kind is SqlTypeKind.Array or SqlTypeKind.Multiset
                ? new ResolvedFunction(a.Name, [a[0]], a[0].Elements![0].WithNullable(true))
                : null);
        yield return new("ARRAY_CONTAINS", FunctionKind.Scalar, "'ARRAY_CONTAINS(<ARRAY>, <ANY>)'", a =>
            a.Count == 2 && a[0].Kind == SqlTypeKind.Array && ComparableElement(a[0].Elements![0], a[1])
                ? new ResolvedFunction(a.Name, [a[0], As(a[0].Elements![0], a[1])], SqlType.Boolean.WithNullable(a[0].Nullable))
                : null);
    }

    /// <summary>Whether <paramref name="value"/> can be looked for among elements of <paramref name="element"/>: the same
    /// family (numbers among numbers, strings among strings) or NULL.</summary>
    private static bool ComparableElement(SqlType element, SqlType value) =>
        IsNull(value) || element.Kind == value.Kind && element.Kind is not (SqlTypeKind.Decimal or SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset)
        || element.IsExactInteger && value.IsExactInteger || element.IsApproximate && value.IsApproximate
        || element.IsCharacterString && value.IsCharacterString || element.Kind == SqlTypeKind.Boolean && value.Kind == SqlTypeKind.Boolean
        // The needle is cast to the element type (Flink's implicit cast), so 1.55 is found among DECIMAL(2, 1) as 1.6.
        || element.Kind == SqlTypeKind.Decimal && (value.Kind == SqlTypeKind.Decimal || value.IsExactInteger)
        || element.Kind == value.Kind && element.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset
            && TypeRules.LeastRestrictive([element, value]) is not null;

    private static ResolvedFunction? Row(CallArguments a)
    {
        if (a.Count == 0) return null;
        var names = new string[a.Count];
        var types = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            names[i] = "EXPR$" + i;
            types[i] = IsNull(a[i]) ? SqlType.Null : a[i].WithoutTimeAttribute();
        }
        return new ResolvedFunction(a.Name, types, SqlType.Row(names, types).AsNotNull());
    }

    private static ResolvedFunction? Array(CallArguments a)
    {
        if (a.Count == 0)
            throw new FunctionResolutionException("Require at least 1 argument: an empty ARRAY[] has no element type; write CAST(ARRAY[x] AS ...) or list the elements");
        var element = Common(a.Types, 0, 1, "ARRAY");
        // Calcite's validator: an ARRAY of untyped NULLs has no element type (ArrayTypeValidationTest: ARRAY[NULL]).
        if (element.Kind == SqlTypeKind.Null)
            throw new FunctionResolutionException("Illegal use of 'NULL': the elements of ARRAY[NULL, ...] have no type; write CAST(NULL AS type)");
        return new ResolvedFunction(a.Name, AllAs(a, element), SqlType.Array(element).AsNotNull());
    }

    private static ResolvedFunction? Map(CallArguments a)
    {
        if (a.Count == 0 || a.Count % 2 != 0)
            throw new FunctionResolutionException("MAP[...] needs a key and a value for each entry: MAP[k1, v1, k2, v2, ...]");
        var key = Common(a.Types, 0, 2, "MAP key");
        var value = Common(a.Types, 1, 2, "MAP value");
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++) operands[i] = As(i % 2 == 0 ? key : value, a[i]);
        return new ResolvedFunction(a.Name, operands, SqlType.Map(key, value).AsNotNull());
    }

    /// <summary>The common type of every <paramref name="step"/>-th type from <paramref name="first"/>.</summary>
    private static SqlType Common(IReadOnlyList<SqlType> types, int first, int step, string what)
    {
        var picked = new List<SqlType>();
        for (int i = first; i < types.Count; i += step) picked.Add(types[i]);
        var common = TypeRules.LeastRestrictive(picked)
            ?? throw new FunctionResolutionException(
                $"Parameters of the {what} constructor must have a common type; found {string.Join(", ", picked.Select(Describe))}");
        // A NULL-only constructor (ARRAY[NULL]) has no better type than the NULL type; a nullable element keeps its type.
        return common;
    }

    private static ResolvedFunction? Item(CallArguments a)
    {
        if (a.Count != 2) return null;
        var container = a[0];
        switch (container.Kind)
        {
            case SqlTypeKind.Array:
                if (!IsInteger(a[1]))
                    throw new FunctionResolutionException($"An ARRAY is indexed by an integer, not by {Describe(a[1])}");
                return new ResolvedFunction(a.Name, [container, As(SqlType.Int, a[1])], container.Elements![0].WithNullable(true));
            case SqlTypeKind.Map:
                var key = container.Elements![0];
                if (!IsNull(a[1]) && TypeRules.LeastRestrictive([key, a[1]]) is null)
                    throw new FunctionResolutionException($"A MAP with keys of type {Describe(key)} cannot be looked up with a key of type {Describe(a[1])}");
                return new ResolvedFunction(a.Name, [container, As(key, a[1])], container.Elements[1].WithNullable(true));
            case SqlTypeKind.Variant:
                // Flink: a variant object by a key, a variant array by a 1-based position; the result is a VARIANT.
                if (IsString(a[1]) && !IsNull(a[1]))
                    return new ResolvedFunction(a.Name, [container, As(StringType, a[1])], SqlType.Variant);
                if (a[1].IsExactInteger)
                    return new ResolvedFunction(a.Name, [container, As(SqlType.Int, a[1])], SqlType.Variant);
                throw new FunctionResolutionException(
                    $"Cannot apply 'ITEM' to arguments of type 'ITEM({DescribeArgument(container)}, {DescribeArgument(a[1])})'. Supported form(s): "
                    + "<ARRAY>[<INTEGER>]\n<MAP>[<ANY>]\n<ROW>[<CHARACTER>|<INTEGER>]\n<VARIANT>[<CHARACTER>|<INTEGER>]");
            case SqlTypeKind.Row:
                throw new FunctionResolutionException($"A ROW is indexed only by a literal field name or position (r.field, r['field'], r[1]), fields of {Describe(container)}");
            default:
                throw new FunctionResolutionException($"Only an ARRAY or a MAP can be indexed with [...], not a value of type {Describe(container)}");
        }
    }

    private static ResolvedFunction? Field(CallArguments a)
    {
        if (a.Count != 2 || a.LiteralValue(1) is not string name) return null;
        var row = a[0];
        if (row.Kind != SqlTypeKind.Row)
            throw new FunctionResolutionException($"'{name}' is not a field: the value is of type {Describe(row)}, not a ROW");
        int index = FieldIndex(row, name);
        if (index < 0)
            throw new FunctionResolutionException(
                $"Unknown field '{name}' in {Describe(row)}; its fields are {string.Join(", ", row.FieldNames!.Select(f => $"'{f}'"))}");
        return new ResolvedFunction(a.Name, a.Types.ToArray(), row.Elements![index].WithNullable(row.Elements[index].Nullable || row.Nullable));
    }

    /// <summary>The position of field <paramref name="name"/> of a ROW type: the exact spelling first, else the only
    /// case-insensitive match (as columns resolve), else -1.</summary>
    public static int FieldIndex(SqlType row, string name)
    {
        var names = row.FieldNames!;
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.Ordinal)) return i;
        int found = -1;
        for (int i = 0; i < names.Count; i++)
            if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                if (found >= 0) return -1;
                found = i;
            }
        return found;
    }
}
