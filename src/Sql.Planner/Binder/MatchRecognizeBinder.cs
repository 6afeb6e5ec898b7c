using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds <c>source MATCH_RECOGNIZE (...)</c> to a <see cref="LogicalMatch"/>. A DEFINE condition or measure is bound by the
/// ordinary <see cref="ExpressionBinder"/> whose intercept answers every pattern-navigation node (<c>A.price</c>,
/// unqualified columns, FIRST/LAST/PREV, aggregates, MATCH_ROWTIME(), MATCH_PROCTIME(), CLASSIFIER()) with a reference
/// to a <see cref="MatchSlot"/>; the slot's own expression is bound over the input row with the variable's qualifier
/// removed. Refusals use Flink's messages where Flink has one.
/// </summary>
internal sealed class MatchRecognizeBinder
{
    private readonly LogicalNode _input;
    private readonly Scope _inputScope;
    private readonly List<string> _variables = new();
    private readonly Dictionary<string, int> _variableIndex = new(StringComparer.Ordinal);

    private MatchRecognizeBinder(LogicalNode input, Scope inputScope)
    {
        _input = input;
        _inputScope = inputScope;
    }

    public static LogicalNode Bind(MatchRecognizeTableReference reference, LogicalNode input, string? qualifier)
        => new MatchRecognizeBinder(input, Scope.Of(qualifier, input.Schema)).Bind(reference.Clause);

    private LogicalNode Bind(MatchRecognizeClause c)
    {
        if (c.AllRowsPerMatch) throw new SqlValidationException("All rows per match mode is not supported yet.", c.Span);
        var schema = _input.Schema;

        var partitionKeys = new List<int>();
        foreach (var key in c.PartitionBy)
        {
            if (key is not ColumnReference { Parts.Count: 1 } column)
                throw Unsupported.Feature("PARTITION BY an expression in MATCH_RECOGNIZE (partition by columns)", key.Span);
            partitionKeys.Add(_inputScope.Resolve(column).Index);
        }

        if (c.OrderBy.Count == 0 || c.OrderBy[0].Expression is not ColumnReference { Parts.Count: 1 } first
            || !IsTimeAttribute(schema[_inputScope.Resolve(first).Index].Type))
            throw new SqlValidationException("You must specify either rowtime or proctime for order by as the first one.", c.OrderBy.Count > 0 ? c.OrderBy[0].Span : c.Span);
        if (c.OrderBy[0].Descending)
            throw new SqlValidationException("Primary sort order of a streaming table must be ascending on time.", c.OrderBy[0].Span);
        int timeColumn = _inputScope.Resolve(first).Index;
        var thenBy = new List<RankOrderKey>();
        foreach (var item in c.OrderBy.Skip(1))
        {
            if (item.Expression is not ColumnReference { Parts.Count: 1 } column)
                throw Unsupported.Feature("ORDER BY an expression in MATCH_RECOGNIZE (order by columns)", item.Span);
            thenBy.Add(new RankOrderKey(_inputScope.Resolve(column).Index, item.Descending, item.NullsFirst ?? !item.Descending));
        }

        var pattern = BindPattern(c.Pattern);
        if (pattern.CanBeEmpty) throw new SqlValidationException("Patterns that can produce an empty match are not supported.", c.Pattern.Span);
        CheckQuantifiers(c.Pattern, last: true);

        var subsets = new List<(string Name, IReadOnlyList<int> Members)>();
        foreach (var subset in c.Subsets)
        {
            if (_variableIndex.ContainsKey(subset.Name.Value) || subsets.Any(x => x.Name == subset.Name.Value))
                throw new SqlValidationException($"SUBSET name '{subset.Name.Value}' is already a pattern variable or subset", subset.Name.Span);
            var members = new List<int>();
            foreach (var member in subset.Variables)
            {
                if (!_variableIndex.TryGetValue(member.Value, out int m) || m >= _variables.Count)
                    throw new SqlValidationException($"Unknown pattern variable '{member.Value}' in SUBSET", member.Span);
                if (!members.Contains(m)) members.Add(m);
            }
            subsets.Add((subset.Name.Value, members));
        }
        for (int i = 0; i < subsets.Count; i++) _variableIndex[subsets[i].Name] = _variables.Count + i;

        var defines = new MatchExpression?[_variables.Count];
        foreach (var d in c.Defines)
        {
            if (!_variableIndex.TryGetValue(d.Variable.Value, out int v) || v >= _variables.Count)
                throw new SqlValidationException($"Pattern variable '{d.Variable.Value}' in DEFINE does not occur in the PATTERN", d.Variable.Span);
            if (defines[v] is not null) throw new SqlValidationException($"Pattern variable '{d.Variable.Value}' is defined twice", d.Span);
            var condition = BindMatchExpression(d.Condition, v, inDefine: true);
            if (condition.Expression.Type.Kind != SqlTypeKind.Boolean)
                throw new SqlValidationException($"The DEFINE condition of '{d.Variable.Value}' must be a BOOLEAN, not {condition.Expression.Type}", d.Condition.Span);
            defines[v] = condition;
        }

        var measures = new List<MatchExpression>();
        var names = new List<string>();
        var fields = partitionKeys.Select(k => schema[k] with { Type = schema[k].Type.WithoutTimeAttribute() }).ToList();
        foreach (var m in c.Measures)
        {
            var measure = BindMatchExpression(m.Expression, -1, inDefine: false);
            measures.Add(measure);
            names.Add(m.Name.Value);
            fields.Add(new Field(m.Name.Value, measure.Expression.Type));
        }
        var duplicate = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SqlValidationException($"Duplicate column name '{duplicate.Key}' in the output of MATCH_RECOGNIZE", c.Span);

        var skip = c.AfterMatch.Kind switch
        {
            AfterMatchSkipKind.PastLastRow => new MatchSkip(MatchSkipKind.PastLastRow, -1, null),
            AfterMatchSkipKind.ToNextRow => new MatchSkip(MatchSkipKind.ToNextRow, -1, null),
            var kind => new MatchSkip(kind == AfterMatchSkipKind.ToFirst ? MatchSkipKind.ToFirst : MatchSkipKind.ToLast,
                Variable(c.AfterMatch.Variable!), c.AfterMatch.Variable!.Value),
        };

        long? within = null;
        if (c.Within is { } w)
        {
            var literal = LiteralBinder.Interval(w);
            if (literal.Value is not long millis)
                throw new SqlValidationException("WITHIN takes a day-time interval (e.g. INTERVAL '1' HOUR)", w.Span);
            if (millis <= 0) throw new SqlValidationException("The WITHIN interval must be positive", w.Span);
            within = millis;
        }

        return new LogicalMatch(_input, partitionKeys, timeColumn, _variables.ToList(), pattern, defines, measures, names, skip, within,
            new RowSchema(fields)) { Span = c.Span, ThenBy = thenBy, Subsets = subsets };
    }

