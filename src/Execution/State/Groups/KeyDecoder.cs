using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.State.Groups;

/// <summary>Turns keys serialized by <see cref="KeySerializer"/> back into Arrow key columns (for emitting results).</summary>
public sealed class KeyDecoder
{
    private readonly SqlType[] _types;
    private readonly ColumnKind[] _kinds;

    public KeyDecoder(IReadOnlyList<SqlType> keyTypes)
    {
        _types = keyTypes.ToArray();
        // The builders ColumnBuilder.Create makes for these types have these kinds (both map through ColumnKinds).
        _kinds = _types.Select(t => ColumnKinds.Of(t)).ToArray();
    }

    public IReadOnlyList<SqlType> KeyTypes => _types;

    /// <summary>One array per key column, with the keys of <paramref name="groups"/> in order.</summary>
    public IArrowArray[] Decode(GroupTable table, ReadOnlySpan<int> groups)
    {
        var writers = new ColumnBuilder[_types.Length];
        for (int k = 0; k < writers.Length; k++) writers[k] = ColumnBuilder.Create(_types[k], groups.Length);
        foreach (int g in groups) DecodeInto(table.KeyOf(g), writers);
        var arrays = new IArrowArray[writers.Length];
        for (int k = 0; k < arrays.Length; k++) arrays[k] = writers[k].Build();
        return arrays;
    }

    internal void DecodeInto(ReadOnlySpan<byte> key, ColumnBuilder[] writers)
    {
        int pos = 0;
        var kinds = _kinds;
        for (int k = 0; k < kinds.Length; k++)
        {
            if (key[pos++] == 0) writers[k].AppendNull();
            else if (writers[k] is IntegerColumnBuilder<long> longs)
            {
                // BIGINT, TIMESTAMP and INTERVAL columns (a joined row's commonest), without the codec's switch and a
                // virtual append per value: StateValueCodec writes them as zig-zag varints.
                ulong z = VarInt.Read(key, ref pos);
                longs.AppendInt64((long)(z >> 1) ^ -(long)(z & 1));
            }
            else StateValueCodec.Read(key, ref pos, writers[k], kinds[k]);
        }
    }
}
