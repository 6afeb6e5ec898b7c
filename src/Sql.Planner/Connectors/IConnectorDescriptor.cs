using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Connectors;

/// <summary>
/// What the planner needs to know about a connector, chosen by a table's <c>'connector'</c> option:
/// its options (checked when a statement reads or writes the table), whether it reads and/or writes, and what it can produce.
/// The runtime half (readers, writers) lives with the connector in the Connectors project.
/// </summary>
public interface IConnectorDescriptor
{
    /// <summary>The <c>'connector'</c> value, e.g. <c>datagen</c>, <c>filesystem</c>.</summary>
    string Identifier { get; }

    IReadOnlyList<ConfigOption> RequiredOptions { get; }
    IReadOnlyList<ConfigOption> OptionalOptions { get; }

    /// <summary>Option key prefixes accepted wholesale, e.g. <c>fields.</c> for datagen, <c>properties.</c> for kafka.</summary>
    IReadOnlyList<string> OptionPrefixes { get; }

    bool SupportsSource { get; }
    bool SupportsSink { get; }

    /// <summary>Whether a lookup join can read the table (<c>JOIN t FOR SYSTEM_TIME AS OF o.proc_time</c>): rows fetched
    /// by key when the join needs them, as Flink's <c>LookupTableSource</c>.</summary>
    bool SupportsLookup => false;

    /// <summary>Metadata keys this connector can read (for <c>METADATA FROM 'key'</c> columns) and their types.</summary>
    IReadOnlyDictionary<string, SqlType> ReadableMetadata { get; }

    /// <summary>Metadata keys this connector's sink writes (from persisted <c>METADATA</c> columns, which an INSERT then
    /// fills) and their types; an INSERT into a table with a persisted metadata column of another key is refused.</summary>
    IReadOnlyDictionary<string, SqlType> WritableMetadata => System.Collections.ObjectModel.ReadOnlyDictionary<string, SqlType>.Empty;

    /// <summary>Whether a source on this table ends by itself (e.g. a file, or datagen with <c>number-of-rows</c>).</summary>
    bool IsBounded(CatalogTable table);

    /// <summary>Whether the connector's reader uses the simple filters of a scan to skip data (<see cref="Logical.ScanPredicate"/>).</summary>
    bool AcceptsScanFilters => false;

    /// <summary>Which changes the sink accepts: an append-only sink refuses updating queries at planning time.</summary>
    ChangelogMode SinkChangelogMode(CatalogTable table);

    /// <summary>
    /// Which changes a source on <paramref name="table"/> emits (Flink's <c>ScanTableSource.getChangelogMode</c>), decided by
    /// the table's options (a format, a connector kind) and read by the planner to infer every operator's changelog:
    /// <list type="bullet">
    /// <item><see cref="ChangelogMode.InsertOnly"/> (the default): every row is <c>+I</c>; the reader returns plain record
    ///   batches.</item>
    /// <item><see cref="ChangelogMode.All"/>: <c>+I</c>, <c>-U</c>, <c>+U</c>, <c>-D</c> with full rows (a CDC format such as
    ///   <c>debezium-json</c>); the reader implements <c>IChangelogSourceReader</c>.</item>
    /// <item><see cref="ChangelogMode.Upsert"/>: <c>+I</c>/<c>+U</c> are the new row of a key (no <c>-U</c>), <c>-D</c>
    ///   deletes a key and may carry only the key columns (upsert-kafka). The table must declare a
    ///   <c>PRIMARY KEY ... NOT ENFORCED</c>; the planner puts a keyed <c>ChangelogNormalize</c> after the source that keeps
    ///   the last row per key and turns the stream into a full changelog.</item>
    /// </list>
    /// </summary>
    ChangelogMode SourceChangelogMode(CatalogTable table) => ChangelogMode.InsertOnly;

    /// <summary>
    /// Checks the table's options and columns beyond presence and type of options (which the caller checks from the
    /// declared lists): e.g. a datagen <c>fields.x.kind</c> for a column that does not exist. Throws <see cref="ConnectorOptionException"/>.
    /// </summary>
    void Validate(CatalogTable table);

    /// <summary>
    /// The format a factory must discover for <paramref name="access"/> and cannot, in Flink's words (its
    /// <c>FactoryUtil.discoverDecodingFormat</c>: "Could not find required scan format 'value.format'."), or null. Flink's
    /// kafka factories discover their formats before anything else is checked, so this comes before the list of missing
    /// required options.
    /// </summary>
    string? MissingFormat(CatalogTable table, TableAccess access) => null;

    /// <summary>
    /// Checks what only matters when the table is written (an INSERT into it), e.g. a format option its encoder refuses,
    /// as Flink's format factories do when they create the sink's encoder. Throws <see cref="ConnectorOptionException"/>.
    /// </summary>
    void ValidateSink(CatalogTable table)
    {
    }

    /// <summary>
    /// Checks what only matters when the table is read (a scan or a lookup), e.g. a startup mode and the offsets it needs,
    /// as Flink's source factories do; a table only ever written is not held to them. Throws <see cref="ConnectorOptionException"/>.
    /// </summary>
    void ValidateSource(CatalogTable table)
    {
    }
}