    private static bool IsTimeAttribute(SqlType type) => type.IsRowtime || type.IsProctime;

    private int Variable(Identifier name) =>
        _variableIndex.TryGetValue(name.Value, out int v) ? v
            : throw new SqlValidationException($"Unknown pattern variable '{name.Value}'", name.Span);

    // ------------------------------------------------------------------ pattern

    private MatchPattern BindPattern(RowPattern p) => p switch
    {
        PatternVariable v => new MatchPatternVariable(v.Name.Value, AddVariable(v.Name.Value)),
        PatternConcatenation c => new MatchPatternSequence(c.Items.Select(BindPattern).ToList()),
        PatternAlternation a => new MatchPatternAlternation(a.Alternatives.Select(BindPattern).ToList()),
        PatternQuantified q => BindQuantified(q),
        _ => throw Unsupported.Feature(p.GetType().Name, p.Span),
    };

    private MatchPattern BindQuantified(PatternQuantified q)
    {
        if (q.Max is 0) throw new SqlValidationException("A row pattern quantifier's upper bound must be positive", q.Span);
        if (q.Reluctant && q.Min == 0 && q.Max == 1)
            throw new SqlValidationException("Reluctant optional variables are not supported yet.", q.Span);
        return new MatchPatternQuantified(BindPattern(q.Pattern), q.Min, q.Max, q.Reluctant);
    }

    private int AddVariable(string name)
    {
        if (_variableIndex.TryGetValue(name, out int v)) return v;
        _variableIndex[name] = _variables.Count;
        _variables.Add(name);
        return _variables.Count - 1;
    }

    /// <summary>Flink's CEP cannot end a pattern with a greedy quantifier (the match would never be known to be complete).</summary>
    private static void CheckQuantifiers(RowPattern p, bool last)
    {
        switch (p)
        {
            case PatternConcatenation c:
                for (int i = 0; i < c.Items.Count; i++) CheckQuantifiers(c.Items[i], last && i == c.Items.Count - 1);
                break;
            case PatternAlternation a:
                foreach (var alternative in a.Alternatives) CheckQuantifiers(alternative, last);
                break;
            case PatternQuantified q:
                if (last && !q.Reluctant && q.Max != q.Min)
                    throw new SqlValidationException(
                        "Greedy quantifiers are not allowed as the last element of a Pattern yet. Finish your pattern with either a simple variable or reluctant quantifier.",
                        q.Span);
                CheckQuantifiers(q.Pattern, last);
                break;
        }
    }

