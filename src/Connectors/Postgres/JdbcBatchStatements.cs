using System.Text;
using Npgsql;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Writes changes into the target table with a few statements per flush, never one per row. Appends: one binary COPY
/// straight into the table when every column's type is the type written, else a COPY into a staging table and one
/// <c>INSERT ... SELECT</c> with casts. Upserts (a batch reduced to one change per key, <c>+I</c> = upsert, <c>-D</c> =
/// delete): the rows to upsert by binary COPY into a staging table and one
/// <c>INSERT ... SELECT ... ON CONFLICT (key) DO UPDATE</c>; the keys to delete by COPY into another and one <c>DELETE ... USING</c>.
/// Staging tables are temporary (per connection) with <c>ON COMMIT DELETE ROWS</c>: every flush runs in a transaction.
/// </summary>
internal sealed class JdbcBatchStatements
{
    private const string UpsertStage = "streamsql_jdbc_upsert";
    private const string DeleteStage = "streamsql_jdbc_delete";

    private readonly JdbcTargetTable _target;
    private readonly bool _directCopy;
    private readonly string _copyTarget;
    private readonly string _copyStage;
    private readonly string _copyDeleteStage;
    private readonly string _createStages;
    private readonly string _moveRows;
    private readonly string _deleteRows;

    public JdbcBatchStatements(JdbcTargetTable target)
    {
        _target = target;
        var columns = target.Columns;
        var keys = target.KeyColumns;
        var targetList = string.Join(", ", columns.Select(c => c.QuotedTarget));
        _directCopy = keys.Count == 0 && columns.All(c => c.TargetBaseType == c.Writer.StagingType
            || (c.TargetBaseType, c.Writer.StagingType) is ("timestamp without time zone", "timestamp") or ("timestamp with time zone", "timestamptz")
                or ("time without time zone", "time"));
        _copyTarget = $"COPY {target.QuotedName} ({targetList}) FROM STDIN (FORMAT BINARY)";
        _copyStage = $"COPY {UpsertStage} FROM STDIN (FORMAT BINARY)";
        _copyDeleteStage = $"COPY {DeleteStage} FROM STDIN (FORMAT BINARY)";
        var create = new StringBuilder();
        create.Append($"CREATE TEMP TABLE IF NOT EXISTS {UpsertStage} (")
            .Append(string.Join(", ", columns.Select((c, i) => $"c{i} {c.Writer.StagingType}"))).Append(") ON COMMIT DELETE ROWS;");
        if (keys.Count > 0)
            create.Append($"CREATE TEMP TABLE IF NOT EXISTS {DeleteStage} (")
                .Append(string.Join(", ", keys.Select((k, i) => $"k{i} {columns[k].Writer.StagingType}"))).Append(") ON COMMIT DELETE ROWS;");
        _createStages = create.ToString();
        var select = string.Join(", ", columns.Select((c, i) => $"CAST(c{i} AS {c.TargetType})"));
        var move = new StringBuilder($"INSERT INTO {target.QuotedName} ({targetList}) SELECT {select} FROM {UpsertStage}");
        if (keys.Count > 0)
        {
            move.Append(" ON CONFLICT (").Append(string.Join(", ", keys.Select(k => columns[k].QuotedTarget))).Append(')');
            var updates = columns.Where((_, i) => !keys.Contains(i)).Select(c => $"{c.QuotedTarget} = EXCLUDED.{c.QuotedTarget}").ToList();
            move.Append(updates.Count == 0 ? " DO NOTHING" : " DO UPDATE SET " + string.Join(", ", updates));
            _deleteRows = $"DELETE FROM {target.QuotedName} t USING {DeleteStage} d WHERE "
                + string.Join(" AND ", keys.Select((k, i) => $"t.{columns[k].QuotedTarget} = CAST(d.k{i} AS {columns[k].TargetType})"));
        }
        else _deleteRows = "";
        _moveRows = move.ToString();
    }

    /// <summary>Creates this connection's staging tables (once per connection).</summary>
    public async Task PrepareConnectionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_createStages, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="batches"/> inside the connection's open transaction.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<Batch> batches, CancellationToken cancellationToken)
    {
        if (batches.Count == 0) return;
        var all = Enumerable.Range(0, _target.Columns.Count).ToArray();
        if (_target.KeyColumns.Count == 0)
        {
            await CopyAsync(connection, _directCopy ? _copyTarget : _copyStage, batches, all, RowKind.Insert, cancellationToken).ConfigureAwait(false);
            if (!_directCopy) await ExecuteAsync(connection, _moveRows, cancellationToken).ConfigureAwait(false);
            return;
        }
        long upserts = await CopyAsync(connection, _copyStage, batches, all, RowKind.Insert, cancellationToken).ConfigureAwait(false);
        long deletes = await CopyAsync(connection, _copyDeleteStage, batches, _target.KeyColumns.ToArray(), RowKind.Delete, cancellationToken).ConfigureAwait(false);
        // One change per key: deleting first or upserting first gives the same table.
        if (deletes > 0) await ExecuteAsync(connection, _deleteRows, cancellationToken).ConfigureAwait(false);
        if (upserts > 0) await ExecuteAsync(connection, _moveRows, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>COPYs the given columns of the rows of kind <paramref name="kind"/> (any row when the batch has no kinds).</summary>
    private async Task<long> CopyAsync(NpgsqlConnection connection, string copy, IReadOnlyList<Batch> batches, int[] columns, RowKind kind,
        CancellationToken cancellationToken)
    {
        long rows = 0;
        foreach (var batch in batches)
            for (int row = 0; row < batch.Length; row++)
                if (batch.KindAt(row) == kind) rows++;
        if (rows == 0) return 0;
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        var views = new ColumnView[columns.Length];
        var writers = columns.Select(c => _target.Columns[c].Writer).ToArray();
        foreach (var batch in batches)
        {
            for (int c = 0; c < columns.Length; c++) views[c] = new ColumnView(batch.Column(columns[c]));
            for (int row = 0; row < batch.Length; row++)
            {
                if (batch.KindAt(row) != kind) continue;
                importer.StartRow();
                for (int c = 0; c < views.Length; c++)
                {
                    if (views[c].IsNull(row)) importer.WriteNull();
                    else writers[c].Write(importer, views[c], row);
                }
            }
        }
        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }
}
