using System.Buffers.Binary;
using System.Text;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.State;

/// <summary>A registered keyed state: its name, kind and the id entries carry in snapshots and RocksDB keys.</summary>
public sealed record StateInfo(ushort Id, StateKind Kind, string Name);

/// <summary>Receives one state entry read from a snapshot.</summary>
internal delegate void StateEntrySink(StateInfo state, int keyGroup, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value);

/// <summary>
/// Writes the canonical keyed-state snapshot (the format of hashmap snapshots, rocksdb full snapshots and all savepoints):
/// <code>
/// header    u32 magic 0x534B5353 ("SSKS"), u16 version 2, i32 max parallelism, i32 first key group, i32 last key group,
///           i32 state count, per state: u16 id, u8 kind (1 value, 2 list, 3 map, 4 group table, 5 namespaced group
///           table), varint length + UTF-8 name
/// per key group of the range, in order (its byte offset goes into the handle):
///           i32 key group, then entries: u8 1, u16 state id, varint+key, varint+user key (empty unless map), varint+value,
///           closed by u8 0
/// </code>
/// All integers little-endian. A list state's value is its elements, each a varint length and the bytes. A group table
/// has one entry per group: key = the serialized key, user key = the namespace (8 bytes, big-endian, sign bit flipped; empty
/// for kind 4), value = its state row (varint column count, then each column's state, varint length-prefixed).
/// Version 1 (no group tables) is still read.
/// </summary>
internal sealed class CanonicalSnapshotWriter
{
    public const uint Magic = 0x534B5353;
    public const ushort Version = 2;

    private readonly Stream _stream;
    private readonly KeyGroupRange _range;
    private readonly long[] _offsets;
    private readonly byte[] _header = new byte[16];

    public CanonicalSnapshotWriter(Stream stream, int maxParallelism, KeyGroupRange range, IReadOnlyList<StateInfo> states)
    {
        _stream = stream;
        _range = range;
        _offsets = new long[range.Count];
        Span<byte> b = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(b, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(b[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(b[6..], maxParallelism);
        BinaryPrimitives.WriteInt32LittleEndian(b[10..], range.Start);
        BinaryPrimitives.WriteInt32LittleEndian(b[14..], range.End);
        BinaryPrimitives.WriteInt32LittleEndian(b[18..], states.Count);
        stream.Write(b);
        Position = 22;
        Span<byte> s = stackalloc byte[3];
        foreach (var state in states)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, state.Id);
            s[2] = (byte)state.Kind;
            Write(s);
            WriteBytes(Encoding.UTF8.GetBytes(state.Name));
        }
    }

    public long Position { get; private set; }

    public IReadOnlyList<long> Offsets => _offsets;

    public void BeginKeyGroup(int keyGroup)
    {
        _offsets[keyGroup - _range.Start] = Position;
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, keyGroup);
        Write(b);
    }

    public void WriteEntry(ushort stateId, ReadOnlySpan<byte> key, ReadOnlySpan<byte> userKey, ReadOnlySpan<byte> value)
    {
        _header[0] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(_header.AsSpan(1), stateId);
        Write(_header.AsSpan(0, 3));
        WriteBytes(key);
        WriteBytes(userKey);
        WriteBytes(value);
    }

    /// <summary>Entries already encoded as <see cref="WriteEntry"/> writes them (a group table's snapshot buffers), copied as they are.</summary>
    public void WriteEncodedEntries(ReadOnlySpan<byte> entries) => Write(entries);

    public void EndKeyGroup()
    {
        _stream.WriteByte(0);
        Position++;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        int n = VarInt.Write(_header, 0, (ulong)bytes.Length);
        Write(_header.AsSpan(0, n));
        Write(bytes);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _stream.Write(bytes);
        Position += bytes.Length;
    }
}

/// <summary>Reads the key groups a restoring subtask owns out of a canonical snapshot (seeking by the handle's offsets).</summary>
internal static class CanonicalSnapshotReader
{
    public static void Read(byte[] file, string fileName, KeyedStateHandle handle, KeyGroupRange wanted, StateEntrySink sink)
    {
        try
        {
            ReadUnchecked(file, handle, wanted, sink);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            throw new CheckpointFormatException($"state file {fileName} is corrupt: {e.Message}", e);
        }
    }

    private static void ReadUnchecked(byte[] file, KeyedStateHandle handle, KeyGroupRange wanted, StateEntrySink sink)
    {
        var span = file.AsSpan();
        if (span.Length < 22 || BinaryPrimitives.ReadUInt32LittleEndian(span) != CanonicalSnapshotWriter.Magic)
            throw new InvalidDataException("not a keyed state snapshot (bad magic number)");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
        if (version is < 1 or > CanonicalSnapshotWriter.Version)
            throw new InvalidDataException($"has version {version}, this build reads 1 to {CanonicalSnapshotWriter.Version}");
        int count = BinaryPrimitives.ReadInt32LittleEndian(span[18..]);
        int pos = 22;
        var states = new Dictionary<ushort, StateInfo>();
        for (int i = 0; i < count; i++)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(span[pos..]);
            var kind = (StateKind)span[pos + 2];
            if (kind is < StateKind.Value or > StateKind.NamespacedGroups || (version == 1 && kind > StateKind.Map))
                throw new InvalidDataException($"state {id} has unknown kind {(int)kind}");
            pos += 3;
            var name = Encoding.UTF8.GetString(ReadBytes(span, ref pos));
            states[id] = new StateInfo(id, kind, name);
        }
        var range = handle.KeyGroups.Intersect(wanted);
        for (int g = range.Start; g <= range.End; g++)
        {
            pos = checked((int)handle.KeyGroupOffsets[g - handle.KeyGroups.Start]);
            int stored = BinaryPrimitives.ReadInt32LittleEndian(span[pos..]);
            if (stored != g) throw new InvalidDataException($"key group offset of {g} points at key group {stored}");
            pos += 4;
            while (span[pos++] == 1)
            {
                ushort id = BinaryPrimitives.ReadUInt16LittleEndian(span[pos..]);
                pos += 2;
                var key = ReadBytes(span, ref pos);
                var userKey = ReadBytes(span, ref pos);
                var value = ReadBytes(span, ref pos);
                if (!states.TryGetValue(id, out var state)) throw new InvalidDataException($"entry of unknown state id {id}");
                sink(state, g, key, userKey, value);
            }
        }
    }

    private static ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> span, ref int pos)
    {
        int length = checked((int)VarInt.Read(span, ref pos));
        var bytes = span.Slice(pos, length);
        pos += length;
        return bytes;
    }
}
