using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Kernels.UserDefined;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Functions.UserDefined;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// <c>LATERAL TABLE(f(...))</c> (<see cref="TableFunctionCorrelateSpec"/>): the call's arguments are evaluated over the
/// batch, <c>Eval</c> runs once per row on this operator's instance of the function and what it collects goes straight
/// into typed column builders with the input row of each; the input's columns are then one gather each, and every output
/// row keeps its input row's kind. An exception thrown by the function fails the job naming the function and its class.
/// </summary>
public sealed class TableFunctionCorrelateOperator : StreamOperatorBase
{
    private readonly IVectorExpression[] _arguments;
    private readonly SqlType[] _argumentTypes;
    private readonly ITableFunctionRunner _runner;
    private readonly UserDefinedFunction _function;
    private readonly bool _leftOuter;
    private readonly Schema _outputSchema;
    private EvaluationContext _evaluation = EvaluationContext.Utc;

    public TableFunctionCorrelateOperator(TableFunctionCorrelateSpec spec, RowSchema inputSchema)
    {
        var call = spec.Invocation.UserFunction ?? throw new ArgumentException("the invocation is not a user-defined function call", nameof(spec));
        _function = call.Function;
        _leftOuter = spec.LeftOuter;
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        var operands = spec.Invocation.Operands;
        _arguments = new IVectorExpression[operands.Count];
        _argumentTypes = new SqlType[operands.Count];
        for (int i = 0; i < operands.Count; i++)
        {
            _arguments[i] = ExpressionCompiler.Compile(operands[i], inputSchema);
            _argumentTypes[i] = operands[i].Type;
        }
        var row = _function.TableRow!;
        var target = _function.CreateTarget(call.Method)!;
        _runner = (ITableFunctionRunner)Activator.CreateInstance(typeof(TableFunctionRunner<>).MakeGenericType(row.ClrType), call.Method, target, row)!;
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var readers = new ColumnReader[_arguments.Length];
        for (int i = 0; i < readers.Length; i++) readers[i] = ColumnReader.Create(_arguments[i].Evaluate(batch.Data, _evaluation), _argumentTypes[i]);
        int total;
        try
        {
            total = _runner.Run(readers, n, _leftOuter);
        }
        catch (Exception e) when (e is not (ExpressionEvaluationException or OperationCanceledException or OutOfMemoryException))
        {
            throw new ExpressionEvaluationException(
                $"User-defined function '{_function.Name}' ({_function.Implementation.FullName}) failed: {e.GetType().Name}: {e.Message}", e);
        }
        if (total == 0) return default;

        var parents = _runner.Parents;
        var collected = _runner.Build();
        var columns = new IArrowArray[_outputSchema.FieldsList.Count];
        int inputCount = batch.Data.ColumnCount;
        for (int c = 0; c < inputCount; c++) columns[c] = ArrayGather.Take(batch.Data.Column(c), parents, total);
        for (int f = 0; f < collected.Length; f++) columns[inputCount + f] = collected[f];

        RowKind[]? kinds = null;
        if (batch.RowKinds is { } inputKinds)
        {
            kinds = new RowKind[total];
            for (int k = 0; k < total; k++) kinds[k] = inputKinds[parents[k]];
        }
        return output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, total), kinds), cancellationToken);
    }
}
