using Apache.Arrow;

namespace StreamSql.Execution.Batches;

/// <summary>
/// The unit of data between operators: an Arrow record batch and, for updating streams, one <see cref="RowKind"/> per row.
/// Append-only streams carry no row kinds (every row is <c>+I</c>). Immutable once sent: an operator that wants to change
/// a batch builds a new one.
/// </summary>
public sealed class Batch
{
    public Batch(RecordBatch data, RowKind[]? rowKinds = null)
    {
        if (rowKinds is not null && rowKinds.Length < data.Length)
            throw new ArgumentException($"row kinds ({rowKinds.Length}) fewer than rows ({data.Length})", nameof(rowKinds));
        Data = data;
        RowKinds = rowKinds;
    }

    public RecordBatch Data { get; }

    /// <summary>One kind per row (its length may exceed <see cref="Length"/>: pooled arrays), or null for insert-only.</summary>
    public RowKind[]? RowKinds { get; }

    /// <summary>The rows' key hashes when a hash exchange computed them (null otherwise); operators that build a new
    /// batch do not carry them over.</summary>
    public KeyHashes? KeyHashes { get; init; }

    /// <summary>Which source split each row came from, when a split-based source read the batch (null otherwise); the
    /// watermark assigner generates a watermark per split from it. Operators that keep every row in order (a projection)
    /// carry it over; others drop it.</summary>
    public SourceSplits? Splits { get; init; }

    public int Length => Data.Length;
    public int ColumnCount => Data.ColumnCount;
    public Schema Schema => Data.Schema;
    public bool IsInsertOnly => RowKinds is null;

    public IArrowArray Column(int index) => Data.Column(index);

    public RowKind KindAt(int row) => RowKinds is null ? RowKind.Insert : RowKinds[row];

    /// <summary>Fails unless every row is an insert: for an operator the planner only gives insert-only input
    /// (<paramref name="consumer"/> names it), so another kind here is a planner bug, not bad data.</summary>
    public void RequireInsertOnly(string consumer)
    {
        if (RowKinds is null) return;
        for (int r = 0; r < Length; r++)
            if (RowKinds[r] != RowKind.Insert) throw new InvalidOperationException($"{consumer} takes an insert-only input, but got a {RowKinds[r]} row");
    }
}
