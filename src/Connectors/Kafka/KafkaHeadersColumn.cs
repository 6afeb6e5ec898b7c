using System.Runtime.InteropServices;
using Apache.Arrow;
using Confluent.Kafka;

namespace StreamSql.Connectors.Kafka;

/// <summary>A <c>MAP&lt;STRING, BYTES&gt;</c> column read as the headers of the records a kafka sink writes: each entry a
/// header in the map's order (a NULL value is a header without a value; a NULL key is skipped, Kafka has none).</summary>
internal sealed class KafkaHeadersColumn
{
    private readonly ArrayData _map;
    private readonly StringArray _keys;
    private readonly BinaryArray _values;

    public KafkaHeadersColumn(IArrowArray column)
    {
        _map = column.Data;
        var entries = _map.Children[0];
        _keys = (StringArray)ArrowArrayFactory.BuildArray(entries.Children[0]);
        _values = (BinaryArray)ArrowArrayFactory.BuildArray(entries.Children[1]);
    }

    /// <summary>The headers of row <paramref name="row"/>; null when the map is NULL or empty.</summary>
    public Headers? At(int row)
    {
        if (_map.NullCount > 0 && !BitUtility.GetBit(_map.Buffers[0].Span, _map.Offset + row)) return null;
        var offsets = MemoryMarshal.Cast<byte, int>(_map.Buffers[1].Span).Slice(_map.Offset);
        int start = offsets[row], end = offsets[row + 1];
        if (start == end) return null;
        var headers = new Headers();
        for (int e = start; e < end; e++)
        {
            if (_keys.IsNull(e)) continue;
            headers.Add(_keys.GetString(e), _values.IsNull(e) ? null : _values.GetBytes(e).ToArray());
        }
        return headers;
    }
}
