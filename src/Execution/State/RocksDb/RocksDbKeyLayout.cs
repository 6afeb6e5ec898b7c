using System.Buffers.Binary;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// How keyed state is laid out in RocksDB: <c>[key group: u16 BE][state id: u16 BE][varint key length][key][user key]</c>,
/// so one key group is one contiguous key range (rescaling deletes or scans ranges) and one key's map entries are one
/// contiguous prefix. The registry of states lives under <c>[0xFF 0xFF][state id: u16 BE]</c> (value: kind byte, UTF-8
/// name), above every key group (at most 32768).
/// <para>Rows of a namespaced group table (<see cref="StateKind.NamespacedGroups"/>) put the namespace first:
/// <c>[key group][state id][namespace: 8 bytes BE, sign flipped][varint key length][key]</c>, so one namespace (a window
/// slice) of a key group is one contiguous range. A plain group table's rows are laid out as any state with an empty
/// user key.</para>
/// </summary>
internal static class RocksDbKeyLayout
{
    public const int RegistryGroup = 0xFFFF;

    /// <summary>Writes the prefix of a key (everything before the user key) and returns its length.</summary>
    public static int WritePrefix(byte[] buffer, int keyGroup, ushort stateId, ReadOnlySpan<byte> key)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)keyGroup);
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), stateId);
        int pos = VarInt.Write(buffer, 4, (ulong)key.Length);
        key.CopyTo(buffer.AsSpan(pos));
        return pos + key.Length;
    }

    public static int MaxPrefixLength(int keyLength) => 4 + 5 + keyLength;

    public static byte[] GroupStart(int keyGroup) => new[] { (byte)(keyGroup >> 8), (byte)keyGroup };

    public static byte[] StatePrefix(int keyGroup, ushort stateId) =>
        new[] { (byte)(keyGroup >> 8), (byte)keyGroup, (byte)(stateId >> 8), (byte)stateId };

    public static byte[] RegistryKey(ushort stateId) => new byte[] { 0xFF, 0xFF, (byte)(stateId >> 8), (byte)stateId };

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/>.</summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.ToArray();
        for (int i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xFF)
            {
                end[i]++;
                return end.AsSpan(0, i + 1).ToArray();
            }
        }
        throw new InvalidOperationException("prefix has no upper bound");
    }

    /// <summary>Splits a stored key into its parts.</summary>
    public static void Parse(ReadOnlySpan<byte> stored, out int keyGroup, out ushort stateId, out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> userKey)
    {
        keyGroup = BinaryPrimitives.ReadUInt16BigEndian(stored);
        stateId = BinaryPrimitives.ReadUInt16BigEndian(stored[2..]);
        int pos = 4;
        int length = checked((int)VarInt.Read(stored, ref pos));
        key = stored.Slice(pos, length);
        userKey = stored[(pos + length)..];
    }

    public static int GroupRowKeyLength(bool namespaced, int keyLength) => 4 + (namespaced ? 8 : 0) + VarInt.Size((ulong)keyLength) + keyLength;

    /// <summary>Writes the stored key of a group table row; returns its length.</summary>
    public static int WriteGroupRowKey(Span<byte> buffer, int keyGroup, ushort stateId, bool namespaced, long @namespace, ReadOnlySpan<byte> key)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)keyGroup);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], stateId);
        int pos = 4;
        if (namespaced)
        {
            Groups.GroupTable.EncodeNamespace(@namespace, buffer[4..]);
            pos = 12;
        }
        pos += VarInt.Write(buffer[pos..], (ulong)key.Length);
        key.CopyTo(buffer[pos..]);
        return pos + key.Length;
    }

    /// <summary>The prefix of every row of one namespace of a namespaced group table in one key group.</summary>
    public static byte[] NamespacePrefix(int keyGroup, ushort stateId, long @namespace)
    {
        var prefix = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)keyGroup);
        BinaryPrimitives.WriteUInt16BigEndian(prefix.AsSpan(2), stateId);
        Groups.GroupTable.EncodeNamespace(@namespace, prefix.AsSpan(4));
        return prefix;
    }

    /// <summary>Splits a stored group table row key.</summary>
    public static void ParseGroupRow(ReadOnlySpan<byte> stored, bool namespaced, out int keyGroup, out ushort stateId, out long @namespace,
        out ReadOnlySpan<byte> key)
    {
        keyGroup = BinaryPrimitives.ReadUInt16BigEndian(stored);
        stateId = BinaryPrimitives.ReadUInt16BigEndian(stored[2..]);
        int pos = 4;
        @namespace = 0;
        if (namespaced)
        {
            @namespace = Groups.GroupTable.DecodeNamespace(stored.Slice(4, 8));
            pos = 12;
        }
        int length = checked((int)VarInt.Read(stored, ref pos));
        key = stored.Slice(pos, length);
    }
}
