using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds the SELECT block of an aggregate query (GROUP BY, HAVING, or aggregate calls in the select list), as Calcite's
/// SqlToRelConverter does: a projection of the group keys then the aggregate arguments and filters over the FROM/WHERE
/// input, a <see cref="LogicalAggregate"/> over it, HAVING as a filter over the aggregate, and the select list as a
/// projection over that. In the select list and HAVING an expression must be a group key, made of group keys, constant,
/// or an aggregate call; anything else is "not being grouped".
/// </summary>
internal sealed partial class AggregateBinder
{
    private readonly Scope _scope;
    private readonly ExpressionBinder _rowBinder;
    private readonly ExpressionBinder _argumentBinder;
    private readonly List<ScalarExpr> _pre = new();
    private readonly List<string> _preNames = new();
    private readonly List<ScalarExpr> _keys = new();
    private readonly List<AggregateCall> _calls = new();
    private IReadOnlyList<IReadOnlyList<int>>? _sets;
    private Expression? _currentItem;
    private string? _currentItemName;
    private GroupWindow? _window;
    private int _windowTimeKey = -1;
    private bool _windowPropertiesUsed;

    /// <summary>The group window of <c>GROUP BY TUMBLE(ts, ...)</c>: its function, the window, and its bound arguments
    /// (an auxiliary function such as TUMBLE_START must repeat them).</summary>
    private sealed record GroupWindow(string Function, WindowSpec Window, IReadOnlyList<ScalarExpr> Arguments, Expression TimeSyntax, int TimeColumn, SqlType TimeType);

    /// <summary>Column indexes standing for window properties until the number of calls is known (then they follow the calls).</summary>
    private const int PropertyPlaceholder = 1 << 24;

    private readonly bool _batchMode;
    private readonly SubqueryValueBinder? _subqueryValues;

    /// <param name="batchMode">Batch mode: a group window takes any TIMESTAMP column (Flink's batch group windows).</param>
    /// <param name="subqueryValues">Binds scalar subqueries of the select list and HAVING; null refuses them.</param>
    public AggregateBinder(Scope scope, bool batchMode = false, SubqueryValueBinder? subqueryValues = null)
    {
        _scope = scope;
        _batchMode = batchMode;
        _subqueryValues = subqueryValues;
        _rowBinder = new ExpressionBinder(scope);
        _argumentBinder = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expressions cannot be nested");
    }

    /// <summary>Whether the block aggregates: GROUP BY, HAVING, or an aggregate call in its select list.</summary>
    public static bool IsAggregateQuery(SelectQuery s) =>
        s.GroupBy is not null || s.Having is not null || s.Items.Any(i => ExpressionTrees.ContainsAggregate(i.Expression));

