namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Append-only storage of byte strings in chunks that are never changed below their fill mark (a snapshot keeps reading
/// the bytes it captured while new ones are appended). A string is referenced by a 64-bit handle
/// <c>[chunk: 13 bits][offset: 23 bits][length: 28 bits]</c>; <see cref="None"/> is no string. The owner tracks which
/// handles are live and compacts (<see cref="ShouldCompact"/>) into a fresh arena. Chunks start at 1 MiB and double up to
/// 8 MiB as the arena grows (a small state stays small); chunks of 4 MiB and more are advised for huge pages
/// (<see cref="HugePageArrays"/>).
/// </summary>
public sealed class ByteArena
{
    public const long None = -1;
    private const int FirstChunkBytes = 1 << 20;
    private const int OffsetBits = 23;
    private const int MaxChunkBytes = 1 << OffsetBits;
    private const int MaxLength = (1 << 28) - 1;
    // 12 of the 13 chunk bits: a handle stays non-negative (None is -1).
    private const int MaxChunks = (1 << 12) - 1;

    private byte[][] _chunks = new byte[2][];
    private int _chunkCount;
    private int _position;

    /// <summary>Bytes appended (live and dead).</summary>
    public long UsedBytes { get; private set; }

    public long AllocatedBytes { get; private set; }

    /// <summary>Whether live bytes are few enough next to what was appended that a compaction pays.</summary>
    public bool ShouldCompact(long liveBytes) => UsedBytes > 2 * liveBytes + FirstChunkBytes;

    public long Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxLength) throw new InvalidOperationException($"a value of {bytes.Length} bytes is too large for grouped state (at most {MaxLength})");
        if (_chunkCount == 0 || _position + bytes.Length > _chunks[_chunkCount - 1].Length) NewChunk(Math.Max(NextChunkBytes, bytes.Length));
        int chunk = _chunkCount - 1;
        bytes.CopyTo(_chunks[chunk].AsSpan(_position));
        long handle = Handle(chunk, _position, bytes.Length);
        _position += bytes.Length;
        UsedBytes += bytes.Length;
        return handle;
    }

    /// <summary>Appends consecutive strings, string i being <paramref name="bytes"/>[<paramref name="offsets"/>[i]..
    /// <paramref name="offsets"/>[i + 1]], its handle written to <paramref name="handles"/>[i]: as <see cref="Append"/>
    /// string by string, but the strings that fit in the current chunk are copied with one move.</summary>
    public void AppendAll(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> offsets, Span<long> handles)
    {
        int n = offsets.Length - 1;
        for (int i = 0; i < n;)
        {
            int start = offsets[i];
            int room = _chunkCount == 0 ? 0 : _chunks[_chunkCount - 1].Length - _position;
            int end = i;
            while (end < n && offsets[end + 1] - start <= room && offsets[end + 1] - offsets[end] <= MaxLength) end++;
            if (end == i)
            {
                // A new chunk (or a string too large, which Append refuses).
                handles[i] = Append(bytes[start..offsets[i + 1]]);
                i++;
                continue;
            }
            int chunk = _chunkCount - 1;
            int length = offsets[end] - start;
            bytes.Slice(start, length).CopyTo(_chunks[chunk].AsSpan(_position));
            for (int k = i; k < end; k++) handles[k] = Handle(chunk, _position + offsets[k] - start, offsets[k + 1] - offsets[k]);
            _position += length;
            UsedBytes += length;
            i = end;
        }
    }

    /// <summary>A new string of <paramref name="first"/> followed by <paramref name="second"/> (and <paramref name="third"/>),
    /// appended in place when <paramref name="first"/> is the last string appended and the chunk has room: only bytes past
    /// every captured string are written, so snapshots are unaffected.</summary>
    public long Concat(long first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third = default)
    {
        if (first == None)
        {
            if (third.IsEmpty) return Append(second);
            first = Append(second);
            second = third;
            third = default;
        }
        int chunk = ChunkOf(first), offset = OffsetOf(first), length = LengthOf(first);
        int extra = second.Length + third.Length;
        if (length + extra > MaxLength) throw new InvalidOperationException($"a value of {length + extra} bytes is too large for grouped state (at most {MaxLength})");
        if (chunk == _chunkCount - 1 && offset + length == _position && _position + extra <= _chunks[chunk].Length)
        {
            var target = _chunks[chunk].AsSpan(_position);
            second.CopyTo(target);
            third.CopyTo(target[second.Length..]);
            _position += extra;
            UsedBytes += extra;
            return Handle(chunk, offset, length + extra);
        }
        if (_chunkCount == 0 || _position + length + extra > _chunks[_chunkCount - 1].Length) NewChunk(Math.Max(NextChunkBytes, length + extra));
        int c = _chunkCount - 1;
        var destination = _chunks[c].AsSpan(_position);
        _chunks[chunk].AsSpan(offset, length).CopyTo(destination);
        second.CopyTo(destination[length..]);
        third.CopyTo(destination[(length + second.Length)..]);
        long handle = Handle(c, _position, length + extra);
        _position += length + extra;
        UsedBytes += length + extra;
        return handle;
    }

    public ReadOnlySpan<byte> Get(long handle) => Get(_chunks, handle);

    public static int LengthOf(long handle) => handle == None ? 0 : (int)(handle & MaxLength);

    /// <summary>The chunks as they are now, for a snapshot.</summary>
    public byte[][] Capture() => _chunks.AsSpan(0, _chunkCount).ToArray();

    public static ReadOnlySpan<byte> Get(byte[][] chunks, long handle) =>
        handle == None ? ReadOnlySpan<byte>.Empty : chunks[ChunkOf(handle)].AsSpan(OffsetOf(handle), LengthOf(handle));

    private static int ChunkOf(long handle) => (int)((ulong)handle >> (28 + OffsetBits));
    private static int OffsetOf(long handle) => (int)((handle >> 28) & (MaxChunkBytes - 1));
    private static long Handle(int chunk, int offset, int length) => ((long)chunk << (28 + OffsetBits)) | ((long)offset << 28) | (uint)length;

    /// <summary>1 MiB for the first two chunks, then the arena's size so far (doubling it), at most 8 MiB.</summary>
    private int NextChunkBytes => (int)Math.Clamp(AllocatedBytes, FirstChunkBytes, MaxChunkBytes);

    private void NewChunk(int size)
    {
        if (_chunkCount == MaxChunks) throw new InvalidOperationException("grouped state holds at most 32 GB of values in memory; use the rocksdb state backend");
        if (_chunkCount == _chunks.Length) Array.Resize(ref _chunks, _chunks.Length * 2);
        _chunks[_chunkCount++] = HugePageArrays.Allocate(size);
        AllocatedBytes += size;
        _position = 0;
    }
}

