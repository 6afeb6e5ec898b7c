using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Scalar subqueries (<c>(SELECT MAX(x) FROM u)</c> used as a value) in WHERE and in a plain select list, as Calcite and
/// Flink plan them: a LEFT join of the rows with the subquery's one row, whose value (NULL when the subquery has no row)
/// becomes a column the expression reads. An uncorrelated subquery must return at most one row by its form (a global
/// aggregation, a SELECT without FROM, one-row VALUES, LIMIT 1) or is the SINGLE_VALUE of its rows (which fails at run
/// time on a second row, as Flink's), and is joined on a constant key, so both sides meet on one subtask as in Flink's
/// singleton join. A correlated one, <c>(SELECT agg(...) FROM u WHERE u.k = t.k AND ...)</c>, is decorrelated as
/// Calcite does: the aggregation grouped by the subquery's sides of the equalities, joined on them; a bare COUNT becomes
/// 0 rather than NULL for a row without a group (Calcite's count-bug rule). <c>IN</c> and <c>EXISTS</c> used as values
/// (outside the AND-ed conditions of WHERE, which <see cref="SubqueryBinder"/> makes semi/anti joins) are computed from
/// counts joined the same way, as Calcite's SubQueryRemoveRule does.
/// </summary>
internal sealed class SubqueryValueBinder(Func<Query, LogicalNode> bindQuery, Func<TableReference, (LogicalNode Node, Scope Scope)> bindRelation)
{
    /// <summary>The scalar subqueries and the <c>IN</c>/<c>EXISTS</c> subqueries in <paramref name="roots"/>, outside
    /// other subqueries, inner ones (in an IN's operand) first.</summary>
    public static List<Expression> Find(IEnumerable<Expression> roots)
    {
        var found = new List<Expression>();
        void Walk(Expression e)
        {
            foreach (var child in ExpressionTrees.Children(e)) Walk(child);
            if (e is ScalarSubqueryExpression or InSubqueryExpression or ExistsExpression) found.Add(e);
        }
        foreach (var root in roots) Walk(root);
        return found;
    }

    /// <summary>Appends what each subquery's value is computed from to the rows of <paramref name="input"/>, as columns
    /// hidden from names and <c>*</c>; returns the new rows, their scope and each subquery's value over them.</summary>
    /// <param name="operands">IN operands already bound over <paramref name="input"/> (an aggregation's row); others are
    /// bound in <paramref name="scope"/>.</param>
    public (LogicalNode Input, Scope Scope, IReadOnlyDictionary<Expression, ScalarExpr> Values) Bind(
        IReadOnlyList<Expression> subqueries, LogicalNode input, Scope scope, IReadOnlyDictionary<Expression, ScalarExpr>? operands = null)
    {
        var values = new Dictionary<Expression, ScalarExpr>(ReferenceEqualityComparer.Instance);
        foreach (var subquery in subqueries)
        {
            ScalarExpr value;
            (input, value) = subquery switch
            {
                ScalarSubqueryExpression s => BindScalar(s, input, scope),
                InSubqueryExpression i => BindIn(i, operands?.GetValueOrDefault(i), input, ref scope, values),
                ExistsExpression e => BindExists(e, input, scope),
                _ => throw new InvalidOperationException(subquery.GetType().Name),
            };
            scope = Extended(scope, input);
            values[subquery] = value;
        }
        return (input, scope, values);
    }

    /// <summary>The scope with the columns <paramref name="input"/> has beyond it added as one hidden entry, retyped to
    /// its row (a LEFT join turns time attributes into plain timestamps).</summary>
    private static Scope Extended(Scope scope, LogicalNode input)
    {
        if (input.Schema.Count == scope.Width) return scope;
        var added = new RowSchema(input.Schema.Fields.Skip(scope.Width).ToList());
        scope.Add(new Scope.Entry(null, added, 0) { Hidden = Enumerable.Range(0, added.Count).ToHashSet() }, added);
        return scope.Retyped(input.Schema);
    }

