using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Encodes a rank's ORDER BY columns of every row of a batch into bytes whose unsigned byte order is the rank order, so
/// the Top-N compares sort keys as byte spans. Per column: a marker byte (0 where NULLs sort first, 2 where last, 1 for a
/// value), then the value in <see cref="SortableEncoding"/> (strings escaped and terminated, so a shorter string sorts
/// before its extensions); a descending column's bytes are inverted.
/// </summary>
internal sealed class SortKeyEncoder
{
    private readonly IReadOnlyList<RankOrderKey> _keys;
    private readonly bool[] _variable;
    private readonly StateRowWriter _value = new();
    private byte[] _scratch = new byte[64];

    public SortKeyEncoder(IReadOnlyList<RankOrderKey> keys, IReadOnlyList<SqlType> inputTypes)
    {
        _keys = keys;
        _variable = keys.Select(k => inputTypes[k.Column].Kind is SqlTypeKind.Char or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary).ToArray();
        foreach (var k in keys)
            if (!SortableEncoding.Supports(inputTypes[k.Column]))
                throw new NotSupportedException($"a Top-N cannot order by a value of type {inputTypes[k.Column]}");
    }

    /// <summary>The sort keys of all rows of <paramref name="batch"/>, row <c>r</c>'s at
    /// <c>bytes[offsets[r]..offsets[r + 1]]</c>.</summary>
    public void EncodeBatch(RecordBatch batch, StateRowWriter bytes, ref int[] offsets)
    {
        int n = batch.Length;
        if (offsets.Length < n + 1) offsets = new int[Math.Max(n + 1, offsets.Length * 2)];
        bytes.Clear();
        var columns = new ColumnView[_keys.Count];
        for (int c = 0; c < columns.Length; c++) columns[c] = new ColumnView(batch.Column(_keys[c].Column));
        for (int r = 0; r < n; r++)
        {
            offsets[r] = bytes.Length;
            for (int c = 0; c < columns.Length; c++) AppendValue(columns[c], r, c, bytes);
        }
        offsets[n] = bytes.Length;
    }

    private void AppendValue(in ColumnView column, int row, int key, StateRowWriter into)
    {
        var order = _keys[key];
        _value.Clear();
        if (!SortableEncoding.TryWrite(column, row, _value))
        {
            into.WriteByte(order.NullsFirst ? (byte)0 : (byte)2);
            return;
        }
        // The marker is not inverted: NULL placement is explicit, whatever the direction.
        into.WriteByte(1);
        var value = _value.Written;
        if (!_variable[key] && !order.Descending)
        {
            into.WriteRaw(value);
            return;
        }
        int length = 0;
        if (_scratch.Length < value.Length * 2 + 2) _scratch = new byte[value.Length * 2 + 2];
        if (_variable[key])
        {
            foreach (byte b in value)
            {
                _scratch[length++] = b;
                if (b == 0) _scratch[length++] = 0xFF;
            }
            _scratch[length++] = 0;
            _scratch[length++] = 0;
        }
        else
        {
            value.CopyTo(_scratch);
            length = value.Length;
        }
        if (order.Descending)
            for (int i = 0; i < length; i++) _scratch[i] = (byte)~_scratch[i];
        into.WriteRaw(_scratch.AsSpan(0, length));
    }
}
