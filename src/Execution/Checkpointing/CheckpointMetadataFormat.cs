using System.Buffers.Binary;
using System.Text;
using StreamSql.Execution.State;

namespace StreamSql.Execution.Checkpointing;

/// <summary>
/// The <c>_metadata</c> file, version 2 (version 1 had no operator names; it is still read). All integers little-endian; a string is a varint byte length and UTF-8 bytes.
/// <code>
/// u32 magic 0x4D435353 ("SSCM")   u16 version (2)   u64 file length, trailing checksum included
/// i64 checkpoint id   i64 timestamp (ms since the epoch)   u8 flags (bit 0: savepoint)   string job name
/// i32 operator count, per operator:
///     string operator id, string operator name (version 2), i32 parallelism, i32 max parallelism, i32 subtask count, per subtask:
///         i32 subtask index
///         u8 has keyed state; if 1: string format ("canonical" | "rocksdb-native"), i32 first key group, i32 last key group,
///            i32 offset count, i64 offset per key group, i32 file count, file...
///         u8 has operator state; if 1: file
///     file: string relative path, i64 size, u32 CRC-32C, string local name
/// u32 CRC-32C of every byte before it
/// </code>
/// Paths are relative to the directory of <c>_metadata</c>; only checkpoints may reach outside it (<c>../shared/</c>).
/// </summary>
public static class CheckpointMetadataFormat
{
    public const uint Magic = 0x4D435353;
    public const ushort Version = 2;
    public const string FileName = "_metadata";
    private const int HeaderLength = 14;

    public static byte[] Serialize(CheckpointMetadata metadata)
    {
        var body = new MemoryStream();
        var w = new BinaryWriter(body, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(0UL);
        w.Write(metadata.CheckpointId);
        w.Write(metadata.TimestampMillis);
        w.Write((byte)(metadata.IsSavepoint ? 1 : 0));
        w.Write(metadata.JobName);
        w.Write(metadata.Operators.Count);
        foreach (var op in metadata.Operators)
        {
            w.Write(op.OperatorId);
            w.Write(op.OperatorName);
            w.Write(op.Parallelism);
            w.Write(op.MaxParallelism);
            w.Write(op.Subtasks.Count);
            foreach (var subtask in op.Subtasks)
            {
                w.Write(subtask.SubtaskIndex);
                w.Write((byte)(subtask.Keyed is null ? 0 : 1));
                if (subtask.Keyed is { } keyed)
                {
                    w.Write(keyed.Format);
                    w.Write(keyed.KeyGroups.Start);
                    w.Write(keyed.KeyGroups.End);
                    w.Write(keyed.KeyGroupOffsets.Count);
                    foreach (var offset in keyed.KeyGroupOffsets) w.Write(offset);
                    w.Write(keyed.Files.Count);
                    foreach (var file in keyed.Files) WriteFile(w, file);
                }
                w.Write((byte)(subtask.OperatorState is null ? 0 : 1));
                if (subtask.OperatorState is { } operatorState) WriteFile(w, operatorState);
            }
        }
        w.Flush();
        var bytes = new byte[body.Length + 4];
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(bytes);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(6), (ulong)bytes.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32C.Compute(bytes.AsSpan(0, bytes.Length - 4)));
        return bytes;
    }

    private static void WriteFile(BinaryWriter w, StateFileHandle file)
    {
        w.Write(file.RelativePath);
        w.Write(file.Size);
        w.Write(file.Checksum);
        w.Write(file.LocalName);
    }

