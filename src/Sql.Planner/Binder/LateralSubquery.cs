using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Decorrelates <c>a, LATERAL (SELECT ... FROM b WHERE b.k = a.k AND ... [ORDER BY o LIMIT n])</c> (also <c>CROSS JOIN
/// LATERAL</c>, <c>[LEFT] JOIN LATERAL ... ON TRUE</c>) into the join Calcite's decorrelation gives Flink: the subquery
/// without its correlated equalities, also returning their inner sides as keys, joined with <c>a</c> on them; an
/// <c>ORDER BY ... LIMIT n</c> becomes a Top-N per key (<c>ROW_NUMBER() OVER (PARTITION BY keys ORDER BY o) &lt;= n</c>),
/// as in Flink's plan of the cookbook's "two most populous cities per state". When the outer side is the DISTINCT keys of
/// the very table the subquery ranks (<c>(SELECT DISTINCT k FROM b) a, LATERAL (SELECT ... FROM b WHERE k = a.k ORDER BY o
/// LIMIT n)</c>), there is no join at all: Flink's CorrelateSortToRankRule makes it the Top-N alone, its keys named as
/// the outer columns. Correlation anywhere else (the select list, an aggregation, a non-equality) is refused.
/// </summary>
internal static class LateralSubquery
{
    private const string KeyPrefix = "$cor";
    private const string RankName = "$lateral_rn";

    /// <summary>The uncorrelated join <paramref name="join"/> (whose right side is a LATERAL subquery) stands for, or the
    /// Top-N alone (see the class comment).</summary>
    public static TableReference Decorrelate(JoinTableReference join)
    {
        var sub = (SubqueryTableReference)join.Right;
        var outer = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CollectQualifiers(join.Left, outer);
        var (body, orderBy, limit, offset) = sub.Query switch
        {
            OrderedQuery { Body: SelectQuery s } o => (s, o.OrderBy, o.Limit, o.Offset),
            SelectQuery s => (s, (IReadOnlyList<OrderItem>)[], (Expression?)null, (Expression?)null),
            _ => (null, [], null, null),
        };
        var plain = sub with { Lateral = false };
        if (body is null) return join with { Right = plain };
        var inner = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (body.From is not null) CollectQualifiers(body.From, inner);
        outer.ExceptWith(inner);
        bool Outer(Expression e) => RefersTo(e, outer);

        var innerKeys = new List<Expression>();
        var outerKeys = new List<Expression>();
        var rest = new List<Expression>();
        foreach (var conjunct in body.Where is null ? [] : Conjuncts(body.Where))
        {
            if (!Outer(conjunct)) { rest.Add(conjunct); continue; }
            if (conjunct is BinaryExpression { Operator: BinaryOperator.Equal } eq && Outer(eq.Left) != Outer(eq.Right)
                && OnlyOuter(Outer(eq.Left) ? eq.Left : eq.Right, outer))
            {
                innerKeys.Add(Outer(eq.Left) ? eq.Right : eq.Left);
                outerKeys.Add(Outer(eq.Left) ? eq.Left : eq.Right);
                continue;
            }
            throw Unsupported.Feature("a LATERAL subquery correlated other than by equalities in its WHERE", conjunct.Span);
        }
        if (innerKeys.Count == 0) return join with { Right = plain };
        var refused = body.Items.Select(i => i.Expression).Concat(orderBy.Select(o => o.Expression))
            .Concat(body.GroupBy?.Expressions ?? []).Concat(body.Having is null ? [] : [body.Having]).FirstOrDefault(Outer);
        if (refused is not null) throw Unsupported.Feature("a LATERAL subquery correlated outside its WHERE", refused.Span);
        if (body.GroupBy is not null || body.Having is not null || body.Distinct || body.Items.Any(i => ExpressionTrees.ContainsAggregate(i.Expression)))
            throw Unsupported.Feature("a correlated LATERAL subquery with an aggregation or DISTINCT", sub.Span);
        if ((limit is not null || offset is not null) && orderBy.Count == 0)
            throw Unsupported.Feature("a correlated LATERAL subquery with LIMIT but no ORDER BY", sub.Span);

        var span = sub.Span;
        var where = rest.Count == 0 ? null : rest.Aggregate((a, b) => new BinaryExpression(BinaryOperator.And, a, b, span));
        var keyItems = innerKeys.Select((k, i) => new SelectItem(k, new Identifier(KeyPrefix + i, span), span)).ToList();
        Query query;
        if (limit is null && offset is null)
        {
            query = body with { Items = body.Items.Concat(keyItems).ToList(), Where = where };
        }
        else
        {
            if (body.Items.Any(i => i.Expression is StarExpression))
                throw Unsupported.Feature("SELECT * in a correlated LATERAL subquery with ORDER BY ... LIMIT", sub.Span);
            // Unnamed items get Calcite's EXPR$i, so the Top-N wrapper can name them.
            var items = body.Items.Select((item, i) => item.Alias is not null || item.Expression is ColumnReference or FunctionCall { WithoutParentheses: true } ? item
                : item with { Alias = new Identifier("EXPR$" + i, item.Span) }).ToList();
            var order = orderBy.Select(o => o with { Expression = ResolveAlias(o.Expression, items) }).ToList();
            var rank = new FunctionCall(new ObjectName(["ROW_NUMBER"], span), [], false, null,
                new WindowSpecification(innerKeys, order, null, span), span);
            var itemNames = items.Select(i => i.Alias?.Value ?? ((ColumnReference)i.Expression).Name).ToList();
            var distinctKeys = offset is null && join.Kind != JoinKind.Left && sub.Alias is null && sub.ColumnAliases.Count == 0
                ? DistinctKeysOfTheRankedTable(join.Left, body, innerKeys, outerKeys, itemNames) : null;
            if (distinctKeys is not null)
                keyItems = innerKeys.Select((k, i) => new SelectItem(k, new Identifier(distinctKeys[i], span), span)).ToList();
            var ranked = body with { Items = items.Concat(keyItems).Append(new SelectItem(rank, new Identifier(RankName, span), span)).ToList(), Where = where };
            var names = distinctKeys is null ? itemNames.Concat(keyItems.Select(k => k.Alias!.Value)) : distinctKeys.Concat(itemNames);
            var rn = new ColumnReference([RankName], span);
            Expression bound = new BinaryExpression(BinaryOperator.LessOrEqual, rn, Plus(offset, limit, span), span);
            if (limit is null) bound = new BinaryExpression(BinaryOperator.Greater, rn, offset!, span);
            else if (offset is not null) bound = new BinaryExpression(BinaryOperator.And, new BinaryExpression(BinaryOperator.Greater, rn, offset, span), bound, span);
            query = new SelectQuery(false, names.Select(n => new SelectItem(new ColumnReference([n], span), null, span)).ToList(),
                new SubqueryTableReference(ranked, new Identifier("$lateral", span), [], span), bound, null, null, [], span);
            if (distinctKeys is not null) return new SubqueryTableReference(query, ((SubqueryTableReference)join.Left).Alias!, [], join.Span);
        }
        string alias = sub.Alias?.Value ?? "$lateral";
        var columnAliases = sub.ColumnAliases.Count == 0 ? sub.ColumnAliases
            : sub.ColumnAliases.Concat(keyItems.Select(k => k.Alias!)).ToList();
        var right = new SubqueryTableReference(query, new Identifier(alias, sub.Alias?.Span ?? span), columnAliases, span);
        Expression condition = outerKeys.Select((o, i) => (Expression)new BinaryExpression(BinaryOperator.Equal,
                new ColumnReference([alias, KeyPrefix + i], span), o, span))
            .Aggregate((a, b) => new BinaryExpression(BinaryOperator.And, a, b, span));
        return new JoinTableReference(join.Kind == JoinKind.Left ? JoinKind.Left : JoinKind.Inner, join.Left, right, condition, [], false, join.Span);
    }

    /// <summary>
    /// Flink's CorrelateSortToRankRule: when <paramref name="left"/> is <c>(SELECT DISTINCT c1, ... FROM t) a</c> and the
    /// subquery <paramref name="body"/> reads <c>t</c> too, correlated by exactly <c>c_i = a.c_i</c> (the same columns), every
    /// ranked row's keys are one row of <c>a</c>, so the join adds nothing: the names of <c>a</c>'s columns in the order of
    /// <paramref name="innerKeys"/>; null when the shape differs (or a name of the subquery's result would clash).
    /// </summary>
    private static List<string>? DistinctKeysOfTheRankedTable(TableReference left, SelectQuery body, List<Expression> innerKeys,
        List<Expression> outerKeys, IReadOnlyList<string> itemNames)
    {
        if (left is not SubqueryTableReference { Alias: { } alias, ColumnAliases.Count: 0, Lateral: false, Query: SelectQuery distinct }
            || !distinct.Distinct || distinct.Where is not null || distinct.GroupBy is not null || distinct.Having is not null
            || distinct.From is not NamedTableReference { Hints.Count: 0, SystemTimeAsOf: null } keysTable
            || body.From is not NamedTableReference { SystemTimeAsOf: null } rankedTable
            || !string.Equals(string.Join(".", keysTable.Name.Parts), string.Join(".", rankedTable.Name.Parts), StringComparison.OrdinalIgnoreCase))
            return null;
        var columns = new List<string>();
        foreach (var item in distinct.Items)
        {
            if (item.Alias is not null || item.Expression is not ColumnReference { Parts.Count: <= 2 } c) return null;
            columns.Add(c.Name);
        }
        if (columns.Count != innerKeys.Count || columns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count) return null;
        string rankedName = rankedTable.Alias?.Value ?? rankedTable.Name.Last;
        var names = new List<string>();
        for (int i = 0; i < innerKeys.Count; i++)
        {
            if (outerKeys[i] is not ColumnReference { Qualifier: { } q } o || !string.Equals(q, alias.Value, StringComparison.OrdinalIgnoreCase)
                || innerKeys[i] is not ColumnReference inner || !string.Equals(inner.Name, o.Name, StringComparison.OrdinalIgnoreCase)
                || inner.Qualifier is { } iq && !string.Equals(iq, rankedName, StringComparison.OrdinalIgnoreCase)
                || !columns.Contains(o.Name, StringComparer.OrdinalIgnoreCase)
                || names.Contains(o.Name, StringComparer.OrdinalIgnoreCase)
                || itemNames.Contains(o.Name, StringComparer.OrdinalIgnoreCase))
                return null;
            names.Add(columns.First(c => string.Equals(c, o.Name, StringComparison.OrdinalIgnoreCase)));
        }
        return names;
    }

    private static Expression Plus(Expression? offset, Expression? limit, SourceSpan span) =>
        offset is null ? limit! : new BinaryExpression(BinaryOperator.Add, offset, limit!, span);

    /// <summary>An ORDER BY name that is an alias of a select item means that item's expression (OVER cannot see aliases).</summary>
    private static Expression ResolveAlias(Expression e, IReadOnlyList<SelectItem> items)
    {
        if (e is not ColumnReference { Parts.Count: 1 } c) return e;
        var item = items.FirstOrDefault(i => string.Equals(i.Alias?.Value, c.Name, StringComparison.OrdinalIgnoreCase));
        return item is null ? e : item.Expression;
    }

    private static IEnumerable<Expression> Conjuncts(Expression e) =>
        e is BinaryExpression { Operator: BinaryOperator.And } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [e];

    private static bool RefersTo(Expression e, HashSet<string> qualifiers) =>
        e is ColumnReference { Qualifier: { } q } && qualifiers.Contains(q)
        || e is FunctionCall { Over: { } over } && over.PartitionBy.Concat(over.OrderBy.Select(o => o.Expression)).Any(x => RefersTo(x, qualifiers))
        || ExpressionTrees.Children(e).Any(c => RefersTo(c, qualifiers));

    /// <summary>Whether every column <paramref name="e"/> reads is qualified by an outer name.</summary>
    private static bool OnlyOuter(Expression e, HashSet<string> outer) =>
        e is ColumnReference c ? c.Qualifier is { } q && outer.Contains(q) : ExpressionTrees.Children(e).All(x => OnlyOuter(x, outer));

    private static void CollectQualifiers(TableReference from, HashSet<string> names)
    {
        switch (from)
        {
            case NamedTableReference n: names.Add(n.Alias?.Value ?? n.Name.Last); break;
            case SubqueryTableReference s when s.Alias is not null: names.Add(s.Alias.Value); break;
            case TableFunctionReference t when t.Alias is not null: names.Add(t.Alias.Value); break;
            case UnnestTableReference u when u.Alias is not null: names.Add(u.Alias.Value); break;
            case JoinTableReference j: CollectQualifiers(j.Left, names); CollectQualifiers(j.Right, names); break;
        }
    }
}
