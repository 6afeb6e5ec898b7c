using StreamSql.Sql.Planner.Expressions;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>Kernels of the ARRAY_*/MAP_* functions, SPLIT and STR_TO_MAP (call shapes on <c>CollectionFunctions</c>).</summary>
internal static class CollectionKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands) => name switch
    {
        "ARRAY_DISTINCT" => new ArrayDistinctKernel(operands[0], call.Type),
        "ARRAY_REVERSE" => new ArrayReverseKernel(operands[0], call.Type),
        "ARRAY_SLICE" => new ArraySliceKernel(operands[0], operands[1..], call.Type),
        "ARRAY_SORT" => new ArraySortKernel(operands[0], operands[1..], call.Type),
        "ARRAY_REMOVE" => new ArrayRemoveKernel(operands[0], operands[1], call.Type),
        "ARRAY_POSITION" => new ArrayPositionKernel(operands[0], operands[1], call.Type),
        "ARRAY_MAX" => new ArrayExtremeKernel(operands[0], max: true, call.Type),
        "ARRAY_MIN" => new ArrayExtremeKernel(operands[0], max: false, call.Type),
        "ARRAY_CONCAT" => new ArrayConcatKernel(operands, call.Type),
        "$COLLECT_MULTISET" => new ListAsMultisetKernel(operands[0], call.Type),
        "$PERCENTILE" or "$PERCENTILES" => new PercentileKernel(operands[0], Percentages(call), name == "$PERCENTILES", call.Type),
        // ARRAY_APPEND(a, e) is ARRAY_CONCAT(a, ARRAY[e]), ARRAY_PREPEND(a, e) ARRAY_CONCAT(ARRAY[e], a): NULL for a NULL array.
        "ARRAY_APPEND" => new ArrayConcatKernel([operands[0], new Nested.ArrayConstructorKernel([operands[1]], call.Type.AsNotNull())], call.Type),
        "ARRAY_PREPEND" => new ArrayConcatKernel([new Nested.ArrayConstructorKernel([operands[1]], call.Type.AsNotNull()), operands[0]], call.Type),
        "ARRAY_JOIN" => new ArrayJoinKernel(operands[0], operands[1], operands.Length > 2 ? operands[2] : null, call.Type),
        "ARRAY_UNION" => new ArraySetKernel(ArraySetKernel.Operation.Union, operands[0], operands[1], call.Type),
        "ARRAY_EXCEPT" => new ArraySetKernel(ArraySetKernel.Operation.Except, operands[0], operands[1], call.Type),
        "ARRAY_INTERSECT" => new ArraySetKernel(ArraySetKernel.Operation.Intersect, operands[0], operands[1], call.Type),
        "MAP_KEYS" => new MapPartKernel(operands[0], MapPartKernel.Part.Keys, call.Type),
        "MAP_VALUES" => new MapPartKernel(operands[0], MapPartKernel.Part.Values, call.Type),
        "MAP_ENTRIES" => new MapPartKernel(operands[0], MapPartKernel.Part.Entries, call.Type),
        "MAP_FROM_ARRAYS" => new MapFromArraysKernel(operands[0], operands[1], call.Type),
        "MAP_UNION" => new MapUnionKernel(operands, call.Type),
        "SPLIT" => new SplitKernel(operands[0], operands[1], call.Type),
        "STR_TO_MAP" => new StrToMapKernel(operands, call.Type),
        _ => null,
    };

    /// <summary>The percentages of a <c>$PERCENTILE</c> call: its DOUBLE literals after the list.</summary>
    private static double[] Percentages(Call call)
    {
        var percentages = new double[call.Operands.Count - 1];
        for (int i = 0; i < percentages.Length; i++) percentages[i] = (double)((Literal)call.Operands[i + 1]).Value!;
        return percentages;
    }
}