    // ------------------------------------------------------------------ DEFINE and MEASURES

    /// <summary>Binds a condition (of variable <paramref name="defined"/>) or a measure (-1) over navigation slots.</summary>
    private MatchExpression BindMatchExpression(Expression e, int defined, bool inDefine)
    {
        var slots = new List<MatchSlot>();
        var texts = new List<string>();
        ScalarExpr? Intercept(Expression node)
        {
            var slot = Navigation(node, defined, inDefine);
            if (slot is null) return null;
            int at = slots.IndexOf(slot.Value.Slot);
            if (at < 0)
            {
                at = slots.Count;
                slots.Add(slot.Value.Slot);
                texts.Add(slot.Value.Text);
            }
            return new InputRef(at, slot.Value.Slot.Type);
        }
        var binder = new ExpressionBinder(Scope.Empty, Intercept, "Aggregate expression is illegal here");
        var bound = binder.Bind(e);
        var printSchema = new RowSchema(texts.Select((t, i) => new Field(t, slots[i].Type)).ToList());
        string text = ExpressionPrinter.Print(bound, printSchema);
        return new MatchExpression(bound, slots, inDefine ? text : $"FINAL({text})");
    }

    private (MatchSlot Slot, string Text)? Navigation(Expression node, int defined, bool inDefine)
    {
        switch (node)
        {
            case ColumnReference column:
            {
                var (variable, inner, text) = RowExpression(column);
                return (new MatchSlot(MatchSlotKind.Value, variable, MatchNavigation.Last, 0, inner, null, Nullable(inner.Type)),
                    inDefine && (variable == defined || variable < 0) ? $"PREV({text}, 0)" : $"LAST({text}, 0)");
            }
            case FunctionCall f:
            {
                string name = f.Name.Last.ToUpperInvariant();
                switch (name)
                {
                    case "FIRST" or "LAST" or "PREV" or "NEXT":
                    {
                        if (name == "NEXT") throw Unsupported.Feature("NEXT in MATCH_RECOGNIZE (a streaming match cannot look ahead)", f.Span);
                        if (f.Arguments.Count is < 1 or > 2)
                            throw new SqlValidationException($"{name} takes a value of a pattern variable and an optional offset", f.Span);
                        int offset = f.Arguments.Count == 2 ? Offset(f.Arguments[1]) : name == "PREV" ? 1 : 0;
                        var (variable, inner, text) = RowExpression(f.Arguments[0]);
                        var navigation = name switch { "FIRST" => MatchNavigation.First, "LAST" => MatchNavigation.Last, _ => MatchNavigation.Prev };
                        return (new MatchSlot(MatchSlotKind.Value, variable, navigation, offset, inner, null, Nullable(inner.Type)), $"{name}({text}, {offset})");
                    }
                    case "MATCH_ROWTIME":
                    {
                        if (inDefine) throw new SqlValidationException("MATCH_ROWTIME() is only allowed in MEASURES", f.Span);
                        var time = _input.Schema.Fields.FirstOrDefault(x => x.Type.IsRowtime)
                            ?? throw new SqlValidationException("MATCH_ROWTIME() needs an input ordered by a rowtime attribute", f.Span);
                        if (f.Arguments.Count > 1)
                            throw new SqlValidationException("Invalid number of arguments to function 'MATCH_ROWTIME'. Was expecting 0 or 1 arguments", f.Span);
                        // As Flink's MatchRowTimeFunction: without an argument the match's rowtime is a TIMESTAMP(3) rowtime
                        // (its epoch milliseconds read as UTC wall time, also over a TIMESTAMP_LTZ rowtime); with one, the
                        // type of that rowtime attribute.
                        if (f.Arguments.Count == 0)
                            return (new MatchSlot(MatchSlotKind.MatchRowtime, -1, MatchNavigation.Last, 0, null, null,
                                SqlType.Timestamp(3).AsNotNull() with { IsRowtime = true }), "MATCH_ROWTIME()");
                        if (f.Arguments[0] is not ColumnReference argument)
                            throw new SqlValidationException("The function MATCH_ROWTIME requires a field reference as argument, but actual argument is not a simple field reference.", f.Arguments[0].Span);
                        var (_, field, fieldText) = RowExpression(argument);
                        if (!field.Type.IsRowtime)
                            throw new SqlValidationException($"The function MATCH_ROWTIME requires argument to be a row time attribute type, but is '{field.Type}'.", argument.Span);
                        return (new MatchSlot(MatchSlotKind.MatchRowtime, -1, MatchNavigation.Last, 0, null, null, field.Type), $"MATCH_ROWTIME({fieldText})");
                    }
                    case "MATCH_PROCTIME":
                        if (inDefine) throw new SqlValidationException("MATCH_PROCTIME() is only allowed in MEASURES", f.Span);
                        return (new MatchSlot(MatchSlotKind.MatchProctime, -1, MatchNavigation.Last, 0, null, null,
                            SqlType.TimestampLtz(3).AsNotNull() with { IsProctime = true }), "MATCH_PROCTIME()");
                    case "CLASSIFIER":
                        return (new MatchSlot(MatchSlotKind.Classifier, -1, MatchNavigation.Last, 0, null, null, SqlType.String.AsNotNull()), "CLASSIFIER()");
                }
                if (!AggregateFunctions.IsKnown(name)) return null;
                if (f.Distinct) throw Unsupported.Feature("DISTINCT aggregations in MATCH_RECOGNIZE", f.Span);
                if (f.Filter is not null || f.Over is not null) throw Unsupported.Feature($"{name} with FILTER or OVER in MATCH_RECOGNIZE", f.Span);
                var kind = AggregateKind(name, f.Span);
                if (f.Arguments is [StarExpression])
                    return (new MatchSlot(MatchSlotKind.Aggregate, -1, MatchNavigation.Last, 0, null, AggregateFunctionKind.Count, SqlType.BigInt.AsNotNull()), "COUNT(*)");
                if (f.Arguments.Count != 1) throw Unsupported.Feature($"{name} with {f.Arguments.Count} arguments in MATCH_RECOGNIZE", f.Span);
                {
                    var (variable, inner, text) = RowExpression(f.Arguments[0]);
                    SqlType result;
                    try
                    {
                        result = AggregateFunctions.Resolve(name, [inner.Type]).ResultType;
                    }
                    catch (FunctionResolutionException ex)
                    {
                        throw new SqlValidationException(ex.Message, f.Span);
                    }
                    return (new MatchSlot(MatchSlotKind.Aggregate, variable, MatchNavigation.Last, 0, inner, kind, result), $"{name}({text})");
                }
            }
            default:
                return null;
        }
    }

