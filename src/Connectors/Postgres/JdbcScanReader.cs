using Apache.Arrow;
using Npgsql;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Flink's JDBC scan source over PostgreSQL: reads the table once (bounded) through a cursor, <c>scan.fetch-size</c> rows a
/// round trip, batches of the runtime's size (<see cref="PostgresSnapshotReader"/>). Without <c>scan.partition.*</c> the table
/// is one split, read by subtask 0 in one read-only <c>REPEATABLE READ</c> transaction; with them [lower-bound, upper-bound]
/// is cut into <c>scan.partition.num</c> <c>BETWEEN</c> ranges as Flink cuts them (<see cref="JdbcScanSplit"/>; rows outside
/// the bounds are not read), split <c>i</c> read by subtask <c>i % parallelism</c>, each split in a transaction of its own.
/// Columns are found by name (exact, else the one case-insensitive match); string columns are read as PostgreSQL's text
/// form of the value (so <c>json</c>, <c>jsonb</c>, <c>uuid</c> read as STRING). Checkpoints hold how far each split got
/// (<see cref="JdbcScanCheckpoint"/>): the last primary key emitted (a split is read in key order), or for a table without a
/// usable key the number of rows emitted (then read in physical order with synchronized scans off); a restore, at any
/// parallelism, continues each split after it, so an unchanged table is read exactly once across restores. A postgres-cdc
/// table with <c>'scan.startup.mode' = 'snapshot'</c> is read alike (<see cref="PostgresScanSettings"/>), its metadata
/// columns filled as for rows of its snapshot.
/// </summary>
internal sealed class JdbcScanReader : ISourceReader
{
    private const int DefaultFetchSize = 1024;
    private const int DefaultChunkSize = 8096;

    private SourceReaderContext _context = null!;
    private PostgresScanSettings? _settings;
    private TableOptions _options = null!;
    private IReadOnlyList<JdbcScanSplit> _plan = JdbcScanSplit.Whole;
    private JdbcScanSplit[] _mine = [];
    private JdbcScanPosition[] _positions = [];
    private int _current;
    private PostgresSnapshotReader? _reader;
    private PostgresSnapshotKey? _key;

    /// <summary>A jdbc table's scan (settings from its options when opened).</summary>
    public JdbcScanReader() { }

    public JdbcScanReader(PostgresScanSettings settings) => _settings = settings;

