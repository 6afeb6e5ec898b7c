using Apache.Arrow;
using StreamSql.Connectors.Nexmark;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Bench.Sources;

/// <summary>The live nexmark generator (<c>--source generator</c>), counting the rows it hands on for the progress line.</summary>
internal sealed class CountingNexmarkConnector(SourceProgress progress) : ITableConnector
{
    private readonly NexmarkConnector _generator = new();

    public string Identifier => _generator.Identifier;
    public IReadOnlyList<ConfigOption> RequiredOptions => _generator.RequiredOptions;
    public IReadOnlyList<ConfigOption> OptionalOptions => _generator.OptionalOptions;
    public IReadOnlyList<string> OptionPrefixes => _generator.OptionPrefixes;
    public bool SupportsSource => true;
    public bool SupportsSink => false;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => _generator.ReadableMetadata;
    public bool IsBounded(CatalogTable table) => _generator.IsBounded(table);
    public ChangelogMode SinkChangelogMode(CatalogTable table) => _generator.SinkChangelogMode(table);
    public void Validate(CatalogTable table) => _generator.Validate(table);
    public ISourceReader CreateReader() => new Reader(_generator.CreateReader(), progress);
    public ISinkWriter CreateWriter() => _generator.CreateWriter();

    private sealed class Reader(ISourceReader inner, SourceProgress progress) : ISourceReader
    {
        public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken) => inner.OpenAsync(context, cancellationToken);

        public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
        {
            progress.Reading();
            var batch = await inner.ReadBatchAsync(cancellationToken).ConfigureAwait(false);
            if (batch is not null) progress.Add(batch.Length);
            return batch;
        }

        public byte[] SnapshotPosition() => inner.SnapshotPosition();
        public void RestorePositions(IReadOnlyList<byte[]> positions) => inner.RestorePositions(positions);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
