using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Flink's OVER aggregation in a select list: <c>agg(x) OVER (PARTITION BY k ORDER BY ts {ROWS | RANGE} BETWEEN ...
/// PRECEDING AND CURRENT ROW)</c>, written inline or through <c>WINDOW w AS (...)</c> (the parser resolves the name).
/// The calls over one window become one <see cref="LogicalOverAggregate"/>; in streaming every OVER call of the SELECT
/// must use the same window (Flink's limitation), in batch mode each distinct window is one more aggregate stacked on the
/// one before (Calcite's window groups, which Flink's batch planner runs one after the other). The projection above
/// reads the calls' columns through <see cref="Intercept"/>. Computed arguments and PARTITION BY expressions are
/// appended to the input by a projection below them all.
/// </summary>
internal sealed class OverBinder
{
    private readonly Scope _scope;
    private readonly ExpressionBinder _arguments;
    private readonly ExpressionBinder _windowExpressions;
    private readonly List<ScalarExpr> _extra = new();
    private readonly List<WindowGroup> _groups = new();
    private readonly Dictionary<Expression, (int Group, int Call)> _callOfSyntax = new(ReferenceEqualityComparer.Instance);
    private SourceSpan? _differentWindow;
    private int _inputCount;
    private readonly bool _batchMode;

    /// <summary>A call's name until <see cref="AddCall"/> places it in its window.</summary>
    private const string Unnamed = "";

    /// <summary>The calls over one window; <see cref="FrameRead"/> says whether one of them reads its frame (batch
    /// mode's ranking functions and LAG/LEAD do not, and take any frame).</summary>
    private sealed class WindowGroup(BoundWindow window, SourceSpan firstSpan, bool frameRead)
    {
        public BoundWindow Window { get; set; } = window;
        public SourceSpan FirstSpan { get; } = firstSpan;
        public bool FrameRead { get; set; } = frameRead;
        public List<AggregateCall> Calls { get; } = new();
    }

    /// <summary>A bound window; <paramref name="BatchOrderKeys"/> is the batch form's ORDER BY (any columns, any
    /// direction), null in streaming, where <paramref name="OrderColumn"/> is the one ascending key — or, with
    /// an <see cref="OrderError"/>, the first ORDER BY key (-1 for none) of an ordering refused after the changelog check.</summary>
    private sealed record BoundWindow(string Partition, IReadOnlyList<int> PartitionKeys, int OrderColumn, OverFrame Frame,
        IReadOnlyList<RankOrderKey>? BatchOrderKeys = null, string Order = "")
    {
        /// <summary>Streaming: why the ordering cannot run, reported after the changelog check.</summary>
        public OverOrderError? OrderError { get; init; }

        /// <summary>Streaming: ordered by processing time, where every row comes at a time of its own.</summary>
        public bool OrderIsProctime { get; init; }
    }

    /// <param name="subqueryValues">The columns of the select list's scalar, IN and EXISTS subqueries (joined to the
    /// rows below), for the calls' arguments and windows; null when there are none.</param>
    public OverBinder(Scope scope, bool batchMode = false, Func<Expression, ScalarExpr?>? subqueryValues = null)
    {
        _scope = scope;
        _batchMode = batchMode;
        _arguments = new ExpressionBinder(scope, subqueryValues, "Aggregate expressions cannot be nested");
        _windowExpressions = new ExpressionBinder(scope, subqueryValues, "Aggregate expression is illegal in OVER");
    }

    /// <summary>Whether a select item calls an aggregate with OVER (a rank function alone at the top of an item is the
    /// Top-N pattern, <see cref="RankBinder"/>).</summary>
    public static bool HasOverAggregate(SelectQuery s) =>
        s.Items.Any(i => !RankBinder.IsRankCall(i.Expression) && ContainsOver(i.Expression));

    /// <summary>Whether <paramref name="e"/> calls anything with OVER (outside subqueries).</summary>
    public static bool ContainsOver(Expression e)
    {
        if (e is FunctionCall { Over: not null }) return true;
        foreach (var child in ExpressionTrees.Children(e))
            if (ContainsOver(child)) return true;
        return false;
    }