    /// <summary>
    /// <c>x [NOT] IN (SELECT y ...)</c> as a value, as Calcite's SubQueryRemoveRule rewrites it outside a WHERE conjunct:
    /// the subquery's row count <c>c</c> and non-NULL count <c>ck</c> (joined on a constant key), and whether its distinct
    /// values hold <c>x</c> (joined on <c>x = y</c>); the value is FALSE when <c>c = 0</c>, NULL when <c>x</c> is NULL,
    /// TRUE on a match, NULL when the subquery has a NULL (<c>ck &lt; c</c>), else FALSE.
    /// </summary>
    private (LogicalNode, ScalarExpr) BindIn(InSubqueryExpression e, ScalarExpr? boundOperand, LogicalNode input, ref Scope scope,
        IReadOnlyDictionary<Expression, ScalarExpr> values)
    {
        var operand = boundOperand ?? new ExpressionBinder(scope, x => values.GetValueOrDefault(x), "Aggregate expression is illegal here").Bind(e.Operand);
        if (e.Subquery is SelectQuery { From: not null, Where: not null, GroupBy: null, Having: null, Windows.Count: 0 } select && select.Hints.Count == 0
            && select.Items is [{ Expression: not StarExpression } item] && !AggregateBinder.IsAggregateQuery(select))
        {
            var countStar = new FunctionCall(new ObjectName(["COUNT"], e.Span), [new StarExpression(null, e.Span)], false, null, null, e.Span);
            if (Correlated(select with { Distinct = false, Items = [new SelectItem(countStar, null, e.Span)] }, input, scope) is var (withCount, rowCount))
            {
                // Correlated: the three counts per correlation key, the matches' with x = y as one more key.
                scope = Extended(scope, withCount);
                var countValues = new FunctionCall(new ObjectName(["COUNT"], e.Span), [item.Expression], false, null, null, e.Span);
                var (withValues, valueCount) = Correlated(select with { Distinct = false, Items = [new SelectItem(countValues, null, e.Span)] }, withCount, scope)!.Value;
                scope = Extended(scope, withValues);
                var (withMatches, matchCount) = Correlated(select with { Distinct = false, Items = [new SelectItem(countStar, null, e.Span)] }, withValues, scope,
                    (operand, item.Expression))!.Value;
                var matchedValue = ExpressionBinder.MakeCall(">", [matchCount, new Literal(0L, SqlType.BigInt.AsNotNull())], e.Span);
                return (withMatches, InValue(operand, rowCount, valueCount, matchedValue, e));
            }
        }
        var right = BindUncorrelated(e.Subquery);
        if (right.Schema.Count != 1)
            throw new SqlValidationException($"The subquery of IN must return one column, but returns {right.Schema.Count}", e.Subquery.Span);
        int width = input.Schema.Count;
        var count = Physical.AggregateFunctionKind.Count;
        var bigint = SqlType.BigInt.AsNotNull();
        Physical.AggregateCall[] calls = [new(count, [], false, -1, bigint, "c"), new(count, [0], false, -1, bigint, "ck")];
        var counts = new LogicalAggregate(right, [], null, calls, LogicalAggregate.SchemaOf(right, [], null, calls));
        var (withCounts, at) = ConstantKeyJoin(input, counts, e.Span);
        input = Appended(withCounts, width, [new InputRef(at, withCounts.Schema[at].Type), new InputRef(at + 1, withCounts.Schema[at + 1].Type)]);

        var distinct = new LogicalAggregate(right, [0], null, [], LogicalAggregate.SchemaOf(right, [0], null, []));
        var marked = LogicalProject.Create(distinct, [new InputRef(0, distinct.Schema[0].Type), new Literal(true, SqlType.Boolean.AsNotNull())], ["y", "i"]);
        int matchedAt = input.Schema.Count;
        var condition = ExpressionBinder.MakeCall("=", [operand, new InputRef(matchedAt, marked.Schema[0].Type)], e.Span);
        var withMatch = JoinBinder.Build(input, marked, JoinType.Left, condition, LogicalJoin.SchemaOf(input.Schema, marked.Schema, JoinType.Left), e.Span);
        input = Appended(withMatch, matchedAt, [new InputRef(matchedAt + 1, withMatch.Schema[matchedAt + 1].Type)]);

        var c = ExpressionBinder.MakeCall("COALESCE", [new InputRef(width, input.Schema[width].Type), new Literal(0L, bigint)], e.Span);
        var ck = ExpressionBinder.MakeCall("COALESCE", [new InputRef(width + 1, input.Schema[width + 1].Type), new Literal(0L, bigint)], e.Span);
        var matched = ExpressionBinder.MakeCall("IS NOT NULL", [new InputRef(matchedAt, input.Schema[matchedAt].Type)], e.Span);
        return (input, InValue(operand, c, ck, matched, e));
    }

