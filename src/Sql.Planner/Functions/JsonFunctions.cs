using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Flink's JSON functions over STRING payloads. Call shapes (the parser adds the clauses as literals):
/// <c>JSON_VALUE(json, path, onEmpty, onEmptyDefault, onError, onErrorDefault)</c> with behaviours <c>'NULL'</c> |
/// <c>'ERROR'</c> | <c>'DEFAULT'</c> (RETURNING is a CAST of the call); <c>JSON_QUERY(json, path, wrapper, onEmpty, onError
/// [, CAST(NULL AS ARRAY&lt;STRING&gt;)])</c> (the last for RETURNING ARRAY&lt;STRING&gt;)
/// with wrapper <c>'WITHOUT'</c> | <c>'CONDITIONAL'</c> | <c>'UNCONDITIONAL'</c> and behaviours <c>'NULL'</c> | <c>'ERROR'</c> |
/// <c>'EMPTY ARRAY'</c> | <c>'EMPTY OBJECT'</c>; <c>JSON_EXISTS(json, path, onError)</c> with <c>'FALSE'</c> | <c>'TRUE'</c> |
/// <c>'UNKNOWN'</c> | <c>'ERROR'</c>; <c>JSON_OBJECT(onNull, k1, v1, ...)</c> and <c>JSON_ARRAY(onNull, v1, ...)</c> with
/// <c>'NULL'</c> | <c>'ABSENT'</c>; <c>JSON_STRING(value)</c>; <c>IS JSON VALUE|SCALAR|ARRAY|OBJECT (string)</c>.
/// </summary>
internal static class JsonFunctions
{
    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("JSON_VALUE", FunctionKind.Scalar,
            "'JSON_VALUE(<STRING>, <STRING> [RETURNING <type>] [NULL | ERROR | DEFAULT <value> ON EMPTY] [NULL | ERROR | DEFAULT <value> ON ERROR])'",
            a => a.Count == 6 && IsString(a[0]) && IsString(a[1])
                ? new ResolvedFunction(a.Name, [As(StringType, a[0]), As(StringType, a[1]), a[2], DefaultOperand(a[3]), a[4], DefaultOperand(a[5])],
                    StringType.WithNullable(true))
                : null);
        yield return new("JSON_QUERY", FunctionKind.Scalar,
            "'JSON_QUERY(<STRING>, <STRING> [{WITHOUT | WITH [CONDITIONAL | UNCONDITIONAL]} [ARRAY] WRAPPER] [NULL | ERROR | EMPTY ARRAY | EMPTY OBJECT ON EMPTY] [... ON ERROR])'",
            a => a.Count == 5 && IsString(a[0]) && IsString(a[1])
                ? new ResolvedFunction(a.Name, [As(StringType, a[0]), As(StringType, a[1]), a[2], a[3], a[4]], StringType.WithNullable(true))
                // RETURNING ARRAY<STRING>: a sixth operand, a NULL of that type, says so (Flink's JsonQueryReturnType.ARRAY).
                : a.Count == 6 && IsString(a[0]) && IsString(a[1]) && a[5] is { Kind: SqlTypeKind.Array } returning && IsString(returning.Elements![0])
                ? new ResolvedFunction(a.Name, [As(StringType, a[0]), As(StringType, a[1]), a[2], a[3], a[4], a[5]], SqlType.Array(StringType.WithNullable(true)).WithNullable(true))
                : null);
        yield return new("JSON_EXISTS", FunctionKind.Scalar, "'JSON_EXISTS(<STRING>, <STRING> [TRUE | FALSE | UNKNOWN | ERROR ON ERROR])'",
            a => a.Count == 3 && IsString(a[0]) && IsString(a[1])
                ? new ResolvedFunction(a.Name, [As(StringType, a[0]), As(StringType, a[1]), a[2]], SqlType.Boolean.WithNullable(true))
                : null);
        yield return new("JSON_STRING", FunctionKind.Scalar, "'JSON_STRING(<ANY>)'",
            a => a.Count == 1
                ? new ResolvedFunction(a.Name, [IsNull(a[0]) ? StringType.WithNullable(true) : a[0].WithoutTimeAttribute()], StringType.WithNullable(a[0].Nullable || IsNull(a[0])))
                : null);
        yield return new("JSON_OBJECT", FunctionKind.Scalar, "'JSON_OBJECT([[KEY] <STRING> VALUE <ANY>, ...] [NULL | ABSENT ON NULL])'", JsonObject);
        yield return new("JSON_ARRAY", FunctionKind.Scalar, "'JSON_ARRAY([<ANY>, ...] [NULL | ABSENT ON NULL])'",
            a => a.Count >= 1 ? new ResolvedFunction(a.Name, Values(a, 1), StringType.AsNotNull()) : null);
        // Flink 2.1's JSON(value): raw JSON text that JSON_OBJECT / JSON_ARRAY insert as JSON; NULL for NULL or ''.
        yield return new("JSON", FunctionKind.Scalar, "'JSON(<STRING>)'", a =>
            a.Count == 1 && IsString(a[0]) ? new ResolvedFunction(a.Name, [As(StringType, a[0])], StringType.WithNullable(true)) : null);
        foreach (var name in new[] { "JSON_QUOTE", "JSON_UNQUOTE" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<STRING>)'", a =>
                a.Count == 1 && IsString(a[0]) ? new ResolvedFunction(a.Name, [As(StringType, a[0])], StringType.WithNullable(a[0].Nullable || IsNull(a[0]))) : null);
        // The results of JSON_ARRAYAGG and JSON_OBJECTAGG from the ARRAY_AGG of each row's JSON_ARRAY / JSON_OBJECT text
        // (see AggregateBinder): '[]' / '{}' when there is none. Typed VARCHAR(2000) NOT NULL as Calcite's
        // SqlJsonArrayAggAggFunction / SqlJsonObjectAggAggFunction type them in Flink SQL (JsonAggregationFunctionsITCase);
        // the text is not cut to that length.
        foreach (var name in new[] { "$JSON_ARRAYAGG_TEXT", "$JSON_OBJECTAGG_TEXT" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<ARRAY<STRING>>)'", a =>
                a.Count == 1 && a[0].Kind == SqlTypeKind.Array && a[0].Elements![0].IsCharacterString ? new ResolvedFunction(a.Name, [a[0]], SqlType.VarChar(2000).AsNotNull()) : null);
        foreach (var kind in new[] { "VALUE", "SCALAR", "ARRAY", "OBJECT" })
            yield return new("IS JSON " + kind, FunctionKind.Scalar, $"'<STRING> IS JSON {kind}'",
                a => a.Count == 1 && IsString(a[0]) ? new ResolvedFunction(a.Name, [As(StringType, a[0])], SqlType.Boolean.AsNotNull()) : null);
    }

    /// <summary>A DEFAULT value of JSON_VALUE as text, but a BOOLEAN as it is: its text is Java's <c>true</c>/<c>false</c>
    /// (Flink's String.valueOf), which the kernel writes.</summary>
    private static SqlType DefaultOperand(SqlType t) => t.Kind == SqlTypeKind.Boolean ? t : As(StringType, t);

    private static ResolvedFunction? JsonObject(CallArguments a)
    {
        if (a.Count < 1 || a.Count % 2 != 1) return null;
        for (int i = 1; i < a.Count; i += 2)
        {
            if (!IsString(a[i])) return null;
            if (a[i].Nullable || IsNull(a[i]))
                throw new FunctionResolutionException("The keys of JSON_OBJECT must not be NULL: give each key as a string that is never NULL");
        }
        var operands = Values(a, 1);
        for (int i = 1; i < a.Count; i += 2) operands[i] = StringType.AsNotNull();
        return new ResolvedFunction(a.Name, operands, StringType.AsNotNull());
    }

    /// <summary>The operands from <paramref name="first"/> on as they are (a NULL literal as a nullable STRING).</summary>
    private static SqlType[] Values(CallArguments a, int first)
    {
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++)
            operands[i] = i < first ? a[i] : IsNull(a[i]) ? StringType.WithNullable(true) : a[i].WithoutTimeAttribute();
        return operands;
    }
}