    /// <summary>Parses and validates <paramref name="bytes"/>; errors name <paramref name="path"/>.</summary>
    public static CheckpointMetadata Deserialize(byte[] bytes, string path)
    {
        if (bytes.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            throw new CheckpointFormatException($"{Describe(path)} is not a checkpoint metadata file (bad magic number)");
        if (bytes.Length < HeaderLength)
            throw new CheckpointFormatException($"{Describe(path)} is truncated ({bytes.Length} bytes)");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4));
        if (version is not (1 or Version))
            throw new CheckpointFormatException($"{Describe(path)} has version {version}, this build reads 1 and {Version}");
        ulong declared = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(6));
        if ((ulong)bytes.Length < declared)
            throw new CheckpointFormatException($"{Describe(path)} is truncated ({bytes.Length} of {declared} bytes)");
        if ((ulong)bytes.Length > declared)
            throw new CheckpointFormatException($"{Describe(path)} is corrupt ({(ulong)bytes.Length - declared} bytes after its end)");
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        if (stored != Crc32C.Compute(bytes.AsSpan(0, bytes.Length - 4)))
            throw new CheckpointFormatException($"checksum mismatch in {path}: the checkpoint metadata is corrupt");
        try
        {
            var r = new BinaryReader(new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength - 4), Encoding.UTF8);
            long id = r.ReadInt64();
            long timestamp = r.ReadInt64();
            bool savepoint = (r.ReadByte() & 1) != 0;
            string job = r.ReadString();
            int operatorCount = r.ReadInt32();
            var operators = new List<OperatorStateEntry>(operatorCount);
            for (int o = 0; o < operatorCount; o++)
            {
                string operatorId = r.ReadString();
                string operatorName = version >= 2 ? r.ReadString() : "";
                int parallelism = r.ReadInt32(), maxParallelism = r.ReadInt32(), subtaskCount = r.ReadInt32();
                if (parallelism < 1 || parallelism > maxParallelism || subtaskCount > parallelism)
                    throw new InvalidDataException($"operator {operatorId} has parallelism {parallelism}, max parallelism {maxParallelism} and {subtaskCount} subtask states");
                var subtasks = new List<SubtaskStateHandle>(subtaskCount);
                for (int s = 0; s < subtaskCount; s++)
                {
                    int index = r.ReadInt32();
                    if (index < 0 || index >= parallelism) throw new InvalidDataException($"operator {operatorId} has a state of subtask {index} of {parallelism}");
                    KeyedStateHandle? keyed = null;
                    if (r.ReadByte() == 1)
                    {
                        string format = r.ReadString();
                        var range = new KeyGroupRange(r.ReadInt32(), r.ReadInt32());
                        var offsets = new long[r.ReadInt32()];
                        for (int i = 0; i < offsets.Length; i++) offsets[i] = r.ReadInt64();
                        var files = new StateFileHandle[r.ReadInt32()];
                        for (int i = 0; i < files.Length; i++) files[i] = ReadFile(r, savepoint, path);
                        if (format != KeyedStateFormats.Canonical && format != KeyedStateFormats.RocksDbNative)
                            throw new InvalidDataException($"operator {operatorId} subtask {index} has keyed state of unknown format '{format}'");
                        if (range.End >= maxParallelism || (format == KeyedStateFormats.Canonical && (offsets.Length != range.Count || files.Length != 1)))
                            throw new InvalidDataException($"operator {operatorId} subtask {index} has an inconsistent key group range {range}");
                        keyed = new KeyedStateHandle(format, range, offsets, files);
                    }
                    StateFileHandle? operatorState = r.ReadByte() == 1 ? ReadFile(r, savepoint, path) : null;
                    subtasks.Add(new SubtaskStateHandle(index, keyed, operatorState));
                }
                operators.Add(new OperatorStateEntry(operatorId, parallelism, maxParallelism, subtasks) { OperatorName = operatorName });
            }
            if (r.BaseStream.Position != r.BaseStream.Length)
                throw new InvalidDataException("unexpected bytes after the last operator");
            return new CheckpointMetadata(id, timestamp, job, savepoint, operators);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or OverflowException or IOException)
        {
            throw new CheckpointFormatException($"{Describe(path)} is corrupt: {e.Message}", e);
        }
    }

    private static StateFileHandle ReadFile(BinaryReader r, bool savepoint, string path)
    {
        var file = new StateFileHandle(r.ReadString(), r.ReadInt64(), r.ReadUInt32(), r.ReadString());
        if (Path.IsPathRooted(file.RelativePath) || (savepoint && file.RelativePath.Split('/').Contains("..")))
            throw new CheckpointFormatException($"{Describe(path)} references '{file.RelativePath}', which is not a path inside the {(savepoint ? "savepoint" : "checkpoint")}");
        return file;
    }

    private static string Describe(string path) => $"checkpoint {path}";
}