    /// <summary>Binds the block over <paramref name="input"/> (FROM and WHERE already applied); returns the select list's projection.</summary>
    public LogicalNode Bind(SelectQuery s, LogicalNode input, string? pinnedId)
    {
        if (s.GroupBy is not null) BindGroupBy(s.GroupBy);
        _windowTimeKey = WindowTimeKey(input);
        var post = new ExpressionBinder(Scope.Empty, Intercept);

        var projections = new List<ScalarExpr>();
        var names = new List<string>();
        foreach (var item in SelectItems(s))
        {
            string name = item.Alias?.Value ?? SelectItemName.Derive(item.Expression, _scope, names.Count);
            // An aggregate call that is a whole item takes the item's name (Calcite's AggConverter); a hidden item's is $fN.
            _currentItem = OverAfterGroupBy.IsHiddenName(name) ? null : item.Expression;
            _currentItemName = name;
            projections.Add(post.Bind(item.Expression));
            names.Add(name);
        }
        _currentItem = null;

        ScalarExpr? having = null;
        if (s.Having is not null)
        {
            having = post.Bind(s.Having);
            if (having.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
                throw new SqlValidationException($"HAVING clause must be a condition (BOOLEAN), but is {having.Type}", s.Having.Span);
        }

        if (_pre.Count == 0)
        {
            // COUNT(*) alone reads no column; Calcite's aggregate input is then one constant column.
            _pre.Add(new Literal(0L, SqlType.Int.AsNotNull()));
            _preNames.Add("$f0");
        }
        var pre = LogicalProject.Create(input, _pre, QueryBinder.Uniquify(_preNames));
        var keys = Enumerable.Range(0, _keys.Count).ToList();
        LogicalNode node;
        if (_window is not null)
        {
            var properties = WindowProperties(_window);
            projections = projections.Select(PlaceProperties).ToList();
            having = having is null ? null : PlaceProperties(having);
            var fields = LogicalAggregate.SchemaOf(pre, keys, null, _calls).Fields.ToList();
            fields.AddRange(properties.Select(p => LogicalWindowAggregate.PropertyField(p, _window.TimeType, PropertyName(p))));
            node = new LogicalWindowAggregate(pre, keys, _window.Window, _window.TimeColumn, _calls, properties, new RowSchema(fields))
            {
                PinnedId = pinnedId,
                Span = s.GroupBy?.Span ?? s.Span,
            };
        }
        else
            node = new LogicalAggregate(pre, keys, _sets, _calls, LogicalAggregate.SchemaOf(pre, keys, _sets, _calls, k => k == _windowTimeKey))
            {
                PinnedId = pinnedId,
                Span = s.GroupBy?.Span ?? s.Span,
            };
        var (withSubqueries, placeSubqueries) = JoinSubqueries(node, _window is null ? e => e : PlaceProperties);
        node = withSubqueries;
        projections = projections.Select(placeSubqueries).ToList();
        having = having is null ? null : placeSubqueries(having);
        if (having is not null) node = new LogicalFilter(node, having);
        var result = LogicalProject.Create(node, projections, QueryBinder.Uniquify(names));
        return result.IsIdentity ? node : result;
    }

    /// <summary>Flink emits every property of a group window once an auxiliary function reads one: start, end, and the
    /// time attributes (event-time windows have both rowtime and proctime).</summary>
    private List<WindowProperty> WindowProperties(GroupWindow window)
    {
        if (!_windowPropertiesUsed) return [];
        return window.TimeType.IsRowtime
            ? [WindowProperty.Start, WindowProperty.End, WindowProperty.RowTime, WindowProperty.ProcTime]
            : [WindowProperty.Start, WindowProperty.End, WindowProperty.ProcTime];
    }

    private static string PropertyName(WindowProperty p) => p switch
    {
        WindowProperty.Start => "w$start",
        WindowProperty.End => "w$end",
        WindowProperty.RowTime => "w$rowtime",
        _ => "w$proctime",
    };

    private ScalarExpr PlaceProperties(ScalarExpr e)
    {
        var properties = WindowProperties(_window!);
        return ExpressionRewriting.Remap(e, i => i < PropertyPlaceholder || i >= SubqueryPlaceholder ? i : _keys.Count + _calls.Count + properties.IndexOf((WindowProperty)(i - PropertyPlaceholder)));
    }

    /// <summary>The select list with <c>*</c> and <c>t.*</c> expanded into column references (each must then be grouped).</summary>
    private IEnumerable<SelectItem> SelectItems(SelectQuery s)
    {
        foreach (var item in s.Items)
        {
            if (item.Expression is not StarExpression star)
            {
                yield return item;
                continue;
            }
            if (_scope.Entries.Count == 0) throw new SqlValidationException("SELECT * requires a FROM clause", star.Span);
            foreach (var entry in _scope.Entries)
            {
                if (star.Qualifier is not null && !ReferenceEquals(entry, _scope.FindEntry(star.Qualifier, star.Span))) continue;
                foreach (var field in entry.Schema.Fields)
                {
                    IReadOnlyList<string> parts = entry.Qualifier is null ? [field.Name] : [entry.Qualifier, field.Name];
                    yield return new SelectItem(new ColumnReference(parts, star.Span), null, star.Span);
                }
            }
        }
    }

    // ------------------------------------------------------------------ GROUP BY

    private void BindGroupBy(GroupByClause groupBy)
    {
        // Calcite numbers the keys in the order the clause writes them (ROLLUP (a, b), window_start → a, b, window_start);
        // Flink's $e ids count the keys in that order.
        var written = groupBy.Expressions.Where(e => !IsGroupWindow(e))
            .Concat(groupBy.GroupingElements.SelectMany(g => g.Sets.SelectMany(set => set)))
            .OrderBy(e => e.Span.StartOffset);
        foreach (var e in written) Key(e);
        var plain = new List<int>();
        foreach (var e in groupBy.Expressions)
        {
            if (IsGroupWindow(e))
            {
                var call = (FunctionCall)e;
                if (_window is not null) throw new SqlValidationException("Only one group window (TUMBLE, HOP or SESSION) is allowed in GROUP BY", e.Span);
                _window = BindGroupWindow(call);
                continue;
            }
            plain.Add(Key(e));
        }
        if (_window is not null && groupBy.GroupingElements.Count > 0)
            throw Unsupported.Feature("GROUPING SETS, ROLLUP or CUBE with a group window", groupBy.GroupingElements[0].Span);
        // The time attribute follows the keys in the aggregation's input (the keys come first).
        if (_window is not null) _window = _window with { TimeColumn = Argument(_window.TimeSyntax, _window.Arguments[0]) };
        // Each grouping element is a list of alternative sets; the block's sets are every combination, plus the plain keys.
        var combinations = new List<List<int>> { new(plain) };
        foreach (var element in groupBy.GroupingElements)
        {
            var alternatives = Alternatives(element).Select(set => set.Select(Key).ToList()).ToList();
            var next = new List<List<int>>();
            foreach (var combination in combinations)
                foreach (var alternative in alternatives)
                    next.Add(combination.Concat(alternative).Distinct().ToList());
            combinations = next;
        }
        if (groupBy.GroupingElements.Count == 0) return;
        var sets = combinations.Select(c => (IReadOnlyList<int>)c.Order().ToList()).ToList();
        for (int i = 0; i < sets.Count; i++)
            for (int j = 0; j < i; j++)
                if (sets[i].SequenceEqual(sets[j]))
                    throw Unsupported.Feature("the same grouping set twice (GROUP_ID)", groupBy.Span);
        // Calcite's order: enclosing sets first, then by their keys.
        sets.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : CompareLexically(a, b));
        if (sets.Count == 1 && sets[0].Count == _keys.Count) return;
        _sets = sets;
    }

