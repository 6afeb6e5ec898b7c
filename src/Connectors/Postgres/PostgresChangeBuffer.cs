using Apache.Arrow;
using Npgsql.Replication.PgOutput;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The changes of one transaction to the source's table, gathered column by column from pgoutput tuples (text values)
/// into the source's output columns and its metadata columns, with a row kind per row; <see cref="Take"/> turns them
/// into a batch at the commit. <see cref="Map"/> says, per column of the replicated relation, which output column it
/// fills (-1: not read); <see cref="KeyColumns"/> which relation columns make the row's key, in key order.
/// </summary>
internal sealed class PostgresChangeBuffer
{
    private readonly Schema _schema;
    private readonly IReadOnlyList<SqlType> _types;
    private readonly ColumnBuilder[] _builders;
    private readonly PostgresCdcMetadata _metadata;
    private readonly List<RowKind> _kinds = new();
    private readonly string _table;

    public PostgresChangeBuffer(Schema schema, IReadOnlyList<SqlType> types, PostgresCdcMetadata metadata, string table)
    {
        _schema = schema;
        _types = types;
        _metadata = metadata;
        _table = table;
        _builders = new ColumnBuilder[types.Count + metadata.Count];
        for (int c = 0; c < _builders.Length; c++) _builders[c] = ColumnBuilder.Create(schema.GetFieldByIndex(c).DataType);
    }

    /// <summary>Relation column → output column (-1 when the source does not read it).</summary>
    public int[] Map { get; set; } = [];

    /// <summary>The relation columns of the table's key, in key order (empty when the key is not known).</summary>
    public int[] KeyColumns { get; set; } = [];

    /// <summary>The commit time of the transaction being gathered, in microseconds since the epoch (<c>op_ts</c>).</summary>
    public long CommitMicros { get; set; }

    public int Count => _kinds.Count;

    /// <summary>The text values of <paramref name="tuple"/>, one per relation column (null for NULL). A large (TOASTed)
    /// value an update left unchanged is not sent: it is taken from <paramref name="before"/>, the update's before image
    /// under REPLICA IDENTITY FULL, and is NULL without one (as are columns a key-only delete does not carry).</summary>
    public async ValueTask<string?[]> ReadAsync(ReplicationTuple tuple, string?[]? before, CancellationToken cancellationToken)
    {
        var values = new string?[Map.Length];
        int column = 0;
        await foreach (var value in tuple.ConfigureAwait(false))
        {
            int at = column++;
            // Values must be consumed in order, the ones not read too.
            if (at >= values.Length) continue;
            if (value.IsDBNull) values[at] = null;
            else if (value.IsUnchangedToastedValue) values[at] = before is not null && at < before.Length ? before[at] : null;
            else if (Map[at] >= 0 || System.Array.IndexOf(KeyColumns, at) >= 0) values[at] = await value.Get<string>(cancellationToken).ConfigureAwait(false);
        }
        return values;
    }

    /// <summary>The row's key (text forms, key order), or null when the key is unknown or a key value is missing.</summary>
    public IReadOnlyList<string>? KeyOf(string?[] values)
    {
        if (KeyColumns.Length == 0) return null;
        var key = new string[KeyColumns.Length];
        for (int k = 0; k < key.Length; k++)
        {
            int at = KeyColumns[k];
            if (at < 0 || at >= values.Length || values[at] is not { } text) return null;
            key[k] = text;
        }
        return key;
    }

    /// <summary>Appends a row read by <see cref="ReadAsync"/> with its kind.</summary>
    public void Append(string?[] values, RowKind kind)
    {
        var filled = new bool[_types.Count];
        for (int at = 0; at < values.Length; at++)
        {
            int target = Map[at];
            if (target < 0) continue;
            filled[target] = true;
            if (values[at] is not { } text)
            {
                _builders[target].AppendNull();
                continue;
            }
            try
            {
                PostgresTextValue.Append(_builders[target], _types[target], text);
            }
            catch (FormatException e)
            {
                throw new InvalidDataException(
                    $"postgres-cdc table '{_table}': the value '{text}' of column '{_schema.FieldsList[target].Name}' cannot be read as {_types[target]}: {e.Message}", e);
            }
        }
        for (int c = 0; c < filled.Length; c++)
            if (!filled[c]) _builders[c].AppendNull();
        _metadata.Append(_builders, _types.Count, kind, CommitMicros);
        _kinds.Add(kind);
    }

    /// <summary>The gathered rows as a batch; the buffer starts empty again.</summary>
    public Batch Take()
    {
        var columns = new IArrowArray[_builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = _builders[c].Build();
        var kinds = _kinds.ToArray();
        _kinds.Clear();
        return new Batch(new RecordBatch(_schema, columns, kinds.Length), kinds);
    }
}