    /// <summary>SQL's three-valued <c>x [NOT] IN (...)</c> from the subquery's row count <paramref name="c"/>, its
    /// non-NULL count <paramref name="ck"/> and whether a value equals <c>x</c>.</summary>
    private static ScalarExpr InValue(ScalarExpr operand, ScalarExpr c, ScalarExpr ck, ScalarExpr matched, InSubqueryExpression e)
    {
        var bigint = SqlType.BigInt.AsNotNull();
        var unknown = new Literal(null, SqlType.Boolean.WithNullable(true));
        var no = new Literal(false, SqlType.Boolean.AsNotNull());
        ScalarExpr If(ScalarExpr when, ScalarExpr then, ScalarExpr otherwise) => ExpressionBinder.MakeCall("IF", [when, then, otherwise], e.Span);
        var value = If(ExpressionBinder.MakeCall("=", [c, new Literal(0L, bigint)], e.Span), no,
            If(ExpressionBinder.MakeCall("IS NULL", [operand], e.Span), unknown,
                If(matched, new Literal(true, SqlType.Boolean.AsNotNull()),
                    If(ExpressionBinder.MakeCall("<", [ck, c], e.Span), unknown, no))));
        return e.Negated ? ExpressionBinder.MakeCall("NOT", [value], e.Span) : value;
    }

    /// <summary><c>[NOT] EXISTS (subquery)</c> as a value: its row count, correlated by equalities as a scalar
    /// <c>COUNT(*)</c> subquery is, is above (or, negated, equal to) 0.</summary>
    private (LogicalNode, ScalarExpr) BindExists(ExistsExpression e, LogicalNode input, Scope scope)
    {
        var countStar = new FunctionCall(new ObjectName(["COUNT"], e.Span), [new StarExpression(null, e.Span)], false, null, null, e.Span);
        ScalarExpr count;
        if (e.Subquery is SelectQuery { From: not null, Where: not null, GroupBy: null, Having: null, Windows.Count: 0 } select && select.Hints.Count == 0
            && !AggregateBinder.IsAggregateQuery(select)
            && Correlated(select with { Distinct = false, Items = [new SelectItem(countStar, null, e.Span)] }, input, scope) is { } correlated)
        {
            (input, count) = correlated;
        }
        else
        {
            var right = BindUncorrelated(e.Subquery);
            var bigint = SqlType.BigInt.AsNotNull();
            Physical.AggregateCall[] calls = [new(Physical.AggregateFunctionKind.Count, [], false, -1, bigint, "c")];
            var counts = new LogicalAggregate(right, [], null, calls, LogicalAggregate.SchemaOf(right, [], null, calls));
            int width = input.Schema.Count;
            var (joined, at) = ConstantKeyJoin(input, counts, e.Span);
            input = Appended(joined, width, [new InputRef(at, joined.Schema[at].Type)]);
            count = ExpressionBinder.MakeCall("COALESCE", [new InputRef(width, input.Schema[width].Type), new Literal(0L, bigint)], e.Span);
        }
        var zero = new Literal(0L, SqlType.BigInt.AsNotNull());
        return (input, ExpressionBinder.MakeCall(e.Negated ? "=" : ">", [count, zero], e.Span));
    }