    /// <summary>Binds every OVER call of the select list; returns the over aggregation over <paramref name="input"/>.</summary>
    public LogicalNode Bind(SelectQuery s, LogicalNode input)
    {
        _inputCount = input.Schema.Count;
        foreach (var item in s.Items) Collect(item.Expression);
        LogicalNode pre = input;
        if (_extra.Count > 0)
        {
            var projections = Enumerable.Range(0, _inputCount).Select(i => (ScalarExpr)new InputRef(i, input.Schema[i].Type)).Concat(_extra).ToList();
            var names = input.Schema.Fields.Select(f => f.Name).Concat(_extra.Select((_, i) => $"$f{_inputCount + i}")).ToList();
            pre = LogicalProject.Create(input, projections, QueryBinder.Uniquify(names));
        }
        // Each window's aggregate keeps its input's columns, so the arguments and keys read below stay where they are.
        for (int g = 0; g < _groups.Count; g++)
        {
            var (w, calls) = (_groups[g].Window, _groups[g].Calls);
            pre = new LogicalOverAggregate(pre, w.PartitionKeys, w.OrderColumn, w.Frame, calls, LogicalOverAggregate.SchemaOf(pre.Schema, calls))
            {
                Span = _groups[g].FirstSpan,
                BatchOrderKeys = w.BatchOrderKeys,
                OrderError = w.OrderError,
                DifferentWindow = g > 0 ? _differentWindow : null,
            };
        }
        return pre;
    }

    /// <summary>The column of an OVER call bound by <see cref="Bind"/>; null for every other node.</summary>
    public ScalarExpr? Intercept(Expression e)
    {
        if (e is not FunctionCall { Over: not null } || !_callOfSyntax.TryGetValue(e, out var at)) return null;
        int column = _inputCount + _extra.Count + at.Call;
        for (int g = 0; g < at.Group; g++) column += _groups[g].Calls.Count;
        return new InputRef(column, _groups[at.Group].Calls[at.Call].ResultType);
    }

    private void Collect(Expression e)
    {
        if (e is FunctionCall { Over: not null } f)
        {
            BindCall(f);
            return;
        }
        foreach (var child in ExpressionTrees.Children(e)) Collect(child);
    }

