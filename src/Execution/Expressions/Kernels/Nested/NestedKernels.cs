using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary>Kernels of the ROW/ARRAY/MAP constructors and accessors (call shapes on <c>NestedFunctions</c>).</summary>
internal static class NestedKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands) => name switch
    {
        "ROW" => new RowConstructorKernel(operands, call.Type),
        "ARRAY" => new ArrayConstructorKernel(operands, call.Type),
        "MAP" => new MapConstructorKernel(operands, call.Type),
        "ITEM" when operands[0].Type.Kind == SqlTypeKind.Array => new ArrayItemKernel(operands[0], operands[1], call.Type),
        "ITEM" when operands[0].Type.Kind == SqlTypeKind.Map => new MapItemKernel(operands[0], operands[1], call.Type),
        "." => new FieldAccessKernel(operands[0], FieldIndex(call), call.Type),
        "CARDINALITY" => new CardinalityKernel(operands[0], call.Type),
        "ELEMENT" => new ElementKernel(operands[0], call.Type, "Array has more than one element."),
        "$SINGLE_VALUE" => new ElementKernel(operands[0], call.Type, "SingleValueAggFunction received more than one element."),
        "ARRAY_CONTAINS" => new ArrayContainsKernel(operands[0], operands[1], call.Type),
        _ => null,
    };

    private static int FieldIndex(Call call)
    {
        var row = call.Operands[0].Type;
        string field = (string)((Literal)call.Operands[1]).Value!;
        for (int i = 0; i < row.FieldNames!.Count; i++)
            if (string.Equals(row.FieldNames[i], field, StringComparison.Ordinal)) return i;
        for (int i = 0; i < row.FieldNames.Count; i++)
            if (string.Equals(row.FieldNames[i], field, StringComparison.OrdinalIgnoreCase)) return i;
        throw new NotSupportedException($"field '{field}' not in {row}");
    }
}
