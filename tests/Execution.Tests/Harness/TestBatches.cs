using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>Builds input batches for harness tests and splits them the way a hash exchange would.</summary>
internal static class TestBatches
{
    public static Schema KeyValueSchema { get; } = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("v").DataType(Int64Type.Default).Nullable(true))
        .Build();

    public static Schema KeyTimeSchema { get; } = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("ts").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
        .Build();

    /// <summary>(k, v) rows with their kinds (a batch without kinds when every row is +I).</summary>
    public static Batch KeyValues(IReadOnlyList<(long? K, long? V, RowKind Kind)> rows)
    {
        var k = new Int64Array.Builder();
        var v = new Int64Array.Builder();
        var kinds = new RowKind[rows.Count];
        bool insertOnly = true;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].K is long key) k.Append(key); else k.AppendNull();
            if (rows[i].V is long value) v.Append(value); else v.AppendNull();
            kinds[i] = rows[i].Kind;
            insertOnly &= rows[i].Kind == RowKind.Insert;
        }
        return new Batch(new RecordBatch(KeyValueSchema, [k.Build(), v.Build()], rows.Count), insertOnly ? null : kinds);
    }

    public static Batch KeyTimes(IReadOnlyList<(long K, long TsMicros)> rows)
    {
        var k = new Int64Array.Builder();
        var ts = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
        foreach (var (key, t) in rows)
        {
            k.Append(key);
            ts.Append(DateTimeOffset.UnixEpoch.AddTicks(t * 10));
        }
        return new Batch(new RecordBatch(KeyTimeSchema, [k.Build(), ts.Build()], rows.Count));
    }

    /// <summary>The rows of <paramref name="batch"/> each subtask of <paramref name="parallelism"/> receives from a hash exchange on
    /// column 0, or on <paramref name="keys"/> (empty batches included).</summary>
    public static Batch[] Partition(Batch batch, int parallelism, int maxParallelism = 128, int[]? keys = null)
    {
        var hashes = new int[batch.Length];
        KeyGroups.HashKeys(batch.Data, keys ?? [0], hashes);
        var rows = new List<int>[parallelism];
        for (int s = 0; s < parallelism; s++) rows[s] = new List<int>();
        for (int i = 0; i < batch.Length; i++)
            rows[KeyGroups.SubtaskOf(KeyGroups.KeyGroupOf(hashes[i], maxParallelism), parallelism, maxParallelism)].Add(i);
        var parts = new Batch[parallelism];
        for (int s = 0; s < parallelism; s++)
        {
            var pieces = new[] { new BatchPiece(batch, rows[s].ToArray(), 0, rows[s].Count) };
            parts[s] = rows[s].Count == 0 ? new Batch(new RecordBatch(batch.Schema, EmptyColumns(batch.Schema), 0)) : BatchGather.Gather(batch.Schema, pieces, rows[s].Count);
        }
        return parts;
    }

    private static IArrowArray[] EmptyColumns(Schema schema)
    {
        var columns = new IArrowArray[schema.FieldsList.Count];
        for (int c = 0; c < columns.Length; c++)
            columns[c] = schema.GetFieldByIndex(c).DataType is TimestampType t ? new TimestampArray.Builder(t).Build() : new Int64Array.Builder().Build();
        return columns;
    }
}
