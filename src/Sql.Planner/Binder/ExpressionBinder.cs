using System.Runtime.CompilerServices;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Functions.UserDefined;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds a scalar expression of the syntax tree to a typed <see cref="ScalarExpr"/> over the columns of a <see cref="Scope"/>.
/// Every call is resolved through <see cref="BuiltInFunctions.Resolve"/> and its operands are cast where the resolved
/// operand type differs (ignoring nullability), so the runtime sees exact types.
/// </summary>
internal sealed class ExpressionBinder
{
    private readonly Scope _scope;
    private readonly Func<Expression, ScalarExpr?>? _intercept;
    private readonly string _aggregateMisplaced;

    /// <param name="intercept">Asked first for every expression node: a bound expression replaces the node (the binder of
    /// an aggregate query answers aggregate calls and grouped expressions with columns of the aggregation); null binds as usual.</param>
    /// <param name="aggregateMisplaced">The error for an aggregate call that reaches this binder (Calcite's wording:
    /// <c>Aggregate expression is illegal in WHERE clause</c>).</param>
    public ExpressionBinder(Scope scope, Func<Expression, ScalarExpr?>? intercept = null, string? aggregateMisplaced = null)
    {
        _scope = scope;
        _intercept = intercept;
        _aggregateMisplaced = aggregateMisplaced ?? "Aggregate expression is illegal here";
    }

