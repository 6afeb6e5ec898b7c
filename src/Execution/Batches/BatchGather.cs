using Apache.Arrow;

namespace StreamSql.Execution.Batches;

/// <summary>Rows <c>Indices[Start .. Start + Count)</c> of <see cref="Batch"/>.</summary>
public readonly record struct BatchPiece(Batch Batch, int[] Indices, int Start, int Count);

/// <summary>Row selection over whole batches: every column gathered with <see cref="ArrayGather"/>, row kinds kept with their rows.</summary>
public static class BatchGather
{
    /// <summary>Rows <paramref name="indices"/>[0..count) of <paramref name="batch"/>, in that order.</summary>
    public static Batch Take(Batch batch, int[] indices, int count)
    {
        ReadOnlySpan<BatchPiece> one = [new BatchPiece(batch, indices, 0, count)];
        return Gather(batch.Schema, one, count);
    }

    /// <summary>Rows <c>[offset, offset + count)</c> of <paramref name="rows"/>, sharing its buffers.</summary>
    public static RecordBatch Slice(RecordBatch rows, int offset, int count)
    {
        var columns = new IArrowArray[rows.ColumnCount];
        for (int c = 0; c < columns.Length; c++) columns[c] = ArrowArrayFactory.Slice(rows.Column(c), offset, count);
        return new RecordBatch(rows.Schema, columns, count);
    }

    /// <summary>One batch holding the rows of all <paramref name="pieces"/> in order (<paramref name="total"/> = sum of counts).</summary>
    public static Batch Gather(Schema schema, ReadOnlySpan<BatchPiece> pieces, int total)
    {
        int columnCount = schema.FieldsList.Count;
        var columns = new IArrowArray[columnCount];
        var segments = new GatherSegment[pieces.Length];
        for (int c = 0; c < columnCount; c++)
        {
            for (int p = 0; p < pieces.Length; p++)
            {
                var piece = pieces[p];
                segments[p] = new GatherSegment(piece.Batch.Data.Column(c).Data, piece.Indices, piece.Start, piece.Count);
            }
            columns[c] = ArrowArrayFactory.BuildArray(ArrayGather.Gather(schema.FieldsList[c].DataType, segments, total));
        }
        return new Batch(new RecordBatch(schema, columns, total), GatherRowKinds(pieces, total)) { KeyHashes = GatherKeyHashes(pieces, total) };
    }

    /// <summary>The pieces' key hashes when every piece has them, over the same key columns; else null.</summary>
    private static KeyHashes? GatherKeyHashes(ReadOnlySpan<BatchPiece> pieces, int total)
    {
        var first = pieces.Length > 0 ? pieces[0].Batch.KeyHashes : null;
        if (first is null) return null;
        foreach (var p in pieces)
            if (p.Batch.KeyHashes is not { } h || !h.Of(first.Columns)) return null;
        var values = new int[total];
        int written = 0;
        foreach (var p in pieces)
        {
            var source = p.Batch.KeyHashes!.Values;
            for (int j = 0; j < p.Count; j++) values[written + j] = source[p.Indices[p.Start + j]];
            written += p.Count;
        }
        return new KeyHashes(values, first.Columns);
    }

    private static RowKind[]? GatherRowKinds(ReadOnlySpan<BatchPiece> pieces, int total)
    {
        bool any = false;
        foreach (var p in pieces)
            if (p.Batch.RowKinds is not null) { any = true; break; }
        if (!any) return null;
        var kinds = new RowKind[total];
        int written = 0;
        foreach (var p in pieces)
        {
            var src = p.Batch.RowKinds;
            if (src is not null)
                for (int j = 0; j < p.Count; j++) kinds[written + j] = src[p.Indices[p.Start + j]];
            written += p.Count; // insert-only pieces: RowKind.Insert is 0, the array's default
        }
        return kinds;
    }
}
