using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Splits a batch by partition: each row's directory <c>k1=v1/k2=v2</c> from its partition columns (Flink's text of the
/// value, escaped), then one gathered batch per directory (the whole batch, uncopied, when every row shares one), each row
/// with its row kind (a changelog format writes deletes into the partition of the deleted row, as Flink's
/// RowDataPartitionComputer keeps the kind of the rows it projects).
/// A row's directory is only formatted when its partition values differ from the row before it.
/// </summary>
internal sealed class PartitionRouter(int[] columns, string[] keys, string defaultName)
{
    public IReadOnlyList<string> Keys => keys;

    public IEnumerable<(string Directory, Batch Rows)> Split(Batch rows)
    {
        var batch = rows.Data;
        if (batch.Length == 0) yield break;
        var views = new ColumnView[columns.Length];
        for (int i = 0; i < views.Length; i++) views[i] = new ColumnView(batch.Column(columns[i]));
        // Runs of rows with the same partition values, and the rows of each directory in order.
        var runs = new List<(string Directory, int Start, int End)>();
        int start = 0;
        for (int row = 1; row <= batch.Length; row++)
        {
            if (row < batch.Length && SameValues(views, row - 1, row)) continue;
            runs.Add((DirectoryOf(batch, start), start, row));
            start = row;
        }
        if (runs.TrueForAll(run => run.Directory == runs[0].Directory))
        {
            yield return (runs[0].Directory, rows);
            yield break;
        }
        var rowsByDirectory = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (directory, first, end) in runs)
        {
            if (!rowsByDirectory.TryGetValue(directory, out var indices)) rowsByDirectory[directory] = indices = new List<int>();
            for (int row = first; row < end; row++) indices.Add(row);
        }
        foreach (var (directory, indices) in rowsByDirectory)
            yield return (directory, BatchGather.Take(rows, indices.ToArray(), indices.Count));
    }

    private static bool SameValues(ColumnView[] views, int a, int b)
    {
        foreach (var view in views)
        {
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
            var text = array.IsNull(row) ? "" : PartitionValueText.Format(array, row);
            parts[i] = PartitionPath.Escape(keys[i]) + "=" + (text.Length == 0 ? defaultName : PartitionPath.Escape(text));
        }
        return string.Join('/', parts);
    }
}