    private static AggregateFunctionKind AggregateKind(string name, SourceSpan span) => name switch
    {
        "COUNT" => AggregateFunctionKind.Count,
        "SUM" => AggregateFunctionKind.Sum,
        "AVG" => AggregateFunctionKind.Avg,
        "MIN" => AggregateFunctionKind.Min,
        "MAX" => AggregateFunctionKind.Max,
        _ => throw Unsupported.Feature($"aggregate function {name} in MATCH_RECOGNIZE (COUNT, SUM, AVG, MIN and MAX are)", span),
    };

    private static SqlType Nullable(SqlType type) => type.WithoutTimeAttribute().WithNullable(true);

    private static int Offset(Expression e)
    {
        if (e is LiteralExpression { Kind: LiteralKind.Integer } l && int.TryParse(l.Text, out int n) && n >= 0) return n;
        throw new SqlValidationException("The offset of a pattern navigation must be a non-negative integer literal", e.Span);
    }

    /// <summary>An expression over one row of a single pattern variable (or of the universal variable when it names
    /// none): the variable, the expression bound over the input row, and its EXPLAIN text.</summary>
    private (int Variable, ScalarExpr Inner, string Text) RowExpression(Expression e)
    {
        int variable = -1;
        string? variableName = null;
        ScalarExpr? Strip(Expression node)
        {
            if (node is FunctionCall f && (f.Name.Last.ToUpperInvariant() is "FIRST" or "LAST" or "PREV" or "NEXT" or "MATCH_ROWTIME" or "CLASSIFIER"
                                           || AggregateFunctions.IsKnown(f.Name.Last)))
                throw new SqlValidationException($"{f.Name.Last.ToUpperInvariant()} cannot be nested inside another pattern navigation or aggregate", f.Span);
            if (node is not ColumnReference { Parts.Count: 2 } column || !_variableIndex.TryGetValue(column.Parts[0], out int v)) return null;
            if (variableName is not null && variable != v)
                throw new SqlValidationException(
                    $"A pattern navigation or aggregate must reference a single pattern variable, but references both '{variableName}' and '{column.Parts[0]}'", e.Span);
            variable = v;
            variableName = column.Parts[0];
            var (index, field) = _inputScope.Resolve(new ColumnReference([column.Parts[1]], column.Span));
            return new InputRef(index, field.Type);
        }
        var inner = new ExpressionBinder(_inputScope, Strip, "Aggregate expressions cannot be nested").Bind(e);
        string text = ExpressionPrinter.Print(inner, _input.Schema);
        return (variable, inner, variableName is null ? text : $"{variableName}.{text}");
    }
}