    /// <summary>The type of a scalar subquery's value (nullable: no row is NULL).</summary>
    public Types.SqlType TypeOf(ScalarSubqueryExpression subquery)
    {
        // A correlated subquery's WHERE reads the outer query, which is not in scope here; its value has the type of the
        // same SELECT without it.
        var query = subquery.Subquery is SelectQuery { From: not null, Where: not null, GroupBy: null, Having: null } select
            && AggregateBinder.IsAggregateQuery(select) && ReadsUnknownNames(select)
            ? select with { Where = null }
            : subquery.Subquery;
        var right = BindUncorrelated(query);
        if (right.Schema.Count != 1)
            throw new SqlValidationException($"A scalar subquery must return one column, but returns {right.Schema.Count}", subquery.Subquery.Span);
        return right.Schema[0].Type.WithNullable(true);
    }

    private bool ReadsUnknownNames(SelectQuery select)
    {
        try
        {
            bindQuery(select);
            return false;
        }
        catch (SqlValidationException ex) when (ex.Problem.Contains(" not found", StringComparison.Ordinal))
        {
            return true;
        }
    }

    /// <summary>The subquery bound on its own. A name it cannot find may be the outer query's: the error says which
    /// correlated forms are planned.</summary>
    private LogicalNode BindUncorrelated(Query query)
    {
        try
        {
            return bindQuery(query);
        }
        catch (SqlValidationException ex) when (ex.Problem.Contains(" not found", StringComparison.Ordinal))
        {
            throw new SqlValidationException(
                ex.Problem + " (if it names the outer query: a correlated subquery used as a value is planned when it is a plain SELECT " +
                "correlated by equalities between an inner and an outer expression, with one aggregate for a scalar subquery)", ex.Span);
        }
    }

    /// <summary>The rows of <paramref name="input"/> LEFT-joined on a constant key with <paramref name="right"/> (at most
    /// one row); the right columns start at the returned position.</summary>
    private static (LogicalNode Joined, int RightStart) ConstantKeyJoin(LogicalNode input, LogicalNode right, SourceSpan span)
    {
        int width = input.Schema.Count;
        var zero = new Literal(0L, SqlType.Int.AsNotNull());
        var keyed = LogicalProject.Create(input, [.. Columns(input), zero], QueryBinder.Uniquify([.. input.Schema.Fields.Select(f => f.Name), "$sk"]));
        var marked = LogicalProject.Create(right, [.. Columns(right), zero], QueryBinder.Uniquify([.. right.Schema.Fields.Select(f => f.Name), "$sk"]));
        var join = new LogicalJoin(keyed, marked, JoinType.Left, [width], [right.Schema.Count], null,
            LogicalJoin.SchemaOf(keyed.Schema, marked.Schema, JoinType.Left), span);
        return (join, width + 1);
    }

    /// <summary>The rows of <paramref name="input"/> with the subquery's value appended.</summary>
    private (LogicalNode, ScalarExpr) BindScalar(ScalarSubqueryExpression subquery, LogicalNode input, Scope outer)
    {
        var query = subquery.Subquery;
        if (query is SelectQuery { From: not null, Where: not null, GroupBy: null, Having: null, Distinct: false, Windows.Count: 0 } select
            && select.Hints.Count == 0 && select.Items is [{ Expression: not StarExpression }] && AggregateBinder.IsAggregateQuery(select)
            && Correlated(select, input, outer) is { } correlated)
            return correlated;

        var right = BindUncorrelated(query);
        if (right.Schema.Count != 1)
            throw new SqlValidationException($"A scalar subquery must return one column, but returns {right.Schema.Count}", query.Span);
        // As Calcite plans it: a subquery that may return more rows is the SINGLE_VALUE of its rows, which fails the job
        // when a second row arrives.
        if (!AtMostOneRow(query)) right = BindUncorrelated(SingleValueOf(query));
        int width = input.Schema.Count;
        var (join, at) = ConstantKeyJoin(input, right, subquery.Span);
        var joined = Appended(join, width, [new InputRef(at, join.Schema[at].Type)]);
        ScalarExpr value = new InputRef(width, joined.Schema[width].Type);
        // A global COUNT over no rows is 0; a streaming global aggregation emits nothing until its first row.
        if (query is SelectQuery { GroupBy: null, Having: null, Items: [{ Expression: var item }] } && IsBareCount(item))
            value = ExpressionBinder.MakeCall("COALESCE", [value, new Literal(0L, SqlType.BigInt.AsNotNull())], subquery.Span);
        return (joined, value);
    }

