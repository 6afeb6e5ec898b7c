using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// Filter then project. The condition is evaluated over the whole batch; rows where it is TRUE (not FALSE, not NULL) are
/// kept by compacting only the columns the projections read (no copy at all when every row passes, nothing emitted
/// when none does). Projections that are plain column references just pick (or gather) columns; others are computed
/// over the compacted batch. A deterministic call written more than once (in the condition and the projections, or in
/// several projections) is evaluated once per batch (<see cref="SharedSubexpressions"/>). Row kinds travel with their rows.
/// </summary>
public sealed class CalcOperator : StreamOperatorBase
{
    private readonly CalcSpec _spec;
    private readonly IVectorExpression? _condition;
    private readonly IVectorExpression[] _projections;
    private readonly SharedSubexpressions _shared;
    private readonly int[]? _projectedColumns;
    private readonly bool[] _referenced;
    private readonly (SharedExpression Value, bool[] Columns)[] _sharedValues;
    private readonly bool[] _compacted;
    private readonly Schema _outputSchema;
    private readonly IArrowArray?[] _gathered;
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private int[] _selection = [];

    public CalcOperator(CalcSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        var expressions = new List<ScalarExpr>(spec.Projections);
        if (spec.Condition is not null) expressions.Add(spec.Condition);
        _shared = SharedSubexpressions.Find(expressions);
        _condition = spec.Condition is null ? null : ExpressionCompiler.Compile(spec.Condition, inputSchema, _shared);
        _projections = new IVectorExpression[spec.Projections.Count];
        _referenced = new bool[inputSchema.Count];
        _gathered = new IArrowArray?[inputSchema.Count];
        _compacted = new bool[inputSchema.Count];
        var columns = new int[spec.Projections.Count];
        var sharedValues = new List<(SharedExpression, bool[])>();
        bool allColumns = true;
        for (int i = 0; i < _projections.Length; i++)
        {
            var projection = spec.Projections[i];
            _projections[i] = ExpressionCompiler.Compile(projection, inputSchema, _shared);
            if (projection is InputRef r) columns[i] = r.Index;
            else allColumns = false;
        }
        foreach (var projection in spec.Projections) MarkProjectionReferences(projection, sharedValues);
        _sharedValues = sharedValues.ToArray();
        _projectedColumns = allColumns ? columns : null;
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        // End of input (Long.MAX_VALUE watermark) is not a time a row can be compared with.
        if (watermark.Timestamp != long.MaxValue && !ReferenceEquals(_evaluation, EvaluationContext.Utc)) _evaluation.CurrentWatermark = watermark.Timestamp;
        return base.OnWatermarkAsync(watermark, output, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        Batch? result;
        try
        {
            result = Process(batch);
        }
        catch (ExpressionEvaluationException) when (batch.Length > 1)
        {
            return EmitRowsBeforeFailureAsync(batch, output, cancellationToken);
        }
        return result is null ? default : output.EmitAsync(result, cancellationToken);
    }

    /// <summary>
    /// Flink evaluates row by row, so the rows before the one that fails still reach the sink before the job fails.
    /// Only on this (terminal) path do we find the first failing row, emit the result of the rows before it, and rethrow.
    /// </summary>
    private async ValueTask EmitRowsBeforeFailureAsync(Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        var one = new int[1];
        for (int row = 0; row < batch.Length; row++)
        {
            one[0] = row;
            try
            {
                Process(BatchGather.Take(batch, one, 1));
            }
            catch (ExpressionEvaluationException)
            {
                if (row > 0)
                {
                    var before = new int[row];
                    for (int i = 0; i < row; i++) before[i] = i;
                    var result = Process(BatchGather.Take(batch, before, row));
                    if (result is not null) await output.EmitAsync(result, cancellationToken).ConfigureAwait(false);
                }
                throw;
            }
        }
        // Every row passes alone: the batch failed as a whole (should not happen); fail with the batch's own error.
        Process(batch);
    }

    /// <summary>The filtered and projected batch, or null when no row is left.</summary>
    private Batch? Process(Batch batch)
    {
        try
        {
            return FilterAndProject(batch);
        }
        finally
        {
            _shared.Release();
        }
    }

    private Batch? FilterAndProject(Batch batch)
    {
        var data = batch.Data;
        int n = data.Length;
        if (n == 0) return null;
        int count = n;
        if (_condition is not null)
        {
            var result = _condition.Evaluate(data, _evaluation);
            if (result is NullArray) return null; // WHERE NULL keeps nothing
            var mask = result as BooleanArray
                ?? throw new InvalidOperationException($"the filter condition of {_spec.Description} did not produce a BOOLEAN column");
            count = SelectionVector.Select(mask, ref _selection);
            if (count == 0) return null;
        }
        bool filtered = count < n;
        var columns = new IArrowArray[_projections.Length];
        if (_projectedColumns is not null)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                int source = _projectedColumns[c];
                columns[c] = filtered ? _gathered[source] ??= ArrayGather.Take(data.Column(source), _selection, count) : data.Column(source);
            }
            if (filtered) System.Array.Clear(_gathered);
        }
        else
        {
            var projectionInput = filtered ? Compact(data, count) : data;
            if (filtered) _shared.Select(data, projectionInput, _selection, count);
            for (int c = 0; c < columns.Length; c++) columns[c] = _projections[c].Evaluate(projectionInput, _evaluation);
        }
        var kinds = batch.RowKinds;
        if (filtered && kinds is not null)
        {
            var kept = new RowKind[count];
            for (int j = 0; j < count; j++) kept[j] = kinds[_selection[j]];
            kinds = kept;
        }
        // A projection keeps the rows in order, so which split each came from still holds (a filter keeps its runs' rows).
        var splits = batch.Splits is { } s && filtered ? s.Select(_selection, count) : batch.Splits;
        return new Batch(new RecordBatch(_outputSchema, columns, count), kinds) { Splits = splits };
    }

    /// <summary>
    /// The selected rows of the columns the projections read; unread columns become cheap all-null placeholders. A
    /// column read only by shared calls whose value over <paramref name="data"/> the condition already computed (q21's
    /// <c>url</c>, under its <c>REGEXP_EXTRACT</c>) is not gathered: those calls gather their value instead.
    /// </summary>
    private RecordBatch Compact(RecordBatch data, int count)
    {
        _referenced.AsSpan().CopyTo(_compacted);
        foreach (var (value, reads) in _sharedValues)
        {
            if (value.HasResultFor(data)) continue;
            for (int c = 0; c < reads.Length; c++) _compacted[c] |= reads[c];
        }
        var arrays = new IArrowArray[data.ColumnCount];
        for (int c = 0; c < arrays.Length; c++)
            arrays[c] = c < _compacted.Length && _compacted[c] ? ArrayGather.Take(data.Column(c), _selection, count) : new NullArray(count);
        return new RecordBatch(data.Schema, arrays, count);
    }

    /// <summary>
    /// Marks the columns <paramref name="projection"/> reads, except under a shared call that is the projection itself
    /// or a THEN/ELSE value of a CASE that is (with the CASE's type, so no cast stands between): such a call is evaluated
    /// over the compacted batch as a whole, never over a part of it (a failing branch is retried over only its rows),
    /// so when the condition computed it the gathered value is all it needs. Its columns are listed in
    /// <paramref name="sharedValues"/>, to gather when the condition did not compute it.
    /// </summary>
    private void MarkProjectionReferences(ScalarExpr projection, List<(SharedExpression, bool[])> sharedValues)
    {
        if (TryMarkSharedValue(projection, projection.Type, sharedValues)) return;
        if (projection is Call { Operands.Count: > 1 and var count } call && count % 2 == 1
            && string.Equals(call.Function, "CASE", StringComparison.OrdinalIgnoreCase))
        {
            for (int i = 0; i < count; i++)
            {
                bool isValue = i % 2 == 1 || i == count - 1;
                if (isValue && TryMarkSharedValue(call.Operands[i], call.Type, sharedValues)) continue;
                MarkReferences(call.Operands[i], _referenced);
            }
            return;
        }
        MarkReferences(projection, _referenced);
    }

    private bool TryMarkSharedValue(ScalarExpr expression, SqlType type, List<(SharedExpression, bool[])> sharedValues)
    {
        if (expression is not Call call || _shared.CompiledOf(call) is not { } compiled || !ExpressionCompiler.SameRepresentation(call.Type, type))
            return false;
        var reads = new bool[_referenced.Length];
        MarkReferences(call, reads);
        sharedValues.Add((compiled, reads));
        return true;
    }

    private static void MarkReferences(ScalarExpr expression, bool[] referenced)
    {
        switch (expression)
        {
            case InputRef r:
                if (r.Index < referenced.Length) referenced[r.Index] = true;
                break;
            case Literal:
                break;
            case Call call:
                foreach (var operand in call.Operands) MarkReferences(operand, referenced);
                break;
            default:
                // An expression kind this analysis does not know: assume it may read any column.
                System.Array.Fill(referenced, true);
                break;
        }
    }
}