    private static bool IsGroupWindow(Expression e) =>
        e is FunctionCall { Over: null } call && call.Name.Last.ToUpperInvariant() is "TUMBLE" or "HOP" or "SESSION";

    private static int CompareLexically(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
            if (a[i] != b[i]) return a[i].CompareTo(b[i]);
        return a.Count.CompareTo(b.Count);
    }

    /// <summary>The sets a GROUPING SETS / ROLLUP / CUBE element stands for.</summary>
    private static List<List<Expression>> Alternatives(GroupingElement element)
    {
        var parts = element.Sets;
        switch (element.Kind)
        {
            case GroupingKind.Rollup:
            {
                var result = new List<List<Expression>>();
                for (int n = parts.Count; n >= 0; n--) result.Add(parts.Take(n).SelectMany(p => p).ToList());
                return result;
            }
            case GroupingKind.Cube:
            {
                var result = new List<List<Expression>>();
                int count = 1 << parts.Count;
                for (int mask = count - 1; mask >= 0; mask--)
                {
                    var set = new List<Expression>();
                    for (int i = 0; i < parts.Count; i++)
                        if ((mask & (1 << (parts.Count - 1 - i))) != 0) set.AddRange(parts[i]);
                    result.Add(set);
                }
                return result;
            }
            default:
                return parts.Select(p => p.ToList()).ToList();
        }
    }