    private void BindCall(FunctionCall f)
    {
        string name = f.Name.Last.ToUpperInvariant();
        if (f.Name.Parts.Count == 1 && (name is "ROW_NUMBER" or "RANK" or "DENSE_RANK" or "LAG"
                                        || (_batchMode && name is "LEAD" or "NTILE" or "CUME_DIST" or "PERCENT_RANK")))
        {
            BindWindowFunction(f, name);
            return;
        }
        if (name == "LEAD") throw new SqlValidationException("LEAD Function is not supported in stream mode.", f.Span);
        if (name is "PERCENT_RANK" or "CUME_DIST" or "NTILE")
            throw Unsupported.Feature($"{name}() OVER in streaming", f.Span);
        if (AggregateFunctions.IsCollect(name)) throw Unsupported.Feature("COLLECT in an OVER window", f.Span);
        if (AggregateFunctions.IsPercentile(name)) throw Unsupported.Feature("PERCENTILE in an OVER window", f.Span);
        if (AggregateFunctions.IsJsonAggregate(name))
            throw Unsupported.Feature($"{name[..name.IndexOf("AGG", StringComparison.Ordinal)]}AGG in an OVER window (as in Flink)", f.Span);
        if (!AggregateFunctions.IsKnown(name) || f.Name.Parts.Count > 1)
            throw new SqlValidationException($"OVER must be applied to an aggregate function, but {f.Name.Last} is not one", f.Span);
        if (f.Filter is not null) throw Unsupported.Feature("FILTER (WHERE ...) in an OVER aggregate", f.Filter.Span);
        if (f.Nulls is { } nulls) throw new SqlValidationException($"Cannot specify IGNORE NULLS or RESPECT NULLS following '{name}'", nulls.Span);

        int group = UseWindow(BindWindow(f.Over!), f);

        var args = new List<ScalarExpr>();
        foreach (var a in f.Arguments)
        {
            if (a is StarExpression star)
            {
                if (name != "COUNT" || f.Arguments.Count != 1) throw new SqlValidationException("'*' is only allowed in a select list or COUNT(*)", star.Span);
                continue;
            }
            args.Add(_arguments.Bind(a));
        }
        if (name == "COUNT" && f.Arguments.Count == 0)
            throw new SqlValidationException("Invalid number of arguments to function 'COUNT'. Was expecting 1 arguments", f.Span);
        AggregateFunctionKind kind;
        SqlType resultType;
        if (AggregateFunctions.FindUser(name) is { } userFunction)
        {
            var (user, coerced) = UserAggregateCalls.Resolve(userFunction, args, f.Distinct, f.Span);
            AddCall(f, group, new AggregateCall(AggregateFunctionKind.User, coerced.Select(Argument).ToList(), false, -1, user.Method.ReturnType.WithNullable(true),
                Unnamed) { UserAggregate = user });
            return;
        }
        try
        {
            bool separatorIsLiteral = name != "LISTAGG" || args.Count < 2 || args[1] is Literal { Value: string };
            (kind, resultType) = AggregateFunctions.Resolve(name, args.Select(a => a.Type).ToList(), separatorIsLiteral);
        }
        catch (FunctionResolutionException ex)
        {
            throw new SqlValidationException(ex.Message, f.Span);
        }
        if (kind is not (AggregateFunctionKind.Count or AggregateFunctionKind.Sum or AggregateFunctionKind.Sum0 or AggregateFunctionKind.Avg
            or AggregateFunctionKind.Min or AggregateFunctionKind.Max or AggregateFunctionKind.VarPop or AggregateFunctionKind.VarSamp
            or AggregateFunctionKind.StddevPop or AggregateFunctionKind.StddevSamp or AggregateFunctionKind.FirstValue
            or AggregateFunctionKind.LastValue or AggregateFunctionKind.ListAgg or AggregateFunctionKind.ArrayAgg
            or AggregateFunctionKind.BoolAnd or AggregateFunctionKind.BoolOr))
            throw Unsupported.Feature($"{name} as an OVER aggregate", f.Span);

        var argIndexes = args.Select(Argument).ToList();
        string? separator = kind == AggregateFunctionKind.ListAgg ? args.Count > 1 ? (string)((Literal)args[1]).Value! : "," : null;
        AddCall(f, group, new AggregateCall(kind, argIndexes, f.Distinct, -1, resultType, Unnamed) { Separator = separator });
    }

    /// <summary>The window group of a call over <paramref name="window"/>: the first one with the same partitioning,
    /// ordering and (when both read it) frame, else a new one (in streaming, a second one is refused later: see
    /// <see cref="LogicalOverAggregate.DifferentWindow"/>). In batch mode the ranking functions and LAG/LEAD read no
    /// frame (<paramref name="readsFrame"/> false), so they share an aggregates' window whatever its frame.</summary>
    private int UseWindow(BoundWindow window, FunctionCall f, bool readsFrame = true)
    {
        for (int g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            var w = group.Window;
            if (w.Partition != window.Partition || w.OrderColumn != window.OrderColumn || w.Order != window.Order
                || (readsFrame && group.FrameRead && w.Frame != window.Frame))
                continue;
            if (readsFrame && !group.FrameRead)
            {
                group.Window = w with { Frame = window.Frame };
                group.FrameRead = true;
            }
            return g;
        }
        // Streaming runs one window: the others are refused when the plan is translated (Flink's order, after validation).
        if (!_batchMode && _groups.Count > 0) _differentWindow ??= f.Over!.Span;
        _groups.Add(new WindowGroup(window, f.Span, readsFrame));
        return _groups.Count - 1;
    }

