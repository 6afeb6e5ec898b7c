using System.Runtime.CompilerServices;
using System.Text;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Prints a syntax-tree expression back as SQL the way Flink shows stored expressions: identifiers in backquotes,
/// keywords and built-in function names upper-case (<c>`ts` - INTERVAL '5' SECOND</c>).</summary>
public static class ExpressionSqlPrinter
{
    public static string Print(Expression e)
    {
        var sb = new StringBuilder();
        Write(sb, e, 0, null);
        return sb.ToString();
    }

    /// <summary>The expression with each column reference written by <paramref name="column"/> (a view's expanded query
    /// qualifies them), or null when it holds something this printer cannot write back (a subquery).</summary>
    public static string? TryPrint(Expression e, Func<ColumnReference, string> column)
    {
        var sb = new StringBuilder();
        var ctx = new PrintContext(column);
        Write(sb, e, 0, ctx);
        return ctx.Unprintable ? null : sb.ToString();
    }

    /// <summary>How column references are written, and whether something could not be written.</summary>
    private sealed class PrintContext(Func<ColumnReference, string> column)
    {
        public Func<ColumnReference, string> Column { get; } = column;
        public bool Unprintable { get; set; }
    }

    private static int Precedence(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => 1,
        BinaryOperator.And => 2,
        BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater
            or BinaryOperator.GreaterOrEqual or BinaryOperator.IsDistinctFrom or BinaryOperator.IsNotDistinctFrom => 3,
        BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Concat => 4,
        _ => 5,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%", BinaryOperator.Concat => "||", BinaryOperator.Equal => "=", BinaryOperator.NotEqual => "<>",
        BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=", BinaryOperator.Greater => ">", BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.And => "AND", BinaryOperator.Or => "OR", BinaryOperator.IsDistinctFrom => "IS DISTINCT FROM",
        _ => "IS NOT DISTINCT FROM",
    };

