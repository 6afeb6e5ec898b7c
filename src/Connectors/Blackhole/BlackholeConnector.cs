using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Blackhole;

/// <summary><c>'connector' = 'blackhole'</c>: swallows every row (any change kind); for benchmarks and tests.</summary>
public sealed class BlackholeConnector : TableConnectorBase
{
    public override string Identifier => "blackhole";

    public override IReadOnlyList<ConfigOption> OptionalOptions { get; } = new ConfigOption[] { Print.PrintOptions.SinkParallelism };

    public override bool SupportsSink => true;

    public override ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.All;

    public override ISinkWriter CreateWriter() => new BlackholeWriter();
}

/// <summary>Counts what it is given and drops it.</summary>
public sealed class BlackholeWriter : ISinkWriter
{
    /// <summary>Rows received so far by this subtask.</summary>
    public long RowsWritten { get; private set; }

    public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        RowsWritten += batch.Length;
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
