using System.Text;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Parser.Tests;

/// <summary>Prints expressions as compact S-expressions so tests can state a whole tree shape in one line.</summary>
internal static class AstPrinter
{
    public static string Print(Expression e) => e switch
    {
        ColumnReference c => string.Join('.', c.Parts),
        LiteralExpression { Kind: LiteralKind.Null } => "NULL",
        LiteralExpression { Kind: LiteralKind.String } l => $"'{l.Text}'",
        LiteralExpression { Kind: LiteralKind.Integer or LiteralKind.Decimal or LiteralKind.Double or LiteralKind.Boolean } l => l.Text!,
        LiteralExpression l => $"{l.Kind.ToString().ToUpperInvariant()}'{l.Text}'",
        IntervalExpression i => $"INTERVAL'{i.Value}' {i.From}{(i.To is { } to ? " TO " + to : "")}{(i.Precision is { } p ? $"({p})" : "")}",
        StarExpression s => s.Qualifier is null ? "*" : s.Qualifier + ".*",
        BinaryExpression b => $"({b.Operator} {Print(b.Left)} {Print(b.Right)})",
        UnaryExpression u => $"({u.Operator} {Print(u.Operand)})",
        IsExpression i => $"(Is{(i.Negated ? "Not" : "")}{i.Predicate} {Print(i.Operand)})",
        BetweenExpression b => $"({(b.Negated ? "Not" : "")}Between{(b.Symmetric ? "Symmetric" : "")} {Print(b.Operand)} {Print(b.Low)} {Print(b.High)})",
        InListExpression i => $"({(i.Negated ? "Not" : "")}In {Print(i.Operand)} [{List(i.Values)}])",
        InSubqueryExpression i => $"({(i.Negated ? "Not" : "")}InQuery {Print(i.Operand)})",
        ExistsExpression x => x.Negated ? "(NotExists)" : "(Exists)",
        ScalarSubqueryExpression => "(Subquery)",
        LikeExpression l => $"({(l.Negated ? "Not" : "")}{(l.Similar ? "Similar" : "Like")} {Print(l.Operand)} {Print(l.Pattern)}{(l.Escape is { } esc ? " " + Print(esc) : "")})",
        CaseExpression c => $"(Case{(c.Operand is { } o ? " " + Print(o) : "")}{string.Concat(c.Whens.Select(w => $" [{string.Join(", ", w.Conditions.Select(Print))} {Print(w.Result)}]"))}{(c.Else is { } el ? " " + Print(el) : "")})",
        CastExpression c => $"({(c.IsTry ? "TryCast" : "Cast")} {Print(c.Operand)} {Print(c.TargetType)})",
        ExtractExpression x => $"(Extract {x.Unit} {Print(x.Operand)})",
        FunctionCall f => Call(f),
        TimeUnitExpression t => t.Unit.ToString(),
        DescriptorExpression d => $"DESCRIPTOR({string.Join(", ", d.Columns.Select(c => c.Value))})",
        ConstructorExpression c => $"{c.Kind}[{List(c.Items)}]",
        ItemAccessExpression i => $"{Print(i.Operand)}[{Print(i.Index)}]",
        FieldAccessExpression f => $"({Print(f.Operand)}).{f.Field}",
        NamedArgument n => $"{n.Name} => {Print(n.Value)}",
        TableArgument { Table: NamedTableReference t } a => $"TABLE {t.Name}{(a.PartitionBy.Count > 0 ? " PARTITION BY " + List(a.PartitionBy) : "")}",
        TableArgument => "TABLE (query)",
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    public static string Print(DataTypeSyntax t)
    {
        var sb = new StringBuilder(t.Name);
        if (t.Parameters.Count > 0) sb.Append('(').AppendJoin(", ", t.Parameters).Append(')');
        if (t.ElementTypes.Count > 0)
        {
            sb.Append('<');
            for (int i = 0; i < t.ElementTypes.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                if (t.FieldNames.Count > 0) sb.Append(t.FieldNames[i]).Append(' ');
                sb.Append(Print(t.ElementTypes[i]));
            }
            sb.Append('>');
        }
        if (t.WithLocalTimeZone) sb.Append(" WITH LOCAL TIME ZONE");
        if (t.NotNull) sb.Append(" NOT NULL");
        return sb.ToString();
    }

    private static string Call(FunctionCall f)
    {
        var sb = new StringBuilder(f.Name.ToString()).Append('(');
        if (f.Distinct) sb.Append("DISTINCT ");
        sb.Append(List(f.Arguments)).Append(')');
        if (f.Filter is { } filter) sb.Append(" FILTER ").Append(Print(filter));
        if (f.Over is { } over) sb.Append(" OVER ").Append(Print(over));
        return sb.ToString();
    }

    public static string Print(WindowSpecification w)
    {
        var parts = new List<string>();
        if (w.PartitionBy.Count > 0) parts.Add("PARTITION " + List(w.PartitionBy));
        if (w.OrderBy.Count > 0) parts.Add("ORDER " + string.Join(", ", w.OrderBy.Select(Print)));
        if (w.Frame is { } f) parts.Add($"{f.Unit} {Print(f.Start)}{(f.End is { } end ? " " + Print(end) : "")}");
        return "(" + string.Join(" ", parts) + ")";
    }

    public static string Print(OrderItem o)
        => Print(o.Expression) + (o.Descending ? " DESC" : "") + (o.NullsFirst is { } nf ? (nf ? " NULLS FIRST" : " NULLS LAST") : "");

    private static string Print(FrameBound b) => b.Offset is null ? b.Kind.ToString() : $"{Print(b.Offset)} {b.Kind}";

    public static string List(IEnumerable<Expression> items) => string.Join(", ", items.Select(Print));
}
