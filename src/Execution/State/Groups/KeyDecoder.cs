using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.State.Groups;

/// <summary>Turns keys serialized by <see cref="KeySerializer"/> back into Arrow key columns (for emitting results).</summary>
public sealed class KeyDecoder
{
    private readonly SqlType[] _types;

    public KeyDecoder(IReadOnlyList<SqlType> keyTypes) => _types = keyTypes.ToArray();

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
        for (int k = 0; k < _types.Length; k++)
        {
            var w = writers[k];
            if (key[pos++] == 0)
            {
                w.AppendNull();
                continue;
            }
            switch (_types[k].Kind)
            {
                case SqlTypeKind.Null:
                    w.AppendNull();
                    break;
                case SqlTypeKind.Boolean:
                    w.AppendBoolean(key[pos++] != 0);
                    break;
                case SqlTypeKind.Float:
                    w.AppendDouble(BinaryPrimitives.ReadSingleLittleEndian(key[pos..]));
                    pos += 4;
                    break;
                case SqlTypeKind.Double:
                    w.AppendDouble(BinaryPrimitives.ReadDoubleLittleEndian(key[pos..]));
                    pos += 8;
                    break;
                case SqlTypeKind.Decimal:
                    w.AppendUnscaled(BinaryPrimitives.ReadInt128LittleEndian(key[pos..]));
                    pos += 16;
                    break;
                case SqlTypeKind.Char or SqlTypeKind.VarChar:
                {
                    int length = (int)VarInt.Read(key, ref pos);
                    w.AppendUtf8(key.Slice(pos, length));
                    pos += length;
                    break;
                }
                case SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset:
                    NestedValueCodec.Read(key, ref pos, w);
                    break;
                case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                {
                    int length = (int)VarInt.Read(key, ref pos);
                    w.AppendBytes(key.Slice(pos, length));
                    pos += length;
                    break;
                }
                default:
                {
                    ulong z = VarInt.Read(key, ref pos);
                    w.AppendInt64((long)(z >> 1) ^ -(long)(z & 1));
                    break;
                }
            }
        }
    }
}
