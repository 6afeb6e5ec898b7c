using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// For a join side whose input sends updates as <c>+U</c> alone (Flink's join state keyed by a unique key): finds, among
/// the rows stored under one join key, the row with the same upsert key as a new row, which the new row replaces (or a
/// <c>-D</c> removes). When the upsert key lies within the join keys a join key holds one row, so it is the group's row;
/// otherwise the rows' upsert key columns are compared in their serialized form (<see cref="KeySerializer"/> over all
/// columns: each value is self-delimiting, so equal values are equal byte ranges).
/// </summary>
internal sealed class UpsertKeyLookup
{
    /// <summary>Nested values are skipped by reading them into a scratch builder, renewed after this many.</summary>
    private const int ScratchValues = 4096;

    private readonly bool[] _isKey;
    private readonly int _lastKeyColumn;
    /// <summary>The upsert key lies within the join keys: a join key holds one row.</summary>
    public bool WholeGroup { get; }
    private readonly SqlType[] _types;
    private readonly ColumnKind[] _kinds;
    private readonly ColumnBuilder?[] _scratch;
    private int _scratchUsed;

    public UpsertKeyLookup(IReadOnlyList<int> upsertKey, IReadOnlyList<int> joinKeys, SqlType[] types)
    {
        _types = types;
        _kinds = types.Select(ColumnKinds.Of).ToArray();
        _isKey = new bool[types.Length];
        foreach (int c in upsertKey) _isKey[c] = true;
        _lastKeyColumn = upsertKey.Count == 0 ? -1 : upsertKey.Max();
        WholeGroup = upsertKey.All(joinKeys.Contains);
        _scratch = new ColumnBuilder?[types.Length];
    }

    /// <summary>The entry of <paramref name="group"/> whose upsert key equals that of <paramref name="row"/>, or -1.</summary>
    public int Find(JoinRecords records, int group, ReadOnlySpan<byte> row)
    {
        if (group < 0) return -1;
        if (WholeGroup) return records.First(group);
        for (int e = records.First(group); e >= 0; e = records.Next(e))
            if (SameKey(records.Row(e), row)) return e;
        return -1;
    }

    private bool SameKey(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        int pa = 0, pb = 0;
        for (int c = 0; c <= _lastKeyColumn; c++)
        {
            int startA = pa, startB = pb;
            Skip(a, ref pa, c);
            Skip(b, ref pb, c);
            if (_isKey[c] && !a[startA..pa].SequenceEqual(b[startB..pb])) return false;
        }
        return true;
    }

    /// <summary>Moves <paramref name="pos"/> past one value (with its presence byte) of column <paramref name="column"/>.</summary>
    private void Skip(ReadOnlySpan<byte> bytes, ref int pos, int column)
    {
        if (bytes[pos++] == 0) return;
        switch (_kinds[column])
        {
            case ColumnKind.Null:
                return;
            case ColumnKind.Boolean:
                pos += 1;
                return;
            case ColumnKind.Float32:
                pos += 4;
                return;
            case ColumnKind.Float64:
                pos += 8;
                return;
            case ColumnKind.Decimal128:
                pos += 16;
                return;
            case ColumnKind.Utf8 or ColumnKind.Binary:
            {
                int length = (int)VarInt.Read(bytes, ref pos);
                pos += length;
                return;
            }
            case ColumnKind.Struct or ColumnKind.List or ColumnKind.Map:
            {
                if (++_scratchUsed >= ScratchValues)
                {
                    System.Array.Clear(_scratch);
                    _scratchUsed = 0;
                }
                var scratch = _scratch[column] ??= ColumnBuilder.Create(_types[column]);
                StateValueCodec.Read(bytes, ref pos, scratch, _kinds[column]);
                return;
            }
            default:
                VarInt.Read(bytes, ref pos);
                return;
        }
    }
}
