using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>A small connector catalog for planner tests: a datagen-like source, a kafka-like source/sink with metadata
/// (append-only), a filesystem-like append-only source/sink, print- and blackhole-like sinks that take every change (as
/// Flink's), and a jdbc-like sink that takes upserts when the table has a primary key and serves lookup joins.</summary>
internal sealed class FakeConnectors : IConnectorCatalog
{
    private readonly Dictionary<string, IConnectorDescriptor> _all = new[]
    {
        new FakeConnector("datagen", source: true, sink: false,
            required: Array.Empty<ConfigOption>(),
            optional: new ConfigOption[] { Options.Long("number-of-rows", 0, "rows"), Options.Long("rows-per-second", 10000, "rate"), Options.OptionalString("scan.parallelism", "source parallelism") },
            prefixes: new[] { "fields." }),
        new FakeConnector("kafka", source: true, sink: true,
            required: new ConfigOption[] { Options.OptionalString("topic", "topic") },
            optional: new ConfigOption[] { Options.OptionalString("properties.bootstrap.servers", "servers"), Options.Enum("format", "json", "format", new[] { "json", "csv", "debezium-json" }) },
            prefixes: new[] { "properties." },
            metadata: new Dictionary<string, SqlType> { ["timestamp"] = SqlType.TimestampLtz(3), ["offset"] = SqlType.BigInt, ["partition"] = SqlType.Int }),
        new FakeConnector("print", source: false, sink: true, required: Array.Empty<ConfigOption>(),
            optional: new ConfigOption[] { Options.OptionalString("print-identifier", "prefix"), Options.OptionalString("sink.parallelism", "sink parallelism") }, prefixes: Array.Empty<string>(),
            sinkMode: _ => ChangelogMode.All),
        new FakeConnector("blackhole", source: false, sink: true, required: Array.Empty<ConfigOption>(), optional: Array.Empty<ConfigOption>(), prefixes: Array.Empty<string>(),
            sinkMode: _ => ChangelogMode.All),
        new FakeConnector("filesystem", source: true, sink: true, required: new ConfigOption[] { Options.OptionalString("path", "path") },
            optional: new ConfigOption[] { Options.OptionalString("format", "format"), Options.OptionalString("sink.parallelism", "sink parallelism") }, prefixes: Array.Empty<string>()),
        new FakeConnector("jdbc", source: false, sink: true, required: Array.Empty<ConfigOption>(),
            optional: [Options.OptionalString("sink.parallelism", "sink parallelism"), Options.OptionalString("url", "url"),
                Options.OptionalString("table-name", "table"), .. LookupOptions.All], prefixes: Array.Empty<string>(),
            sinkMode: t => t.PrimaryKey.Count > 0 ? ChangelogMode.Upsert : ChangelogMode.InsertOnly, lookup: true),
    }.ToDictionary(d => d.Identifier, d => (IConnectorDescriptor)d);

    public IConnectorDescriptor? Find(string identifier) => _all.GetValueOrDefault(identifier);
    public IReadOnlyList<string> Identifiers => _all.Keys.ToList();

    private sealed class FakeConnector : IConnectorDescriptor
    {
        public FakeConnector(string id, bool source, bool sink, IReadOnlyList<ConfigOption> required, IReadOnlyList<ConfigOption> optional,
            IReadOnlyList<string> prefixes, IReadOnlyDictionary<string, SqlType>? metadata = null, Func<CatalogTable, ChangelogMode>? sinkMode = null,
            bool lookup = false)
        {
            SupportsLookup = lookup;
            _sinkMode = sinkMode ?? (_ => ChangelogMode.InsertOnly);
            Identifier = id;
            SupportsSource = source;
            SupportsSink = sink;
            RequiredOptions = required;
            OptionalOptions = optional;
            OptionPrefixes = prefixes;
            ReadableMetadata = metadata ?? new Dictionary<string, SqlType>();
        }

        private readonly Func<CatalogTable, ChangelogMode> _sinkMode;

        public string Identifier { get; }
        public IReadOnlyList<ConfigOption> RequiredOptions { get; }
        public IReadOnlyList<ConfigOption> OptionalOptions { get; }
        public IReadOnlyList<string> OptionPrefixes { get; }
        public bool SupportsSource { get; }
        public bool SupportsSink { get; }
        public bool SupportsLookup { get; }
        public bool AcceptsScanFilters => Identifier == "filesystem";
        public IReadOnlyDictionary<string, SqlType> ReadableMetadata { get; }

        public bool IsBounded(CatalogTable table) => table.Options.ContainsKey("number-of-rows");

        public ChangelogMode SinkChangelogMode(CatalogTable table) => _sinkMode(table);

        /// <summary>A changelog format makes an updating source (as Flink's debezium-json).</summary>
        public ChangelogMode SourceChangelogMode(CatalogTable table) =>
            table.Options.GetValueOrDefault("format") == "debezium-json" ? ChangelogMode.All : ChangelogMode.InsertOnly;

        public void Validate(CatalogTable table)
        {
            foreach (var key in table.Options.Keys)
            {
                if (!key.StartsWith("fields.", StringComparison.Ordinal)) continue;
                var parts = key.Split('.');
                if (parts.Length != 3 || table.ColumnIndex(parts[1]) < 0)
                    throw new ConnectorOptionException(key, $"Option '{key}' refers to column '{(parts.Length > 1 ? parts[1] : "")}', which table '{table.Name}' does not have");
            }
        }
    }
}
