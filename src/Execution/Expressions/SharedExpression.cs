using Apache.Arrow;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Expressions;

/// <summary>
/// A subexpression written more than once in one operator's expressions, evaluated once per input batch: the result is
/// kept for the batch it was computed over, and for the batch of that batch's selected rows (a Calc's projections read
/// the rows its condition kept) it is gathered rather than computed again. Any other batch (a subset taken after an
/// evaluation error, the next batch) is computed anew.
/// </summary>
internal sealed class SharedExpression(VectorExpression inner) : VectorExpression(inner.Type)
{
    private RecordBatch? _input;
    private IArrowArray? _result;
    private RecordBatch? _selectedInput;
    private int[]? _selection;
    private int _selectedCount;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        if (ReferenceEquals(input, _input)) return _result!;
        IArrowArray result = ReferenceEquals(input, _selectedInput)
            ? ArrayGather.Take(_result!, _selection!, _selectedCount)
            : inner.Evaluate(input, context);
        _input = input;
        _result = result;
        _selectedInput = null;
        _selection = null;
        return result;
    }

    /// <summary>Whether the value over <paramref name="input"/> is at hand (so it is not computed from the columns again).</summary>
    public bool HasResultFor(RecordBatch input) => ReferenceEquals(input, _input);

    /// <summary>
    /// <paramref name="selected"/> holds the rows <paramref name="selection"/> (the first <paramref name="count"/>) of
    /// <paramref name="input"/>: when this expression was evaluated over <paramref name="input"/>, its value over
    /// <paramref name="selected"/> is those rows of that result. The selection must stay unchanged until the next batch.
    /// </summary>
    public void Select(RecordBatch input, RecordBatch selected, int[] selection, int count)
    {
        if (!ReferenceEquals(input, _input)) return;
        _selectedInput = selected;
        _selection = selection;
        _selectedCount = count;
    }

    /// <summary>Drops the kept batch and result (so they are not held between batches).</summary>
    public void Release()
    {
        _input = null;
        _result = null;
        _selectedInput = null;
        _selection = null;
    }
}