    /// <summary><c>SELECT SINGLE_VALUE(v) FROM (query) AS $sv(v)</c>.</summary>
    private static SelectQuery SingleValueOf(Query query)
    {
        var span = query.Span;
        var value = new FunctionCall(new ObjectName(["SINGLE_VALUE"], span), [new ColumnReference(["$sv", "v"], span)], false, null, null, span);
        var rows = new SubqueryTableReference(query, new Identifier("$sv", span), [new Identifier("v", span)], span);
        return new SelectQuery(false, [new SelectItem(value, null, span)], rows, null, null, null, [], span);
    }

    private static bool IsBareCount(Expression e) =>
        e is FunctionCall { Over: null, Filter: null } f && string.Equals(f.Name.Last, "COUNT", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>(SELECT agg FROM x WHERE inner = outer AND ... )</c>: the aggregation grouped by the inner sides of the
    /// equalities between the two queries, LEFT-joined on them; null when the WHERE does not read the outer query.
    /// </summary>
    /// <param name="extraPair">One more equality, between an outer value (bound) and an inner expression (IN's
    /// <c>x = y</c>).</param>
    private (LogicalNode, ScalarExpr)? Correlated(SelectQuery select, LogicalNode input, Scope outer, (ScalarExpr Outer, Expression Inner)? extraPair = null)
    {
        var (right, inner) = bindRelation(select.From!);
        int leftWidth = input.Schema.Count;
        var scope = new Scope();
        foreach (var entry in outer.Entries) scope.Add(entry with { Outer = true }, entry.Schema);
        foreach (var entry in inner.Entries) scope.Add(entry, entry.Schema);
        var binder = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in WHERE clause");
        var innerTerms = new List<Expression>();
        var outerTerms = new List<ScalarExpr>();
        var pairs = new List<(ScalarExpr Outer, Expression Inner)>();
        foreach (var term in Conjuncts(select.Where!))
        {
            var bound = binder.Bind(term);
            var side = SideOf(bound, leftWidth);
            if (side != Side.Both && side != Side.Left) { innerTerms.Add(term); continue; }
            if (side == Side.Left) { outerTerms.Add(bound); continue; }
            if (term is BinaryExpression { Operator: BinaryOperator.Equal } equal)
            {
                var (l, r) = (binder.Bind(equal.Left), binder.Bind(equal.Right));
                var (ls, rs) = (SideOf(l, leftWidth), SideOf(r, leftWidth));
                if (ls == Side.Left && rs == Side.Right) { pairs.Add((l, equal.Right)); continue; }
                if (ls == Side.Right && rs == Side.Left) { pairs.Add((r, equal.Left)); continue; }
            }
            throw Unsupported.Feature(
                "a subquery used as a value (scalar, or IN/EXISTS outside the AND-ed conditions of WHERE) correlated with the outer query other than by equalities between an outer and an inner expression", term.Span);
        }
        if (pairs.Count == 0) return null;
        if (extraPair is { } extra) pairs.Add(extra);

        var item = select.Items[0];
        bool bareCount = IsBareCount(item.Expression);
        if (!bareCount && ContainsCount(item.Expression))
            throw Unsupported.Feature(
                "a correlated scalar subquery whose value is computed from COUNT (a row without a group would read NULL, not the value of an empty COUNT)",
                item.Span);
        var keys = pairs.Select(p => p.Inner).ToList();
        var grouped = select with
        {
            Items = [item, .. keys.Select((k, i) => new SelectItem(k, new Identifier($"$k{i}", k.Span), k.Span))],
            Where = innerTerms.Count == 0 ? null : innerTerms.Aggregate((a, b) => new BinaryExpression(BinaryOperator.And, a, b, a.Span)),
            GroupBy = new GroupByClause(keys, [], select.Span),
        };
        var aggregated = bindQuery(grouped);
        var condition = ExpressionRewriting.And(pairs.Select((p, i) =>
            ExpressionBinder.MakeCall("=", [p.Outer, new InputRef(leftWidth + 1 + i, aggregated.Schema[1 + i].Type)], select.Span)).ToList());
        var join = JoinBinder.Build(input, aggregated, JoinType.Left, condition, LogicalJoin.SchemaOf(input.Schema, aggregated.Schema, JoinType.Left), select.Span);
        var appended = Appended(join, leftWidth, [new InputRef(leftWidth, join.Schema[leftWidth].Type)]);
        ScalarExpr value = new InputRef(leftWidth, appended.Schema[leftWidth].Type);
        if (bareCount) value = ExpressionBinder.MakeCall("COALESCE", [value, new Literal(0L, SqlType.BigInt.AsNotNull())], item.Span);
        if (outerTerms.Count > 0)
        {
            // A term over the outer row alone: where it is not TRUE the subquery is empty for that row.
            var holds = ExpressionBinder.MakeCall("IS TRUE", [ExpressionRewriting.And(outerTerms)!], item.Span);
            var empty = bareCount ? new Literal(0L, SqlType.BigInt.AsNotNull()) : new Literal(null, value.Type.WithNullable(true));
            value = ExpressionBinder.MakeCall("IF", [holds, value, empty], item.Span);
        }
        return (appended, value);
    }

    /// <summary>The first <paramref name="width"/> columns of <paramref name="join"/>, then <paramref name="values"/>.</summary>
    private static LogicalNode Appended(LogicalNode join, int width, IReadOnlyList<ScalarExpr> values)
    {
        var projections = new List<ScalarExpr>();
        for (int i = 0; i < width; i++) projections.Add(new InputRef(i, join.Schema[i].Type));
        projections.AddRange(values);
        return LogicalProject.Create(join, projections,
            QueryBinder.Uniquify([.. join.Schema.Fields.Take(width).Select(f => f.Name), .. values.Select((_, i) => "$value" + i)]));
    }

    private static List<ScalarExpr> Columns(LogicalNode node) =>
        node.Schema.Fields.Select((f, i) => (ScalarExpr)new InputRef(i, f.Type)).ToList();

    /// <summary>Whether the query returns at most one row by its form.</summary>
    private static bool AtMostOneRow(Query query) => query switch
    {
        SelectQuery s => s.From is null || s.GroupBy is null && AggregateBinder.IsAggregateQuery(s),
        OrderedQuery { Limit: LiteralExpression { Kind: LiteralKind.Integer, Text: "0" or "1" } } => true,
        OrderedQuery { Offset: null } o => AtMostOneRow(o.Body),
        ValuesQuery v => v.Rows.Count == 1,
        WithQuery w => AtMostOneRow(w.Body),
        _ => false,
    };

    private static bool ContainsCount(Expression e) =>
        e is FunctionCall f && string.Equals(f.Name.Last, "COUNT", StringComparison.OrdinalIgnoreCase)
        || ExpressionTrees.Children(e).Any(ContainsCount);

    private static IEnumerable<Expression> Conjuncts(Expression e)
    {
        if (e is BinaryExpression { Operator: BinaryOperator.And } and)
        {
            foreach (var t in Conjuncts(and.Left)) yield return t;
            foreach (var t in Conjuncts(and.Right)) yield return t;
        }
        else yield return e;
    }

    private enum Side { None, Left, Right, Both }

    private static Side SideOf(ScalarExpr e, int leftWidth)
    {
        var used = new SortedSet<int>();
        ExpressionRewriting.CollectInputs(e, used);
        if (used.Count == 0) return Side.None;
        if (used.Max < leftWidth) return Side.Left;
        return used.Min >= leftWidth ? Side.Right : Side.Both;
    }
}
