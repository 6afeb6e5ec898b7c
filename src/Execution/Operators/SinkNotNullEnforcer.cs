using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// Flink's sink <c>ConstraintEnforcer</c> for NOT NULL columns: a row holding NULL in one of them fails the job (ERROR,
/// after the rows before it were written, as Flink's row-by-row check does) or is dropped (DROP). The common batch,
/// without NULLs in those columns, costs one null count per column.
/// </summary>
public sealed class SinkNotNullEnforcer
{
    private readonly int[] _columns;
    private readonly string[] _names;
    private readonly bool _drop;

    private SinkNotNullEnforcer(int[] columns, string[] names, bool drop)
    {
        _columns = columns;
        _names = names;
        _drop = drop;
    }

    /// <summary>The enforcer of a sink schema's NOT NULL columns, or null when it has none.</summary>
    public static SinkNotNullEnforcer? For(RowSchema sinkSchema, bool drop)
    {
        var columns = new List<int>();
        for (int i = 0; i < sinkSchema.Count; i++)
            if (!sinkSchema[i].Type.Nullable) columns.Add(i);
        return columns.Count == 0 ? null : new SinkNotNullEnforcer(columns.ToArray(), columns.Select(i => sinkSchema[i].Name).ToArray(), drop);
    }

    /// <summary>The rows to write: <paramref name="batch"/> itself when no NOT NULL column holds NULL; else, on DROP, the
    /// rows without such NULLs (null when none is left) and, on ERROR, the rows before the first one, with the error to
    /// raise once they are written.</summary>
    public (Batch? Rows, SinkConstraintViolationException? Error) Check(Batch batch)
    {
        bool any = false;
        foreach (int c in _columns)
            if (batch.Column(c).NullCount > 0) { any = true; break; }
        if (!any) return (batch, null);

        var keep = new int[batch.Length];
        int kept = 0;
        for (int row = 0; row < batch.Length; row++)
        {
            int violated = -1;
            for (int k = 0; k < _columns.Length && violated < 0; k++)
                if (batch.Column(_columns[k]).IsNull(row)) violated = k;
            if (violated < 0)
            {
                keep[kept++] = row;
                continue;
            }
            if (_drop) continue;
            var error = new SinkConstraintViolationException(
                $"Column '{_names[violated]}' is NOT NULL, however, a null value is being written into it. You can set job configuration " +
                "'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.");
            return (kept == 0 ? null : BatchGather.Take(batch, keep, kept), error);
        }
        return (kept == 0 ? null : BatchGather.Take(batch, keep, kept), null);
    }
}
