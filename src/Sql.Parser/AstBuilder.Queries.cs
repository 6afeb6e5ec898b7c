using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using StreamSql.Sql.Parser.Ast;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>Queries: WITH, set operations, SELECT blocks, FROM clauses, hints.</summary>
internal sealed partial class AstBuilder
{
    /// <summary>Named windows (<c>WINDOW w AS (...)</c>) of the SELECT blocks being built, innermost last.</summary>
    private readonly List<Dictionary<string, WindowSpecification>> _windowScopes = [];

    private Query BuildQuery(P.QueryContext c)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var body = BuildQueryNoWith(c.queryNoWith());
        var ctes = c.commonTableExpression();
        if (ctes.Length == 0) return body;
        return new WithQuery(Array.ConvertAll(ctes, cte => new CommonTableExpression(
            Ident(cte.identifier()), Identifiers(cte.identifierList()), BuildQuery(cte.query()), Span(cte))), body, Span(c));
    }

    private Query BuildQueryNoWith(P.QueryNoWithContext c)
    {
        var term = BuildQueryTerm(c.queryTerm());
        var sortItems = c.sortItem();
        bool hasFetch = c.FETCH() is not null;
        if (sortItems.Length == 0 && c.LIMIT() is null && c.OFFSET() is null && !hasFetch) return term;

        Expression? limit = c.limit is null ? null : BuildExpression(c.limit);
        if (hasFetch)
        {
            if (c.LIMIT() is not null) throw Error("LIMIT and FETCH cannot be used together", Span(c.FETCH()));
            // FETCH FIRST ROW ONLY means one row.
            limit = c.fetch is null ? new LiteralExpression(LiteralKind.Integer, "1", Span(c.FETCH())) : BuildExpression(c.fetch);
        }
        return new OrderedQuery(term, Array.ConvertAll(sortItems, BuildOrderItem), limit,
            c.offset is null ? null : BuildExpression(c.offset), Span(c));
    }

    private Query BuildQueryTerm(P.QueryTermContext context) => context switch
    {
        P.QueryTermPrimaryContext c => BuildQueryPrimary(c.queryPrimary()),
        P.SetOperationContext c => BuildSetOperationChain(c),
        _ => throw Unsupported(context, "this query"),
    };

    private static (SetOperator Operator, bool All) SetOperatorOf(P.SetOperationContext c) => (
        c.@operator is null ? SetOperator.Intersect : c.@operator.Type == P.UNION ? SetOperator.Union : SetOperator.Except,
        c.setQuantifier()?.ALL() is not null);

    /// <summary>
    /// <c>q1 UNION ALL q2 UNION ALL q3 ...</c> as a balanced tree, for the reason <see cref="BuildLogicalChain"/> gives: a run of
    /// one set operator with one quantifier is associative (bags or sets alike), so only where the operator or quantifier
    /// changes (EXCEPT, or UNION after UNION ALL) does the left-to-right nesting stay as written.
    /// </summary>
    private Query BuildSetOperationChain(P.SetOperationContext chain)
    {
        var kind = SetOperatorOf(chain);
        var operands = new List<P.QueryTermContext>();
        P.QueryTermContext node = chain;
        while (node is P.SetOperationContext set && SetOperatorOf(set) == kind)
        {
            operands.Add(set.right);
            node = set.left;
        }
        operands.Add(node);
        operands.Reverse();
        var built = operands.ConvertAll(BuildQueryTerm);
        if (kind.Operator == SetOperator.Except)
        {
            // EXCEPT is not associative: nest it as written, left to right, without recursion.
            var result = built[0];
            for (int i = 1; i < built.Count; i++)
                result = new SetOperationQuery(kind.Operator, kind.All, result, built[i], Join(Span(operands[0]), Span(operands[i])));
            return result;
        }
        return Balanced(built, operands, 0, built.Count, (l, r, span) => new SetOperationQuery(kind.Operator, kind.All, l, r, span));
    }

    private Query BuildQueryPrimary(P.QueryPrimaryContext context) => context switch
    {
        P.SelectPrimaryContext c => BuildSelect(c.querySpecification()),
        P.ValuesPrimaryContext c => new ValuesQuery(Array.ConvertAll(c.valuesRow(), BuildValuesRow), Span(c)),
        P.ParenthesizedQueryContext c => BuildQuery(c.query()),
        _ => throw Unsupported(context, "this query"),
    };

    private IReadOnlyList<Expression> BuildValuesRow(P.ValuesRowContext c)
    {
        if (c.LPAREN() is not null) return BuildExpressions(c.expression());
        var single = BuildExpression(c.expression(0));
        // VALUES ROW(1, 2) or VALUES (1, 2) written through the expression path is a row, not a one-column value.
        return single is ConstructorExpression { Kind: "ROW" } row ? row.Items : [single];
    }

    private SelectQuery BuildSelect(P.QuerySpecificationContext c)
    {
        var windows = new Dictionary<string, WindowSpecification>(StringComparer.OrdinalIgnoreCase);
        var namedWindows = new List<NamedWindow>();
        _windowScopes.Add(windows);
        try
        {
            foreach (var w in c.namedWindow())
            {
                var name = Ident(w.identifier());
                var specification = BuildWindowSpecification(w.windowSpecification());
                if (!windows.TryAdd(name.Value, specification)) throw Error($"window '{name.Value}' is defined twice", name.Span);
                namedWindows.Add(new NamedWindow(name, specification, Span(w)));
            }

            var items = Array.ConvertAll(c.selectItem(), BuildSelectItem);
            TableReference? from = null;
            foreach (var relation in c.relation())
            {
                var right = BuildRelation(relation);
                from = from is null ? right : new JoinTableReference(JoinKind.Cross, from, right, null, [], false, Join(from.Span, right.Span));
            }
            return new SelectQuery(
                c.setQuantifier()?.DISTINCT() is not null,
                items,
                from,
                c.where is null ? null : BuildExpression(c.where),
                BuildGroupBy(c),
                c.having is null ? null : BuildExpression(c.having),
                namedWindows,
                Span(c))
            {
                Hints = c.hintList() is { } hints ? Hints(hints) : [],
            };
        }
        finally
        {
            _windowScopes.RemoveAt(_windowScopes.Count - 1);
        }
    }

    private SelectItem BuildSelectItem(P.SelectItemContext context) => context switch
    {
        P.SelectAllContext c => new SelectItem(new StarExpression(null, Span(c)), null, Span(c)),
        P.SelectQualifiedAllContext c => new SelectItem(new StarExpression(Name(c.qualifiedName()).ToString(), Span(c)), null, Span(c)),
        P.SelectSingleContext c => new SelectItem(BuildExpression(c.expression()), c.identifier() is { } alias ? Ident(alias) : null, Span(c)),
        _ => throw Unsupported(context, "this select item"),
    };

    private GroupByClause? BuildGroupBy(P.QuerySpecificationContext c)
    {
        var elements = c.groupingElement();
        if (elements.Length == 0) return null;
        var expressions = new List<Expression>();
        var groupingElements = new List<GroupingElement>();
        foreach (var element in elements)
        {
            switch (element)
            {
                case P.SingleGroupingSetContext single:
                    expressions.Add(BuildExpression(single.expression()));
                    break;
                case P.EmptyGroupingSetContext empty:
                    groupingElements.Add(new GroupingElement(GroupingKind.Sets, [Array.Empty<Expression>()], Span(empty)));
                    break;
                case P.GroupingSetsContext sets:
                    groupingElements.Add(new GroupingElement(GroupingKind.Sets, Array.ConvertAll(sets.groupingSet(), BuildGroupingSet), Span(sets)));
                    break;
                case P.RollupContext rollup:
                    groupingElements.Add(new GroupingElement(GroupingKind.Rollup, Array.ConvertAll(rollup.groupingSet(), BuildGroupingSet), Span(rollup)));
                    break;
                case P.CubeContext cube:
                    groupingElements.Add(new GroupingElement(GroupingKind.Cube, Array.ConvertAll(cube.groupingSet(), BuildGroupingSet), Span(cube)));
                    break;
            }
        }
        return new GroupByClause(expressions, groupingElements, Join(Span(c.GROUP()), Span(elements[^1])));
    }

    private IReadOnlyList<Expression> BuildGroupingSet(P.GroupingSetContext c) => BuildExpressions(c.expression());

    private OrderItem BuildOrderItem(P.SortItemContext c) => new(
        BuildExpression(c.expression()),
        c.ordering?.Type == P.DESC,
        c.nullOrdering is null ? null : c.nullOrdering.Type == P.FIRST,
        Span(c));

    // ------------------------------------------------------------------ FROM

    private TableReference BuildRelation(P.RelationContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (context)
        {
            case P.RelationDefaultContext c:
                return BuildRelationPrimary(c.relationPrimary());
            case P.CrossJoinContext c:
                return new JoinTableReference(JoinKind.Cross, BuildRelation(c.left), BuildRelationPrimary(c.right), null, [], false, Span(c));
            case P.NaturalJoinContext c:
                return new JoinTableReference(JoinKindOf(c.joinType()), BuildRelation(c.left), BuildRelationPrimary(c.right), null, [], true, Span(c));
            case P.JoinRelationContext c:
                var criteria = c.joinCriteria();
                return new JoinTableReference(
                    JoinKindOf(c.joinType()), BuildRelation(c.left), BuildRelationPrimary(c.right),
                    criteria?.expression() is { } on ? BuildExpression(on) : null,
                    criteria?.identifierList() is { } usingColumns ? Identifiers(usingColumns) : [],
                    false, Span(c));
            default:
                throw Unsupported(context, "this FROM item");
        }
    }

    private static JoinKind JoinKindOf(P.JoinTypeContext c)
    {
        if (c.LEFT() is not null) return JoinKind.Left;
        if (c.RIGHT() is not null) return JoinKind.Right;
        if (c.FULL() is not null) return JoinKind.Full;
        return JoinKind.Inner;
    }

    private TableReference BuildRelationPrimary(P.RelationPrimaryContext context)
    {
        switch (context)
        {
            case P.TableNameContext c:
            {
                var (alias, columns) = Alias(c.tableAlias());
                return new NamedTableReference(
                    Name(c.qualifiedName()), alias, columns,
                    c.valueExpression() is { } asOf ? BuildValue(asOf) : null,
                    c.tableHints() is { } hints ? Hints(hints.hintList()) : [],
                    Span(c));
            }
            case P.TableFunctionContext c:
            {
                var (alias, columns) = Alias(c.tableAlias());
                return new TableFunctionReference(BuildFunctionCall(c.functionCall()), c.LATERAL() is not null, alias, columns, Span(c));
            }
            case P.SubqueryRelationContext c:
            {
                var (alias, columns) = Alias(c.tableAlias());
                return new SubqueryTableReference(BuildQuery(c.query()), alias, columns, Span(c)) { Lateral = c.LATERAL() is not null };
            }
            case P.UnnestContext c:
            {
                var (alias, columns) = Alias(c.tableAlias());
                return new UnnestTableReference(BuildExpressions(c.expression()), c.ORDINALITY() is not null, alias, columns, Span(c));
            }
            case P.ParenthesizedRelationContext c:
                return BuildRelation(c.relation());
            case P.MatchRecognizeTableContext c:
            {
                var (alias, columns) = Alias(c.tableAlias());
                var source = new NamedTableReference(Name(c.qualifiedName()), null, [], null, [], Span(c.qualifiedName()));
                return new MatchRecognizeTableReference(source, BuildMatchRecognize(c.matchRecognize()), alias, columns, Span(c));
            }
            case P.MatchRecognizeSubqueryContext c:
            {
                var (alias, columns) = Alias(c.tableAlias());
                var source = new SubqueryTableReference(BuildQuery(c.query()), null, [], Span(c.query()));
                return new MatchRecognizeTableReference(source, BuildMatchRecognize(c.matchRecognize()), alias, columns, Span(c));
            }
            default:
                throw Unsupported(context, "this FROM item");
        }
    }

    private (Identifier? Alias, IReadOnlyList<Identifier> Columns) Alias(P.TableAliasContext? c)
        => c is null ? (null, []) : (Ident(c.identifier()), Identifiers(c.identifierList()));

    private IReadOnlyList<TableHint> Hints(P.HintListContext c) => Array.ConvertAll(c.hint(), BuildHint);

    private TableHint BuildHint(P.HintContext c)
    {
        var options = new List<KeyValuePair<string, string>>();
        foreach (var option in c.hintOption())
            options.Add(KeyValuePair.Create(OptionKey(option.optionKey()), OptionValue(option.optionValue())));
        var arguments = new List<string>();
        foreach (var argument in c.hintArgument())
            arguments.Add(argument.STRING() is { } s ? Unquote(s.Symbol)
                : argument.INTEGER_VALUE() is { } n ? n.GetText()
                : string.Join('.', Array.ConvertAll(argument.identifier(), i => Ident(i).Value)));
        return new TableHint(Ident(c.identifier()).Value.ToUpperInvariant(), options, arguments, Span(c));
    }

    private Expression[] BuildExpressions(P.ExpressionContext[] expressions) => Array.ConvertAll(expressions, BuildExpression);
}
