using System.Buffers.Binary;
using System.Text;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.State;

/// <summary>How a non-keyed list state is redistributed when the parallelism changes (Flink's operator list state).</summary>
public enum OperatorStateMode : byte
{
    /// <summary>The elements of all old subtasks are concatenated and split into even contiguous parts, one per new subtask.</summary>
    EvenSplit = 1,
    /// <summary>Every new subtask gets every element of every old subtask.</summary>
    Union = 2,
}

/// <summary>A named list of entries owned by one subtask (source offsets, sink transactions).</summary>
public interface IOperatorListState
{
    string Name { get; }
    OperatorStateMode Mode { get; }
    IReadOnlyList<byte[]> Get();
    void Add(byte[] entry);
    void Update(IReadOnlyList<byte[]> entries);
    void Clear();
}

/// <summary>
/// Operator (non-keyed) state of one subtask: named lists of byte[] entries. The snapshot copies the lists synchronously
/// (they are small by design) and writes them as one file:
/// <code>u32 magic 0x534F5353 ("SSOS"), u16 version 1, i32 state count, per state: varint+UTF-8 name, u8 mode,
/// i32 entry count, per entry varint length + bytes</code>
/// </summary>
public interface IOperatorStateBackend
{
    IOperatorListState GetListState(string name);
    IOperatorListState GetUnionListState(string name);
    /// <summary>Synchronous part: a copy of every list; <see cref="OperatorStateSnapshot.Write"/> is the asynchronous part.</summary>
    OperatorStateSnapshot Snapshot();
}

/// <summary>The captured operator state of one subtask, written by the asynchronous part of a checkpoint.</summary>
public sealed class OperatorStateSnapshot
{
    private readonly List<(string Name, OperatorStateMode Mode, byte[][] Entries)> _states;

    internal OperatorStateSnapshot(List<(string Name, OperatorStateMode Mode, byte[][] Entries)> states) => _states = states;

    /// <summary>Writes <c>&lt;fileName&gt;.operator</c>; null (no file) when the subtask has no operator state.</summary>
    public StateFileHandle? Write(ICheckpointWriter target, string fileName) =>
        _states.Count == 0 ? null : target.WriteExclusive(fileName + ".operator", stream => OperatorStateBackend.Write(stream, _states));
}

/// <summary>The operator state backend (the same for hashmap and rocksdb: operator state is always in memory, as in Flink).</summary>
public sealed class OperatorStateBackend : IOperatorStateBackend
{
    public const uint Magic = 0x534F5353;
    public const ushort Version = 1;

    private readonly Dictionary<string, ListState> _states = new(StringComparer.Ordinal);

    public IOperatorListState GetListState(string name) => Get(name, OperatorStateMode.EvenSplit);

    public IOperatorListState GetUnionListState(string name) => Get(name, OperatorStateMode.Union);

    private ListState Get(string name, OperatorStateMode mode)
    {
        if (_states.TryGetValue(name, out var state))
            return state.Mode == mode ? state : throw new InvalidOperationException($"operator state '{name}' is {state.Mode}, not {mode}");
        state = new ListState(name, mode);
        _states.Add(name, state);
        return state;
    }

    public OperatorStateSnapshot Snapshot()
    {
        var copy = new List<(string Name, OperatorStateMode Mode, byte[][] Entries)>();
        foreach (var state in _states.Values) copy.Add((state.Name, state.Mode, state.Entries.ToArray()));
        return new OperatorStateSnapshot(copy);
    }

    internal static void Write(Stream stream, List<(string Name, OperatorStateMode Mode, byte[][] Entries)> states)
    {
        var output = new BufferedStream(stream, 1 << 16);
        Span<byte> b = stackalloc byte[10];
        BinaryPrimitives.WriteUInt32LittleEndian(b, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(b[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(b[6..], states.Count);
        output.Write(b);
        foreach (var (name, mode, entries) in states)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            VarInt.Write(output, (ulong)nameBytes.Length);
            output.Write(nameBytes);
            output.WriteByte((byte)mode);
            BinaryPrimitives.WriteInt32LittleEndian(b, entries.Length);
            output.Write(b[..4]);
            foreach (var entry in entries)
            {
                VarInt.Write(output, (ulong)entry.Length);
                output.Write(entry);
            }
        }
        output.Flush();
    }

    /// <summary>
    /// Restores subtask <paramref name="subtaskIndex"/> of <paramref name="parallelism"/> from the operator state files of
    /// all old subtasks (in subtask order): even-split lists are concatenated in that order and cut into
    /// <paramref name="parallelism"/> contiguous parts whose sizes differ by at most one; union lists go to every subtask whole.
    /// </summary>
    public void Restore(IReadOnlyList<StateFileHandle> oldSubtasks, IStateFileReader reader, int subtaskIndex, int parallelism)
    {
        var merged = new Dictionary<string, (OperatorStateMode Mode, List<byte[]> Entries)>(StringComparer.Ordinal);
        foreach (var handle in oldSubtasks)
        foreach (var (name, mode, entries) in Read(reader.ReadAll(handle), handle.RelativePath))
        {
            if (!merged.TryGetValue(name, out var list)) merged[name] = list = (mode, new List<byte[]>());
            list.Entries.AddRange(entries);
        }
        foreach (var (name, (mode, entries)) in merged)
        {
            var state = Get(name, mode);
            if (mode == OperatorStateMode.Union)
            {
                state.Entries.AddRange(entries);
                continue;
            }
            int start = (int)((long)entries.Count * subtaskIndex / parallelism);
            int end = (int)((long)entries.Count * (subtaskIndex + 1) / parallelism);
            for (int i = start; i < end; i++) state.Entries.Add(entries[i]);
        }
    }

    private static List<(string, OperatorStateMode, List<byte[]>)> Read(byte[] file, string fileName)
    {
        try
        {
            var span = file.AsSpan();
            if (span.Length < 10 || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic)
                throw new InvalidDataException("not an operator state file (bad magic number)");
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(span[4..]);
            if (version != Version) throw new InvalidDataException($"has version {version}, this build reads {Version}");
            int count = BinaryPrimitives.ReadInt32LittleEndian(span[6..]);
            int pos = 10;
            var states = new List<(string, OperatorStateMode, List<byte[]>)>();
            for (int s = 0; s < count; s++)
            {
                int nameLength = checked((int)VarInt.Read(span, ref pos));
                var name = Encoding.UTF8.GetString(span.Slice(pos, nameLength));
                pos += nameLength;
                var mode = (OperatorStateMode)span[pos++];
                int entryCount = BinaryPrimitives.ReadInt32LittleEndian(span[pos..]);
                pos += 4;
                var entries = new List<byte[]>(entryCount);
                for (int e = 0; e < entryCount; e++)
                {
                    int length = checked((int)VarInt.Read(span, ref pos));
                    entries.Add(span.Slice(pos, length).ToArray());
                    pos += length;
                }
                states.Add((name, mode, entries));
            }
            return states;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or OverflowException)
        {
            throw new CheckpointFormatException($"state file {fileName} is corrupt: {e.Message}", e);
        }
    }

    private sealed class ListState(string name, OperatorStateMode mode) : IOperatorListState
    {
        public readonly List<byte[]> Entries = new();
        public string Name { get; } = name;
        public OperatorStateMode Mode { get; } = mode;
        public IReadOnlyList<byte[]> Get() => Entries.ToArray();
        public void Add(byte[] entry) => Entries.Add(entry);

        public void Update(IReadOnlyList<byte[]> entries)
        {
            Entries.Clear();
            Entries.AddRange(entries);
        }

        public void Clear() => Entries.Clear();
    }
}
