using System.Globalization;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// A query's <c>ORDER BY</c>, <c>OFFSET</c> and <c>LIMIT</c>/<c>FETCH FIRST</c> as a <see cref="LogicalSort"/> over the
/// query's output. An ORDER BY item names an output column (by name or alias) or its position (<c>ORDER BY 2</c>), is an
/// expression over the output columns (computed beside them), or — as Calcite allows for a SELECT without DISTINCT — an
/// expression over the FROM clause's columns (or, in an aggregate query, over its keys and aggregates) that the select
/// list leaves out: the select list is bound with it as a hidden item. Extra columns are projected away after the sort.
/// ASC sorts NULLs first and DESC last unless NULLS FIRST/LAST says otherwise (Flink's default). LIMIT and OFFSET take
/// non-negative integer literals.
/// </summary>
internal static class SortBinder
{
    /// <summary>The ORDER BY items that do not bind over <paramref name="body"/>'s output columns.</summary>
    public static List<Expression> Unresolved(OrderedQuery o, LogicalNode body)
    {
        var scope = Scope.Of(null, body.Schema);
        var unresolved = new List<Expression>();
        foreach (var item in o.OrderBy)
        {
            if (item.Expression is LiteralExpression { Kind: LiteralKind.Integer }) continue;
            try
            {
                OutputBinder(scope).Bind(item.Expression);
            }
            catch (SqlValidationException)
            {
                unresolved.Add(item.Expression);
            }
        }
        return unresolved;
    }

    /// <param name="body">The query's rows: its <paramref name="outputWidth"/> output columns, then one column per
    /// expression of <paramref name="hidden"/> (the select list bound with them as extra items).</param>
    public static LogicalNode Bind(OrderedQuery o, LogicalNode body, int outputWidth, IReadOnlyList<Expression> hidden)
    {
        var output = new RowSchema(body.Schema.Fields.Take(outputWidth).ToList());
        var scope = Scope.Of(null, output);
        var computed = new List<ScalarExpr>();
        var keys = new List<RankOrderKey>(o.OrderBy.Count);
        foreach (var item in o.OrderBy)
        {
            int hiddenAt = IndexOf(hidden, item.Expression);
            int column = hiddenAt >= 0 ? outputWidth + hiddenAt : ColumnOf(item.Expression, output, scope, body.Schema.Count, computed);
            keys.Add(new RankOrderKey(column, item.Descending, item.NullsFirst ?? !item.Descending));
        }
        long? fetch = o.Limit is null ? null : Count(o.Limit, "LIMIT");
        long offset = o.Offset is null ? 0 : Count(o.Offset, "OFFSET");
        // LIMIT 0 keeps no row: Flink's planner turns it into an empty Values, so the query reads nothing and ends.
        if (fetch == 0) return new LogicalValues([], output);
        var input = body;
        if (computed.Count > 0)
        {
            var all = body.Schema.Fields.Select((f, i) => (ScalarExpr)new InputRef(i, f.Type)).Concat(computed).ToList();
            input = LogicalProject.Create(body, all,
                QueryBinder.Uniquify([.. body.Schema.Fields.Select(f => f.Name), .. computed.Select((_, i) => "$order" + i)]));
        }
        LogicalNode sorted = new LogicalSort(input, keys, offset, fetch)
        {
            OrderSpan = o.OrderBy.Count > 0 ? o.OrderBy[0].Span : SourceSpan.None,
            OffsetSpan = o.Offset?.Span ?? SourceSpan.None,
        };
        if (input.Schema.Count == outputWidth) return sorted;
        return LogicalProject.Create(sorted, output.Fields.Select((f, i) => (ScalarExpr)new InputRef(i, sorted.Schema[i].Type)).ToList(),
            output.Fields.Select(f => f.Name).ToList());
    }

    private static int IndexOf(IReadOnlyList<Expression> hidden, Expression e)
    {
        for (int i = 0; i < hidden.Count; i++)
            if (ReferenceEquals(hidden[i], e)) return i;
        return -1;
    }

    private static ExpressionBinder OutputBinder(Scope scope) =>
        new(scope, aggregateMisplaced: "Aggregate expression is illegal in ORDER BY; compute it in the select list");

    private static int ColumnOf(Expression e, RowSchema output, Scope scope, int width, List<ScalarExpr> computed)
    {
        if (e is LiteralExpression { Kind: LiteralKind.Integer } ordinal)
        {
            if (!int.TryParse(ordinal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int position) || position < 1 || position > output.Count)
                throw new SqlValidationException($"Ordinal out of range: ORDER BY {ordinal.Text} but the query has {output.Count} column(s)", e.Span);
            return position - 1;
        }
        var bound = OutputBinder(scope).Bind(e);
        if (bound is InputRef r) return r.Index;
        int at = computed.IndexOf(bound);
        if (at < 0)
        {
            computed.Add(bound);
            at = computed.Count - 1;
        }
        return width + at;
    }

    private static long Count(Expression e, string clause) =>
        e is LiteralExpression { Kind: LiteralKind.Integer } l && long.TryParse(l.Text, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new SqlValidationException($"{clause} takes a non-negative integer literal", e.Span);
}
