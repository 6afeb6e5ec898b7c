using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Match;

/// <summary>
/// Evaluates one DEFINE condition or measure (<see cref="MatchExpression"/>) for matches of a partition's rows. The
/// slots' own expressions (<c>A.price * A.tax</c>) are computed once per run over all the rows (<see cref="Prepare"/>);
/// for each match the slots read those columns at the rows the navigation picks (by index, no per-row objects), the
/// slot rows of many matches form one batch, and the compiled expression runs over it once.
/// </summary>
internal sealed class MatchExpressionEvaluator
{
    private readonly MatchExpression _expression;
    private readonly IVectorExpression _compiled;
    private readonly IVectorExpression?[] _slotExpressions;
    private readonly int[] _slotColumns;
    private readonly IArrowArray?[] _slotValues;
    private readonly IGroupsAccumulator?[] _accumulators;
    private readonly Schema _slotSchema;
    private readonly IReadOnlyList<string> _variables;
    private readonly int _timeColumn;
    private readonly List<int> _rows = new();
    private readonly int[] _zeroGroup = [0];
    private int[] _zeros = new int[16];
    private readonly ColumnBuilder[] _builders;
    private RecordBatch _input = null!;
    private readonly bool _rowLocal;
    private readonly bool[]?[] _members;
    private BooleanArray? _rowResults;

    /// <param name="defined">The variable whose DEFINE condition this is; -1 for a measure.</param>
    public MatchExpressionEvaluator(MatchExpression expression, RowSchema inputSchema, IReadOnlyList<string> variables, int timeColumn, int defined = -1,
        IReadOnlyList<IReadOnlyList<int>>? subsets = null)
    {
        _members = expression.Slots.Select(slot => MatchAssignment.Members(slot.Variable, variables.Count, subsets ?? [])).ToArray();
        _expression = expression;
        _variables = variables;
        _timeColumn = timeColumn;
        var slotSchema = expression.SlotSchema;
        _compiled = ExpressionCompiler.Compile(expression.Expression, slotSchema);
        _slotSchema = ArrowTypeMapping.ToArrowSchema(slotSchema);
        int n = expression.Slots.Count;
        _slotExpressions = new IVectorExpression?[n];
        _slotColumns = new int[n];
        _slotValues = new IArrowArray?[n];
        _accumulators = new IGroupsAccumulator?[n];
        for (int i = 0; i < n; i++)
        {
            var slot = expression.Slots[i];
            _slotColumns[i] = slot.Expression is InputRef r ? r.Index : -1;
            if (slot.Expression is { } e and not InputRef) _slotExpressions[i] = ExpressionCompiler.Compile(e, inputSchema);
            if (slot is { Kind: MatchSlotKind.Aggregate, Expression: { } argument })
            {
                var spec = new AccumulatorSpec(FunctionOf(slot.Aggregate!.Value), [argument.Type], slot.Type);
                var accumulator = spec.Create(new SnapshotEpoch());
                accumulator.EnsureCapacity(1);
                _accumulators[i] = accumulator;
            }
        }
        _builders = NewBuilders();
        // A condition that reads only the row being classified (and rows a fixed distance before it) does not depend on
        // the partial match: it is evaluated once per run over all rows, as a whole column.
        _rowLocal = defined >= 0 && expression.Slots.All(slot => slot.Kind == MatchSlotKind.Value
            && (slot.Variable == defined || slot.Variable < 0)
            && (slot.Navigation == MatchNavigation.Prev || slot is { Navigation: MatchNavigation.Last, Offset: 0 }));
    }

    /// <summary>The rows matched in this run; computes the slots' expressions over all of them.</summary>
    public void Prepare(RecordBatch input, EvaluationContext context)
    {
        _input = input;
        for (int i = 0; i < _slotValues.Length; i++)
            _slotValues[i] = _slotExpressions[i] is { } e ? e.Evaluate(input, context) : _slotColumns[i] >= 0 ? input.Column(_slotColumns[i]) : null;
        _rowResults = _rowLocal ? EvaluateRowLocal(input.Length, context) : null;
    }

    /// <summary>A row-local condition over every row: slot i is its column, shifted down by the PREV offset.</summary>
    private BooleanArray EvaluateRowLocal(int n, EvaluationContext context)
    {
        var columns = new IArrowArray[_slotValues.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            var slot = _expression.Slots[i];
            int shift = slot.Navigation == MatchNavigation.Prev ? Math.Min(slot.Offset, n) : 0;
            var builder = ColumnBuilder.Create(slot.Type, n);
            for (int r = 0; r < shift; r++) builder.AppendNull();
            builder.AppendRange(_slotValues[i]!.Data, 0, n - shift);
            columns[i] = builder.Build();
        }
        return (BooleanArray)_compiled.Evaluate(new RecordBatch(_slotSchema, columns, n), context);
    }

