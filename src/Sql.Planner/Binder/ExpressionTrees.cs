using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Structural questions about syntax-tree expressions (without binding them).</summary>
internal static class ExpressionTrees
{
    /// <summary>The direct sub-expressions of <paramref name="e"/>; subqueries are not entered.</summary>
    public static IEnumerable<Expression> Children(Expression e)
    {
        switch (e)
        {
            case BinaryExpression b: yield return b.Left; yield return b.Right; break;
            case UnaryExpression u: yield return u.Operand; break;
            case IsExpression i: yield return i.Operand; break;
            case BetweenExpression b: yield return b.Operand; yield return b.Low; yield return b.High; break;
            case InListExpression i:
                yield return i.Operand;
                foreach (var v in i.Values) yield return v;
                break;
            case InSubqueryExpression i: yield return i.Operand; break;
            case LikeExpression l:
                yield return l.Operand; yield return l.Pattern;
                if (l.Escape is not null) yield return l.Escape;
                break;
            case CaseExpression c:
                if (c.Operand is not null) yield return c.Operand;
                foreach (var w in c.Whens)
                {
                    foreach (var condition in w.Conditions) yield return condition;
                    yield return w.Result;
                }
                if (c.Else is not null) yield return c.Else;
                break;
            case CastExpression c: yield return c.Operand; break;
            case ExtractExpression x: yield return x.Operand; break;
            case FunctionCall f:
                foreach (var a in f.Arguments) yield return a;
                if (f.Filter is not null) yield return f.Filter;
                break;
            case ConstructorExpression c:
                foreach (var i in c.Items) yield return i;
                break;
            case ItemAccessExpression i: yield return i.Operand; yield return i.Index; break;
            case FieldAccessExpression f: yield return f.Operand; break;
            case NamedArgument n: yield return n.Value; break;
        }
    }

    /// <summary><paramref name="e"/> with each of its <see cref="Children"/> replaced by <paramref name="map"/>'s result.</summary>
    public static Expression WithChildren(Expression e, Func<Expression, Expression> map)
    {
        IReadOnlyList<Expression> All(IReadOnlyList<Expression> items) => items.Select(map).ToList();
        return e switch
        {
            BinaryExpression b => b with { Left = map(b.Left), Right = map(b.Right) },
            UnaryExpression u => u with { Operand = map(u.Operand) },
            IsExpression i => i with { Operand = map(i.Operand) },
            BetweenExpression b => b with { Operand = map(b.Operand), Low = map(b.Low), High = map(b.High) },
            InListExpression i => i with { Operand = map(i.Operand), Values = All(i.Values) },
            InSubqueryExpression i => i with { Operand = map(i.Operand) },
            LikeExpression l => l with { Operand = map(l.Operand), Pattern = map(l.Pattern), Escape = l.Escape is null ? null : map(l.Escape) },
            CaseExpression c => c with
            {
                Operand = c.Operand is null ? null : map(c.Operand),
                Whens = c.Whens.Select(w => w with { Conditions = All(w.Conditions), Result = map(w.Result) }).ToList(),
                Else = c.Else is null ? null : map(c.Else),
            },
            CastExpression c => c with { Operand = map(c.Operand) },
            ExtractExpression x => x with { Operand = map(x.Operand) },
            FunctionCall f => f with { Arguments = All(f.Arguments), Filter = f.Filter is null ? null : map(f.Filter) },
            ConstructorExpression c => c with { Items = All(c.Items) },
            ItemAccessExpression i => i with { Operand = map(i.Operand), Index = map(i.Index) },
            FieldAccessExpression f => f with { Operand = map(f.Operand) },
            NamedArgument n => n with { Value = map(n.Value) },
            _ => e,
        };
    }

    /// <summary>Whether <paramref name="e"/> calls an aggregate function (not as an OVER window) anywhere outside subqueries.</summary>
    public static bool ContainsAggregate(Expression e)
    {
        if (e is FunctionCall { Over: null } f && IsAggregateName(f.Name.Last)) return true;
        foreach (var child in Children(e))
            if (ContainsAggregate(child)) return true;
        return false;
    }

    /// <summary>Aggregate functions, and the grouping and group window functions that only exist in an aggregation.</summary>
    public static bool IsAggregateName(string name) =>
        Functions.AggregateFunctions.IsKnown(name) || name.ToUpperInvariant() is "GROUPING" or "GROUPING_ID" or "GROUP_ID"
            or "TUMBLE_START" or "TUMBLE_END" or "TUMBLE_ROWTIME" or "TUMBLE_PROCTIME" or "HOP_START" or "HOP_END" or "HOP_ROWTIME"
            or "HOP_PROCTIME" or "SESSION_START" or "SESSION_END" or "SESSION_ROWTIME" or "SESSION_PROCTIME";
}
