using System.Runtime.CompilerServices;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds a query of the syntax tree against the catalog into a logical plan whose schema carries the output names.
/// Aggregations (GROUP BY, HAVING, DISTINCT) are <see cref="AggregateBinder"/>'s, regular joins <see cref="JoinBinder"/>'s;
/// constructs not planned yet (OVER, ordering) are refused with "Not supported yet" at their span.
/// </summary>
internal sealed class QueryBinder
{
    /// <summary>The common table expressions visible at a point of a query (innermost first).</summary>
    private sealed record CteEnvironment(CommonTableExpression Cte, CteEnvironment? Definition, CteEnvironment? Parent);

    private readonly TableCatalog _catalog;
    private readonly IConnectorCatalog? _connectors;
    private readonly bool _batchMode;
    /// <summary>The <c>LOOKUP</c> hints of the SELECTs being bound, innermost on top: its FROM clause's lookup joins take them.</summary>
    private readonly Stack<IReadOnlyList<LookupHint>> _lookupHints = new();
    private readonly Stack<StateTtlHint?> _stateTtlHints = new();
    private readonly Stack<JoinStrategyHint?> _joinStrategyHints = new();

    /// <param name="connectors">When given, tables whose connector cannot be read (sink-only) are refused in FROM.</param>
    /// <param name="batchMode"><c>'execution.runtime-mode' = 'batch'</c>: windows take any TIMESTAMP column, as Flink's batch mode.</param>
    public QueryBinder(TableCatalog catalog, IConnectorCatalog? connectors = null, bool batchMode = false)
    {
        _catalog = catalog;
        _connectors = connectors;
        _batchMode = batchMode;
    }

    public LogicalNode Bind(Query query)
    {
        using var functions = FunctionScope.Enter(_catalog.Functions, _catalog.CurrentDatabase);
        _outermost = query is WithQuery with ? with.Body : query;
        return Bind(query, null);
    }

    /// <summary>The statement's own query (under its WITH): the only place an ORDER BY without LIMIT or OFFSET is kept.</summary>
    private Query? _outermost;