    /// <summary>The key number of a GROUP BY expression (bound over the input; equal expressions are one key).</summary>
    private int Key(Expression e)
    {
        var groupBinder = new ExpressionBinder(_scope, aggregateMisplaced: "Aggregate expression is illegal in GROUP BY clause");
        var bound = groupBinder.Bind(e);
        int i = _keys.IndexOf(bound);
        if (i >= 0) return i;
        _keys.Add(bound);
        _pre.Add(bound);
        _preNames.Add(NameOf(e, bound, _pre.Count - 1));
        return _keys.Count - 1;
    }

    private string NameOf(Expression syntax, ScalarExpr bound, int position) =>
        syntax is ColumnReference c && bound is InputRef ? _scope.Resolve(c).Field.Name : $"$f{position}";

    /// <summary>The pre-aggregation column computing <paramref name="bound"/> (shared by equal expressions).</summary>
    private int Argument(Expression syntax, ScalarExpr bound)
    {
        int i = _pre.IndexOf(bound);
        if (i >= 0) return i;
        _pre.Add(bound);
        _preNames.Add(NameOf(syntax, bound, _pre.Count - 1));
        return _pre.Count - 1;
    }

    /// <summary><c>TUMBLE(ts, size)</c>, <c>HOP(ts, slide, size)</c>, <c>SESSION(ts, gap)</c> in GROUP BY.</summary>
    private GroupWindow BindGroupWindow(FunctionCall call)
    {
        string name = call.Name.Last.ToUpperInvariant();
        int arity = name == "HOP" ? 3 : 2;
        if (call.Arguments.Count != arity)
            throw new SqlValidationException(name switch
            {
                "HOP" => "HOP takes a time attribute, a slide and a size: HOP(time_attr, INTERVAL slide, INTERVAL size)",
                "SESSION" => "SESSION takes a time attribute and a gap: SESSION(time_attr, INTERVAL gap)",
                _ => "TUMBLE takes a time attribute and a size: TUMBLE(time_attr, INTERVAL size)",
            }, call.Span);
        var time = new ExpressionBinder(_scope, aggregateMisplaced: "Aggregate expression is illegal in GROUP BY clause").Bind(call.Arguments[0]);
        if (time is InputRef) WindowArguments.CheckNotProcessingTimeInBatch(time.Type, _batchMode, call.Arguments[0].Span);
        if (time is not InputRef || !WindowArguments.IsWindowTime(time.Type, _batchMode))
        {
            string column = call.Arguments[0] is ColumnReference c ? c.Name : call.Arguments[0].ToString() ?? "";
            throw new SqlValidationException($"Window can only be defined on a time attribute column, but is type of {time.Type.WithoutTimeAttribute()}."
                + WindowArguments.TimeAttributeHint(column, time.Type, _batchMode), call.Arguments[0].Span);
        }
        WindowSpec window = name switch
        {
            "TUMBLE" => new TumbleWindow(WindowArguments.Interval(call.Arguments[1], name, "size"), null),
            "HOP" => new HopWindow(WindowArguments.Interval(call.Arguments[2], name, "size"), WindowArguments.Interval(call.Arguments[1], name, "slide"), null),
            _ => new SessionWindow(WindowArguments.Interval(call.Arguments[1], name, "gap"), []),
        };
        // Flink's batch planner has no session group window (BatchPhysicalWindowAggregateRule).
        if (_batchMode && window is SessionWindow session)
        {
            string column = call.Arguments[0] is ColumnReference c ? c.Name : call.Arguments[0].ToString() ?? "";
            throw new SqlValidationException(
                $"Window SessionGroupWindow('w$, {column}, {(long)session.Gap.TotalMilliseconds}) is not supported right now.", call.Span);
        }
        var arguments = call.Arguments.Select(a => new ExpressionBinder(_scope).Bind(a)).ToList();
        return new GroupWindow(name, window, arguments, call.Arguments[0], -1, time.Type);
    }

