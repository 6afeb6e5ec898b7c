using StreamSql.Bench.Checks;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Bench.Sinks;

/// <summary>
/// Takes the place of a sink connector (same identifier, options and validation; reading and lookups are left to the original) and
/// records what reaches it instead of writing: with <paramref name="fingerprint"/> the digest of every row, else only the
/// row count (as cheap as a blackhole). Rows count once their checkpoint commits them (two-phase commit, as a real
/// exactly-once sink would show them), so a result that is checked is the committed one.
/// </summary>
internal sealed class ObservedSinkConnector(ITableConnector inner, SinkObservation observation, bool fingerprint) : ITableConnector, ILookupConnector
{
    public string Identifier => inner.Identifier;
    public IReadOnlyList<ConfigOption> RequiredOptions => inner.RequiredOptions;
    public IReadOnlyList<ConfigOption> OptionalOptions => inner.OptionalOptions;
    public IReadOnlyList<string> OptionPrefixes => inner.OptionPrefixes;
    public bool SupportsSource => inner.SupportsSource;
    public bool SupportsSink => true;
    public bool SupportsLookup => inner.SupportsLookup;
    public IReadOnlyDictionary<string, SqlType> ReadableMetadata => inner.ReadableMetadata;
    public bool IsBounded(CatalogTable table) => inner.IsBounded(table);
    public ChangelogMode SinkChangelogMode(CatalogTable table) => inner.SinkChangelogMode(table);
    public void Validate(CatalogTable table) => inner.Validate(table);
    public void ValidateSource(CatalogTable table) => inner.ValidateSource(table);
    public ISourceReader CreateReader() => inner.CreateReader();
    public ISinkWriter CreateWriter() => new Writer(observation, fingerprint);

    public ILookupReader CreateLookupReader(LookupReaderContext context) =>
        inner is ILookupConnector lookup ? lookup.CreateLookupReader(context) : throw new NotSupportedException($"connector '{Identifier}' cannot look rows up");

    private sealed class Writer(SinkObservation observation, bool fingerprint) : ISinkWriter
    {
        private readonly Dictionary<long, (long Rows, ResultFingerprint Digest)> _prepared = new();
        private long _rows;
        private ResultFingerprint _digest;

        public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            if (fingerprint)
            {
                var part = ArrowRowHasher.Fingerprint(batch);
                _digest = _digest.Plus(part);
                _rows += part.Rows;
            }
            else if (batch.IsInsertOnly)
            {
                _rows += batch.Length;
            }
            else
            {
                for (int i = 0; i < batch.Length; i++)
                    _rows += batch.KindAt(i) is RowKind.Insert or RowKind.UpdateAfter ? 1 : -1;
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken)
        {
            if (_rows == 0 && _digest == ResultFingerprint.Empty) return ValueTask.FromResult<byte[]?>(null);
            _prepared[checkpointId] = (_rows, _digest);
            _rows = 0;
            _digest = ResultFingerprint.Empty;
            return ValueTask.FromResult<byte[]?>(BitConverter.GetBytes(checkpointId));
        }

        public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken)
        {
            foreach (var id in _prepared.Keys.Where(id => id <= checkpointId).ToArray())
            {
                var (rows, digest) = _prepared[id];
                observation.Commit(rows, digest);
                _prepared.Remove(id);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
