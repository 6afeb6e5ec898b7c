using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions;

/// <summary>
/// Folds deterministic calls over literals with the very kernels that would run at execution: the call is compiled and
/// evaluated on a one-row batch. Anything that fails (a bad CAST, division by zero, an unsupported function) is left
/// unfolded so the error surfaces at run time, as in Flink. Folding is zone-independent: calls whose value depends on
/// the session time zone are not folded.
/// </summary>
public sealed class ConstantEvaluator : IConstantEvaluator
{
    private static readonly RowSchema EmptySchema = new(Array.Empty<Field>());

    public static ConstantEvaluator Instance { get; } = new();

    public Literal? TryEvaluate(Call call)
    {
        if (!IsFoldable(call)) return null;
        try
        {
            var kernel = ExpressionCompiler.CompileNode(call, EmptySchema);
            var array = kernel.Evaluate(LiteralValues.OneRow, EvaluationContext.Utc);
            var reader = ColumnReader.Create(array, call.Type);
            return LiteralValues.TryRead(reader, 0, out var value) ? new Literal(value, call.Type) : null;
        }
        catch (ExpressionEvaluationException) { return null; }
        catch (NotSupportedException) { return null; }
        catch (ArgumentException) { return null; }
        catch (InvalidCastException) { return null; }
        catch (OverflowException) { return null; }
    }

    private static bool IsFoldable(ScalarExpr expression)
    {
        switch (expression)
        {
            case Literal: return true;
            case InputRef: return false;
            case Call c:
                if (!BuiltInFunctions.IsDeterministic(c.Function)) return false;
                // A JSON constructor inside another is inserted as JSON, which the outer kernel knows from the call.
                if (c.Function is "JSON_OBJECT" or "JSON_ARRAY" or "JSON_QUERY" or "JSON") return false;
                if (c.Type.Kind == SqlTypeKind.TimestampLtz) return false;
                foreach (var operand in c.Operands)
                {
                    if (operand.Type.Kind == SqlTypeKind.TimestampLtz) return false;
                    if (!IsFoldable(operand)) return false;
                }
                return !ZoneDependent(c);
            default: return false;
        }
    }

    /// <summary>Functions whose result depends on the session time zone even without TIMESTAMP_LTZ operands.</summary>
    private static bool ZoneDependent(Call call) => call.Function.ToUpperInvariant() is
        "FROM_UNIXTIME" or "UNIX_TIMESTAMP" or "TO_TIMESTAMP_LTZ" or "CONVERT_TZ";
}
