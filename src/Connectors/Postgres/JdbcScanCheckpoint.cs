namespace StreamSql.Connectors.Postgres;

/// <summary>
/// What one subtask of a jdbc scan keeps in a checkpoint: the split plan it read under (the number of splits and the
/// partition bounds, null without <c>scan.partition.*</c>) and the position of each split assigned to it. A restore at any
/// parallelism gathers the positions of all old subtasks, and each new subtask takes those of the splits assigned to it.
/// Format 1 (before the read was split) held a single position: the whole read as split 0 of 1.
/// </summary>
internal sealed record JdbcScanCheckpoint(int SplitCount, long? Lower, long? Upper, IReadOnlyList<(int Split, JdbcScanPosition Position)> Splits)
{
    /// <summary>Written by format 1, which did not record the bounds (a single read, filtered by them if any).</summary>
    public bool BoundsUnknown { get; private init; }

    /// <summary>Whether this checkpoint was taken reading <paramref name="plan"/> (the same splits of the same range).</summary>
    public bool Matches(IReadOnlyList<JdbcScanSplit> plan) =>
        SplitCount == plan.Count && (BoundsUnknown || (Lower == plan[0].Lower && Upper == plan[^1].Upper));

    private const byte SingleReadVersion = 1;
    private const byte FormatVersion = 2;

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatVersion);
            writer.Write(SplitCount);
            writer.Write(Lower.HasValue);
            writer.Write(Lower ?? 0);
            writer.Write(Upper ?? 0);
            writer.Write(Splits.Count);
            foreach (var (split, position) in Splits)
            {
                writer.Write(split);
                position.Write(writer);
            }
        }
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a position this version wrote.</exception>
    public static JdbcScanCheckpoint Decode(byte[] bytes, string tableLabel, int subtask)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes));
            JdbcScanCheckpoint decoded;
            switch (reader.ReadByte())
            {
                case SingleReadVersion:
                    decoded = new JdbcScanCheckpoint(1, null, null, [(0, JdbcScanPosition.Read(reader))]) { BoundsUnknown = true };
                    break;
                case FormatVersion:
                    int count = reader.ReadInt32();
                    bool bounded = reader.ReadBoolean();
                    long lower = reader.ReadInt64(), upper = reader.ReadInt64();
                    int entries = reader.ReadInt32();
                    if (count < 1 || entries < 0 || entries > count) throw new InvalidDataException($"{entries} of {count} splits");
                    var splits = new (int, JdbcScanPosition)[entries];
                    for (int i = 0; i < entries; i++)
                    {
                        int split = reader.ReadInt32();
                        if (split < 0 || split >= count) throw new InvalidDataException($"split {split} of {count}");
                        splits[i] = (split, JdbcScanPosition.Read(reader));
                    }
                    decoded = new JdbcScanCheckpoint(count, bounded ? lower : null, bounded ? upper : null, splits);
                    break;
                default:
                    throw new InvalidDataException("unknown format version");
            }
            if (reader.BaseStream.Position != bytes.Length) throw new InvalidDataException("trailing bytes");
            return decoded;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new InvalidDataException(
                $"The checkpointed position of subtask {subtask} of the {tableLabel} cannot be read: {e.Message}", e);
        }
    }
}