    /// <summary>TUMBLE_START(ts, size) and the other auxiliary functions: a window property of the GROUP BY's group window.</summary>
    private ScalarExpr? BindWindowAuxiliary(FunctionCall f, string name)
    {
        int underscore = name.IndexOf('_', StringComparison.Ordinal);
        string function = name[..underscore];
        var property = name[(underscore + 1)..] switch
        {
            "START" => WindowProperty.Start,
            "END" => WindowProperty.End,
            "ROWTIME" => WindowProperty.RowTime,
            _ => WindowProperty.ProcTime,
        };
        var arguments = f.Arguments.Select(a => new ExpressionBinder(_scope).Bind(a)).ToList();
        if (_window is null || _window.Function != function || !_window.Arguments.SequenceEqual(arguments))
            throw new SqlValidationException($"Call to auxiliary group function '{name}' must have matching call to group function '${function}' in GROUP BY clause", f.Span);
        if (property == WindowProperty.RowTime && !_window.TimeType.IsRowtime)
            throw new SqlValidationException($"{name} needs an event-time window; this window is on processing time", f.Span);
        _windowPropertiesUsed = true;
        var field = LogicalWindowAggregate.PropertyField(property, _window.TimeType, "");
        return new InputRef(PropertyPlaceholder + (int)property, field.Type);
    }

    private static bool IsWindowAuxiliary(string name) =>
        name is "TUMBLE_START" or "TUMBLE_END" or "TUMBLE_ROWTIME" or "TUMBLE_PROCTIME" or "HOP_START" or "HOP_END" or "HOP_ROWTIME"
            or "HOP_PROCTIME" or "SESSION_START" or "SESSION_END" or "SESSION_ROWTIME" or "SESSION_PROCTIME";

    // ------------------------------------------------------------------ select list and HAVING

    /// <summary>Answers the nodes of the select list and HAVING that the aggregation computes: aggregate calls, grouping
    /// functions, group keys and constants; null lets the binder descend into the node's parts.</summary>
    private ScalarExpr? Intercept(Expression e)
    {
        if (e is FunctionCall { Over: null } f)
        {
            string name = f.Name.Last.ToUpperInvariant();
            if (name is "GROUPING" or "GROUPING_ID" or "GROUP_ID") return BindGroupingFunction(f, name);
            if (IsWindowAuxiliary(name)) return BindWindowAuxiliary(f, name);
            if (AggregateFunctions.IsJsonAggregate(name)) return BindJsonAggregate(f, name);
            if (AggregateFunctions.IsCollect(name)) return BindCollect(f);
            if (AggregateFunctions.IsSingleValue(name)) return BindSingleValue(f);
            if (AggregateFunctions.IsPercentile(name)) return BindPercentile(f);
            if (AggregateFunctions.IsKnown(name)) return BindAggregateCall(f, name);
        }
        if (e is ScalarSubqueryExpression or InSubqueryExpression or ExistsExpression) return SubqueryPlaceholderOf(e);
        if (ExpressionTrees.ContainsAggregate(e) || SubqueryValueBinder.Find([e]).Count > 0) return null;
        var bound = _rowBinder.Bind(e);
        int key = _keys.IndexOf(bound);
        if (key >= 0) return new InputRef(key, AggregateOutputType(key));
        if (FieldOfKey(bound, e.Span) is { } field) return field;
        if (e is ColumnReference c) throw new SqlValidationException($"Expression '{c}' is not being grouped", c.Span);
        var inputs = new HashSet<int>();
        ExpressionRewriting.CollectInputs(bound, inputs);
        return inputs.Count == 0 ? bound : null;
    }