/// <summary>A byte string per group (string values of MIN/MAX/FIRST/LAST, LISTAGG's text), or none; in the state row a
/// presence byte, then the length and bytes.</summary>
public sealed class BytesVector(SnapshotEpoch epoch) : StateVector
{
    private ByteArena _arena = new();
    private long _liveBytes;

    public PagedColumn<long> Handles { get; } = new(epoch, ByteArena.None);

    public bool HasValue(int group) => Handles.Get(group) != ByteArena.None;

    public ReadOnlySpan<byte> Get(int group) => _arena.Get(Handles.Get(group));

    public void Set(int group, ReadOnlySpan<byte> value)
    {
        long old = Handles.Get(group);
        _liveBytes += value.Length - ByteArena.LengthOf(old);
        Handles.Set(group, _arena.Append(value));
        CompactIfWasteful();
    }

    /// <summary>Appends <paramref name="separator"/> and <paramref name="value"/> to the group's string (just
    /// <paramref name="value"/> when it has none).</summary>
    public void Append(int group, ReadOnlySpan<byte> separator, ReadOnlySpan<byte> value)
    {
        long old = Handles.Get(group);
        long handle = old == ByteArena.None ? _arena.Append(value) : _arena.Concat(old, separator, value);
        _liveBytes += ByteArena.LengthOf(handle) - ByteArena.LengthOf(old);
        Handles.Set(group, handle);
        CompactIfWasteful();
    }

    public void Clear(int group)
    {
        _liveBytes -= ByteArena.LengthOf(Handles.Get(group));
        Handles.Set(group, ByteArena.None);
    }

    private void CompactIfWasteful()
    {
        if (!_arena.ShouldCompact(_liveBytes)) return;
        var old = _arena;
        _arena = new ByteArena();
        for (int g = 0; g < Handles.Capacity; g++)
        {
            long h = Handles.Get(g);
            if (h != ByteArena.None) Handles.Set(g, _arena.Append(old.Get(h)));
        }
    }

    public override void EnsureCapacity(int groups) => Handles.EnsureCapacity(groups);
    public override void PrepareWrite(ReadOnlySpan<int> groups) => Handles.PrepareWrite(groups);
    public override void Reset(int group) => Clear(group);

    public override void Write(int group, StateRowWriter writer) => Write(writer, Handles.Get(group), _arena.Get(Handles.Get(group)));

    private static void Write(StateRowWriter writer, long handle, ReadOnlySpan<byte> bytes)
    {
        if (handle == ByteArena.None)
        {
            writer.WriteByte(0);
            return;
        }
        writer.WriteByte(1);
        writer.WriteBytes(bytes);
    }

    public override void Read(int group, ref StateRowReader reader)
    {
        if (reader.ReadByte() == 0) Clear(group);
        else Set(group, reader.ReadBytes());
    }

    public override IStateVectorView Capture() => new View(Handles.Capture(), _arena.Capture());
    public override long AllocatedBytes => Handles.AllocatedBytes + _arena.AllocatedBytes;

    private sealed class View(PagedColumnView<long> handles, byte[][] chunks) : IStateVectorView
    {
        public void Write(int group, StateRowWriter writer) => BytesVector.Write(writer, handles[group], ByteArena.Get(chunks, handles[group]));
    }
}
