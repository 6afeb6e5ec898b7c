using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>
/// Replaces deterministic calls over literals by their value (through the runtime's <see cref="IConstantEvaluator"/>, when
/// one is given) and simplifies boolean logic: <c>x AND TRUE</c> → <c>x</c>, <c>x OR TRUE</c> → <c>TRUE</c>, <c>NOT NOT x</c> → <c>x</c>.
/// </summary>
internal sealed class ConstantFolding : IRewriteRule
{
    private readonly IConstantEvaluator? _evaluator;

    public ConstantFolding(IConstantEvaluator? evaluator) => _evaluator = evaluator;

    public string Name => "ConstantFolding";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        switch (node)
        {
            case LogicalFilter f:
            {
                var c = Fold(f.Condition);
                return ReferenceEquals(c, f.Condition) ? null : new LogicalFilter(f.Input, c);
            }
            case LogicalProject p:
            {
                var folded = FoldAll(p.Projections);
                if (folded is null) return null;
                // Keep the declared output types: folding may only tighten nullability.
                return p with { Projections = folded };
            }
            case LogicalCalc c:
            {
                var condition = c.Condition is null ? null : Fold(c.Condition);
                var folded = FoldAll(c.Projections);
                if (folded is null && ReferenceEquals(condition, c.Condition)) return null;
                return c with { Condition = condition, Projections = folded ?? c.Projections };
            }
            default:
                return null;
        }
    }

    private List<ScalarExpr>? FoldAll(IReadOnlyList<ScalarExpr> exprs)
    {
        List<ScalarExpr>? result = null;
        for (int i = 0; i < exprs.Count; i++)
        {
            var f = Fold(exprs[i]);
            if (!ReferenceEquals(f, exprs[i]) && result is null) result = exprs.Take(i).ToList();
            result?.Add(f);
        }
        return result;
    }

    public ScalarExpr Fold(ScalarExpr expr) => ExpressionRewriting.Transform(expr, FoldOne);

    private ScalarExpr FoldOne(ScalarExpr e)
    {
        if (e is not Call call) return e;
        var simplified = SimplifyBoolean(call);
        if (simplified is not null) return simplified;
        // A CAST of a constant that converts exactly needs no runtime.
        if (call is { Function: "CAST", Operands: [Literal literal] } && Binder.LiteralConversion.To(literal, call.Type) is { } converted)
            return converted;
        if (_evaluator is null || call.Operands.Count == 0) return e;
        foreach (var o in call.Operands)
            if (o is not Literal) return e;
        if (!BuiltInFunctions.IsDeterministic(call.Function)) return e;
        var value = _evaluator.TryEvaluate(call);
        // Flink's ExpressionReducer refuses a constant division by zero even of DOUBLE/FLOAT, which would run to Infinity
        // or NaN (FLINK-15987; SqlExpressionTest: 1/CAST(0.00 AS DOUBLE)); a division over column values still gives them.
        if (call.Function == "/" && value is { Value: double or float } && call.Operands[1] is Literal { Value: double and 0 or long and 0 })
            throw new SqlValidationException("Division by zero", (call.Source?.Span) ?? StreamSql.Sql.Parser.SourceSpan.None);
        if (value is null && IsTextToTemporalCast(call))
            throw new SqlValidationException(
                $"Error when casting {call.Operands[0].Type} to {call.Type}: {call.Operands[0]} is not a valid {call.Type.WithNullable(true)} value",
                (call.Source?.Span) ?? StreamSql.Sql.Parser.SourceSpan.None);
        if (value is null) return e;
        return value.Type.Equals(call.Type) ? value : new Literal(value.Value, call.Type.WithNullable(call.Type.Nullable || value.Value is null));
    }

    /// <summary>A CAST of a string literal to DATE, TIME or TIMESTAMP: Flink's expression reducer casts it when planning,
    /// so a text that is no such value is refused then (ScalarOperatorsValidationTest), not when the job runs.</summary>
    private static bool IsTextToTemporalCast(Call call) =>
        call is { Function: "CAST", Operands: [Literal { Value: string }] }
        && call.Type.Kind is SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.Timestamp;

    private static ScalarExpr? SimplifyBoolean(Call call)
    {
        switch (call.Function)
        {
            case "AND" or "OR" when call.Operands.Count == 2:
            {
                bool isAnd = call.Function == "AND";
                var (a, b) = (call.Operands[0], call.Operands[1]);
                if (IsBool(a, !isAnd) || IsBool(b, !isAnd)) return new Literal(!isAnd, SqlType.Boolean.AsNotNull());
                if (IsBool(a, isAnd)) return b;
                if (IsBool(b, isAnd)) return a;
                return null;
            }
            case "NOT" when call.Operands[0] is Literal { Value: bool v } l:
                return new Literal(!v, l.Type);
            case "NOT" when call.Operands[0] is Call { Function: "NOT" } inner:
                return inner.Operands[0];
            default:
                return null;
        }
    }

    private static bool IsBool(ScalarExpr e, bool value) => e is Literal { Value: bool v } && v == value;
}
