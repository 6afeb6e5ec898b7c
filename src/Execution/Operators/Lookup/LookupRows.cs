using Apache.Arrow;

namespace StreamSql.Execution.Operators.Lookup;

/// <summary>The rows one key found: rows <see cref="Rows"/> of <see cref="Segment"/> (a batch a lookup request returned);
/// none for a key the table does not have.</summary>
internal sealed class LookupRows(RecordBatch? segment, int[] rows)
{
    public static LookupRows Missing { get; } = new(null, []);

    public RecordBatch? Segment { get; } = segment;
    public int[] Rows { get; } = rows;
    public bool IsMissing => Rows.Length == 0;
}