    private LogicalNode Bind(Query query, CteEnvironment? ctes)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return BindNode(query, ctes);
    }

    private LogicalNode BindNode(Query query, CteEnvironment? ctes) => query switch
    {
        SelectQuery s => BindSelect(s, ctes),
        SetOperationQuery s => BindSetOperation(s, ctes),
        ValuesQuery v => BindValues(v),
        WithQuery w => BindWith(w, ctes),
        OrderedQuery o => BindOrdered(o, ctes),
        _ => throw Unsupported.Feature(query.GetType().Name, query.Span),
    };

    private LogicalNode BindWith(WithQuery with, CteEnvironment? ctes)
    {
        var env = ctes;
        foreach (var cte in with.Ctes) env = new CteEnvironment(cte, env, env);
        return Bind(with.Body, env);
    }

    private LogicalNode BindOrdered(OrderedQuery o, CteEnvironment? ctes)
    {
        // Calcite drops the ORDER BY of a subquery, view or CTE that has no LIMIT or OFFSET: it cannot order the rows of
        // the query around it (Flink's plans have no Sort for it either).
        if (!ReferenceEquals(o, _outermost) && o.Limit is null && o.Offset is null) return Bind(o.Body, ctes);
        var body = Bind(o.Body, ctes);
        var hidden = SortBinder.Unresolved(o, body);
        if (o.Body is SelectQuery { Distinct: true } && hidden.Count > 0)
            throw new SqlValidationException(
                hidden[0] is ColumnReference c ? $"Expression '{c}' is not in the select clause" : "Expression is not in the select clause", hidden[0].Span);
        if (hidden.Count == 0 || o.Body is not SelectQuery select) return SortBinder.Bind(o, body, body.Schema.Count, []);
        // ORDER BY what the select list leaves out: bound with the SELECT as hidden items, as Calcite does.
        var extended = select with
        {
            Items = [.. select.Items, .. hidden.Select((e, i) => new SelectItem(e, new Identifier("$order" + i, e.Span), e.Span))],
        };
        return SortBinder.Bind(o, Bind(extended, ctes), body.Schema.Count, hidden);
    }

    private LogicalNode BindSelect(SelectQuery s, CteEnvironment? ctes)
    {
        LogicalNode input;
        Scope scope;
        bool whereJoined = false;
        var lookupHints = s.Hints.Where(h => string.Equals(h.Name, "LOOKUP", StringComparison.OrdinalIgnoreCase)).Select(LookupHint.Parse).ToList();
        var stateTtl = StateTtlHint.Of(s);
        var joinStrategy = JoinStrategyHint.Of(s);
        if (s.From is null)
        {
            // SELECT without FROM reads one row of a single dummy column, as Flink's Values(tuples=[[{ 0 }]]).
            input = OneRow();
            scope = Scope.Empty;
        }
        else
        {
            _lookupHints.Push(lookupHints);
            _stateTtlHints.Push(stateTtl);
            _joinStrategyHints.Push(joinStrategy);
            try
            {
                (input, scope) = BindRelation(s.From, ctes);
                if (WhereIntervalJoin(s, input, ctes) is { } interval)
                {
                    (input, scope) = interval;
                    whereJoined = true;
                }
            }
            finally
            {
                _lookupHints.Pop();
                _stateTtlHints.Pop();
                _joinStrategyHints.Pop();
            }
        }
        joinStrategy?.CheckAllMatched();
        if (lookupHints.FirstOrDefault(h => !h.Used) is { } unused)
            throw new SqlValidationException(
                $"The LOOKUP hint names table '{unused.Table}', which is not the table (or alias) of a lookup join in this SELECT's FROM clause", unused.Span);
        // Scalar subqueries, and IN / EXISTS other than as WHERE conjuncts, in WHERE and in a select list without
        // aggregates (beside OVER calls too): what their values are computed from is joined to the rows.
        var (plain, subqueries) = s.Where is null ? (null, []) : SubqueryBinder.Split(s.Where);
        if (whereJoined) plain = null;
        var roots = new List<Expression>();
        if (plain is not null) roots.Add(plain);
        if (!AggregateBinder.IsAggregateQuery(s)) roots.AddRange(s.Items.Select(i => i.Expression));
        var valueSubqueries = SubqueryValueBinder.Find(roots);
        Func<Expression, ScalarExpr?>? subqueryValues = null;
        if (valueSubqueries.Count > 0)
        {
            (input, scope, var values) = new SubqueryValueBinder(q => Bind(q, ctes), from => BindRelation(from, ctes)).Bind(valueSubqueries, input, scope);
            subqueryValues = e => values.GetValueOrDefault(e);
        }
        var expressions = new ExpressionBinder(scope, subqueryValues, aggregateMisplaced: "Aggregate expression is illegal in WHERE clause");

        if (s.Where is not null)
        {
            if (plain is not null)
            {
                var condition = expressions.Bind(plain);
                if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
                    throw new SqlValidationException($"WHERE clause must be a condition (BOOLEAN), but is {condition.Type}", s.Where.Span);
                input = RankBinder.AbsorbFilter(input, condition);
            }
            if (subqueries.Count > 0)
            {
                var binder = new SubqueryBinder(q => Bind(q, ctes), from => BindRelation(from, ctes));
                foreach (var (subquery, negated) in subqueries) input = binder.Bind(subquery, negated, input, scope);
                scope = scope.Retyped(input.Schema);
            }
        }

        string? pinnedId = PinnedOperatorId(s);
        bool aggregates = AggregateBinder.IsAggregateQuery(s);
        if (pinnedId is not null && !aggregates && !s.Distinct)
            throw new SqlValidationException("OPERATOR_ID names the stateful operator of its SELECT, but this SELECT has no aggregation or DISTINCT",
                s.Hints.First(h => h.Name == "OPERATOR_ID").Span);
        LogicalNode BindAggregate(SelectQuery query) =>
            new AggregateBinder(scope, _batchMode, new SubqueryValueBinder(q => Bind(q, ctes), from => BindRelation(from, ctes))).Bind(query, input, pinnedId);
        LogicalNode BindAggregateQuery(SelectQuery query) => HavingSubqueries.Present(query)
            ? HavingSubqueries.Bind(query, scope, BindAggregate, new SubqueryBinder(q => Bind(q, ctes), from => BindRelation(from, ctes)))
            : BindAggregate(query);
        var projected = !aggregates ? BindRankedProjection(s, input, scope, _batchMode, subqueryValues)
            : OverAfterGroupBy.Present(s)
                ? OverAfterGroupBy.Bind(s, scope, BindAggregateQuery, (outer, aggregated, outerScope) => BindRankedProjection(outer, aggregated, outerScope, _batchMode))
                : BindAggregateQuery(s);
        if (aggregates && stateTtl?.For(SingleQualifier(scope)) is { } aggregateTtl)
            projected = WithAggregateStateTtl(projected, aggregateTtl);
        stateTtl?.CheckAllUsed();
        if (!s.Distinct) return projected;
        // SELECT DISTINCT: an aggregation grouped by every column, as Flink plans it.
        var keys = Enumerable.Range(0, projected.Schema.Count).ToList();
        var calls = Array.Empty<Physical.AggregateCall>();
        string? distinctId = pinnedId is null ? null : aggregates ? pinnedId + "-distinct" : pinnedId;
        return new LogicalAggregate(projected, keys, null, calls, LogicalAggregate.SchemaOf(projected, keys, null, calls)) { PinnedId = distinctId };
    }

    /// <summary>The qualifier of a scope of one relation (its alias or name), or null.</summary>
    private static string? SingleQualifier(Scope scope) => scope.Entries.Count == 1 ? scope.Entries[0].Qualifier : null;

    /// <summary>The aggregation under the projections of a bound aggregate query, with a STATE_TTL hint's retention.</summary>
    private static LogicalNode WithAggregateStateTtl(LogicalNode node, TimeSpan ttl) => node switch
    {
        LogicalAggregate a => a with { StateTtl = ttl },
        SingleInputNode single => single.WithInputs([WithAggregateStateTtl(single.Input, ttl)]),
        _ => node,
    };

    /// <summary>Tells the SELECT's join strategy hints the names a join side goes by: its alias or name, and for an
    /// aliased table or view its own name too.</summary>
    private void SeeJoinSide(TableReference side, Scope? scope)
    {
        if (_joinStrategyHints.Count == 0 || _joinStrategyHints.Peek() is not { } hint) return;
        hint.SeeJoinSide(scope is null ? null : SingleQualifier(scope));
        if (side is NamedTableReference named)
        {
            hint.SeeJoinSide(named.Name.ToString());
            hint.SeeJoinSide(named.Alias?.Value);
        }
    }

    /// <summary>The regular join a FROM clause's JOIN was bound to (under a projection), with a STATE_TTL hint's retention
    /// of the sides it names.</summary>
    private LogicalNode WithJoinStateTtl(LogicalNode node, Scope leftScope, Scope rightScope)
    {
        if (_stateTtlHints.Count == 0 || _stateTtlHints.Peek() is not { } hint) return node;
        var left = hint.For(SingleQualifier(leftScope));
        var right = hint.For(SingleQualifier(rightScope));
        if (left is null && right is null) return node;
        return Apply(node);

        LogicalNode Apply(LogicalNode n) => n switch
        {
            LogicalJoin j => j with { LeftStateTtl = left, RightStateTtl = right },
            SingleInputNode single => single.WithInputs([Apply(single.Input)]),
            _ => n,
        };
    }

    /// <summary>The id pinned by <c>SELECT /*+ OPERATOR_ID('name') */</c>, or null; LOOKUP hints are the lookup joins'
    /// (<see cref="LookupHint"/>), STATE_TTL the joins' and aggregation's (<see cref="StateTtlHint"/>); the join strategy
    /// hints of Flink's batch mode are accepted and have nothing to choose here; other query hints are refused.</summary>
    private static string? PinnedOperatorId(SelectQuery s)
    {
        string? id = null;
        foreach (var hint in s.Hints)
        {
            if (hint.Name.ToUpperInvariant() is "LOOKUP" or "STATE_TTL" || JoinStrategyHint.IsStrategy(hint.Name)) continue;
            if (hint.Name != "OPERATOR_ID")
                throw Unsupported.Feature($"query hint {hint.Name} (OPERATOR_ID, LOOKUP, STATE_TTL and the join strategy hints are supported)", hint.Span);
            if (hint.Arguments.Count != 1 || hint.Options.Count > 0 || string.IsNullOrWhiteSpace(hint.Arguments[0]))
                throw new SqlValidationException("OPERATOR_ID takes one name: /*+ OPERATOR_ID('name') */", hint.Span);
            if (id is not null) throw new SqlValidationException("OPERATOR_ID is given twice in one SELECT", hint.Span);
            id = hint.Arguments[0];
        }
        return id;
    }

    /// <summary>The select list, with a rank function item (<c>ROW_NUMBER() OVER (...)</c>) read from a rank under it.</summary>
    private static LogicalNode BindRankedProjection(SelectQuery s, LogicalNode input, Scope scope, bool batchMode, Func<Expression, ScalarExpr?>? subqueryValues = null)
    {
        if (OverBinder.HasOverAggregate(s))
        {
            var over = new OverBinder(scope, batchMode, subqueryValues);
            var aggregated = over.Bind(s, input);
            return BindProjection(s, aggregated, scope,
                new ExpressionBinder(scope, e => over.Intercept(e) ?? subqueryValues?.Invoke(e), "Aggregate expression is illegal here"));
        }
        var (ranked, substitutes) = RankBinder.BindItems(s, input, scope);
        return BindProjection(s, ranked, scope, new ExpressionBinder(scope, subqueryValues, "Aggregate expression is illegal here"), substitutes);
    }

    private static LogicalNode BindProjection(SelectQuery s, LogicalNode input, Scope scope, ExpressionBinder expressions,
        IReadOnlyDictionary<Expression, ScalarExpr>? substitutes = null)
    {
        var projections = new List<ScalarExpr>();
        var names = new List<string>();
        foreach (var item in s.Items)
        {
            if (item.Expression is StarExpression star)
            {
                foreach (var entry in scope.Entries)
                {
                    if (star.Qualifier is not null && !ReferenceEquals(entry, scope.FindEntry(star.Qualifier, star.Span))) continue;
                    for (int i = 0; i < entry.Schema.Count; i++)
                    {
                        if (star.Qualifier is null && !entry.IsVisible(i)) continue;
                        projections.Add(new InputRef(entry.Offset + i, entry.Schema[i].Type));
                        names.Add(entry.Schema[i].Name);
                    }
                }
                if (scope.Entries.Count == 0) throw new SqlValidationException("SELECT * requires a FROM clause", star.Span);
                continue;
            }
            var bound = substitutes is not null && substitutes.TryGetValue(item.Expression, out var substitute) ? substitute : expressions.Bind(item.Expression);
            projections.Add(bound);
            names.Add(item.Alias?.Value ?? SelectItemName.Derive(item.Expression, scope, projections.Count - 1));
        }
        return LogicalProject.Create(input, projections, Uniquify(names));
    }

    /// <summary>Makes output names unique the way Calcite does: a repeated <c>a</c> becomes <c>a0</c>, <c>a1</c>, ...</summary>
    public static List<string> Uniquify(IReadOnlyList<string> names)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(names.Count);
        foreach (var name in names)
        {
            string candidate = name;
            for (int k = 0; !used.Add(candidate); k++) candidate = name + k;
            result.Add(candidate);
        }
        return result;
    }

    /// <summary>A FROM clause as a plan and the scope its columns are seen through (several entries for a lookup join or
    /// a relation joined with an UNNEST of its collection).</summary>
    private (LogicalNode Node, Scope Scope) BindRelation(TableReference from, CteEnvironment? ctes)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (from is JoinTableReference { Right: NamedTableReference { SystemTimeAsOf: not null } } lookup)
        {
            var (left, leftScope) = BindRelation(lookup.Left, ctes);
            SeeJoinSide(lookup.Left, leftScope);
            SeeJoinSide(lookup.Right, null);
            if (TemporalJoinBinder.IsEventTime((NamedTableReference)lookup.Right, leftScope))
                return TemporalJoinBinder.Bind(lookup, left, leftScope, _catalog, table => BindFrom(table, ctes));
            return new LookupJoinBinder(_catalog, _connectors).Bind(lookup, left, leftScope, _lookupHints.Count > 0 ? _lookupHints.Peek() : []);
        }
        if (from is JoinTableReference { Right: UnnestTableReference unnest } join && IsCorrelation(join))
        {
            // The left side may itself unnest (t CROSS JOIN UNNEST(t.a) CROSS JOIN UNNEST(t.b)): its scope keeps each alias.
            var (left, scope) = BindRelation(join.Left, ctes);
            bool leftOuter = join.Kind == JoinKind.Left;
            var (collection, added) = BindUnnest(unnest, scope, leftOuter);
            var node = new LogicalUnnest(left, collection, unnest.WithOrdinality, new RowSchema(left.Schema.Fields.Concat(added).ToList()), leftOuter);
            scope.Add(unnest.Alias?.Value, new RowSchema(added));
            return (node, scope);
        }
        if (from is JoinTableReference { Right: TableFunctionReference lateral } lateralJoin && LateralTableBinder.Find(lateral) is { IsTableFunction: true } tableFunction)
        {
            var (left, scope) = BindRelation(lateralJoin.Left, ctes);
            return (LateralTableBinder.BindJoin(lateralJoin, lateral, tableFunction, left, scope), scope);
        }
        if (from is JoinTableReference { Right: UnnestTableReference } other && other.Kind is JoinKind.Inner or JoinKind.Left)
            throw new SqlValidationException(
                "A join with UNNEST takes only the condition ON TRUE (CROSS JOIN UNNEST, [INNER] JOIN UNNEST ... ON TRUE or LEFT JOIN UNNEST ... ON TRUE); filter the elements in WHERE",
                other.Condition?.Span ?? other.Span);
        if (from is JoinTableReference { Right: SubqueryTableReference { Lateral: true } } lateralSubquery && IsCorrelation(lateralSubquery))
            return BindRelation(LateralSubquery.Decorrelate(lateralSubquery), ctes);
        if (from is JoinTableReference regular)
        {
            var (left, leftScope) = BindRelation(regular.Left, ctes);
            var (right, rightScope) = BindRelation(regular.Right, ctes);
            var (joined, joinedScope) = JoinBinder.Bind(regular, left, leftScope, right, rightScope);
            SeeJoinSide(regular.Left, leftScope);
            SeeJoinSide(regular.Right, rightScope);
            return (WithJoinStateTtl(joined, leftScope, rightScope), joinedScope);
        }
        var (single, qualifier) = BindFrom(from, ctes);
        return (single, Scope.Of(qualifier, single.Schema));
    }

    /// <summary>The collection UNNEST reads (bound over <paramref name="scope"/>) and the columns it adds, aliased.</summary>
    private static (ScalarExpr Collection, List<Field> Added) BindUnnest(UnnestTableReference unnest, Scope scope, bool leftOuter)
    {
        if (unnest.Arrays.Count != 1) throw Unsupported.Feature("UNNEST of several collections at once", unnest.Span);
        var collection = new ExpressionBinder(scope).Bind(unnest.Arrays[0]);
        if (collection.Type.Kind is not (SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map))
            throw new SqlValidationException($"UNNEST needs an ARRAY, MULTISET or MAP, not a value of type {collection.Type}", unnest.Arrays[0].Span);
        var added = LogicalUnnest.ElementFields(collection.Type, unnest.WithOrdinality, leftOuter).ToList();
        if (unnest.ColumnAliases.Count > 0)
        {
            if (unnest.ColumnAliases.Count != added.Count)
                throw new SqlValidationException(
                    $"UNNEST gives {added.Count} column(s) ({string.Join(", ", added.Select(f => f.Name))}) but {unnest.ColumnAliases.Count} alias(es) are listed", unnest.Span);
            for (int i = 0; i < added.Count; i++) added[i] = new Field(unnest.ColumnAliases[i].Value, added[i].Type);
        }
        else if (unnest.Alias is { } alias && added.Count == 1)
        {
            // Calcite's AliasNamespace: `UNNEST(x) AS t` without a column list names a sole column after the alias
            // (so `CROSS JOIN UNNEST(cities) AS city` selects `city`).
            added[0] = new Field(alias.Value, added[0].Type);
        }
        return (collection, added);
    }

    /// <summary><c>FROM UNNEST(ARRAY[...])</c> on its own: the elements of a collection that reads no table, as a
    /// correlate over one row (Flink's plan: Values, then Correlate) whose placeholder column is projected away.</summary>
    private static LogicalNode BindStandaloneUnnest(UnnestTableReference unnest)
    {
        var one = OneRow();
        var (collection, added) = BindUnnest(unnest, Scope.Empty, leftOuter: false);
        var unnested = new LogicalUnnest(one, collection, unnest.WithOrdinality, new RowSchema(one.Schema.Fields.Concat(added).ToList()));
        var projections = new List<ScalarExpr>(added.Count);
        for (int i = 0; i < added.Count; i++) projections.Add(new InputRef(one.Schema.Count + i, added[i].Type));
        return LogicalProject.Create(unnested, projections, added.Select(f => f.Name).ToList());
    }

    /// <summary>
    /// <c>FROM a, b WHERE ...</c> (or <c>a [INNER] JOIN b ON ... WHERE ...</c>) whose WHERE bounds one side's rowtime by
    /// the other's: an interval join once Flink's optimizer has pushed the WHERE into the inner join, so the join of
    /// <c>a</c> and <c>b</c> on the ON and WHERE conditions, keeping the time attributes of both sides as Flink's
    /// RelTimeIndicatorConverter keeps them for an interval join (a window may follow it, as the sql-training's rides and
    /// fares joined in WHERE under a TUMBLE on the ride's time; a sink refuses two rowtimes). Null for any other FROM or
    /// WHERE (then the WHERE filters the join, whose time attributes are plain timestamps).
    /// </summary>
    private (LogicalNode Node, Scope Scope)? WhereIntervalJoin(SelectQuery s, LogicalNode joined, CteEnvironment? ctes)
    {
        if (s.From is not JoinTableReference { Kind: JoinKind.Cross or JoinKind.Inner, Natural: false, UsingColumns.Count: 0 } join
            || join.Left is JoinTableReference || join.Right is not (NamedTableReference { SystemTimeAsOf: null } or SubqueryTableReference { Lateral: false })
            || s.Where is null || (joined as LogicalJoin ?? (joined as LogicalProject)?.Input as LogicalJoin) is not { JoinType: JoinType.Inner } plainJoin
            || joined.Schema.Fields.Any(f => f.Type.IsTimeAttribute)
            || !plainJoin.Left.Schema.Fields.Any(f => f.Type.IsRowtime) || !plainJoin.Right.Schema.Fields.Any(f => f.Type.IsRowtime))
            return null;
        var (plain, subqueries) = SubqueryBinder.Split(s.Where);
        if (plain is null || subqueries.Count > 0 || SubqueryValueBinder.Find([plain]).Count > 0) return null;
        var condition = join.Condition is null ? plain : new BinaryExpression(BinaryOperator.And, join.Condition, plain, s.Where.Span);
        var interval = BindRelation(join with { Kind = JoinKind.Inner, Condition = condition }, ctes);
        return interval.Node.Schema.Fields.Any(f => f.Type.IsTimeAttribute) ? interval : null;
    }

    /// <summary><c>CROSS JOIN UNNEST</c>, <c>, UNNEST</c> and <c>[INNER | LEFT [OUTER]] JOIN UNNEST ... ON TRUE</c> (Flink's forms).</summary>
    private static bool IsCorrelation(JoinTableReference join) =>
        !join.Natural && join.UsingColumns.Count == 0
        && (join.Kind == JoinKind.Cross
            || join.Kind is JoinKind.Inner or JoinKind.Left
               && join.Condition is LiteralExpression { Kind: LiteralKind.Boolean } c && string.Equals(c.Text, "TRUE", StringComparison.OrdinalIgnoreCase));

    private (LogicalNode Node, string? Qualifier) BindFrom(TableReference from, CteEnvironment? ctes)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (from)
        {
            case NamedTableReference named:
            {
                if (named.SystemTimeAsOf is not null) throw Unsupported.Stateful("FOR SYSTEM_TIME AS OF", "temporal and lookup join support", named.SystemTimeAsOf.Span);
                var node = named.Hints.Count > 0 ? BindHintedTable(named) : BindNamedTable(named.Name, ctes);
                node = Rename(node, named.ColumnAliases, named.Span);
                return (node, named.Alias?.Value ?? named.Name.Last);
            }
            case SubqueryTableReference sub:
            {
                var node = Rename(Bind(sub.Query, ctes), sub.ColumnAliases, sub.Span);
                // Calcite's AliasNamespace: `(VALUES ...) AS t` without a column list names a sole column after the alias.
                if (sub.ColumnAliases.Count == 0 && sub.Alias is { } alias && sub.Query is ValuesQuery && node.Schema.Count == 1)
                    node = RenameTo(node, [alias.Value], sub.Span);
                return (node, sub.Alias?.Value);
            }
            case JoinTableReference join:
                throw Unsupported.Stateful(join.Kind == JoinKind.Cross ? "CROSS JOIN" : $"{join.Kind.ToString().ToUpperInvariant()} JOIN", "join support", join.Span);
            case TableFunctionReference tf:
            {
                if (LateralTableBinder.Find(tf) is { } user)
                {
                    if (!user.IsTableFunction)
                        throw new SqlValidationException($"'{user.Name}' is a scalar function; TABLE(...) calls a table function (a class deriving from TableFunction<T>)", tf.Call.Span);
                    return (LateralTableBinder.BindStandalone(tf, user, OneRow()), tf.Alias?.Value);
                }
                string name = tf.Call.Name.Last.ToUpperInvariant();
                if (!WindowTableFunctionBinder.IsWindowFunction(name) || tf.Lateral) throw Unsupported.Feature($"table function {name}", tf.Span);
                var node = Rename(WindowTableFunctionBinder.Bind(tf, table => BindFrom(table, ctes), _batchMode), tf.ColumnAliases, tf.Span);
                return (node, tf.Alias?.Value);
            }
            case UnnestTableReference u:
                return (BindStandaloneUnnest(u), u.Alias?.Value);
            case MatchRecognizeTableReference m:
            {
                var (source, qualifier) = BindFrom(m.Source, ctes);
                var node = Rename(MatchRecognizeBinder.Bind(m, source, qualifier), m.ColumnAliases, m.Span);
                return (node, m.Alias?.Value);
            }
            default:
                throw Unsupported.Feature(from.GetType().Name, from.Span);
        }
    }

    /// <summary>A CTE, view or table by name, as a plan.</summary>
    private LogicalNode BindNamedTable(ObjectName name, CteEnvironment? ctes)
    {
        if (name.Parts.Count == 1)
        {
            for (var env = ctes; env is not null; env = env.Parent)
            {
                if (!string.Equals(env.Cte.Name.Value, name.Last, StringComparison.Ordinal)) continue;
                var node = Bind(env.Cte.Query, env.Definition);
                return Rename(node, env.Cte.ColumnNames, env.Cte.Span);
            }
        }
        string tableName = ObjectNames.Resolve(name, _catalog);
        if (_catalog.FindTable(tableName) is { } table)
        {
            CheckRead(table, name.Span);
            return TableScanExpansion.Expand(table);
        }
        if (_catalog.FindView(tableName) is { } view) return BindView(view, name.Span);
        var candidates = _catalog.AllNames().ToList();
        for (var env = ctes; env is not null; env = env.Parent) candidates.Add(env.Cte.Name.Value);
        throw new SqlValidationException($"Object '{tableName}' not found{NameSuggestion.Hint(tableName, candidates)}", name.Span);
    }

    /// <summary><c>t /*+ OPTIONS('k'='v') */</c>: the table with its options overridden for this query, re-validated.</summary>
    private LogicalNode BindHintedTable(NamedTableReference named)
    {
        string tableName = ObjectNames.Resolve(named.Name, _catalog);
        var table = _catalog.FindTable(tableName);
        if (table is null)
        {
            // Flink's words (SqlCatalogViewTable); a name that is neither table nor view fails as in an unhinted scan.
            if (_catalog.FindView(tableName) is not null)
                throw new SqlValidationException(
                    $"View '{ObjectNames.QuotedFullName(tableName)}' cannot be enriched with new options. Hints can only be applied to tables.", named.Name.Span);
            throw new SqlValidationException($"Object '{tableName}' not found{NameSuggestion.Hint(tableName, _catalog.AllNames())}", named.Name.Span);
        }
        var hinted = OptionsHint.Apply(table, named.Hints);
        CheckRead(hinted, named.Name.Span);
        return TableScanExpansion.Expand(hinted);
    }

    /// <summary>A scan creates the table's source: its options are checked now, not at CREATE TABLE (as Flink).</summary>
    private void CheckRead(CatalogTable table, SourceSpan reference)
    {
        if (_connectors is not null) new ConnectorOptionValidator(_connectors).CheckUse(table, TableAccess.Read, reference);
    }

    private LogicalNode BindView(CatalogView view, SourceSpan referenceSpan)
    {
        LogicalNode node;
        try
        {
            // A view's spans point into the script that created it; errors are reported at the reference instead.
            using var definedIn = _catalog.ResolveIn(view.DefinedIn);
            node = new QueryBinder(_catalog, _connectors, _batchMode).Bind(view.Query);
        }
        catch (SqlValidationException e)
        {
            throw new SqlValidationException($"View '{view.Name}' can no longer be used: {e.Problem}", referenceSpan);
        }
        var names = view.ColumnNames.Count > 0 ? view.ColumnNames : view.Schema.Fields.Select(f => f.Name).ToList();
        return RenameTo(node, names, referenceSpan);
    }

    private static LogicalNode Rename(LogicalNode node, IReadOnlyList<Identifier> aliases, SourceSpan span) =>
        aliases.Count == 0 ? node : RenameTo(node, aliases.Select(a => a.Value).ToList(), span);

    private static LogicalNode RenameTo(LogicalNode node, IReadOnlyList<string> names, SourceSpan span)
    {
        if (names.Count != node.Schema.Count)
            throw new SqlValidationException($"List of column aliases must have same degree as table; table has {node.Schema.Count} columns, whereas alias list has {names.Count} columns", span);
        bool same = true;
        for (int i = 0; i < names.Count; i++) same &= names[i] == node.Schema[i].Name;
        if (same) return node;
        var projections = new List<ScalarExpr>();
        for (int i = 0; i < names.Count; i++) projections.Add(new InputRef(i, node.Schema[i].Type));
        return LogicalProject.Create(node, projections, names);
    }

    private LogicalNode BindSetOperation(SetOperationQuery s, CteEnvironment? ctes)
    {
        if (s.Operator != SetOperator.Union) return BindIntersectOrExcept(s, ctes);
        if (!s.All)
        {
            // UNION: UNION ALL of both sides, then an aggregation grouped by every column (Flink's plan for it).
            var union = MakeUnion([Bind(s.Left, ctes), Bind(s.Right, ctes)], [s.Left.Span, s.Right.Span], s.Span, "UNION");
            var keys = Enumerable.Range(0, union.Schema.Count).ToList();
            var none = Array.Empty<Physical.AggregateCall>();
            return new LogicalAggregate(union, keys, null, none, LogicalAggregate.SchemaOf(union, keys, null, none));
        }
        var branches = new List<LogicalNode>();
        var spans = new List<SourceSpan>();
        void Collect(Query q)
        {
            if (q is SetOperationQuery { Operator: SetOperator.Union, All: true } inner) { Collect(inner.Left); Collect(inner.Right); }
            else { branches.Add(Bind(q, ctes)); spans.Add(q.Span); }
        }
        Collect(s.Left);
        Collect(s.Right);
        return MakeUnion(branches, spans, s.Span);
    }

    /// <summary>INTERSECT / EXCEPT as Flink's planner rewrites them: a semi (anti) join of the left rows with the right
    /// ones on all columns, NULL matching NULL, then an aggregation grouped by every column (distinct rows).</summary>
    private LogicalNode BindIntersectOrExcept(SetOperationQuery s, CteEnvironment? ctes)
    {
        string name = s.Operator.ToString().ToUpperInvariant() + (s.All ? " ALL" : "");
        var both = (LogicalUnion)MakeUnion([Bind(s.Left, ctes), Bind(s.Right, ctes)], [s.Left.Span, s.Right.Span], s.Span, name);
        if (s.All) return SetOperationAll.Bind(both, s.Operator == SetOperator.Intersect, s.Span);
        var (left, right) = (both.Branches[0], both.Branches[1]);
        var keys = Enumerable.Range(0, left.Schema.Count).ToList();
        var type = s.Operator == SetOperator.Intersect ? JoinType.Semi : JoinType.Anti;
        var join = new LogicalJoin(left, right, type, keys, keys, null, LogicalJoin.SchemaOf(left.Schema, right.Schema, type), s.Span) { NullSafeKeys = true };
        var none = Array.Empty<Physical.AggregateCall>();
        return new LogicalAggregate(join, keys, null, none, LogicalAggregate.SchemaOf(join, keys, null, none));
    }

    private static LogicalNode MakeUnion(List<LogicalNode> branches, List<SourceSpan> spans, SourceSpan span, string name = "UNION ALL")
    {
        int width = branches[0].Schema.Count;
        for (int b = 1; b < branches.Count; b++)
            if (branches[b].Schema.Count != width)
                throw new SqlValidationException($"Column count mismatch in {name}: the first input has {width} columns, input {b + 1} has {branches[b].Schema.Count}", spans[b]);
        var fields = new List<Field>();
        for (int i = 0; i < width; i++)
        {
            var types = branches.Select(b => b.Schema[i].Type).ToList();
            SqlType common;
            if (types.All(t => t.Equals(types[0]))) common = types[0];
            else
            {
                var plain = types.Select(t => t.WithoutTimeAttribute()).ToList();
                common = plain.All(t => t.Equals(plain[0])) ? plain[0] : BuiltInFunctions.LeastRestrictive(plain)
                    ?? throw new SqlValidationException(
                        $"Type mismatch in {name} column {i + 1} ('{branches[0].Schema[i].Name}'): {string.Join(", ", plain.Distinct())} have no common type", span);
            }
            fields.Add(new Field(branches[0].Schema[i].Name, common));
        }
        var schema = new RowSchema(fields);
        for (int b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            bool needsCast = false;
            var projections = new List<ScalarExpr>();
            for (int i = 0; i < width; i++)
            {
                var input = new InputRef(i, branch.Schema[i].Type);
                var coerced = ExpressionBinder.Coerce(input, fields[i].Type);
                needsCast |= !ReferenceEquals(coerced, input) || branch.Schema[i].Name != fields[i].Name;
                projections.Add(coerced);
            }
            if (needsCast) branches[b] = new LogicalProject(branch, projections, new RowSchema(fields.Select((f, i) => new Field(f.Name, projections[i].Type)).ToList()));
        }
        return new LogicalUnion(branches, schema);
    }

    private LogicalNode BindValues(ValuesQuery values)
    {
        var binder = new ExpressionBinder(Scope.Empty);
        var rows = new List<List<ScalarExpr>>();
        int width = values.Rows[0].Count;
        foreach (var row in values.Rows)
        {
            if (row.Count != width)
                throw new SqlValidationException($"All rows of VALUES must have the same number of columns ({width})", row.Count > 0 ? row[0].Span : values.Span);
            rows.Add(row.Select(binder.Bind).ToList());
        }
        var fields = new List<Field>();
        for (int i = 0; i < width; i++)
        {
            var types = rows.Select(r => r[i].Type.WithoutTimeAttribute()).ToList();
            var common = types.All(t => t.Equals(types[0])) ? types[0] : BuiltInFunctions.LeastRestrictive(types)
                ?? throw new SqlValidationException($"VALUES column {i + 1} has no common type for {string.Join(", ", types.Distinct())}", values.Span);
            fields.Add(new Field($"EXPR${i}", common));
        }
        var schema = new RowSchema(fields);

        var literalRows = new List<IReadOnlyList<Literal>>();
        foreach (var row in rows)
        {
            var literals = new List<Literal>();
            for (int i = 0; i < width && row[i] is Literal l && LiteralConversion.To(l, fields[i].Type) is { } converted; i++) literals.Add(converted);
            if (literals.Count == width) literalRows.Add(literals);
        }
        if (literalRows.Count == rows.Count) return new LogicalValues(literalRows, schema);

        // Rows with expressions: each row is a projection over the one-row VALUES, and the rows are unioned (as Flink
        // does); constant folding turns them back into plain VALUES when it can evaluate them.
        var branches = new List<LogicalNode>();
        foreach (var row in rows)
        {
            var projections = row.Select((e, i) => ExpressionBinder.Coerce(e, fields[i].Type)).ToList();
            branches.Add(LogicalProject.Create(OneRow(), projections, fields.Select(f => f.Name).ToList()));
        }
        return branches.Count == 1 ? branches[0] : MakeUnion(branches, values.Rows.Select(r => r[0].Span).ToList(), values.Span);
    }

    private static LogicalValues OneRow()
    {
        var zero = new RowSchema(new[] { new Field("ZERO", SqlType.Int.AsNotNull()) });
        return new LogicalValues(new[] { (IReadOnlyList<Literal>)new[] { new Literal(0L, SqlType.Int.AsNotNull()) } }, zero);
    }
}
