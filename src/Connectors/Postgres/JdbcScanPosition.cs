namespace StreamSql.Connectors.Postgres;

/// <summary>How far the read of one split of a jdbc scan got: nothing read yet, the key of the last row emitted (a read in
/// key order), the number of rows emitted (a read without a key), or the whole split.</summary>
internal sealed record JdbcScanPosition(IReadOnlyList<string>? LastKey, long Rows, bool Ended)
{
    public static JdbcScanPosition NotStarted { get; } = new(null, 0, false);

    public static JdbcScanPosition Finished { get; } = new(null, 0, true);

    public static JdbcScanPosition AfterKey(IReadOnlyList<string> key) => new(key, 0, false);

    public static JdbcScanPosition AfterRows(long rows) => new(null, rows, false);

    public bool Started => Ended || Rows > 0 || LastKey is not null;

    public void Write(BinaryWriter writer)
    {
        writer.Write(Ended);
        writer.Write(Rows);
        writer.Write(LastKey?.Count ?? -1);
        foreach (var part in LastKey ?? []) writer.Write(part);
    }

    public static JdbcScanPosition Read(BinaryReader reader)
    {
        bool ended = reader.ReadBoolean();
        long rows = reader.ReadInt64();
        int parts = reader.ReadInt32();
        if (rows < 0 || parts < -1) throw new InvalidDataException($"{rows} rows, {parts} key parts");
        string[]? key = parts < 0 ? null : new string[parts];
        for (int i = 0; i < parts; i++) key![i] = reader.ReadString();
        return new JdbcScanPosition(key, rows, ended);
    }
}
