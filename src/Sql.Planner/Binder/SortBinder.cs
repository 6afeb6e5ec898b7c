using System.Globalization;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// A query's <c>ORDER BY</c>, <c>OFFSET</c> and <c>LIMIT</c>/<c>FETCH FIRST</c> as a <see cref="LogicalSort"/> over the
/// query's output. An ORDER BY item names an output column (by name or alias) or its position (<c>ORDER BY 2</c>); ASC
/// sorts NULLs first and DESC last unless NULLS FIRST/LAST says otherwise (Flink's default). LIMIT and OFFSET take
/// non-negative integer literals.
/// </summary>
internal static class SortBinder
{
    public static LogicalNode Bind(OrderedQuery o, LogicalNode body)
    {
        var scope = Scope.Of(null, body.Schema);
        var keys = new List<RankOrderKey>(o.OrderBy.Count);
        foreach (var item in o.OrderBy)
            keys.Add(new RankOrderKey(ColumnOf(item.Expression, body, scope), item.Descending, item.NullsFirst ?? !item.Descending));
        long? fetch = o.Limit is null ? null : Count(o.Limit, "LIMIT");
        long offset = o.Offset is null ? 0 : Count(o.Offset, "OFFSET");
        // LIMIT 0 keeps no row: Flink's planner turns it into an empty Values, so the query reads nothing and ends.
        if (fetch == 0) return new LogicalValues([], body.Schema);
        return new LogicalSort(body, keys, offset, fetch)
        {
            OrderSpan = o.OrderBy.Count > 0 ? o.OrderBy[0].Span : SourceSpan.None,
            OffsetSpan = o.Offset?.Span ?? SourceSpan.None,
        };
    }

    private static int ColumnOf(Expression e, LogicalNode body, Scope scope)
    {
        if (e is LiteralExpression { Kind: LiteralKind.Integer } ordinal)
        {
            if (!int.TryParse(ordinal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int position) || position < 1 || position > body.Schema.Count)
                throw new SqlValidationException($"Ordinal out of range: ORDER BY {ordinal.Text} but the query has {body.Schema.Count} column(s)", e.Span);
            return position - 1;
        }
        var bound = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in ORDER BY; compute it in the select list").Bind(e);
        return bound is InputRef r
            ? r.Index
            : throw Unsupported.Feature("an expression in ORDER BY (name a column of the select list, or compute it there with an alias)", e.Span);
    }

    private static long Count(Expression e, string clause) =>
        e is LiteralExpression { Kind: LiteralKind.Integer } l && long.TryParse(l.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new SqlValidationException($"{clause} takes a non-negative integer literal", e.Span);
}
