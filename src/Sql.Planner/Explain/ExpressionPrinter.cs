using System.Runtime.CompilerServices;
using System.Text;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Explain;

/// <summary>Prints bound expressions with input field names: prefix form as in Flink's plans (<c>&gt;(price, 100)</c>) or
/// infix form as in Flink's execution plans (<c>(price &gt; 100)</c>).</summary>
public static class ExpressionPrinter
{
    private static readonly HashSet<string> InfixOperators = new(StringComparer.Ordinal)
    {
        "+", "-", "*", "/", "%", "||", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "IS DISTINCT FROM", "IS NOT DISTINCT FROM", "LIKE", "SIMILAR TO",
    };

    public static string Print(ScalarExpr expr, RowSchema input, bool infix = false)
    {
        var sb = new StringBuilder();
        Write(sb, expr, input, infix);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, ScalarExpr expr, RowSchema input, bool infix)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expr)
        {
            case InputRef r:
                sb.Append(r.Index < input.Count ? input[r.Index].Name : "$" + r.Index);
                break;
            case Literal l:
                sb.Append(LiteralFormatter.Format(l));
                break;
            case Call { Function: "CAST" or "TRY_CAST" } c:
                sb.Append(c.Function).Append('(');
                Write(sb, c.Operands[0], input, infix);
                sb.Append(" AS ").Append(c.Type.WithoutTimeAttribute()).Append(')');
                break;
            case Call c when infix && c.Operands.Count == 2 && InfixOperators.Contains(c.Function):
                sb.Append('(');
                Write(sb, c.Operands[0], input, infix);
                sb.Append(' ').Append(c.Function).Append(' ');
                Write(sb, c.Operands[1], input, infix);
                sb.Append(')');
                break;
            case Call c when infix && c.Operands.Count == 1 && c.Function.StartsWith("IS ", StringComparison.Ordinal):
                Write(sb, c.Operands[0], input, infix);
                sb.Append(' ').Append(c.Function);
                break;
            case Call c:
                sb.Append(c.Function).Append('(');
                for (int i = 0; i < c.Operands.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(sb, c.Operands[i], input, infix);
                }
                sb.Append(')');
                break;
            default:
                sb.Append(expr);
                break;
        }
    }

    /// <summary><c>a, +(b, 1) AS c</c>: each projection, named when its name differs from what it reads.</summary>
    public static string Projections(IReadOnlyList<ScalarExpr> projections, RowSchema input, RowSchema output, bool infix = false)
    {
        var parts = new List<string>(projections.Count);
        for (int i = 0; i < projections.Count; i++)
        {
            string text = Print(projections[i], input, infix);
            parts.Add(projections[i] is InputRef && text == output[i].Name ? text : $"{text} AS {output[i].Name}");
        }
        return string.Join(", ", parts);
    }
}
