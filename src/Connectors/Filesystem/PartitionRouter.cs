using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Splits a batch by partition: each row's directory <c>k1=v1/k2=v2</c> from its partition columns (Flink's text of the
/// value, escaped), then one gathered batch per directory (the whole batch, uncopied, when every row shares one).
/// A row's directory is only formatted when its partition values differ from the row before it.
/// </summary>
internal sealed class PartitionRouter(int[] columns, string[] keys, string defaultName)
{
    public IReadOnlyList<string> Keys => keys;

    public IEnumerable<(string Directory, RecordBatch Rows)> Split(RecordBatch batch)
    {
        if (batch.Length == 0) yield break;
        var rowsByDirectory = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        string? current = null;
        List<int>? currentRows = null;
        for (int row = 0; row < batch.Length; row++)
        {
            if (current is null || !SameValues(batch, row - 1, row))
            {
                current = DirectoryOf(batch, row);
                if (!rowsByDirectory.TryGetValue(current, out currentRows)) rowsByDirectory[current] = currentRows = new List<int>();
            }
            currentRows!.Add(row);
        }
        if (rowsByDirectory.Count == 1)
        {
            foreach (var directory in rowsByDirectory.Keys) yield return (directory, batch);
            yield break;
        }
        foreach (var (directory, rows) in rowsByDirectory)
            yield return (directory, ArrayGather.Take(batch, rows.ToArray(), rows.Count));
    }

    private bool SameValues(RecordBatch batch, int a, int b)
    {
        foreach (var c in columns)
        {
            var view = new ColumnView(batch.Column(c));
            bool nullA = view.IsNull(a), nullB = view.IsNull(b);
            if (nullA != nullB) return false;
            if (nullA) continue;
            if (view.Kind is ColumnKind.Utf8 or ColumnKind.Binary)
            {
                if (!view.GetBytes(a).SequenceEqual(view.GetBytes(b))) return false;
            }
            else if (view.Kind == ColumnKind.Boolean)
            {
                if (view.GetBoolean(a) != view.GetBoolean(b)) return false;
            }
            else if (view.Kind == ColumnKind.Decimal128)
            {
                if (view.GetUnscaled(a) != view.GetUnscaled(b)) return false;
            }
            else if (view.Kind is ColumnKind.Float32 or ColumnKind.Float64)
            {
                if (!view.GetDouble(a).Equals(view.GetDouble(b))) return false;
            }
            else if (view.GetInt64(a) != view.GetInt64(b)) return false;
        }
        return true;
    }

    private string DirectoryOf(RecordBatch batch, int row)
    {
        var parts = new string[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            var array = batch.Column(columns[i]);
            var text = array.IsNull(row) ? "" : FlinkText.Format(array, row, TimestampStyle.Sql);
            parts[i] = PartitionPath.Escape(keys[i]) + "=" + (text.Length == 0 ? defaultName : PartitionPath.Escape(text));
        }
        return string.Join('/', parts);
    }
}
