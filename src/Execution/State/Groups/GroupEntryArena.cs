using System.Buffers.Binary;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Append-only storage of a group table's entries, in chunks that are never changed once written (so a snapshot reads
/// them while the table goes on appending). An entry is
/// <c>[u32 key hash][i32 group][u16 key group][i64 namespace, namespaced tables only][varint key length][key]</c>,
/// padded to 4 bytes; its address is its offset in 4-byte units (chunk index in the high bits), so 32 bits reach 16 GB.
/// </summary>
internal sealed class GroupEntryArena
{
    private const int ChunkShift = 20;
    private const int ChunkBytes = 1 << ChunkShift;
    private const int UnitsPerChunkShift = ChunkShift - 2;
    // One chunk short of the 32-bit address space, so that address + 1 (the index's slot value) never wraps.
    private const int MaxChunks = (1 << (32 - UnitsPerChunkShift)) - 1;

    private readonly bool _namespaced;
    private byte[][] _chunks = new byte[4][];
    private int _chunkCount;
    private int _position = ChunkBytes;

    public GroupEntryArena(bool namespaced) => _namespaced = namespaced;

    /// <summary>Bytes appended (live and dead entries).</summary>
    public long UsedBytes { get; private set; }

    public long AllocatedBytes { get; private set; }

    public int HeaderSize => _namespaced ? 18 : 10;

    public uint Append(uint hash, int group, int keyGroup, long @namespace, ReadOnlySpan<byte> key)
    {
        int size = HeaderSize + VarInt.Size((ulong)key.Length) + key.Length;
        int padded = (size + 3) & ~3;
        if (_position + padded > CurrentChunkLength) NewChunk(Math.Max(ChunkBytes, padded));
        var chunk = _chunks[_chunkCount - 1];
        var span = chunk.AsSpan(_position);
        BinaryPrimitives.WriteUInt32LittleEndian(span, hash);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], group);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)keyGroup);
        int pos = 10;
        if (_namespaced)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[10..], @namespace);
            pos = 18;
        }
        pos += VarInt.Write(span[pos..], (ulong)key.Length);
        key.CopyTo(span[pos..]);
        uint address = (uint)(((long)(_chunkCount - 1) << UnitsPerChunkShift) | (uint)(_position >> 2));
        _position += padded;
        UsedBytes += padded;
        return address;
    }

    private int CurrentChunkLength => _chunkCount == 0 ? 0 : _chunks[_chunkCount - 1].Length;

    private void NewChunk(int size)
    {
        if (_chunkCount == MaxChunks) throw new InvalidOperationException("a group table holds at most 16 GB of keys in memory; use the rocksdb state backend");
        if (_chunkCount == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
        _chunks[_chunkCount++] = new byte[size];
        AllocatedBytes += size;
        _position = 0;
    }

    /// <summary>The entry at <paramref name="address"/> (from its start to the end of its chunk).</summary>
    public ReadOnlySpan<byte> Entry(uint address) => Read(_chunks, address);

    /// <summary>The chunks as they are now, for a snapshot (chunks never change once written).</summary>
    public byte[][] Capture() => _chunks.AsSpan(0, _chunkCount).ToArray();

    internal static ReadOnlySpan<byte> Read(byte[][] chunks, uint address) =>
        chunks[(int)(address >> UnitsPerChunkShift)].AsSpan((int)((address & ((1u << UnitsPerChunkShift) - 1)) << 2));
}

/// <summary>Reads the fields of one arena entry (see <see cref="GroupEntryArena"/>).</summary>
internal readonly ref struct GroupEntry
{
    private readonly ReadOnlySpan<byte> _entry;
    private readonly bool _namespaced;

    public GroupEntry(ReadOnlySpan<byte> entry, bool namespaced)
    {
        _entry = entry;
        _namespaced = namespaced;
    }

    public uint Hash => BinaryPrimitives.ReadUInt32LittleEndian(_entry);
    public int Group => BinaryPrimitives.ReadInt32LittleEndian(_entry[4..]);
    public int KeyGroup => BinaryPrimitives.ReadUInt16LittleEndian(_entry[8..]);
    public long Namespace => _namespaced ? BinaryPrimitives.ReadInt64LittleEndian(_entry[10..]) : 0;

    public ReadOnlySpan<byte> Key
    {
        get
        {
            int pos = _namespaced ? 18 : 10;
            int length = (int)VarInt.Read(_entry, ref pos);
            return _entry.Slice(pos, length);
        }
    }
}
