namespace StreamSql.Connectors.Kafka.Log;

/// <summary>
/// One record batch (magic 2) as a partition's log stores it: the header facts that say whose transaction its records
/// belong to, and where its records section is in <see cref="Data"/> (compressed when <see cref="Compression"/> is not 0;
/// a control batch never is).
/// </summary>
internal sealed record KafkaLogBatch(long BaseOffset, long LastOffset, long BaseTimestamp, long ProducerId, bool Transactional, bool Control,
    int Compression, int RecordCount, byte[] Data, int RecordsStart, int RecordsEnd)
{
    /// <summary>A control batch's marker: true for a commit, false for an abort (its record's key is version, then type).</summary>
    public bool CommitMarker
    {
        get
        {
            var r = Records();
            r.VarLong(); // record length
            r.I8(); // attributes
            r.VarLong(); // timestamp delta
            r.VarLong(); // offset delta
            var key = r.VarBytes() ?? throw new InvalidDataException($"the control record at offset {BaseOffset} has no key");
            return System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(key.AsSpan(2)) == 1;
        }
    }

    /// <summary>A reader over the records section.</summary>
    public KafkaWireReader Records() => new(Data, RecordsStart, RecordsEnd);
}