    /// <summary>Adds <paramref name="call"/> to its window's calls (once: a call computing the same is shared), named as
    /// Calcite names window calls: <c>w{window}$o{call}</c>.</summary>
    private void AddCall(FunctionCall f, int group, AggregateCall call)
    {
        var calls = _groups[group].Calls;
        int index = calls.FindIndex(c => c.SameComputation(call));
        if (index < 0)
        {
            index = calls.Count;
            calls.Add(call with { Name = $"w{group}$o{index}" });
        }
        _callOfSyntax[f] = (group, index);
    }

    /// <summary>
    /// ROW_NUMBER, RANK, DENSE_RANK and LAG as OVER aggregates (Flink's RowNumberAggFunction, RankAggFunction,
    /// DenseRankAggFunction, LagAggFunction). LAG does not take a frame: its window runs from the partition's start (Calcite
    /// replaces the bounds, keeping ROWS or RANGE). ROW_NUMBER always counts ROWS; RANK and DENSE_RANK keep the window's
    /// frame, which must be unbounded (their accumulators cannot take rows back out).
    /// </summary>
    private void BindWindowFunction(FunctionCall f, string name)
    {
        if (f.Distinct) throw new SqlValidationException($"DISTINCT is not allowed in {name}", f.Span);
        if (f.Filter is not null) throw Unsupported.Feature($"FILTER (WHERE ...) in {name}", f.Filter.Span);
        if (f.Nulls is { } nulls) throw Unsupported.Feature($"IGNORE NULLS / RESPECT NULLS in {name}", nulls.Span);
        var window = BindWindow(f.Over!, windowFunction: true);
        if (name is "LAG" or "LEAD")
        {
            window = window with { Frame = new OverFrame(window.Frame.IsRows, null) };
            int lagGroup = UseWindow(window, f, readsFrame: !_batchMode);
            AddCall(f, lagGroup, BindLag(f, name));
            return;
        }
        if (name == "NTILE")
        {
            AddCall(f, UseWindow(window, f, readsFrame: false), BindNtile(f));
            return;
        }
        if (name is "CUME_DIST" or "PERCENT_RANK")
        {
            if (f.Arguments.Count > 0)
                throw new SqlValidationException($"Invalid number of arguments to function '{name}'. Was expecting 0 arguments", f.Span);
            int distributionGroup = UseWindow(window, f, readsFrame: false);
            var distribution = name == "CUME_DIST" ? AggregateFunctionKind.CumeDist : AggregateFunctionKind.PercentRank;
            AddCall(f, distributionGroup, new AggregateCall(distribution, new List<int>(), false, -1, SqlType.Double.WithNullable(false), Unnamed));
            return;
        }
        if (f.Arguments.Count > 0)
            throw new SqlValidationException($"Invalid number of arguments to function '{name}'. Was expecting 0 arguments", f.Span);
        if (!window.Frame.IsUnbounded)
            throw Unsupported.Feature($"{name}() OVER a window with a bounded frame (only UNBOUNDED PRECEDING)", f.Over!.Span);
        // Calcite gives ROW_NUMBER the frame ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW whatever is written.
        if (name == "ROW_NUMBER") window = window with { Frame = new OverFrame(true, null) };
        int rankGroup = UseWindow(window, f, readsFrame: !_batchMode);
        // Flink processes each row of a processing-time window at its own time, so no two rows are peers: RANK and
        // DENSE_RANK count the rows as ROW_NUMBER does (OverAggregateITCase.testRankOnOver).
        var (kind, arguments) = name switch
        {
            _ when window.OrderIsProctime => (AggregateFunctionKind.RowNumber, new List<int>()),
            "ROW_NUMBER" => (AggregateFunctionKind.RowNumber, new List<int>()),
            // Batch mode ranks by the window's order keys (peers), not by an argument.
            "RANK" => (AggregateFunctionKind.Rank, _batchMode ? new List<int>() : new List<int> { window.OrderColumn }),
            _ => (AggregateFunctionKind.DenseRank, _batchMode ? new List<int>() : new List<int> { window.OrderColumn }),
        };
        AddCall(f, rankGroup, new AggregateCall(kind, arguments, false, -1, SqlType.BigInt.WithNullable(false), Unnamed));
    }

