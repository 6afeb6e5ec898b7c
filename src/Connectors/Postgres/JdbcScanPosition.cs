namespace StreamSql.Connectors.Postgres;

/// <summary>How far a jdbc scan got, as kept in checkpoints: nothing read yet, the key of the last row emitted (a read in
/// key order), the number of rows emitted (a read without a key), or the whole table.</summary>
internal sealed record JdbcScanPosition(IReadOnlyList<string>? LastKey, long Rows, bool Ended)
{
    private const byte FormatVersion = 1;

    public static JdbcScanPosition NotStarted { get; } = new(null, 0, false);

    public static JdbcScanPosition Finished { get; } = new(null, 0, true);

    public static JdbcScanPosition AfterKey(IReadOnlyList<string> key) => new(key, 0, false);

    public static JdbcScanPosition AfterRows(long rows) => new(null, rows, false);

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(FormatVersion);
            writer.Write(Ended);
            writer.Write(Rows);
            writer.Write(LastKey?.Count ?? -1);
            foreach (var part in LastKey ?? []) writer.Write(part);
        }
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">Not a position this version wrote.</exception>
    public static JdbcScanPosition Decode(byte[] bytes, string tableLabel)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes));
            if (reader.ReadByte() != FormatVersion) throw new InvalidDataException("unknown format version");
            bool ended = reader.ReadBoolean();
            long rows = reader.ReadInt64();
            int parts = reader.ReadInt32();
            string[]? key = parts < 0 ? null : new string[parts];
            for (int i = 0; i < parts; i++) key![i] = reader.ReadString();
            if (reader.BaseStream.Position != bytes.Length) throw new InvalidDataException("trailing bytes");
            return new JdbcScanPosition(key, rows, ended);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new InvalidDataException($"The checkpointed position of the jdbc table '{tableLabel}' cannot be read: {e.Message}", e);
        }
    }
}
