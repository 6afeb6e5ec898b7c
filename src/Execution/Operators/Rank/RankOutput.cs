using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>The rows a rank or deduplication emits for one batch: serialized rows decoded into typed builders, their
/// kinds, and (when asked) the rank number as a BIGINT column after the row's.</summary>
internal sealed class RankOutput
{
    private readonly ColumnBuilder[] _columns;
    private readonly ColumnBuilder? _rank;
    private RowKind[] _kinds;

    public RankOutput(SqlType[] types, bool rankNumber, int capacity)
    {
        _columns = new ColumnBuilder[types.Length];
        for (int c = 0; c < types.Length; c++) _columns[c] = ColumnBuilder.Create(types[c], capacity);
        if (rankNumber) _rank = ColumnBuilder.Create(SqlType.BigInt.WithNullable(false), capacity);
        _kinds = new RowKind[Math.Max(8, capacity)];
    }

    public int Count { get; private set; }

    public void Append(RowKind kind, ReadOnlySpan<byte> row, long rank, KeyDecoder decoder)
    {
        if (Count == _kinds.Length) System.Array.Resize(ref _kinds, _kinds.Length * 2);
        _kinds[Count++] = kind;
        decoder.DecodeInto(row, _columns);
        _rank?.AppendInt64(rank);
    }

    public Batch Build(Schema schema)
    {
        var arrays = new IArrowArray[_columns.Length + (_rank is null ? 0 : 1)];
        for (int c = 0; c < _columns.Length; c++) arrays[c] = _columns[c].Build();
        if (_rank is not null) arrays[^1] = _rank.Build();
        return new Batch(new RecordBatch(schema, arrays, Count), _kinds);
    }
}
