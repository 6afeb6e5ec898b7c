using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Variants;

/// <summary>Kernels of the VARIANT functions (call shapes on <c>VariantFunctions</c>) and of <c>ITEM</c> on a variant.</summary>
internal static class VariantKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands) => name switch
    {
        "PARSE_JSON" => new ParseJsonKernel(operands, call.Type, orNull: false),
        "TRY_PARSE_JSON" => new ParseJsonKernel(operands, call.Type, orNull: true),
        "ITEM" when operands[0].Type.Kind == SqlTypeKind.Variant => new VariantItemKernel(operands[0], operands[1], call.Type),
        _ => null,
    };
}