    public ScalarExpr Bind(Expression expression)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_intercept?.Invoke(expression) is { } replaced) return replaced;
        return BindNode(expression);
    }

    private ScalarExpr BindNode(Expression expression) => expression switch
    {
        LiteralExpression l => LiteralBinder.Bind(l),
        IntervalExpression i => LiteralBinder.Interval(i),
        ColumnReference c => BindColumn(c),
        BinaryExpression b => BindBinary(b),
        UnaryExpression u => BindUnary(u),
        IsExpression i => BindIs(i),
        BetweenExpression b => BindBetween(b),
        InListExpression i => BindInList(i),
        LikeExpression l => BindLike(l),
        CaseExpression c => BindCase(c),
        CastExpression c => BindCast(c),
        ExtractExpression e => MakeCall("EXTRACT", new[] { UnitLiteral(e.Unit), Bind(e.Operand) }, e.Span),
        FunctionCall f => BindFunction(f),
        TimeUnitExpression t => UnitLiteral(t.Unit),
        ConstructorExpression c => MakeCall(c.Kind.ToUpperInvariant(), c.Items.Select(Bind).ToList(), c.Span),
        ItemAccessExpression i => BindItem(Bind(i.Operand), Bind(i.Index), i.Span),
        FieldAccessExpression f => AccessField(Bind(f.Operand), f.Field, f.Span),
        StarExpression s => throw new SqlValidationException("'*' is only allowed in a select list or COUNT(*)", s.Span),
        InSubqueryExpression s => throw Unsupported.Feature("IN with a subquery here (it works in WHERE, in HAVING and in select lists)", s.Span),
        ExistsExpression s => throw Unsupported.Feature("EXISTS here (it works in WHERE, in HAVING and in select lists)", s.Span),
        ScalarSubqueryExpression s => throw Unsupported.Feature("scalar subqueries here (they work in WHERE, in HAVING and in select lists)", s.Span),
        DescriptorExpression d => throw new SqlValidationException("DESCRIPTOR is only allowed as an argument of a window table function", d.Span),
        NamedArgument n => throw Unsupported.Feature("named arguments", n.Span),
        TableArgument t => throw Unsupported.Feature("TABLE arguments outside table functions", t.Span),
        _ => throw Unsupported.Feature(expression.GetType().Name, expression.Span),
    };

    private ScalarExpr BindColumn(ColumnReference column)
    {
        if (column.Parts.Count == 1)
        {
            var (index, field) = _scope.Resolve(column);
            return new InputRef(index, field.Type);
        }
        var (at, start, fields) = _scope.ResolvePath(column);
        ScalarExpr result = new InputRef(at, start.Type);
        foreach (var name in fields) result = AccessField(result, name, column.Span);
        return result;
    }

    /// <summary><c>x[i]</c>: an ARRAY element or MAP value (ITEM); of a ROW, Calcite's ITEM takes a field by its name as
    /// a string literal (<c>r['name']</c>, as Flink's ConstructedAccessFunctionsITCase) or by its 1-based position.</summary>
    private static ScalarExpr BindItem(ScalarExpr operand, ScalarExpr index, SourceSpan span)
    {
        if (operand.Type.Kind == SqlTypeKind.Row && index is Literal { Value: not null } literal)
        {
            if (literal.Value is string name) return AccessField(operand, name, span);
            if (index.Type.IsExactInteger && literal.Value is long or int)
            {
                long position = Convert.ToInt64(literal.Value, System.Globalization.CultureInfo.InvariantCulture);
                var names = operand.Type.FieldNames!;
                if (position < 1 || position > names.Count)
                    throw new SqlValidationException($"Field position {position} is out of range for {operand.Type}: it has {names.Count} fields", span);
                return AccessField(operand, names[(int)position - 1], span);
            }
        }
        // Flink's validator (ArrayTypeTest): a literal index below 1 is refused; another index out of range is NULL.
        if (operand.Type.Kind == SqlTypeKind.Array && index is Literal { Value: long or int } indexLiteral
            && Convert.ToInt64(indexLiteral.Value, System.Globalization.CultureInfo.InvariantCulture) is var at && at < 1)
            throw new SqlValidationException($"Array element access needs an index starting at 1 but was {at}.", span);
        return MakeCall("ITEM", new[] { operand, index }, span);
    }

    private static ScalarExpr AccessField(ScalarExpr row, string name, SourceSpan span) =>
        MakeCall(NestedFunctions.FieldAccess, new ScalarExpr[] { row, new Literal(name, SqlType.VarChar(Math.Max(name.Length, 1)).AsNotNull()) }, span);

    private static Literal UnitLiteral(TimeUnit unit)
    {
        string name = unit.ToString().ToUpperInvariant();
        return new Literal(name, SqlType.VarChar(name.Length).AsNotNull());
    }

    private ScalarExpr BindBinary(BinaryExpression b)
    {
        string op = b.Operator switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            BinaryOperator.Modulo => "%",
            BinaryOperator.Concat => "||",
            BinaryOperator.Equal => "=",
            BinaryOperator.NotEqual => "<>",
            BinaryOperator.Less => "<",
            BinaryOperator.LessOrEqual => "<=",
            BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=",
            BinaryOperator.And => "AND",
            BinaryOperator.Or => "OR",
            BinaryOperator.IsDistinctFrom => "IS DISTINCT FROM",
            BinaryOperator.IsNotDistinctFrom => "IS NOT DISTINCT FROM",
            _ => throw Unsupported.Feature(b.Operator.ToString(), b.Span),
        };
        var call = MakeCall(op, new[] { Bind(b.Left), Bind(b.Right) }, b.Span);
        // Division and remainder can fail at runtime (by zero): remember how the user wrote them so the error names them.
        return b.Operator is BinaryOperator.Divide or BinaryOperator.Modulo && call is Call c
            ? c with { Source = new ExpressionSource(ExpressionSqlPrinter.Print(b), b.Span) }
            : call;
    }

    private ScalarExpr BindUnary(UnaryExpression u)
    {
        var operand = Bind(u.Operand);
        return u.Operator switch
        {
            UnaryOperator.Plus => operand,
            UnaryOperator.Negate => NegateLiteral(operand) ?? MakeCall("NEGATE", new[] { operand }, u.Span),
            _ => MakeCall("NOT", new[] { operand }, u.Span),
        };
    }

    /// <summary>Folds <c>-1</c> into a literal so negative constants stay literals (as in Calcite).</summary>
    private static Literal? NegateLiteral(ScalarExpr operand) => operand switch
    {
        Literal { Value: long v } l when v != long.MinValue => new Literal(-v, l.Type),
        Literal { Value: DecimalValue v } l => new Literal(v.Negate(), l.Type),
        Literal { Value: double v } l => new Literal(-v, l.Type),
        Literal { Value: int v } l when l.Type.IsInterval => new Literal(-v, l.Type),
        _ => null,
    };

    private ScalarExpr BindIs(IsExpression i)
    {
        string name = (i.Predicate, i.Negated) switch
        {
            (IsPredicate.Null, false) or (IsPredicate.Unknown, false) => "IS NULL",
            (IsPredicate.Null, true) or (IsPredicate.Unknown, true) => "IS NOT NULL",
            (IsPredicate.True, false) => "IS TRUE",
            (IsPredicate.True, true) => "IS NOT TRUE",
            (IsPredicate.False, false) => "IS FALSE",
            _ => "IS NOT FALSE",
        };
        return MakeCall(name, new[] { Bind(i.Operand) }, i.Span);
    }

    private ScalarExpr BindBetween(BetweenExpression b)
    {
        var operand = Bind(b.Operand);
        var low = Bind(b.Low);
        var high = Bind(b.High);
        // SYMMETRIC as Calcite expands it: between the bounds in either order (NOT: outside both orders), so a NULL bound
        // gives UNKNOWN where the other order cannot decide.
        if (b.Symmetric)
            return MakeCall(b.Negated ? "AND" : "OR", [Between(b, operand, low, high), Between(b, operand, high, low)], b.Span);
        return Between(b, operand, low, high);
    }

    private static ScalarExpr Between(BetweenExpression b, ScalarExpr operand, ScalarExpr low, ScalarExpr high)
    {
        if (b.Negated)
            return MakeCall("OR", new[] { MakeCall("<", new[] { operand, low }, b.Span), MakeCall(">", new[] { operand, high }, b.Span) }, b.Span);
        return MakeCall("AND", new[] { MakeCall(">=", new[] { operand, low }, b.Span), MakeCall("<=", new[] { operand, high }, b.Span) }, b.Span);
    }

    private ScalarExpr BindInList(InListExpression i)
    {
        var operands = new List<ScalarExpr> { Bind(i.Operand) };
        foreach (var v in i.Values) operands.Add(Bind(v));
        var call = MakeCall("IN", operands, i.Span);
        return i.Negated ? MakeCall("NOT", new[] { call }, i.Span) : call;
    }

    private ScalarExpr BindLike(LikeExpression l)
    {
        var operands = new List<ScalarExpr> { Bind(l.Operand), Bind(l.Pattern) };
        if (l.Escape is not null) operands.Add(Bind(l.Escape));
        var call = MakeCall(l.Similar ? "SIMILAR TO" : "LIKE", operands, l.Span);
        return l.Negated ? MakeCall("NOT", new[] { call }, l.Span) : call;
    }

    private ScalarExpr BindCase(CaseExpression c)
    {
        var operands = new List<ScalarExpr>();
        ScalarExpr? subject = c.Operand is null ? null : Bind(c.Operand);
        foreach (var when in c.Whens)
        {
            ScalarExpr? condition = null;
            foreach (var value in when.Conditions)
            {
                var term = Bind(value);
                if (subject is not null) term = MakeCall("=", new[] { subject, term }, when.Span);
                condition = condition is null ? term : MakeCall("OR", new[] { condition, term }, when.Span);
            }
            operands.Add(condition!);
            operands.Add(Bind(when.Result));
        }
        if (c.Else is not null) operands.Add(Bind(c.Else));
        else
        {
            // A missing ELSE is a NULL of the branches' common type.
            var branchTypes = new List<SqlType>();
            for (int i = 1; i < operands.Count; i += 2) branchTypes.Add(operands[i].Type.WithoutTimeAttribute());
            var common = BuiltInFunctions.LeastRestrictive(branchTypes) ?? branchTypes[0];
            operands.Add(new Literal(null, common.WithNullable(true)));
        }
        return MakeCall("CASE", operands, c.Span);
    }

    private ScalarExpr BindCast(CastExpression c)
    {
        var operand = Bind(c.Operand);
        var target = DataTypeConverter.Convert(c.TargetType);
        if (operand is Literal { IsNull: true })
            return new Literal(null, target.WithNullable(true));
        if (target.IsInterval && NumberAsInterval(operand, c.TargetType.Name, target) is { } interval) return interval;
        var from = operand.Type.WithoutTimeAttribute();
        if (!BuiltInFunctions.CanCast(from, target))
            throw new SqlValidationException(CastRules.Refusal(from, target), c.Span);
        // Calcite's (and Flink's) CAST takes its nullability from the operand, whatever the target spelled: a cast that
        // fails at run time fails the job rather than give NULL, so NOT NULL survives it. TRY_CAST is always nullable, and
        // so is a cast of a VARIANT, which gives NULL for a JSON null (Flink's VariantToStringCastRule).
        bool nullable = c.IsTry || operand.Type.Nullable || from.Kind == SqlTypeKind.Variant;
        return new Call(c.IsTry ? "TRY_CAST" : "CAST", new[] { operand }, target.WithNullable(nullable))
        {
            Source = new ExpressionSource(ExpressionSqlPrinter.Print(c), c.Span),
        };
    }

    /// <summary>
    /// A numeric literal cast to an interval counts the qualifier's last unit, as Calcite's convertCast does
    /// (<c>CAST(2 AS INTERVAL DAY)</c> is two days, <c>CAST(90 AS INTERVAL HOUR TO MINUTE)</c> ninety minutes); any other
    /// number is taken as the interval's milliseconds or months at runtime, as Flink's generated cast does.
    /// </summary>
    private static Literal? NumberAsInterval(ScalarExpr operand, string qualifier, SqlType target)
    {
        if (operand is not Literal { Value: var value }) return null;
        long unit = qualifier[(qualifier.LastIndexOf(' ') + 1)..] switch
        {
            "YEAR" => 12,
            "MONTH" => 1,
            "DAY" => 86_400_000,
            "HOUR" => 3_600_000,
            "MINUTE" => 60_000,
            "SECOND" => 1000,
            _ => 0,
        };
        // The number as unscaled digits over 10^scale: a whole count of the target's milliseconds or months, else left to runtime.
        (Int128 unscaled, int scale) = value switch
        {
            long l when operand.Type.IsExactInteger => ((Int128)l, 0),
            DecimalValue d when operand.Type.Kind == SqlTypeKind.Decimal => (d.Unscaled, d.Scale),
            _ => (Int128.Zero, -1),
        };
        if (unit == 0 || scale < 0) return null;
        Int128 product = unscaled * unit, divisor = DecimalValue.PowerOfTen(scale);
        if (product % divisor != 0) return null;
        Int128 units = product / divisor;
        return target.Kind == SqlTypeKind.IntervalYearMonth
            ? units >= int.MinValue && units <= int.MaxValue ? new Literal((int)units, target.AsNotNull()) : null
            : units >= long.MinValue && units <= long.MaxValue ? new Literal((long)units, target.AsNotNull()) : null;
    }

    private ScalarExpr BindFunction(FunctionCall f)
    {
        string name = f.Name.Last.ToUpperInvariant();
        if (f.Over is not null)
            throw Unsupported.Feature("OVER here (OVER aggregates are planned in a select list)", f.Span);
        if (AggregateFunctions.IsKnown(name) || name is "GROUPING" or "GROUPING_ID" or "GROUP_ID")
            throw new SqlValidationException(_aggregateMisplaced, f.Span);
        if (BuiltInFunctions.IsAggregate(name) || IsWellKnownAggregate(name))
            throw Unsupported.Feature($"aggregate function {name}", f.Span);
        if (f.Distinct) throw Unsupported.Feature($"DISTINCT in a call of {name}", f.Span);
        if (f.Filter is not null) throw Unsupported.Feature("FILTER (WHERE ...) on a call", f.Span);
        if (f.Nulls is { } nulls) throw new SqlValidationException($"Cannot specify IGNORE NULLS or RESPECT NULLS following '{name}'", nulls.Span);
        if (f.Name.Parts.Count > 1) throw Unsupported.Feature("catalog functions", f.Name.Span);
        if (name == "OVERLAPS" && f.Arguments.Count == 4) return BindOverlaps(f);
        // CURRENT_DATABASE(): the session's current database when the statement is planned, as in Flink.
        if (name == "CURRENT_DATABASE" && f.Arguments.Count == 0 && FunctionScope.Current?.FindSystem(name) is null)
        {
            string database = FunctionScope.CurrentDatabase ?? TableCatalog.DefaultDatabase;
            return new Literal(database, SqlType.String.AsNotNull());
        }
        var operands = new List<ScalarExpr>(f.Arguments.Count);
        foreach (var a in f.Arguments) operands.Add(Bind(a));
        // Flink's order: temporary system functions, built-in functions, then temporary and catalog functions.
        if (FunctionScope.Current is { } functions
            && (functions.FindSystem(name) ?? (BuiltInFunctions.IsScalar(name) ? null : functions.FindCatalog(name))) is { } user)
            return MakeUserCall(user, operands, f.Span);
        try
        {
            return MakeCall(name, operands, f.Span);
        }
        catch (SqlValidationException e) when (e.Problem.StartsWith(NoMatchingFunction + name + "(", StringComparison.Ordinal))
        {
            // Calcite names an unknown function as it was written: "... signature invalid_function()".
            throw new SqlValidationException(NoMatchingFunction + f.Name.Last + e.Problem[(NoMatchingFunction.Length + name.Length)..], e.Span);
        }
    }

    private const string NoMatchingFunction = "No match found for function signature ";

    /// <summary>
    /// <c>(s1, e1) OVERLAPS (s2, e2)</c> as Calcite expands it: an interval end is its start plus the interval; each period's
    /// ends are ordered (LEAST, GREATEST), and the periods overlap when each ends no earlier than the other starts.
    /// </summary>
    private ScalarExpr BindOverlaps(FunctionCall f)
    {
        var e = new ScalarExpr[4];
        for (int i = 0; i < 4; i++) e[i] = Bind(f.Arguments[i]);
        for (int i = 0; i < 4; i += 2)
        {
            if (!IsTemporal(e[i].Type))
                throw new SqlValidationException($"Cannot apply 'OVERLAPS' to a period starting at {e[i].Type}: periods are of DATE, TIME or TIMESTAMP", f.Arguments[i].Span);
            if (e[i + 1].Type.IsInterval) e[i + 1] = MakeCall("+", [e[i], e[i + 1]], f.Arguments[i + 1].Span);
        }
        var start1 = MakeCall("LEAST", [e[0], e[1]], f.Span);
        var end1 = MakeCall("GREATEST", [e[0], e[1]], f.Span);
        var start2 = MakeCall("LEAST", [e[2], e[3]], f.Span);
        var end2 = MakeCall("GREATEST", [e[2], e[3]], f.Span);
        return MakeCall("AND", [MakeCall(">=", [end1, start2], f.Span), MakeCall(">=", [end2, start1], f.Span)], f.Span);
    }

    private static bool IsTemporal(SqlType t) => t.Kind is SqlTypeKind.Date or SqlTypeKind.Time || t.IsTimestamp;

    private static ScalarExpr MakeUserCall(UserDefinedFunction function, IReadOnlyList<ScalarExpr> operands, SourceSpan span)
    {
        if (function.IsTableFunction)
            throw new SqlValidationException(
                $"'{function.Name}' is a table function; call it in FROM as LATERAL TABLE({function.Name}(...)), not as a scalar function", span);
        return ResolveUserCall(function, operands, span);
    }

    /// <summary>The call in <c>LATERAL TABLE(f(...))</c> of a table function: its arguments bound over this scope and the
    /// <c>Eval</c> overload that takes them chosen; its type is the ROW of the columns the function collects.</summary>
    public Call BindTableFunctionCall(FunctionCall f, UserDefinedFunction function)
    {
        var operands = new List<ScalarExpr>(f.Arguments.Count);
        foreach (var a in f.Arguments) operands.Add(Bind(a));
        return ResolveUserCall(function, operands, f.Span);
    }

    private static Call ResolveUserCall(UserDefinedFunction function, IReadOnlyList<ScalarExpr> operands, SourceSpan span)
    {
        var types = new SqlType[operands.Count];
        for (int i = 0; i < operands.Count; i++) types[i] = operands[i].Type;
        EvalMethod method;
        try
        {
            method = function.Resolve(types);
        }
        catch (FunctionResolutionException e)
        {
            throw new SqlValidationException(e.Message, span);
        }
        var converted = new ScalarExpr[operands.Count];
        for (int i = 0; i < operands.Count; i++) converted[i] = Coerce(operands[i], method.ParameterTypes[i]);
        // NULL in a parameter of a non-nullable .NET type gives NULL without a call, so the result is nullable then too.
        return new Call(function.Name, converted, method.ReturnType.WithNullable(true)) { UserFunction = new UserFunctionCall(function, method) };
    }

    private static bool IsWellKnownAggregate(string name) => name is "COUNT" or "SUM" or "AVG" or "MIN" or "MAX" or "LISTAGG"
        or "COLLECT" or "FIRST_VALUE" or "LAST_VALUE" or "STDDEV_POP" or "STDDEV_SAMP" or "VAR_POP" or "VAR_SAMP" or "ROW_NUMBER"
        or "RANK" or "DENSE_RANK";

    /// <summary>Resolves <paramref name="name"/> over the operands' types and casts operands to the resolved operand types.</summary>
    public static ScalarExpr MakeCall(string name, IReadOnlyList<ScalarExpr> operands, SourceSpan span)
    {
        var types = new SqlType[operands.Count];
        for (int i = 0; i < operands.Count; i++) types[i] = operands[i].Type.WithoutTimeAttribute();
        ResolvedFunction resolved;
        try
        {
            resolved = BuiltInFunctions.Resolve(name, operands);
        }
        catch (FunctionResolutionException e)
        {
            throw new SqlValidationException(e.Message, span);
        }
        var converted = new ScalarExpr[operands.Count];
        for (int i = 0; i < operands.Count; i++)
        {
            var wanted = i < resolved.OperandTypes.Count ? resolved.OperandTypes[i] : types[i];
            converted[i] = IsComparison(resolved.Name) && operands[i].Type.IsCharacterString && TypeRules.IsComparableTemporal(wanted)
                ? TryCoerce(operands[i], wanted, span)
                : Coerce(operands[i], wanted);
        }
        // Any expression over a time attribute is a plain timestamp.
        // PROCTIME() itself is the processing-time attribute; anything else over a time attribute is a plain timestamp.
        var type = resolved.Name == "PROCTIME" ? resolved.ReturnType : resolved.ReturnType.WithoutTimeAttribute();
        return new Call(resolved.Name, converted, type);
    }

    private static bool IsComparison(string name) => name is "=" or "<>" or "<" or "<=" or ">" or ">=" or "IN" or "NOT IN";

    /// <summary>Text compared with a DATE, TIME or TIMESTAMP: Flink casts the text to the temporal type and a text that is
    /// no such value compares as NULL (ScalarOperatorsTest: <c>f15 = uuid()</c> is NULL), so the cast is a TRY_CAST.
    /// A string literal is cast by a plain CAST, which constant folding evaluates when planning: one that is no such
    /// value is refused there, as Flink's expression reducer refuses it (ScalarOperatorsValidationTest).</summary>
    private static ScalarExpr TryCoerce(ScalarExpr operand, SqlType wanted, SourceSpan span)
    {
        if (operand is Literal { IsNull: true }) return new Literal(null, wanted.WithNullable(true));
        if (operand is Literal literal
            && LiteralConversion.To(literal, wanted.WithoutTimeAttribute().WithNullable(literal.Type.Nullable)) is { } converted)
            return converted;
        // (A TIMESTAMP_LTZ depends on the session's zone and is not folded: its text stays a TRY_CAST.)
        if (operand is Literal { Value: string } text && wanted.Kind is SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.Timestamp)
            return new Call("CAST", new[] { operand }, wanted.WithoutTimeAttribute().WithNullable(false))
            {
                Source = new ExpressionSource(text.ToString(), span),
            };
        return new Call("TRY_CAST", new[] { operand }, wanted.WithoutTimeAttribute().WithNullable(true));
    }

    /// <summary>The operand as <paramref name="wanted"/> (ignoring nullability): unchanged, a typed NULL, or a CAST.</summary>
    public static ScalarExpr Coerce(ScalarExpr operand, SqlType wanted)
    {
        if (ExpressionRewriting.SameIgnoringNullability(operand.Type, wanted)) return operand;
        if (operand is Literal { IsNull: true }) return new Literal(null, wanted.WithNullable(true));
        // A constant is converted now when that is exact, so plans read >(amount, 1) rather than a CAST of a literal.
        if (operand is Literal literal
            && LiteralConversion.To(literal, wanted.WithoutTimeAttribute().WithNullable(literal.Type.Nullable)) is { } converted)
            return converted;
        return new Call("CAST", new[] { operand }, wanted.WithoutTimeAttribute().WithNullable(operand.Type.Nullable));
    }
}
