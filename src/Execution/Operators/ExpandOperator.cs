using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// Flink's Expand (GROUPING SETS, ROLLUP, CUBE; also the rows of a VALUES with expressions): every input row becomes one
/// row per grouping set, in the order of <see cref="ExpandSpec.Projects"/>, each with the input row's kind. Each set's
/// columns are evaluated over the whole batch (a column copied, a constant or an expression), then the sets' rows are
/// interleaved row by row with one gather per column.
/// </summary>
public sealed class ExpandOperator : StreamOperatorBase
{
    private readonly IVectorExpression[][] _projects;
    private readonly Schema _outputSchema;
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private int[] _interleave = [];
    private int[] _identity = [];
    private int _maxRows = int.MaxValue;

    public ExpandOperator(ExpandSpec spec, RowSchema inputSchema)
    {
        _projects = new IVectorExpression[spec.Projects.Count][];
        for (int p = 0; p < _projects.Length; p++)
        {
            var project = spec.Projects[p];
            _projects[p] = new IVectorExpression[project.Count];
            for (int c = 0; c < project.Count; c++) _projects[p][c] = ExpressionCompiler.Compile(project[c], inputSchema);
        }
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        _maxRows = Math.Max(1, context.Configuration.Get(CoreOptions.BatchMaxRows));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return default;
        Batch expanded;
        try
        {
            expanded = Expand(batch, 0, _projects.Length);
        }
        catch (ExpressionEvaluationException) when (batch.Length * _projects.Length > 1)
        {
            return EmitRowsBeforeFailureAsync(batch, output, cancellationToken);
        }
        return EmitAsync(expanded, output, cancellationToken);
    }

    /// <summary>The rows in batches of at most <c>execution.batch.max-rows</c>, as Flink's Expand hands its rows on one at
    /// a time: a printed changelog downstream (one-row batches) sees each row's changes in turn.</summary>
    private ValueTask EmitAsync(Batch expanded, IEmitter output, CancellationToken cancellationToken) =>
        output.EmitInChunksAsync(expanded, _maxRows, cancellationToken);

    /// <summary>
    /// Flink expands row by row, so the rows before the one whose expression fails reach the sink before the job fails.
    /// Only on this (terminal) path is each row of each set evaluated alone.
    /// </summary>
    private async ValueTask EmitRowsBeforeFailureAsync(Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        var one = new int[1];
        for (int row = 0; row < batch.Length; row++)
        {
            one[0] = row;
            var single = BatchGather.Take(batch, one, 1);
            for (int p = 0; p < _projects.Length; p++)
                await output.EmitAsync(Expand(single, p, 1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every input row as one row per set <c>[first, first + sets)</c>, row by row.</summary>
    private Batch Expand(Batch batch, int first, int sets)
    {
        int n = batch.Length;
        int total = n * sets;
        // Output row r * sets + p is row r of set p, which lies at p * n + r of the sets' rows laid end to end.
        if (_interleave.Length < total) _interleave = new int[total];
        for (int r = 0; r < n; r++)
            for (int p = 0; p < sets; p++) _interleave[r * sets + p] = p * n + r;
        var columns = new IArrowArray[_outputSchema.FieldsList.Count];
        var segments = new GatherSegment[sets];
        var identity = Identity(n);
        for (int c = 0; c < columns.Length; c++)
        {
            for (int p = 0; p < sets; p++)
                segments[p] = new GatherSegment(_projects[first + p][c].Evaluate(batch.Data, _evaluation).Data, identity, 0, n);
            var type = _outputSchema.FieldsList[c].DataType;
            var laidOut = ArrowArrayFactory.BuildArray(ArrayGather.Gather(type, segments, total));
            columns[c] = ArrayGather.Take(laidOut, _interleave, total);
        }
        RowKind[]? kinds = null;
        if (batch.RowKinds is { } inputKinds)
        {
            kinds = new RowKind[total];
            for (int r = 0; r < n; r++) kinds.AsSpan(r * sets, sets).Fill(inputKinds[r]);
        }
        return new Batch(new RecordBatch(_outputSchema, columns, total), kinds);
    }

    private int[] Identity(int n)
    {
        if (_identity.Length >= n) return _identity;
        _identity = new int[Math.Max(n, _identity.Length * 2)];
        for (int i = 0; i < _identity.Length; i++) _identity[i] = i;
        return _identity;
    }
}