    /// <summary>Appends the slot values of one (partial) match as the next row of the batch <see cref="Evaluate"/> runs over.</summary>
    public void AddRow(MatchAssignment match, long nowMicros)
    {
        for (int i = 0; i < _builders.Length; i++)
        {
            var slot = _expression.Slots[i];
            var builder = _builders[i];
            switch (slot.Kind)
            {
                case MatchSlotKind.Value:
                {
                    int row = slot.Navigation switch
                    {
                        MatchNavigation.First => match.Find(_members[i], slot.Offset, fromEnd: false),
                        MatchNavigation.Last => match.Find(_members[i], slot.Offset, fromEnd: true),
                        _ => match.Find(_members[i], 0, fromEnd: true) is var last && last >= slot.Offset ? last - slot.Offset : -1,
                    };
                    if (row < 0) builder.AppendNull();
                    else builder.AppendRows(_slotValues[i]!.Data, [row]);
                    break;
                }
                case MatchSlotKind.Aggregate:
                {
                    int count = match.RowsOf(_members[i], _rows);
                    if (_accumulators[i] is not { } accumulator)
                    {
                        builder.AppendInt64(count);
                        break;
                    }
                    accumulator.Reset(0);
                    if (count > 0)
                    {
                        if (_zeros.Length < count) _zeros = new int[Math.Max(count, _zeros.Length * 2)];
                        var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rows);
                        var gathered = ColumnBuilder.Create(_slotValues[i]!.Data.DataType, count);
                        gathered.AppendRows(_slotValues[i]!.Data, rows);
                        accumulator.Update([gathered.Build()], _zeros.AsSpan(0, count), default);
                    }
                    builder.AppendRows(accumulator.Evaluate(_zeroGroup).Data, [0]);
                    break;
                }
                case MatchSlotKind.MatchRowtime:
                    builder.AppendRows(_input.Column(_timeColumn).Data, [match.RowAt(match.Count - 1)]);
                    break;
                case MatchSlotKind.MatchProctime:
                    builder.AppendInt64(nowMicros);
                    break;
                case MatchSlotKind.Classifier:
                    builder.AppendString(_variables[match.VariableAt(match.Count - 1)]);
                    break;
            }
        }
    }

    /// <summary>The expression's value for every row added since the last call.</summary>
    public IArrowArray Evaluate(EvaluationContext context)
    {
        int n = _builders.Length == 0 ? _pendingRows : _builders[0].Length;
        var columns = new IArrowArray[_builders.Length];
        // Build leaves each builder empty for the next rows.
        for (int i = 0; i < columns.Length; i++) columns[i] = _builders[i].Build();
        _pendingRows = 0;
        return _compiled.Evaluate(new RecordBatch(_slotSchema, columns, n), context);
    }

    private int _pendingRows;

    /// <summary>For an expression without slots (a constant): counts the rows to evaluate.</summary>
    public void AddConstantRow() => _pendingRows++;

    public bool HasSlots => _builders.Length > 0;

    /// <summary>Whether the condition holds for the match whose last row is the one being classified (NULL is false).</summary>
    public bool Test(MatchAssignment match, long nowMicros, EvaluationContext context)
    {
        if (_rowResults is { } results) return results.GetValue(match.RowAt(match.Count - 1)) == true;
        if (HasSlots) AddRow(match, nowMicros);
        else AddConstantRow();
        var result = (BooleanArray)Evaluate(context);
        return result.GetValue(0) == true;
    }

    private ColumnBuilder[] NewBuilders()
    {
        var builders = new ColumnBuilder[_expression.Slots.Count];
        for (int i = 0; i < builders.Length; i++) builders[i] = ColumnBuilder.Create(_expression.Slots[i].Type);
        return builders;
    }

    private static AggregateFunction FunctionOf(AggregateFunctionKind kind) => kind switch
    {
        AggregateFunctionKind.Count => AggregateFunction.Count,
        AggregateFunctionKind.Sum => AggregateFunction.Sum,
        AggregateFunctionKind.Avg => AggregateFunction.Avg,
        AggregateFunctionKind.Min => AggregateFunction.Min,
        _ => AggregateFunction.Max,
    };
}