    /// <summary>A field of a grouped ROW (<c>r.a</c>, <c>x.r.a.b</c> under <c>GROUP BY r</c>), as Calcite accepts an
    /// expression over a group key: the field read from the key's output.</summary>
    private ScalarExpr? FieldOfKey(ScalarExpr bound, SourceSpan span)
    {
        if (bound is not Call { Function: NestedFunctions.FieldAccess } access) return null;
        int key = _keys.IndexOf(access.Operands[0]);
        var row = key >= 0 ? new InputRef(key, AggregateOutputType(key)) : FieldOfKey(access.Operands[0], span);
        return row is null ? null : ExpressionBinder.MakeCall(NestedFunctions.FieldAccess, [row, access.Operands[1]], span);
    }

    /// <summary>
    /// The key that is a window table function's <c>window_time</c> in an aggregation grouped by its window_start and
    /// window_end (a window aggregation): it stays an event-time attribute, so window aggregations can be cascaded. -1: none.
    /// </summary>
    private int WindowTimeKey(LogicalNode input)
    {
        var node = input;
        var map = Enumerable.Range(0, input.Schema.Count).ToArray();
        while (true)
        {
            switch (node)
            {
                case LogicalFilter f:
                    node = f.Input;
                    continue;
                case LogicalProject p when p.Projections.All(e => e is InputRef):
                    map = map.Select(i => ((InputRef)p.Projections[i]).Index).ToArray();
                    node = p.Input;
                    continue;
                case LogicalWindowTableFunction w:
                {
                    int Role(int key) => _keys[key] is InputRef r ? map[r.Index] - w.WindowStart : -1;
                    var roles = Enumerable.Range(0, _keys.Count).Select(Role).ToList();
                    return roles.Contains(0) && roles.Contains(1) ? roles.IndexOf(2) : -1;
                }
                default:
                    return -1;
            }
        }
    }

    private SqlType AggregateOutputType(int key)
    {
        var type = key == _windowTimeKey ? _keys[key].Type : _keys[key].Type.WithoutTimeAttribute();
        return _sets is not null && _sets.Any(s => !s.Contains(key)) ? type.WithNullable(true) : type;
    }

