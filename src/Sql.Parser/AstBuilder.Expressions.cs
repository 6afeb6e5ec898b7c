using System.Runtime.CompilerServices;
using Antlr4.Runtime;
using StreamSql.Sql.Parser.Ast;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>Scalar expressions, literals, intervals, function calls and window specifications.</summary>
internal sealed partial class AstBuilder
{
    public Expression BuildExpression(P.ExpressionContext c) => BuildBoolean(c.booleanExpression());

    private Expression BuildBoolean(P.BooleanExpressionContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (context)
        {
            case P.LogicalNotContext c:
                var operand = BuildBoolean(c.booleanExpression());
                // NOT EXISTS (...) is one predicate.
                if (operand is ExistsExpression { Negated: false } exists) return exists with { Negated = true, Span = Span(c) };
                return new UnaryExpression(UnaryOperator.Not, operand, Span(c));
            case P.PredicatedContext c:
                var value = BuildValue(c.valueExpression());
                foreach (var predicate in c.predicate())
                    value = ApplyPredicate(value, predicate, Join(value.Span, Span(predicate)));
                return value;
            case P.LogicalAndContext or P.LogicalOrContext:
                return BuildLogicalChain(context);
            default:
                throw Unsupported(context, "this expression");
        }
    }

    /// <summary>
    /// <c>a OR b OR c ...</c> (or AND) as a balanced tree: the parser nests a chain one level deeper per operator, and
    /// generated SQL writes thousands of terms; AND and OR are associative, so a balanced tree means the same, keeps the
    /// terms' order (the runtime still evaluates left to right) and is only log2(n) deep for every later stage.
    /// </summary>
    private Expression BuildLogicalChain(P.BooleanExpressionContext chain)
    {
        var type = chain.GetType();
        var operands = new List<P.BooleanExpressionContext>();
        var node = chain;
        while (node.GetType() == type)
        {
            var (left, right) = node is P.LogicalAndContext and ? (and.left, and.right) : (((P.LogicalOrContext)node).left, ((P.LogicalOrContext)node).right);
            operands.Add(right);
            node = left;
        }
        operands.Add(node);
        operands.Reverse();
        var built = operands.ConvertAll(BuildBoolean);
        var op = type == typeof(P.LogicalAndContext) ? BinaryOperator.And : BinaryOperator.Or;
        return Balanced(built, operands, 0, built.Count, (l, r, span) => new BinaryExpression(op, l, r, span));
    }

    /// <summary>Combines <c>items[start..end)</c> into a balanced binary tree, the larger half on the left (so two or three
    /// items nest exactly as the parser would nest them).</summary>
    private T Balanced<T, TContext>(List<T> items, List<TContext> contexts, int start, int end, Func<T, T, SourceSpan, T> combine)
        where TContext : ParserRuleContext
    {
        int count = end - start;
        if (count == 1) return items[start];
        int middle = start + (count + 1) / 2;
        var left = Balanced(items, contexts, start, middle, combine);
        var right = Balanced(items, contexts, middle, end, combine);
        return combine(left, right, Join(Span(contexts[start]), Span(contexts[end - 1])));
    }