    private static void Write(StringBuilder sb, Expression e, int parentPrecedence, PrintContext? ctx)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case LiteralExpression l: sb.Append(Literal(l)); break;
            case IntervalExpression i:
                sb.Append("INTERVAL '").Append(i.Value.Replace("'", "''")).Append("' ").Append(Unit(i.From));
                if (i.Precision is { } p) sb.Append('(').Append(p).Append(')');
                if (i.To is { } to) sb.Append(" TO ").Append(Unit(to));
                break;
            case ColumnReference c: sb.Append(ctx is null ? string.Join('.', c.Parts.Select(Quote)) : ctx.Column(c)); break;
            case StarExpression s: sb.Append(s.Qualifier is null ? "*" : Quote(s.Qualifier) + ".*"); break;
            case BinaryExpression b:
            {
                int prec = Precedence(b.Operator);
                if (prec < parentPrecedence) sb.Append('(');
                Write(sb, b.Left, prec, ctx);
                sb.Append(' ').Append(Symbol(b.Operator)).Append(' ');
                Write(sb, b.Right, prec + 1, ctx);
                if (prec < parentPrecedence) sb.Append(')');
                break;
            }
            case UnaryExpression u:
                sb.Append(u.Operator switch { UnaryOperator.Negate => "-", UnaryOperator.Plus => "+", _ => "NOT " });
                Write(sb, u.Operand, 6, ctx);
                break;
            case IsExpression i:
                Write(sb, i.Operand, 6, ctx);
                sb.Append(" IS ").Append(i.Negated ? "NOT " : "").Append(i.Predicate.ToString().ToUpperInvariant());
                break;
            case BetweenExpression b:
                Write(sb, b.Operand, 6, ctx);
                sb.Append(b.Negated ? " NOT BETWEEN " : " BETWEEN ").Append(b.Symmetric ? "SYMMETRIC " : "ASYMMETRIC ");
                Write(sb, b.Low, 6, ctx); sb.Append(" AND "); Write(sb, b.High, 6, ctx);
                break;
            case InListExpression i:
                Write(sb, i.Operand, 6, ctx);
                sb.Append(i.Negated ? " NOT IN (" : " IN (");
                List(sb, i.Values, ctx);
                sb.Append(')');
                break;
            case LikeExpression l:
                Write(sb, l.Operand, 6, ctx);
                sb.Append(l.Negated ? " NOT" : "").Append(l.Similar ? " SIMILAR TO " : " LIKE ");
                Write(sb, l.Pattern, 6, ctx);
                if (l.Escape is not null) { sb.Append(" ESCAPE "); Write(sb, l.Escape, 6, ctx); }
                break;
            case CaseExpression c:
                sb.Append("CASE");
                if (c.Operand is not null) { sb.Append(' '); Write(sb, c.Operand, 0, ctx); }
                foreach (var w in c.Whens)
                {
                    sb.Append(" WHEN ");
                    for (int i = 0; i < w.Conditions.Count; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        Write(sb, w.Conditions[i], 0, ctx);
                    }
                    sb.Append(" THEN ");
                    Write(sb, w.Result, 0, ctx);
                }
                if (c.Else is not null) { sb.Append(" ELSE "); Write(sb, c.Else, 0, ctx); }
                sb.Append(" END");
                break;
            case CastExpression c:
                sb.Append(c.IsTry ? "TRY_CAST(" : "CAST(");
                Write(sb, c.Operand, 0, ctx);
                sb.Append(" AS ").Append(DataTypeConverter.Convert(c.TargetType)).Append(')');
                break;
            case ExtractExpression x:
                sb.Append("EXTRACT(").Append(Unit(x.Unit)).Append(" FROM ");
                Write(sb, x.Operand, 0, ctx);
                sb.Append(')');
                break;
            case FunctionCall f when f.Name.Parts.Count == 1 && WriteJsonCall(sb, f, ctx):
                break;
            case FunctionCall { Arguments.Count: 0, Name.Parts.Count: 1 } f when IsNiladicKeyword(f.Name.Last):
                // CURRENT_TIMESTAMP, LOCALTIMESTAMP, ... are keywords without parentheses: printed with them they do not parse back.
                sb.Append(f.Name.Last.ToUpperInvariant());
                break;
            case FunctionCall f:
                sb.Append(f.Name.Parts.Count == 1 ? f.Name.Last.ToUpperInvariant() : string.Join('.', f.Name.Parts.Select(Quote))).Append('(');
                if (f.Distinct) sb.Append("DISTINCT ");
                List(sb, f.Arguments, ctx);
                sb.Append(')');
                break;
            case TimeUnitExpression t: sb.Append(Unit(t.Unit)); break;
            case ConstructorExpression c:
                bool square = !string.Equals(c.Kind, "ROW", StringComparison.OrdinalIgnoreCase);
                sb.Append(c.Kind.ToUpperInvariant()).Append(square ? '[' : '(');
                List(sb, c.Items, ctx);
                sb.Append(square ? ']' : ')');
                break;
            case ItemAccessExpression i:
                Write(sb, i.Operand, 6, ctx); sb.Append('['); Write(sb, i.Index, 0, ctx); sb.Append(']');
                break;
            case FieldAccessExpression a:
                sb.Append('('); Write(sb, a.Operand, 0, ctx); sb.Append(").").Append(Quote(a.Field));
                break;
            default:
                if (ctx is not null) ctx.Unprintable = true;
                sb.Append(e.GetType().Name);
                break;
        }
    }

    private static bool IsNiladicKeyword(string name) => name.ToUpperInvariant() is
        "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME" or "LOCALTIMESTAMP" or "LOCALTIME";

    /// <summary>The JSON functions in their SQL syntax again (the parser turned their clauses into literal arguments; see
    /// <see cref="FunctionCall"/>), so a stored computed column parses back to the same call.</summary>
    private static bool WriteJsonCall(StringBuilder sb, FunctionCall f, PrintContext? ctx)
    {
        var a = f.Arguments;
        string Text(int i) => a[i] is LiteralExpression { Text: { } t } ? t : "";
        string name = f.Name.Last.ToUpperInvariant();
        switch (name)
        {
            case "JSON_VALUE" when a.Count == 6:
                sb.Append("JSON_VALUE("); Write(sb, a[0], 0, ctx); sb.Append(", "); Write(sb, a[1], 0, ctx);
                for (int b = 2; b <= 4; b += 2)
                {
                    sb.Append(' ');
                    if (Text(b) == "DEFAULT") { sb.Append("DEFAULT "); Write(sb, a[b + 1], 0, ctx); }
                    else sb.Append(Text(b));
                    sb.Append(b == 2 ? " ON EMPTY" : " ON ERROR");
                }
                sb.Append(')');
                return true;
            case "JSON_QUERY" when a.Count == 5:
                sb.Append("JSON_QUERY("); Write(sb, a[0], 0, ctx); sb.Append(", "); Write(sb, a[1], 0, ctx);
                sb.Append(Text(2) == "WITHOUT" ? " WITHOUT ARRAY WRAPPER" : $" WITH {Text(2)} ARRAY WRAPPER");
                sb.Append(' ').Append(Text(3)).Append(" ON EMPTY ").Append(Text(4)).Append(" ON ERROR)");
                return true;
            case "JSON_EXISTS" when a.Count == 3:
                sb.Append("JSON_EXISTS("); Write(sb, a[0], 0, ctx); sb.Append(", "); Write(sb, a[1], 0, ctx);
                sb.Append(' ').Append(Text(2)).Append(" ON ERROR)");
                return true;
            case "JSON_OBJECT" when a.Count % 2 == 1:
                sb.Append("JSON_OBJECT(");
                for (int i = 1; i < a.Count; i += 2)
                {
                    if (i > 1) sb.Append(", ");
                    sb.Append("KEY "); Write(sb, a[i], 0, ctx); sb.Append(" VALUE "); Write(sb, a[i + 1], 0, ctx);
                }
                sb.Append(a.Count > 1 ? " " : "").Append(Text(0)).Append(" ON NULL)");
                return true;
            case "JSON_ARRAY" when a.Count >= 1:
                sb.Append("JSON_ARRAY(");
                for (int i = 1; i < a.Count; i++)
                {
                    if (i > 1) sb.Append(", ");
                    Write(sb, a[i], 0, ctx);
                }
                sb.Append(a.Count > 1 ? " " : "").Append(Text(0)).Append(" ON NULL)");
                return true;
            case "IS JSON VALUE" or "IS JSON SCALAR" or "IS JSON ARRAY" or "IS JSON OBJECT" when a.Count == 1:
                Write(sb, a[0], 6, ctx); sb.Append(' ').Append(name);
                return true;
            default:
                return false;
        }
    }

    private static void List(StringBuilder sb, IReadOnlyList<Expression> items, PrintContext? ctx)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, items[i], 0, ctx);
        }
    }

    private static string Unit(TimeUnit u) => u.ToString().ToUpperInvariant();

    public static string Quote(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    private static string Literal(LiteralExpression l) => l.Kind switch
    {
        LiteralKind.Null => "NULL",
        LiteralKind.Boolean => l.Text!.ToUpperInvariant(),
        LiteralKind.String => "'" + l.Text!.Replace("'", "''") + "'",
        LiteralKind.Binary => "X'" + l.Text + "'",
        LiteralKind.Date => "DATE '" + l.Text + "'",
        LiteralKind.Time => "TIME '" + l.Text + "'",
        LiteralKind.Timestamp => "TIMESTAMP '" + l.Text + "'",
        _ => l.Text ?? "",
    };
}
