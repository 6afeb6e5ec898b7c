using Apache.Arrow;
using Npgsql.Replication.PgOutput;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The changes of one transaction to the source's table, gathered column by column from pgoutput tuples (text values)
/// into the source's output columns, with a row kind per row; <see cref="Take"/> turns them into a batch at the commit.
/// <see cref="Map"/> says, per column of the replicated relation, which output column it fills (-1: not read).
/// </summary>
internal sealed class PostgresChangeBuffer
{
    private readonly Schema _schema;
    private readonly IReadOnlyList<SqlType> _types;
    private readonly ColumnBuilder[] _builders;
    private readonly List<RowKind> _kinds = new();
    private readonly string _table;
    private readonly string?[] _before;

    public PostgresChangeBuffer(Schema schema, IReadOnlyList<SqlType> types, string table)
    {
        _schema = schema;
        _types = types;
        _table = table;
        _builders = types.Select(t => ColumnBuilder.Create(t)).ToArray();
        _before = new string?[types.Count];
    }

    /// <summary>Relation column → output column (-1 when the source does not read it).</summary>
    public int[] Map { get; set; } = [];

    public int Count => _kinds.Count;

    /// <summary>Appends one row from <paramref name="tuple"/>. An unchanged TOASTed value of an update's new row takes the
    /// value of the before image appended just before it (REPLICA IDENTITY FULL); columns the tuple does not carry (such
    /// a value without a before image, a non-key column of a key-only delete) are NULL.</summary>
    public async ValueTask AppendAsync(ReplicationTuple tuple, RowKind kind, CancellationToken cancellationToken)
    {
        var filled = new bool[_builders.Length];
        int column = 0;
        await foreach (var value in tuple.ConfigureAwait(false))
        {
            int target = column < Map.Length ? Map[column] : -1;
            column++;
            if (target < 0)
            {
                // Values must be consumed in order: skip this one.
                continue;
            }
            filled[target] = true;
            string? text;
            if (value.IsDBNull) text = null;
            else if (value.IsUnchangedToastedValue) text = kind == RowKind.UpdateAfter ? _before[target] : null;
            else text = await value.Get<string>(cancellationToken).ConfigureAwait(false);
            if (kind == RowKind.UpdateBefore) _before[target] = text;
            if (text is null)
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
        if (kind != RowKind.UpdateBefore) System.Array.Clear(_before);
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