    private Expression ApplyPredicate(Expression value, P.PredicateContext context, SourceSpan span)
    {
        switch (context)
        {
            case P.ComparisonContext c:
                return new BinaryExpression(ComparisonOperator(c.comparisonOperator().Start), value, BuildValue(c.right), span);
            case P.BetweenContext c:
                return new BetweenExpression(value, BuildValue(c.lower), BuildValue(c.upper), c.NOT() is not null, c.SYMMETRIC() is not null, span);
            case P.InSubqueryContext c:
                return new InSubqueryExpression(value, BuildQuery(c.query()), c.NOT() is not null, span);
            case P.InListContext c:
                return new InListExpression(value, BuildExpressions(c.expression()), c.NOT() is not null, span);
            case P.LikeContext c:
                return new LikeExpression(value, BuildValue(c.pattern), c.escape is null ? null : BuildValue(c.escape), c.NOT() is not null, false, span);
            case P.SimilarToContext c:
                return new LikeExpression(value, BuildValue(c.pattern), c.escape is null ? null : BuildValue(c.escape), c.NOT() is not null, true, span);
            case P.IsNullContext c:
                return new IsExpression(value, IsPredicate.Null, c.NOT() is not null, span);
            case P.IsTruthContext c:
                var truth = c.truth.Type switch { P.TRUE => IsPredicate.True, P.FALSE => IsPredicate.False, _ => IsPredicate.Unknown };
                return new IsExpression(value, truth, c.NOT() is not null, span);
            case P.IsJsonContext c:
            {
                string kind = c.kind?.Text.ToUpperInvariant() ?? "VALUE";
                var test = new FunctionCall(new ObjectName(["IS JSON " + kind], span), [value], false, null, null, span);
                return c.NOT() is null ? test : new UnaryExpression(UnaryOperator.Not, test, span);
            }
            case P.DistinctFromContext c:
                return new BinaryExpression(c.NOT() is null ? BinaryOperator.IsDistinctFrom : BinaryOperator.IsNotDistinctFrom, value, BuildValue(c.right), span);
            case P.OverlapsContext c:
            {
                // (s1, e1) OVERLAPS (s2, e2) → OVERLAPS(s1, e1, s2, e2); each end may be an interval after its start.
                var right = BuildValue(c.right);
                if (value is not ConstructorExpression { Kind: "ROW", Items.Count: 2 } left || right is not ConstructorExpression { Kind: "ROW", Items.Count: 2 } other)
                    throw Error("OVERLAPS takes a period on each side: (start, end) or (start, interval)", span);
                return new FunctionCall(new ObjectName(["OVERLAPS"], Span(c.OVERLAPS())), [left.Items[0], left.Items[1], other.Items[0], other.Items[1]],
                    false, null, null, span);
            }
            default:
                throw Unsupported(context, "this predicate");
        }
    }

    private static BinaryOperator ComparisonOperator(IToken token) => token.Type switch
    {
        P.EQ => BinaryOperator.Equal,
        P.NEQ => BinaryOperator.NotEqual,
        P.LT => BinaryOperator.Less,
        P.LTE => BinaryOperator.LessOrEqual,
        P.GT => BinaryOperator.Greater,
        _ => BinaryOperator.GreaterOrEqual,
    };

    private Expression BuildValue(P.ValueExpressionContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (context)
        {
            case P.ValuePrimaryContext c:
                return BuildPrimary(c.primaryExpression());
            case P.UnaryArithmeticContext c:
                return new UnaryExpression(c.@operator.Type == P.MINUS ? UnaryOperator.Negate : UnaryOperator.Plus, BuildValue(c.valueExpression()), Span(c));
            case P.MultiplicativeContext c:
                var multiplicative = c.@operator.Type switch
                {
                    P.ASTERISK => BinaryOperator.Multiply,
                    P.SLASH => BinaryOperator.Divide,
                    P.PERCENT => BinaryOperator.Modulo,
                    _ => BinaryOperator.Concat,
                };
                return new BinaryExpression(multiplicative, BuildValue(c.left), BuildValue(c.right), Span(c));
            case P.AdditiveContext c:
                return new BinaryExpression(c.@operator.Type == P.PLUS ? BinaryOperator.Add : BinaryOperator.Subtract, BuildValue(c.left), BuildValue(c.right), Span(c));
            default:
                throw Unsupported(context, "this expression");
        }
    }

