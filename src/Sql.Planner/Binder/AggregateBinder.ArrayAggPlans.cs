using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

// The aggregates planned as an ARRAY_AGG under a projection that finishes its list: JSON_ARRAYAGG, JSON_OBJECTAGG and
// COLLECT keep what Flink's functions keep (a list of values, retracting the first equal one), so retraction, two-phase
// merging and windows work as for ARRAY_AGG.
internal sealed partial class AggregateBinder
{
    /// <summary>
    /// <c>JSON_ARRAYAGG(x)</c> and <c>JSON_OBJECTAGG(k VALUE v)</c> as Flink computes them: its JsonArrayAggFunction keeps
    /// a list of each row's value as JSON text, JsonObjectAggFunction a map from key to JSON text. Here: an ARRAY_AGG of
    /// each row's <c>JSON_ARRAY(x)</c> / <c>JSON_ARRAY(k, v)</c> text under a function that joins those texts into the
    /// result. ABSENT ON NULL leaves out the rows whose value is NULL, as a FILTER would.
    /// </summary>
    private ScalarExpr BindJsonAggregate(FunctionCall f, string name)
    {
        bool isObject = name.StartsWith("JSON_OBJECTAGG", StringComparison.Ordinal);
        bool absent = name.EndsWith("_ABSENT_ON_NULL", StringComparison.Ordinal);
        var args = new List<ScalarExpr>();
        foreach (var a in f.Arguments) args.Add(_argumentBinder.Bind(a));
        if (isObject && !args[0].Type.IsCharacterString)
            throw new SqlValidationException($"The key of JSON_OBJECTAGG must be a character string, but it is {args[0].Type}", f.Arguments[0].Span);
        // JSON_OBJECTAGG's element is JSON_ARRAY(k, v) rather than JSON_OBJECT(k, v): a NULL key must reach the result
        // function, which fails the job for it (JSON_OBJECT refuses nullable keys when planning).
        var element = ExpressionBinder.MakeCall("JSON_ARRAY", [new Literal("NULL", SqlType.Char(4).AsNotNull()), .. args], f.Span);
        var passes = FilterCondition(f);
        if (absent) passes = AndPresent(passes, args[^1], f.Span);
        var texts = SqlType.Array(element.Type).WithNullable(true);
        var list = AddListCall(f, element, distinct: false, passes, texts);
        return ExpressionBinder.MakeCall(isObject ? "$JSON_OBJECTAGG_TEXT" : "$JSON_ARRAYAGG_TEXT", [list], f.Span);
    }

    /// <summary>
    /// <c>COLLECT([DISTINCT] x)</c>, Flink's CollectAggFunction: a MULTISET of the values that are not NULL, empty (not
    /// NULL) for a group without any. Here an <c>ARRAY_AGG(x IGNORE NULLS)</c> — a MULTISET is the same list column —
    /// under a function that makes a missing list empty and types it as the MULTISET.
    /// </summary>
    private ScalarExpr BindCollect(FunctionCall f)
    {
        if (f.Arguments.Count != 1 || f.Arguments[0] is StarExpression)
            throw new SqlValidationException("Invalid number of arguments to function 'COLLECT'. Was expecting 1 arguments", f.Span);
        if (f.Nulls is { } nulls) throw new SqlValidationException("Cannot specify IGNORE NULLS or RESPECT NULLS following 'COLLECT'", nulls.Span);
        var value = _argumentBinder.Bind(f.Arguments[0]);
        if (value.Type.Kind == SqlTypeKind.Null)
            throw new SqlValidationException("Cannot apply 'COLLECT' to arguments of type 'COLLECT(<NULL>)'. Supported form(s): 'COLLECT(<ANY>)'", f.Span);
        var passes = AndPresent(FilterCondition(f), value, f.Span);
        var list = AddListCall(f, value, f.Distinct, passes, SqlType.Array(value.Type.WithoutTimeAttribute()).WithNullable(true));
        return ExpressionBinder.MakeCall("$COLLECT_MULTISET", [list], f.Span);
    }

    /// <summary>
    /// <c>SINGLE_VALUE(x)</c>, Flink's SingleValueAggFunction: the group's one value (a NULL counts as a value), NULL for a
    /// group without rows, and the job fails with Flink's message when a group gets a second row. Planned as the ARRAY_AGG
    /// of the values (NULLs kept; a retraction removes one) under <c>$SINGLE_VALUE(list)</c>.
    /// </summary>
    private ScalarExpr BindSingleValue(FunctionCall f)
    {
        if (f.Arguments.Count != 1 || f.Arguments[0] is StarExpression)
            throw new SqlValidationException("Invalid number of arguments to function 'SINGLE_VALUE'. Was expecting 1 arguments", f.Span);
        var value = _argumentBinder.Bind(f.Arguments[0]);
        var list = AddListCall(f, value, false, FilterCondition(f), SqlType.Array(value.Type.WithoutTimeAttribute()).WithNullable(true));
        return ExpressionBinder.MakeCall("$SINGLE_VALUE", [list], f.Span);
    }

    /// <summary>The call's <c>FILTER (WHERE c)</c> as <c>c IS TRUE</c>; null without one.</summary>
    private ScalarExpr? FilterCondition(FunctionCall f)
    {
        if (f.Filter is null) return null;
        var condition = _argumentBinder.Bind(f.Filter);
        if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
            throw new SqlValidationException($"FILTER clause must be a condition (BOOLEAN), but is {condition.Type}", f.Filter.Span);
        return ExpressionBinder.MakeCall("IS TRUE", [condition], f.Filter.Span);
    }

    /// <summary><paramref name="passes"/> AND <paramref name="value"/> IS NOT NULL (only the condition when the value
    /// is never NULL).</summary>
    private static ScalarExpr? AndPresent(ScalarExpr? passes, ScalarExpr value, SourceSpan span)
    {
        if (!value.Type.Nullable) return passes;
        var present = ExpressionBinder.MakeCall("IS NOT NULL", [value], span);
        return passes is null ? present : ExpressionBinder.MakeCall("AND", [passes, present], span);
    }

    /// <summary>The ARRAY_AGG of <paramref name="element"/> over the rows that pass (shared with an equal call), as a
    /// reference to its output column.</summary>
    private InputRef AddListCall(FunctionCall f, ScalarExpr element, bool distinct, ScalarExpr? passes, SqlType listType)
    {
        int filter = passes is null ? -1 : Argument(f.Filter ?? f, passes);
        int output = _keys.Count + _calls.Count;
        string callName = ReferenceEquals(f, _currentItem) ? _currentItemName! : $"$f{output}";
        var call = new AggregateCall(AggregateFunctionKind.ArrayAgg, [Argument(f, element)], distinct, filter, listType, callName);
        int index = _calls.FindIndex(c => c.SameComputation(call));
        if (index < 0)
        {
            _calls.Add(call);
            index = _calls.Count - 1;
        }
        return new InputRef(_keys.Count + index, listType);
    }
}