    /// <summary><c>LAG(x [, offset [, default]])</c> and (batch mode) <c>LEAD</c>: the offset a non-negative integer literal; the default is cast to x's
    /// type, and makes the result NOT NULL when it and x are.</summary>
    private AggregateCall BindLag(FunctionCall f, string name)
    {
        if (f.Arguments.Count is < 1 or > 3)
            throw new SqlValidationException($"Invalid number of arguments to function '{name}'. Was expecting 1 to 3 arguments", f.Span);
        var value = _arguments.Bind(f.Arguments[0]);
        int offset = 1;
        if (f.Arguments.Count > 1)
        {
            if (_arguments.Bind(f.Arguments[1]) is not Literal { Value: not null } l
                || l.Type.Kind is not (SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt)
                || Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture) is < 0 or > int.MaxValue)
                throw new SqlValidationException($"The offset of {name} must be a non-negative integer literal", f.Arguments[1].Span);
            offset = Convert.ToInt32(l.Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        var arguments = new List<int> { Argument(value) };
        var resultType = value.Type.WithoutTimeAttribute().WithNullable(true);
        if (f.Arguments.Count > 2)
        {
            var fallback = _arguments.Bind(f.Arguments[2]);
            if (!CastRules.CanCast(fallback.Type, value.Type.WithoutTimeAttribute()))
                throw new SqlValidationException($"Cannot apply '{name}' to arguments of type '{name}({value.Type.WithoutTimeAttribute()}, INTEGER, {fallback.Type})'", f.Span);
            if (!fallback.Type.Equals(value.Type.WithoutTimeAttribute()))
                fallback = new Call("CAST", new[] { fallback }, value.Type.WithoutTimeAttribute().WithNullable(fallback.Type.Nullable));
            arguments.Add(Argument(fallback));
            resultType = value.Type.WithoutTimeAttribute().WithNullable(value.Type.Nullable || fallback.Type.Nullable);
        }
        return new AggregateCall(name == "LAG" ? AggregateFunctionKind.Lag : AggregateFunctionKind.Lead, arguments, false, -1, resultType, Unnamed) { LagOffset = offset };
    }

    /// <summary><c>NTILE(n)</c>: n a positive integer literal.</summary>
    private AggregateCall BindNtile(FunctionCall f)
    {
        if (f.Arguments.Count != 1)
            throw new SqlValidationException("Invalid number of arguments to function 'NTILE'. Was expecting 1 arguments", f.Span);
        if (_arguments.Bind(f.Arguments[0]) is not Literal { Value: not null } l
            || l.Type.Kind is not (SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt)
            || Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > int.MaxValue)
            throw new SqlValidationException("The argument of NTILE must be a positive integer literal", f.Arguments[0].Span);
        int buckets = Convert.ToInt32(l.Value, System.Globalization.CultureInfo.InvariantCulture);
        return new AggregateCall(AggregateFunctionKind.Ntile, new List<int>(), false, -1, SqlType.BigInt.WithNullable(false), Unnamed) { LagOffset = buckets };
    }

    private int Argument(ScalarExpr bound)
    {
        if (bound is InputRef r) return r.Index;
        int i = _extra.IndexOf(bound);
        if (i < 0)
        {
            i = _extra.Count;
            _extra.Add(bound);
        }
        return _inputCount + i;
    }

    /// <param name="windowFunction">ROW_NUMBER, RANK, DENSE_RANK or LAG, which need an ORDER BY in streaming.</param>
    private BoundWindow BindWindow(WindowSpecification over, bool windowFunction = false)
    {
        var partition = new List<int>();
        // An expression is computed below the aggregation like a computed argument (Calcite's ProjectToWindowRule).
        foreach (var p in over.PartitionBy)
        {
            var bound = _windowExpressions.Bind(p);
            if (_batchMode && !IsSortable(bound.Type))
                throw new SqlValidationException($"OVER windows cannot be partitioned by a value of type {bound.Type} in batch mode", p.Span);
            partition.Add(Argument(bound));
        }
        if (_batchMode) return BindBatchWindow(over, partition);
        if (over.OrderBy.Count == 0)
        {
            if (windowFunction)
                throw new SqlValidationException("OVER windows in streaming need an ORDER BY on a time attribute (ORDER BY rowtime or proctime)", over.Span);
            // An aggregate over the whole partition: Flink refuses its ordering (no key) when it translates the plan.
            return new BoundWindow(string.Join(",", partition), partition, -1, UncheckedFrame(over.Frame))
            {
                OrderError = OverOrderError.Of(0, false, over.Span, over.Span),
            };
        }
        var order = over.OrderBy[0];
        var orderExpression = _windowExpressions.Bind(order.Expression);
        // PROCTIME() itself orders as a processing-time attribute does (Flink's ORDER BY proctime()).
        bool timeAttribute = orderExpression is InputRef { Type.IsTimeAttribute: true } || orderExpression.Type.IsProctime;
        var orderError = OverOrderError.Of(over.OrderBy.Count, order.Descending, order.Span, over.OrderBy[^1].Span);
        if (orderError is null && !timeAttribute)
        {
            if (!IsSortable(orderExpression.Type))
                throw Unsupported.Feature($"OVER windows ordered by a value of type {orderExpression.Type} in streaming", order.Span);
            orderError = NonTimeFrameError(over.Frame);
        }
        // An ordering that cannot run is reported after the changelog check (Flink's order); its frame is not read.
        var frame = orderError is not null ? UncheckedFrame(over.Frame)
            : timeAttribute ? BindFrame(over.Frame, orderExpression.Type)
            : new OverFrame(over.Frame?.Unit == FrameUnit.Rows, null);
        // The keys as bound columns, so that `ts` and `bids.ts` order the same window.
        string orderText = string.Join(",", over.OrderBy.Select((o, i) =>
            $"{Argument(i == 0 ? orderExpression : _windowExpressions.Bind(o.Expression))}{(o.Descending ? "d" : "a")}{(o.NullsFirst is { } first ? first ? "f" : "l" : "")}"));
        return new BoundWindow(string.Join(",", partition), partition, Argument(orderExpression), frame, Order: orderText)
        {
            OrderError = orderError,
            OrderIsProctime = orderExpression.Type.IsProctime,
        };
    }

    /// <summary>
    /// A non-time ORDER BY (Flink 2.1's NonTimeRowsUnboundedPrecedingFunction and NonTimeRangeUnboundedPrecedingFunction)
    /// runs ROWS or RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW only; the other frames are refused with Flink's
    /// messages when the plan is translated (null: the frame runs).
    /// </summary>
    private static OverOrderError? NonTimeFrameError(WindowFrame? frame)
    {
        if (frame is null) return null;
        RefuseEndAfterCurrentRow(frame);
        return frame.Start.Kind switch
        {
            FrameBoundKind.UnboundedPreceding => null,
            FrameBoundKind.Preceding => OverOrderError.NonTimeBoundedFrame(frame.Start.Span),
            FrameBoundKind.CurrentRow => OverOrderError.FrameNotPreceding(frame.Start.Span),
            _ => throw Unsupported.Feature($"OVER {(frame.Unit == FrameUnit.Rows ? "ROWS" : "RANGE")} windows that start after the current row", frame.Start.Span),
        };
    }

    /// <summary>The frame of a window whose ordering is refused: its unit and bounds' kinds, the offsets unread.</summary>
    private static OverFrame UncheckedFrame(WindowFrame? frame)
    {
        if (frame is not null) RefuseEndAfterCurrentRow(frame);
        return new OverFrame(frame?.Unit == FrameUnit.Rows, frame?.Start.Kind == FrameBoundKind.CurrentRow ? 0 : null);
    }

    /// <summary>Streaming frames end at the current row.</summary>
    private static void RefuseEndAfterCurrentRow(WindowFrame frame)
    {
        if (frame.End is { Kind: not FrameBoundKind.CurrentRow } end)
            throw Unsupported.Feature($"OVER {(frame.Unit == FrameUnit.Rows ? "ROWS" : "RANGE")} windows that end after the current row (only ... AND CURRENT ROW)", end.Span);
    }

    /// <summary>
    /// Batch mode (Flink's BatchPhysicalOverAggregate): the ORDER BY takes any orderable columns or expressions, ascending
    /// or descending (Flink's default null order: first ascending, last descending), or none (every row of the partition is
    /// a peer of every other). Frames: see <see cref="BindBatchFrame"/>.
    /// </summary>
    private BoundWindow BindBatchWindow(WindowSpecification over, List<int> partition)
    {
        var keys = new List<RankOrderKey>();
        var firstType = SqlType.BigInt;
        foreach (var o in over.OrderBy)
        {
            var bound = _windowExpressions.Bind(o.Expression);
            if (!IsSortable(bound.Type))
                throw new SqlValidationException($"OVER windows cannot be ordered by a value of type {bound.Type} in batch mode", o.Span);
            if (keys.Count == 0) firstType = bound.Type;
            keys.Add(new RankOrderKey(Argument(bound), o.Descending, o.NullsFirst ?? !o.Descending));
        }
        var frame = BindBatchFrame(over, keys.Count, firstType);
        string order = string.Join(",", keys.Select(k => $"{k.Column}{(k.Descending ? "d" : "a")}{(k.NullsFirst ? "f" : "l")}"));
        return new BoundWindow(string.Join(",", partition), partition, keys.Count > 0 ? keys[0].Column : -1, frame, keys, order);
    }

    /// <summary>
    /// A batch frame (Flink's batch OverAggregate takes them all): each bound UNBOUNDED, CURRENT ROW or n PRECEDING /
    /// FOLLOWING, for ROWS a count of rows (a non-negative integer literal), for RANGE a distance from the one order key's
    /// value: a non-negative integer literal over a numeric key, a day-time interval literal over a DATE, TIME or TIMESTAMP key.
    /// </summary>
    private OverFrame BindBatchFrame(WindowSpecification over, int orderKeys, SqlType orderType)
    {
        if (over.Frame is not { } frame) return new OverFrame(false, null);
        bool rows = frame.Unit == FrameUnit.Rows;
        var start = frame.Start;
        var end = frame.End ?? new FrameBound(FrameBoundKind.CurrentRow, null, frame.Span);
        if (start.Kind == FrameBoundKind.UnboundedFollowing)
            throw new SqlValidationException("UNBOUNDED FOLLOWING cannot be specified for the lower frame boundary", start.Span);
        if (end.Kind == FrameBoundKind.UnboundedPreceding)
            throw new SqlValidationException("UNBOUNDED PRECEDING cannot be specified for the upper frame boundary", end.Span);
        if (start.Kind == FrameBoundKind.CurrentRow && end.Kind == FrameBoundKind.Preceding)
            throw new SqlValidationException("Upper frame boundary cannot be PRECEDING when lower boundary is CURRENT ROW", end.Span);
        if (start.Kind == FrameBoundKind.Following && end.Kind is FrameBoundKind.Preceding or FrameBoundKind.CurrentRow)
            throw new SqlValidationException("Upper frame boundary cannot be PRECEDING or CURRENT ROW when lower boundary is FOLLOWING", end.Span);

        long Offset(FrameBound bound)
        {
            var offset = _windowExpressions.Bind(bound.Offset!);
            if (rows)
            {
                if (offset is Literal { Value: not null } l && IsInteger(l.Type)
                    && Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture) is var n and >= 0)
                    return n;
                throw new SqlValidationException("The offset of an OVER ROWS window must be a non-negative integer literal", bound.Offset!.Span);
            }
            if (orderKeys != 1)
                throw new SqlValidationException(orderKeys == 0
                    ? "An OVER RANGE window with an offset needs an ORDER BY"
                    : "An OVER RANGE window with an offset must be ordered by one key (RANGE clause cannot be used with compound ORDER BY clause)", bound.Span);
            if (IsInteger(orderType) || orderType.Kind is SqlTypeKind.Decimal or SqlTypeKind.Float or SqlTypeKind.Double)
            {
                if (offset is Literal { Value: not null } l && IsInteger(l.Type)
                    && Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture) is var n and >= 0)
                    return n;
                throw new SqlValidationException(
                    $"The offset of an OVER RANGE window ordered by {orderType} must be a non-negative integer literal", bound.Offset!.Span);
            }
            if (orderType.Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.Date or SqlTypeKind.Time)
            {
                // In milliseconds, as Flink prints it; over a DATE key the runtime compares whole days, so the rest of a day
                // counts for nothing (Flink's RangeBoundComparatorCodeGenerator divides it by a day: INTERVAL '36' HOUR is one).
                if (offset is Literal { Value: long ms, Type.Kind: SqlTypeKind.IntervalDayTime } && ms >= 0) return ms;
                throw new SqlValidationException(
                    $"The offset of an OVER RANGE window ordered by {orderType.WithoutTimeAttribute()} must be a non-negative day-time interval literal (INTERVAL '10' SECOND)",
                    bound.Offset!.Span);
            }
            throw Unsupported.Feature(
                $"OVER RANGE windows with an offset over an ORDER BY of type {orderType.WithoutTimeAttribute()} in batch mode (a numeric, DATE, TIME or TIMESTAMP key)", bound.Span);
        }