    private ScalarExpr BindAggregateCall(FunctionCall f, string name)
    {
        var args = new List<ScalarExpr>();
        var argSyntax = new List<Expression>();
        foreach (var a in f.Arguments)
        {
            if (a is StarExpression star)
            {
                if (name != "COUNT" || f.Arguments.Count != 1) throw new SqlValidationException("'*' is only allowed in a select list or COUNT(*)", star.Span);
                continue;
            }
            args.Add(_argumentBinder.Bind(a));
            argSyntax.Add(a);
        }
        if (name == "COUNT" && f.Arguments.Count == 0)
            throw new SqlValidationException("Invalid number of arguments to function 'COUNT'. Was expecting 1 arguments", f.Span);
        bool separatorIsLiteral = name != "LISTAGG" || args.Count < 2 || args[1] is Literal { Value: string };
        AggregateFunctionKind kind;
        SqlType resultType;
        Functions.UserDefined.UserFunctionCall? user = null;
        if (AggregateFunctions.FindUser(name) is { } userFunction)
        {
            (user, args) = UserAggregateCalls.Resolve(userFunction, args, f.Distinct, f.Span);
            (kind, resultType) = (AggregateFunctionKind.User, user.Method.ReturnType.WithNullable(true));
        }
        else
        {
            try
            {
                (kind, resultType) = AggregateFunctions.Resolve(name, args.Select(a => a.Type).ToList(), separatorIsLiteral);
            }
            catch (FunctionResolutionException ex)
            {
                throw new SqlValidationException(ex.Message, f.Span);
            }
        }

        var argIndexes = new List<int>();
        for (int i = 0; i < args.Count; i++) argIndexes.Add(Argument(argSyntax[i], args[i]));
        if (f.Nulls is { } nulls && kind != AggregateFunctionKind.ArrayAgg)
            throw new SqlValidationException($"Cannot specify IGNORE NULLS or RESPECT NULLS following '{name}'", nulls.Span);
        int filter = -1;
        if (f.Filter is not null)
        {
            var condition = _argumentBinder.Bind(f.Filter);
            if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
                throw new SqlValidationException($"FILTER clause must be a condition (BOOLEAN), but is {condition.Type}", f.Filter.Span);
            var passes = ExpressionBinder.MakeCall("IS TRUE", [condition], f.Filter.Span);
            // IGNORE NULLS skips the rows whose value is NULL, as a FILTER would (Flink's ArrayAggFunction ignoreNulls).
            if (f.Nulls is { Ignore: true } ignore)
                passes = ExpressionBinder.MakeCall("AND", [passes, ExpressionBinder.MakeCall("IS NOT NULL", [args[0]], ignore.Span)], ignore.Span);
            filter = Argument(f.Filter, passes);
        }
        else if (f.Nulls is { Ignore: true } ignore)
        {
            filter = Argument(f, ExpressionBinder.MakeCall("IS NOT NULL", [args[0]], ignore.Span));
        }
        string? separator = kind == AggregateFunctionKind.ListAgg ? args.Count > 1 ? (string)((Literal)args[1]).Value! : "," : null;
        int output = _keys.Count + _calls.Count;
        string callName = ReferenceEquals(f, _currentItem) ? _currentItemName! : $"$f{output}";
        // APPROX_COUNT_DISTINCT is distinct by itself (its sketch); DISTINCT written in it changes nothing.
        var call = new AggregateCall(kind, argIndexes, f.Distinct && kind != AggregateFunctionKind.ApproxCountDistinct, filter, resultType, callName) { Separator = separator, UserAggregate = user };
        for (int i = 0; i < _calls.Count; i++)
            if (_calls[i].SameComputation(call)) return new InputRef(_keys.Count + i, _calls[i].ResultType);
        _calls.Add(call);
        return new InputRef(output, resultType);
    }

    /// <summary>GROUPING(k, ...) / GROUPING_ID(k, ...) over group keys, the same bit vector (Calcite's GROUPING takes
    /// several keys too); GROUP_ID() is 0 (grouping sets are never repeated here).</summary>
    private ScalarExpr BindGroupingFunction(FunctionCall f, string name)
    {
        if (name == "GROUP_ID")
        {
            if (f.Arguments.Count != 0) throw new SqlValidationException("Invalid number of arguments to function 'GROUP_ID'. Was expecting 0 arguments", f.Span);
            return new Literal(0L, SqlType.BigInt.AsNotNull());
        }
        if (f.Arguments.Count == 0)
            throw new SqlValidationException($"Invalid number of arguments to function '{name}'", f.Span);
        var keys = new List<int>();
        foreach (var a in f.Arguments)
        {
            int key = _keys.IndexOf(_rowBinder.Bind(a));
            if (key < 0) throw new SqlValidationException($"Argument to {name} operator must be a grouped expression", a.Span);
            keys.Add(key);
        }
        // Without grouping sets every key is in the one set.
        if (_sets is null) return new Literal(0L, SqlType.BigInt.AsNotNull());
        var kind = name == "GROUPING" ? AggregateFunctionKind.Grouping : AggregateFunctionKind.GroupingId;
        int output = _keys.Count + _calls.Count;
        string callName = ReferenceEquals(f, _currentItem) ? _currentItemName! : $"$f{output}";
        var call = new AggregateCall(kind, keys, false, -1, SqlType.BigInt.AsNotNull(), callName);
        for (int i = 0; i < _calls.Count; i++)
            if (_calls[i].SameComputation(call)) return new InputRef(_keys.Count + i, call.ResultType);
        _calls.Add(call);
        return new InputRef(output, call.ResultType);
    }
}
