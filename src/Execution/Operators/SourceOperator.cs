using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators;

/// <summary>Reads a table through its connector's reader (chosen by the table's <c>'connector'</c> option).
/// At the end of a bounded input it emits the maximum watermark, as Flink does, so every event-time result fires.</summary>
public sealed class SourceOperator(SourceSpec spec, ConnectorRegistry connectors) : StreamOperatorBase, ISourceOperator
{
    private ISourceReader? _reader;

    public override async ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        await base.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        var identifier = spec.Table.Connector
            ?? throw new InvalidOperationException($"table '{spec.TableName}' has no 'connector' option");
        var connector = connectors.FindConnector(identifier)
            ?? throw new InvalidOperationException($"no connector '{identifier}' is registered (table '{spec.TableName}')");
        _reader = connector.CreateReader();
        var readerContext = new SourceReaderContext(spec.Table, spec.ProjectedColumns, spec.MetadataColumns,
            ArrowTypeMapping.ToArrowSchema(spec.OutputSchema), context.SubtaskIndex, context.Parallelism,
            Math.Max(1, context.Configuration.Get(CoreOptions.BatchMaxRows)), context.Configuration, context.Clock);
        await _reader.OpenAsync(readerContext, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Batch?> ReadAsync(CancellationToken cancellationToken)
    {
        var data = await _reader!.ReadBatchAsync(cancellationToken).ConfigureAwait(false);
        return data is null ? null : new Batch(data);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a source has no inputs");

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) =>
        output.EmitWatermarkAsync(Watermark.Max, cancellationToken);

    public override async ValueTask CloseAsync()
    {
        var reader = _reader;
        _reader = null;
        if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
    }
}