        long? preceding = start.Kind switch
        {
            FrameBoundKind.UnboundedPreceding => null,
            FrameBoundKind.CurrentRow => 0,
            FrameBoundKind.Preceding => Offset(start),
            _ => -Offset(start),
        };
        long? following = end.Kind switch
        {
            FrameBoundKind.UnboundedFollowing => null,
            FrameBoundKind.CurrentRow => 0,
            FrameBoundKind.Following => Offset(end),
            _ => -Offset(end),
        };
        return new OverFrame(rows, preceding, following);
    }

    private static bool IsInteger(SqlType type) => type.Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt;

    /// <summary>The types the batch operator's sort keys encode (the runtime's SortableEncoding.Supports).</summary>
    private static bool IsSortable(SqlType type) => type.Kind is SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt
        or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Char
        or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Date or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth;

    private OverFrame BindFrame(WindowFrame? frame, SqlType orderType)
    {
        // With an ORDER BY and no frame: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW (the SQL default).
        if (frame is null) return new OverFrame(false, null);
        bool rows = frame.Unit == FrameUnit.Rows;
        string unit = rows ? "ROWS" : "RANGE";
        RefuseEndAfterCurrentRow(frame);
        var start = frame.Start;
        switch (start.Kind)
        {
            case FrameBoundKind.UnboundedPreceding:
                return new OverFrame(rows, null);
            case FrameBoundKind.CurrentRow:
                return new OverFrame(rows, 0);
            case FrameBoundKind.Preceding:
                var offset = _windowExpressions.Bind(start.Offset!);
                if (rows)
                {
                    if (offset is Literal { Value: not null } l && l.Type.Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt
                        && Convert.ToInt64(l.Value, System.Globalization.CultureInfo.InvariantCulture) is var n and >= 0)
                        return new OverFrame(true, n);
                    throw new SqlValidationException("The preceding offset of an OVER ROWS window must be a non-negative integer literal", start.Offset!.Span);
                }
                if (offset is Literal { Value: long ms, Type.Kind: SqlTypeKind.IntervalDayTime } && ms >= 0)
                    return new OverFrame(false, ms);
                throw new SqlValidationException(
                    $"The preceding offset of an OVER RANGE window ordered by {orderType.WithoutTimeAttribute()} must be a non-negative day-time interval literal (INTERVAL '10' SECOND)",
                    start.Offset!.Span);
            default:
                throw Unsupported.Feature($"OVER {unit} windows that start after the current row", start.Span);
        }
    }
}