    private PostgresScanSettings Settings => _settings!;

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        _options = new TableOptions(context.Table);
        if (_settings is null)
        {
            var connection = JdbcConnection.Of(context.Table);
            _settings = new PostgresScanSettings(connection.OpenAsync, _options.Require(JdbcOptions.TableName)!, JdbcOptions.TableName.Key,
                $"jdbc table '{context.Table.Name}'", _options.Get(JdbcOptions.ScanFetchSize) is > 0 and var f ? f : DefaultFetchSize, DefaultChunkSize,
                null, connection.Sanitize);
        }
        if (_options.Get(JdbcOptions.ScanPartitionColumn) is not null)
            _plan = JdbcScanSplit.Between(_options.Get(JdbcOptions.ScanPartitionLowerBound), _options.Get(JdbcOptions.ScanPartitionUpperBound),
                _options.Get(JdbcOptions.ScanPartitionNum));
        _mine = _plan.Where(s => JdbcScanSplit.IsAssigned(s.Index, context.SubtaskIndex, context.Parallelism)).ToArray();
        _positions = _mine.Select(_ => JdbcScanPosition.NotStarted).ToArray();
        return default;
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        // Every split's progress is a fact about the split, whichever old subtask read it: gather them all, keep this subtask's.
        var restored = new Dictionary<int, JdbcScanPosition>();
        var checkpoints = positions.Select((bytes, i) => JdbcScanCheckpoint.Decode(bytes, Settings.Label, i)).ToList();
        foreach (var checkpoint in checkpoints)
        {
            if (!checkpoint.Matches(_plan))
                throw new InvalidOperationException(
                    $"The {Settings.Label} continues from a checkpoint taken while reading it in {checkpoint.SplitCount} split(s)"
                    + (checkpoint.Lower is { } l ? $" of [{l}, {checkpoint.Upper}]" : "")
                    + $", but its scan.partition.* options now make {_plan.Count} split(s)"
                    + (_plan[0].Lower is { } pl ? $" of [{pl}, {_plan[^1].Upper}]" : "")
                    + ": restore with the options of the checkpoint, or start the job without it");
            foreach (var (split, position) in checkpoint.Splits)
                if (!restored.TryGetValue(split, out var known) || (!known.Ended && position.Started)) restored[split] = position;
        }
        _current = 0;
        for (int i = 0; i < _mine.Length; i++)
            _positions[i] = restored.GetValueOrDefault(_mine[i].Index, JdbcScanPosition.NotStarted);
    }

    public byte[] SnapshotPosition() =>
        new JdbcScanCheckpoint(_plan.Count, _plan[0].Lower, _plan[^1].Upper, _mine.Select((s, i) => (s.Index, _positions[i])).ToList()).Encode();

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        // This subtask's splits one after the other, each in a transaction of its own (as Flink reads each split in a query of its own).
        while (_current < _mine.Length)
        {
            if (_positions[_current].Ended)
            {
                _current++;
                continue;
            }
            if (_reader is null) await StartAsync(_mine[_current], _positions[_current], cancellationToken).ConfigureAwait(false);
            var batch = await _reader!.ReadAsync(_context.MaxBatchRows, cancellationToken).ConfigureAwait(false);
            if (batch is null || _reader.Ended)
            {
                await _reader.DisposeAsync().ConfigureAwait(false);
                _reader = null;
                _positions[_current] = JdbcScanPosition.Finished;
                _current++;
                if (batch is null) continue;
            }
            else if (_key is not null) _positions[_current] = JdbcScanPosition.AfterKey(_reader.LastKey!);
            else _positions[_current] = JdbcScanPosition.AfterRows(_positions[_current].Rows + batch.Length);
            return batch.Data;
        }
        return null;
    }

    private async Task StartAsync(JdbcScanSplit split, JdbcScanPosition restored, CancellationToken cancellationToken)
    {
        string tableName = Settings.TableName;
        string option = Settings.TableOption;
        var physical = _context.Table.PhysicalSchema;
        var types = _context.ProjectedColumns.Select(i => physical[i].Type).ToList();
        var fields = types.Select((t, i) => PostgresFieldReader.For(t)
            ?? throw new ConnectorOptionException("connector",
                $"The {Settings.Label} cannot read column '{physical[_context.ProjectedColumns[i]].Name}' of type {t}")).ToArray();

        NpgsqlConnection? connection = await Settings.Open(cancellationToken).ConfigureAwait(false);
        try
        {
            // The order of an unkeyed read must not depend on other scans of the table (a restore skips the rows read before).
            await using (var set = new NpgsqlCommand("SET synchronize_seqscans = off", connection))
                await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var (schema, table, quoted) = await FindTableAsync(connection, tableName, cancellationToken).ConfigureAwait(false);
            var columns = await ColumnsAsync(connection, quoted, cancellationToken).ConfigureAwait(false);
            var names = columns.Select(c => c.Name).ToList();
            string Resolve(string name, string what, SqlType? type = null)
            {
                var match = columns.Where(c => c.Name == name).ToList();
                if (match.Count == 0) match = columns.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                if (match.Count != 1)
                    throw new ConnectorOptionException(what,
                        $"The {Settings.Label} has column '{name}', but the PostgreSQL table {quoted} (option '{option}') " +
                        (match.Count == 0 ? "has no such column" : "has several columns of that name in different case") +
                        $"; its columns are: {string.Join(", ", names)}");
                if (type is not null && !PostgresFieldReader.Reads(type, match[0].Type))
                    throw new ConnectorOptionException(what,
                        $"The {Settings.Label} reads column '{name}' as {type}, but column {JdbcTargetTable.QuoteIdentifier(match[0].Name)} of the " +
                        $"PostgreSQL table {quoted} (option '{option}') is of type {match[0].DisplayType}: declare the column with the type it maps to " +
                        "(Flink's PostgreSQL type mapping), or as STRING to read its text");
                return JdbcTargetTable.QuoteIdentifier(match[0].Name);
            }

            // The query reads a derived table: the projected columns under names of their own, beside the table's own
            // columns for the key, filtered by the partition bounds.
            var selected = new List<string>();
            var derived = new List<string> { "t.*" };
            for (int c = 0; c < types.Count; c++)
            {
                string column = "t." + Resolve(physical[_context.ProjectedColumns[c]].Name, option, types[c]);
                string alias = $"streamsql_scan_{c}";
                derived.Add($"{column} AS {alias}");
                selected.Add(alias);
            }
            string source = $"(SELECT {string.Join(", ", derived)} FROM {quoted} AS t{PartitionFilter(split, (n, w) => Resolve(n, w))})";

            (_key, _) = await PostgresSnapshotKey.LoadAsync(connection, schema, table, Settings.ChunkKeyColumn, _context.Table.Name, cancellationToken)
                .ConfigureAwait(false);
            if (restored.LastKey is not null && _key is null)
                throw new InvalidOperationException(
                    $"The {Settings.Label} continues from a checkpoint taken while reading {quoted} in primary key order, but the table no longer has that key; start the job without the checkpoint");
            if (restored.LastKey is null && restored.Rows > 0) _key = null;

            var metadata = new PostgresCdcMetadata(_context.MetadataColumns, connection.Database, schema, table);
            var reader = await PostgresSnapshotReader.OpenAsync(connection, null, source, selected, types, _context.OutputSchema, fields, metadata, _key,
                restored.LastKey, Settings.ChunkSize, Settings.FetchSize, cancellationToken).ConfigureAwait(false);
            connection = null;
            _reader = reader;
            await SkipAsync(restored.LastKey is null ? restored.Rows : 0, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException(
                $"The {Settings.Label} could not read the PostgreSQL table '{tableName}': {Settings.Sanitize(JdbcConnection.Describe(e))}", e);
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Without a key, a restore skips the rows the earlier runs emitted (the read's order is the table's physical one).</summary>
    private async Task SkipAsync(long rows, CancellationToken cancellationToken)
    {
        while (rows > 0)
        {
            var skipped = await _reader!.ReadAsync((int)Math.Min(rows, _context.MaxBatchRows), cancellationToken).ConfigureAwait(false);
            if (skipped is null) break;
            rows -= skipped.Length;
        }
    }

    private string PartitionFilter(JdbcScanSplit split, Func<string, string, string> resolve)
    {
        if (split.Lower is not { } lower || split.Upper is not { } upper) return "";
        var column = _options.Require(JdbcOptions.ScanPartitionColumn)!;
        return $" WHERE t.{resolve(column, JdbcOptions.ScanPartitionColumn.Key)} BETWEEN {lower} AND {upper}";
    }

    private async Task<(string Schema, string Table, string Quoted)> FindTableAsync(NpgsqlConnection connection, string tableName, CancellationToken cancellationToken)
    {
        foreach (var candidate in new[] { tableName, string.Join('.', tableName.Split('.').Select(JdbcTargetTable.QuoteIdentifier)) })
        {
            await using var find = new NpgsqlCommand("SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c " +
                "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass($1)", connection);
            find.Parameters.Add(new NpgsqlParameter { Value = candidate });
            try
            {
                await using var r = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await r.ReadAsync(cancellationToken).ConfigureAwait(false)) return (r.GetString(0), r.GetString(1), r.GetString(2));
            }
            catch (PostgresException e) when (e.SqlState is "42601" or "42602" or "3F000")
            {
                // Not a valid name in this spelling (or an unknown schema): try the other one.
            }
        }
        throw new ConnectorOptionException(Settings.TableOption,
            $"The {Settings.Label} names the PostgreSQL table '{tableName}' (option '{Settings.TableOption}'), which does not exist in database '{connection.Database}'");
    }

    private sealed record Column(string Name, string Type, string DisplayType);

    private static async Task<List<Column>> ColumnsAsync(NpgsqlConnection connection, string quoted, CancellationToken cancellationToken)
    {
        var found = new List<Column>();
        await using var columns = new NpgsqlCommand($"SELECT * FROM {quoted} WHERE false", connection);
        await using var r = await columns.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < r.FieldCount; i++)
        {
            var type = r.GetPostgresType(i);
            found.Add(new Column(r.GetName(i), type.InternalName, r.GetDataTypeName(i)));
        }
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        if (_reader is not null) await _reader.DisposeAsync().ConfigureAwait(false);
        _reader = null;
    }
}