    private Expression BuildPrimary(P.PrimaryExpressionContext context)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var span = Span(context);
        switch (context)
        {
            case P.LiteralExpressionContext c:
                return BuildLiteral(c.literal());
            case P.IntervalExpressionContext c:
                return BuildInterval(c.interval());
            case P.SimpleCaseContext c:
                return new CaseExpression(BuildExpression(c.operand), Array.ConvertAll(c.whenClause(), BuildWhen),
                    c.elseExpression is null ? null : BuildExpression(c.elseExpression), span);
            case P.SearchedCaseContext c:
                foreach (var when in c.whenClause())
                    if (when._conditions.Count > 1)
                        throw Error("a WHEN with several values needs a CASE operand (CASE x WHEN 1, 2 THEN ...); write the conditions with OR here",
                            Span(when._conditions[1]));
                return new CaseExpression(null, Array.ConvertAll(c.whenClause(), BuildWhen),
                    c.elseExpression is null ? null : BuildExpression(c.elseExpression), span);
            case P.CastContext c:
                return new CastExpression(BuildExpression(c.expression()), BuildDataType(c.dataType()), c.TRY_CAST() is not null, span);
            case P.ExtractContext c:
                return new ExtractExpression(c.timeUnit() is { } timeUnit ? Unit(timeUnit.Start) : ExtractField(c.field), BuildExpression(c.expression()), span);
            case P.TrimWithSideContext c:
            {
                var side = new LiteralExpression(LiteralKind.String, c.trimSide.Text.ToUpperInvariant(), Span(c.trimSide));
                var chars = c.chars is null ? new LiteralExpression(LiteralKind.String, " ", Span(c.trimSide)) : BuildExpression(c.chars);
                return Call("TRIM", c.TRIM(), [side, chars, BuildExpression(c.source)], span);
            }
            case P.TrimCharsContext c:
            {
                var side = new LiteralExpression(LiteralKind.String, "BOTH", Span(c.TRIM()));
                var chars = c.chars is null ? new LiteralExpression(LiteralKind.String, " ", Span(c.TRIM())) : BuildExpression(c.chars);
                return Call("TRIM", c.TRIM(), [side, chars, BuildExpression(c.source)], span);
            }
            case P.SubstringContext c:
                return Call("SUBSTRING", c.SUBSTRING(), BuildExpressions(c.expression()), span);
            case P.PositionContext c:
                return Call("POSITION", c.POSITION(), [BuildValue(c.valueExpression()), BuildExpression(c.expression())], span);
            case P.OverlayContext c:
                return Call("OVERLAY", c.OVERLAY(), BuildExpressions(c.expression()), span);
            case P.JsonValueContext c:
            {
                // JSON_VALUE(json, path, onEmpty, onEmptyDefault, onError, onErrorDefault): the behaviours as literals
                // 'NULL' | 'ERROR' | 'DEFAULT' and their DEFAULT values (NULL otherwise).
                var arguments = new List<Expression> { BuildExpression(c.expression(0)), BuildExpression(c.expression(1)) };
                AddJsonValueBehavior(arguments, c.onEmpty, span);
                AddJsonValueBehavior(arguments, c.onError, span);
                var call = Call("JSON_VALUE", c.JSON_VALUE(), arguments, span);
                // RETURNING converts the text; a value that does not convert is an error: it fails the job under ERROR ON
                // ERROR, gives the DEFAULT value under DEFAULT ... ON ERROR (only evaluated for the rows whose conversion
                // gave NULL), else NULL.
                if (c.dataType() is not { } type) return call;
                bool errorOnError = c.onError?.ERROR() is not null;
                var target = BuildDataType(type);
                var converted = new CastExpression(call, target, !errorOnError, span);
                if (c.onError?.DEFAULT() is null) return converted;
                var fallback = new FunctionCall(new ObjectName(["IF"], span), [
                    new IsExpression(call, IsPredicate.Null, false, span),
                    new CastExpression(new LiteralExpression(LiteralKind.Null, null, span), target, false, span),
                    new CastExpression(BuildExpression(c.onError.expression()), target, false, span)], false, null, null, span);
                return new FunctionCall(new ObjectName(["COALESCE"], span), [converted, fallback], false, null, null, span);
            }
            case P.JsonQueryContext c:
            {
                // JSON_QUERY(json, path, wrapper, onEmpty, onError): 'WITHOUT' | 'CONDITIONAL' | 'UNCONDITIONAL', and
                // 'NULL' | 'ERROR' | 'EMPTY ARRAY' | 'EMPTY OBJECT'.
                string wrapper = c.jsonQueryWrapper() is not { } w ? "WITHOUT"
                    : w.WITHOUT() is not null ? "WITHOUT"
                    : w.kind?.Type == P.CONDITIONAL ? "CONDITIONAL" : "UNCONDITIONAL";
                var arguments = new List<Expression> { BuildExpression(c.expression(0)), BuildExpression(c.expression(1)),
                    Text(wrapper, span), Text(JsonQueryBehavior(c.onEmpty), span), Text(JsonQueryBehavior(c.onError), span) };
                var returning = c.dataType() is { } type ? BuildDataType(type) : null;
                // RETURNING ARRAY<STRING> gives the found array's elements (Flink's JsonQueryReturnType.ARRAY): a sixth
                // operand, a NULL of that type, tells the function; another type is a CAST of the JSON text.
                if (returning is { Name: "ARRAY" })
                {
                    arguments.Add(new CastExpression(new LiteralExpression(LiteralKind.Null, null, span), returning, false, span));
                    return Call("JSON_QUERY", c.JSON_QUERY(), arguments, span);
                }
                var call = Call("JSON_QUERY", c.JSON_QUERY(), arguments, span);
                return returning is not null ? new CastExpression(call, returning, false, span) : call;
            }
            case P.JsonExistsContext c:
                return Call("JSON_EXISTS", c.JSON_EXISTS(), [BuildExpression(c.expression(0)), BuildExpression(c.expression(1)),
                    Text(c.onError?.Text.ToUpperInvariant() ?? "FALSE", span)], span);
            case P.JsonArrayContext c:
            {
                // JSON_ARRAY(onNull, values...): Flink's default is ABSENT ON NULL.
                var arguments = new List<Expression> { Text(c.onNull?.Type == P.NULL ? "NULL" : "ABSENT", span) };
                arguments.AddRange(BuildExpressions(c.expression()));
                return Call("JSON_ARRAY", c.JSON_ARRAY(), arguments, span);
            }
            case P.JsonObjectContext c:
            {
                var arguments = new List<Expression>
                {
                    new LiteralExpression(LiteralKind.String, c.onNull?.Type == P.ABSENT ? "ABSENT" : "NULL", Span(c.JSON_OBJECT())),
                };
                foreach (var pair in c.jsonKeyValue())
                {
                    arguments.Add(BuildExpression(pair.key));
                    arguments.Add(BuildExpression(pair.value));
                }
                return Call("JSON_OBJECT", c.JSON_OBJECT(), arguments, span);
            }
            case P.JsonArrayAggContext c:
            {
                // Flink's function names carry the ON NULL behaviour (JSON_ARRAYAGG_ABSENT_ON_NULL is the default).
                if (c.ORDER() is not null) throw Unsupported(c.sortItem(0), "ORDER BY in JSON_ARRAYAGG");
                string onNull = c.onNull?.Type == P.NULL ? "NULL" : "ABSENT";
                return new FunctionCall(new ObjectName([$"JSON_ARRAYAGG_{onNull}_ON_NULL"], Span(c.JSON_ARRAYAGG())), [BuildExpression(c.expression(0))],
                    false, c.filter is null ? null : BuildExpression(c.filter), c.over is null ? null : BuildWindowReference(c.over), span);
            }
            case P.JsonObjectAggContext c:
            {
                string onNull = c.onNull?.Type == P.ABSENT ? "ABSENT" : "NULL";
                var pair = c.jsonKeyValue();
                return new FunctionCall(new ObjectName([$"JSON_OBJECTAGG_{onNull}_ON_NULL"], Span(c.JSON_OBJECTAGG())),
                    [BuildExpression(pair.key), BuildExpression(pair.value)],
                    false, c.filter is null ? null : BuildExpression(c.filter), c.over is null ? null : BuildWindowReference(c.over), span);
            }
            case P.FloorCeilToContext c:
            {
                string name = c.name.Type == P.FLOOR ? "FLOOR" : "CEIL";
                var unit = c.timeUnit() is { } frame
                    ? new TimeUnitExpression(Unit(frame.Start), Span(frame))
                    : new TimeUnitExpression(FloorCeilFrame(c.field), Span(c.field));
                return new FunctionCall(new ObjectName([name], Span(c.name)), [BuildExpression(c.expression()), unit], false, null, null, span);
            }
            case P.TimestampArithContext c:
            {
                var unit = new TimeUnitExpression(Unit(c.timeUnit().Start), Span(c.timeUnit()));
                return new FunctionCall(new ObjectName([c.name.Text.ToUpperInvariant()], Span(c.name)),
                    [unit, BuildExpression(c.expression(0)), BuildExpression(c.expression(1))], false, null, null, span);
            }
            case P.NiladicFunctionContext c:
                return new FunctionCall(new ObjectName([c.name.Text.ToUpperInvariant()], span), [], false, null, null, span) { WithoutParentheses = true };
            case P.ArrayConstructorContext c:
                return new ConstructorExpression("ARRAY", BuildExpressions(c.expression()), span);
            case P.MapConstructorContext c:
                if (c.expression().Length % 2 != 0) throw Error("MAP[...] needs an even number of items: key, value, key, value, ...", span);
                return new ConstructorExpression("MAP", BuildExpressions(c.expression()), span);
            case P.RowConstructorContext c:
                return new ConstructorExpression("ROW", BuildExpressions(c.expression()), span);
            case P.DescriptorContext c:
                return new DescriptorExpression(Identifiers(c.identifierList()), span);
            case P.FunctionCallExpressionContext c:
                return BuildFunctionCall(c.functionCall());
            case P.ExistsContext c:
                return new ExistsExpression(BuildQuery(c.query()), false, span);
            case P.SubqueryExpressionContext c:
                return new ScalarSubqueryExpression(BuildQuery(c.query()), span);
            case P.ParenthesizedExpressionContext c:
                // (x) is x; (x, y) is the implicit ROW(x, y).
                return c.expression().Length == 1 ? BuildExpression(c.expression(0)) : new ConstructorExpression("ROW", BuildExpressions(c.expression()), span);
            case P.ColumnReferenceContext c:
                return new ColumnReference([Ident(c.identifier()).Value], span);
            case P.DereferenceContext c:
            {
                var target = BuildPrimary(c.target);
                string field = Ident(c.fieldName).Value;
                if (target is ColumnReference column) return new ColumnReference([.. column.Parts, field], span);
                return new FieldAccessExpression(target, field, span);
            }
            case P.ItemAccessContext c:
                return new ItemAccessExpression(BuildPrimary(c.value), BuildValue(c.index), span);
            default:
                throw Unsupported(context, "this expression");
        }
    }

    private static LiteralExpression Text(string value, SourceSpan span) => new(LiteralKind.String, value, span);

    private void AddJsonValueBehavior(List<Expression> arguments, P.JsonValueBehaviorContext? behavior, SourceSpan span)
    {
        if (behavior?.DEFAULT() is not null)
        {
            arguments.Add(Text("DEFAULT", span));
            arguments.Add(BuildExpression(behavior.expression()));
            return;
        }
        arguments.Add(Text(behavior?.ERROR() is not null ? "ERROR" : "NULL", span));
        arguments.Add(new LiteralExpression(LiteralKind.Null, null, span));
    }

    private static string JsonQueryBehavior(P.JsonQueryBehaviorContext? behavior) =>
        behavior is null || behavior.NULL() is not null ? "NULL"
        : behavior.ERROR() is not null ? "ERROR"
        : behavior.kind.Type == P.ARRAY ? "EMPTY ARRAY" : "EMPTY OBJECT";

    private FunctionCall Call(string name, Antlr4.Runtime.Tree.ITerminalNode keyword, IReadOnlyList<Expression> arguments, SourceSpan span)
        => new(new ObjectName([name], Span(keyword)), arguments, false, null, null, span);

    private WhenClause BuildWhen(P.WhenClauseContext c) => new(c._conditions.Select(BuildExpression).ToArray(), BuildExpression(c.result), Span(c));

    private FunctionCall BuildFunctionCall(P.FunctionCallContext c)
    {
        var nameContext = c.functionName();
        var name = nameContext.qualifiedName() is { } qualified ? Name(qualified) : new ObjectName([nameContext.GetText()], Span(nameContext));
        IReadOnlyList<Expression> arguments = c.ASTERISK() is { } star
            ? [new StarExpression(null, Span(star))]
            : Array.ConvertAll(c.functionArgument(), BuildFunctionArgument);
        if (TsiUnit(name, arguments) is { } tsi) arguments = [tsi, .. arguments.Skip(1)];
        return new FunctionCall(
            name,
            arguments,
            c.setQuantifier()?.DISTINCT() is not null,
            c.filter is null ? null : BuildExpression(c.filter),
            c.over is null ? null : BuildWindowReference(c.over),
            Span(c))
        {
            Nulls = c.nullTreatment() is { } nulls ? new NullTreatment(nulls.IGNORE() is not null, Span(nulls)) : null,
        };
    }

    /// <summary>The JDBC unit names Flink (Calcite) accepts in TIMESTAMPADD and TIMESTAMPDIFF besides the keywords:
    /// <c>SQL_TSI_DAY</c> is <c>DAY</c>. They are no keywords, so such a call parses as an ordinary one.</summary>
    private static TimeUnitExpression? TsiUnit(ObjectName name, IReadOnlyList<Expression> arguments)
    {
        if (name.Parts.Count != 1 || arguments is not [ColumnReference { Parts: [var word] } column, _, _]) return null;
        var function = name.Parts[0].ToUpperInvariant();
        if (function is not ("TIMESTAMPADD" or "TIMESTAMPDIFF")) return null;
        TimeUnit? unit = word.ToUpperInvariant() switch
        {
            "SQL_TSI_YEAR" => TimeUnit.Year,
            "SQL_TSI_QUARTER" => TimeUnit.Quarter,
            "SQL_TSI_MONTH" => TimeUnit.Month,
            "SQL_TSI_WEEK" => TimeUnit.Week,
            "SQL_TSI_DAY" => TimeUnit.Day,
            "SQL_TSI_HOUR" => TimeUnit.Hour,
            "SQL_TSI_MINUTE" => TimeUnit.Minute,
            "SQL_TSI_SECOND" => TimeUnit.Second,
            _ => null,
        };
        return unit is { } u ? new TimeUnitExpression(u, column.Span) : null;
    }

    private Expression BuildFunctionArgument(P.FunctionArgumentContext context) => context switch
    {
        P.NamedArgumentContext c => new NamedArgument(ArgumentName(c.argumentName()), BuildArgumentValue(c.functionArgumentValue()), Span(c)),
        P.PositionalArgumentContext c => BuildArgumentValue(c.functionArgumentValue()),
        _ => throw Unsupported(context, "this argument"),
    };

    private string ArgumentName(P.ArgumentNameContext context) =>
        context.identifier() is { } name ? Ident(name).Value : context.GetText();

    private Expression BuildArgumentValue(P.FunctionArgumentValueContext context)
    {
        switch (context)
        {
            case P.TableArgumentContext c:
            {
                var name = Name(c.qualifiedName());
                var table = new NamedTableReference(name, null, [], null, [], name.Span);
                return new TableArgument(table, Span(c)) { PartitionBy = PartitionKeys(c.expression()) };
            }
            case P.TableQueryArgumentContext c:
            {
                var table = new SubqueryTableReference(BuildQuery(c.query()), null, [], Join(Span(c.LPAREN()), Span(c.RPAREN())));
                return new TableArgument(table, Span(c)) { PartitionBy = PartitionKeys(c.expression()) };
            }
            case P.ScalarArgumentContext c:
                return BuildExpression(c.expression());
            default:
                throw Unsupported(context, "this argument");
        }
    }

    private WindowSpecification BuildWindowReference(P.WindowReferenceContext c)
    {
        if (c.windowSpecification() is { } specification) return BuildWindowSpecification(specification);
        var name = Ident(c.identifier());
        for (int i = _windowScopes.Count - 1; i >= 0; i--)
        {
            if (_windowScopes[i].TryGetValue(name.Value, out var window)) return window;
        }
        throw Error($"window '{name.Value}' is not defined; define it with WINDOW {name.Value} AS (...) after HAVING", name.Span);
    }

    private WindowSpecification BuildWindowSpecification(P.WindowSpecificationContext c)
        => new(BuildExpressions(c.expression()), Array.ConvertAll(c.sortItem(), BuildOrderItem),
            c.windowFrame() is { } frame ? BuildFrame(frame) : null, Span(c));

    private WindowFrame BuildFrame(P.WindowFrameContext c)
        => new(c.unit.Type == P.ROWS ? FrameUnit.Rows : FrameUnit.Range, BuildFrameBound(c.start), c.end is null ? null : BuildFrameBound(c.end), Span(c));

    private FrameBound BuildFrameBound(P.FrameBoundContext context) => context switch
    {
        P.UnboundedPrecedingContext c => new FrameBound(FrameBoundKind.UnboundedPreceding, null, Span(c)),
        P.UnboundedFollowingContext c => new FrameBound(FrameBoundKind.UnboundedFollowing, null, Span(c)),
        P.CurrentRowContext c => new FrameBound(FrameBoundKind.CurrentRow, null, Span(c)),
        P.BoundedFrameContext c => new FrameBound(
            c.direction.Type == P.PRECEDING ? FrameBoundKind.Preceding : FrameBoundKind.Following, BuildValue(c.valueExpression()), Span(c)),
        _ => throw Unsupported(context, "this window frame"),
    };

    // ------------------------------------------------------------------ literals

    private Expression BuildLiteral(P.LiteralContext context)
    {
        var span = Span(context);
        switch (context)
        {
            case P.NullLiteralContext:
                return new LiteralExpression(LiteralKind.Null, null, span);
            case P.BooleanLiteralContext c:
                return new LiteralExpression(LiteralKind.Boolean, c.TRUE() is null ? "FALSE" : "TRUE", span);
            case P.IntegerLiteralContext c:
                return new LiteralExpression(LiteralKind.Integer, c.GetText(), span);
            case P.DecimalLiteralContext c:
                return new LiteralExpression(LiteralKind.Decimal, c.GetText(), span);
            case P.DoubleLiteralContext c:
                return new LiteralExpression(LiteralKind.Double, c.GetText(), span);
            case P.StringLiteralContext c:
                // Adjacent literals ('a' 'b') are one string, as in standard SQL.
                return new LiteralExpression(LiteralKind.String, string.Concat(Array.ConvertAll(c.STRING(), s => Unquote(s.Symbol))), span);
            case P.UnicodeStringLiteralContext c:
                return new LiteralExpression(LiteralKind.String, UnicodeString(c.UNICODE_STRING().Symbol, c.escape), span);
            case P.BinaryLiteralContext c:
                string hex = Unquote(c.BINARY_STRING().Symbol);
                if (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
                    throw Error("a binary literal X'...' needs an even number of hexadecimal digits", span);
                return new LiteralExpression(LiteralKind.Binary, hex.ToUpperInvariant(), span);
            case P.TypedLiteralContext c:
                var kind = c.kind.Type switch { P.DATE => LiteralKind.Date, P.TIME => LiteralKind.Time, _ => LiteralKind.Timestamp };
                return new LiteralExpression(kind, Unquote(c.STRING().Symbol), span);
            default:
                throw Unsupported(context, "this literal");
        }
    }

    private IntervalExpression BuildInterval(P.IntervalContext c)
    {
        var valueToken = c.value.Start;
        string value = valueToken.Type == P.STRING ? Unquote(valueToken) : valueToken.Text;
        if (c.sign?.Type == P.MINUS) value = value.StartsWith('-') ? value[1..] : "-" + value;
        int? precision = c.precision is null ? null : IntParameter(c.precision);
        return new IntervalExpression(value, Unit(c.from.Start), c.to is null ? null : Unit(c.to.Start), precision, Span(c));
    }

    private static TimeUnit Unit(P.TimeUnitContext c) => Unit(c.Start);

    /// <summary>Maps a time unit keyword, singular or plural (Flink accepts <c>MINUTES</c> as well as <c>MINUTE</c>).</summary>
    private static TimeUnit Unit(IToken token) => token.Type switch
    {
        P.YEAR or P.YEARS => TimeUnit.Year,
        P.QUARTER or P.QUARTERS => TimeUnit.Quarter,
        P.MONTH or P.MONTHS => TimeUnit.Month,
        P.WEEK or P.WEEKS => TimeUnit.Week,
        P.DAY or P.DAYS => TimeUnit.Day,
        P.HOUR or P.HOURS => TimeUnit.Hour,
        P.MINUTE or P.MINUTES => TimeUnit.Minute,
        P.SECOND or P.SECONDS => TimeUnit.Second,
        P.MILLISECOND or P.MILLISECONDS => TimeUnit.Millisecond,
        P.MICROSECOND or P.MICROSECONDS => TimeUnit.Microsecond,
        _ => TimeUnit.Nanosecond,
    };

    /// <summary>A field of EXTRACT that is no interval unit (<c>EXTRACT(DOW FROM d)</c>).</summary>
    private TimeUnit ExtractField(P.IdentifierContext c) => Ident(c).Value.ToUpperInvariant() switch
    {
        "DOW" => TimeUnit.Dow,
        "DOY" => TimeUnit.Doy,
        "ISODOW" => TimeUnit.IsoDow,
        "ISOYEAR" => TimeUnit.IsoYear,
        "EPOCH" => TimeUnit.Epoch,
        "DECADE" => TimeUnit.Decade,
        "CENTURY" => TimeUnit.Century,
        "MILLENNIUM" => TimeUnit.Millennium,
        var other => throw Error($"'{other}' is not a valid time frame", Span(c)),
    };

    /// <summary>A time frame of FLOOR/CEIL that is no interval unit: DECADE, CENTURY or MILLENNIUM.</summary>
    private TimeUnit FloorCeilFrame(P.IdentifierContext c) => ExtractField(c) switch
    {
        var frame and (TimeUnit.Decade or TimeUnit.Century or TimeUnit.Millennium) => frame,
        _ => throw Error($"'{Ident(c).Value}' is not a valid time frame", Span(c)),
    };

    /// <summary><c>PARTITION BY k</c> or <c>PARTITION BY (k1, k2)</c> (a parenthesized list parses as an implicit row).</summary>
    private IReadOnlyList<Expression> PartitionKeys(P.ExpressionContext? c)
    {
        if (c is null) return [];
        var key = BuildExpression(c);
        return key is ConstructorExpression { Kind: "ROW" } row ? row.Items : [key];
    }
}
