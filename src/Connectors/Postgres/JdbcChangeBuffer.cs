using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The rows a jdbc sink holds before it writes them. Without a primary key they are appends, kept as they came. With one,
/// <see cref="Drain"/> reduces them to the last change per key, as Flink's upsert buffer (<c>TableBufferReducedStatementExecutor</c>)
/// does: <c>+I</c>/<c>+U</c> become an upsert of that row, <c>-D</c> and <c>-U</c> a delete of the key (a <c>+U</c> that
/// follows for the same key wins; a <c>-U</c> whose new row went elsewhere or was filtered out deletes the key's row).
/// The result is one batch whose row kinds are <c>+I</c> (upsert) or <c>-D</c> (delete), each key once.
/// </summary>
internal sealed class JdbcChangeBuffer(IReadOnlyList<int> keyColumns)
{
    private readonly List<Batch> _batches = new();

    public int RowCount { get; private set; }

    public bool IsEmpty => RowCount == 0;

    public bool IsUpsert => keyColumns.Count > 0;

    public void Add(Batch batch)
    {
        if (batch.Length == 0) return;
        _batches.Add(batch);
        RowCount += batch.Length;
    }

    /// <summary>The buffered changes (appends as they came; upserts reduced per key), and an empty buffer.</summary>
    public IReadOnlyList<Batch> Drain()
    {
        var batches = _batches.ToArray();
        _batches.Clear();
        RowCount = 0;
        if (!IsUpsert || batches.Length == 0) return batches;
        return new[] { Reduce(batches) };
    }

    private Batch Reduce(Batch[] batches)
    {
        var serializer = new KeySerializer(keyColumns);
        var keys = new SerializedKeys[batches.Length];
        var last = new Dictionary<KeyBytes, long>(KeyBytes.Comparer);
        for (int b = 0; b < batches.Length; b++)
        {
            var batch = batches[b];
            keys[b] = new SerializedKeys();
            serializer.SerializeBatch(batch.Data, keys[b]);
            var k = keys[b];
            for (int row = 0; row < batch.Length; row++)
            {
                last[new KeyBytes(k.Bytes, k.Offsets[row], k.Offsets[row + 1] - k.Offsets[row])] = ((long)b << 32) | (uint)row;
            }
        }
        // Rows in the order they came (the order does not change the result; it keeps runs of one batch together).
        var positions = new long[last.Count];
        last.Values.CopyTo(positions, 0);
        System.Array.Sort(positions);
        var kinds = new RowKind[positions.Length];
        var indices = new int[positions.Length];
        var runs = new List<(int Batch, int Start, int Count)>();
        int start = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            int b = (int)(positions[i] >> 32), row = (int)(uint)positions[i];
            indices[i] = row;
            kinds[i] = batches[b].KindAt(row) is RowKind.Delete or RowKind.UpdateBefore ? RowKind.Delete : RowKind.Insert;
            if (i + 1 == positions.Length || (int)(positions[i + 1] >> 32) != b)
            {
                runs.Add((b, start, i + 1 - start));
                start = i + 1;
            }
        }
        var schema = batches[0].Schema;
        var columns = new IArrowArray[schema.FieldsList.Count];
        var segments = new GatherSegment[runs.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            for (int r = 0; r < runs.Count; r++)
                segments[r] = new GatherSegment(batches[runs[r].Batch].Data.Column(c).Data, indices, runs[r].Start, runs[r].Count);
            columns[c] = ArrowArrayFactory.BuildArray(ArrayGather.Gather(schema.FieldsList[c].DataType, segments, positions.Length));
        }
        return new Batch(new RecordBatch(schema, columns, positions.Length), kinds);
    }

    /// <summary>A key's bytes inside a <see cref="SerializedKeys"/> buffer (no copy).</summary>
    private readonly record struct KeyBytes(byte[] Buffer, int Start, int Length)
    {
        public static readonly IEqualityComparer<KeyBytes> Comparer = new BytesComparer();

        public ReadOnlySpan<byte> Span => Buffer.AsSpan(Start, Length);

        private sealed class BytesComparer : IEqualityComparer<KeyBytes>
        {
            public bool Equals(KeyBytes x, KeyBytes y) => x.Span.SequenceEqual(y.Span);

            public int GetHashCode(KeyBytes key)
            {
                var hash = new HashCode();
                hash.AddBytes(key.Span);
                return hash.ToHashCode();
            }
        }
    }
}
