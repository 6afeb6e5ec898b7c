using System.Buffers.Binary;
using System.Text;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Where a postgres-cdc source stands, as stored in a checkpoint.
/// <list type="bullet">
/// <item><see cref="PostgresCdcPhase.NotStarted"/>: nothing emitted yet; a restore takes a new snapshot.</item>
/// <item><see cref="PostgresCdcPhase.Snapshot"/>: part of the snapshot was emitted. <see cref="Lsn"/> is the slot's
///   consistent point, where the stream will start; <see cref="Segments"/> say which rows were emitted and as of which
///   LSN (empty when the table has no key to resume by).</item>
/// <item><see cref="PostgresCdcPhase.Stream"/>: <see cref="Lsn"/> is the end LSN of the last transaction emitted; a restore
///   asks the slot for the transactions that commit after it. <see cref="Segments"/> remain while the stream has not yet
///   passed the LSN of a snapshot that was resumed (see <see cref="PostgresSnapshotCoverage"/>).</item>
/// </list>
/// Layout: a version byte (3), the phase byte, the LSN (8 bytes big-endian), the segment count (4 bytes), then per segment
/// its LSN (8 bytes), its lower key and its upper key: each a key column count (4 bytes, -1 for no bound) and each value
/// as a length-prefixed UTF-8 string. Version 2 (an upper key per segment, the lower one the previous segment's upper) and
/// version 1 (a started flag and an LSN) are still read.
/// </summary>
internal sealed record PostgresCdcPosition(PostgresCdcPhase Phase, ulong Lsn, IReadOnlyList<PostgresSnapshotSegment> Segments)
{
    private const byte Version = 3;
    private const byte Version2 = 2;
    private const byte Version1 = 1;

    public static PostgresCdcPosition NotStarted { get; } = new(PostgresCdcPhase.NotStarted, 0, []);

    public static PostgresCdcPosition Streaming(ulong lsn, IReadOnlyList<PostgresSnapshotSegment> segments) => new(PostgresCdcPhase.Stream, lsn, segments);

    public bool Equals(PostgresCdcPosition? other) =>
        other is not null && Phase == other.Phase && Lsn == other.Lsn && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => HashCode.Combine(Phase, Lsn, Segments.Count);

    public byte[] Encode()
    {
        using var stream = new MemoryStream();
        Span<byte> head = stackalloc byte[14];
        head[0] = Version;
        head[1] = (byte)Phase;
        BinaryPrimitives.WriteUInt64BigEndian(head[2..], Lsn);
        BinaryPrimitives.WriteInt32BigEndian(head[10..], Segments.Count);
        stream.Write(head);
        Span<byte> number = stackalloc byte[8];
        foreach (var segment in Segments)
        {
            BinaryPrimitives.WriteUInt64BigEndian(number, segment.Lsn);
            stream.Write(number);
            WriteKey(stream, segment.LowerKey);
            WriteKey(stream, segment.UpperKey);
        }
        return stream.ToArray();
    }

    private static void WriteKey(MemoryStream stream, IReadOnlyList<string>? key)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, key?.Count ?? -1);
        stream.Write(number);
        foreach (var value in key ?? [])
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32BigEndian(number, bytes.Length);
            stream.Write(number);
            stream.Write(bytes);
        }
    }

    /// <exception cref="InvalidDataException">Not a position this version wrote.</exception>
    public static PostgresCdcPosition Decode(byte[] bytes, string table)
    {
        var foreign = new InvalidDataException($"the postgres-cdc position of table '{table}' in the checkpoint is not one this version wrote");
        if (bytes.Length == 10 && bytes[0] == Version1 && bytes[1] <= 1)
        {
            ulong lsn = BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(2));
            return bytes[1] == 1 ? Streaming(lsn, []) : NotStarted;
        }
        if (bytes.Length < 14 || (bytes[0] != Version && bytes[0] != Version2) || bytes[1] > (byte)PostgresCdcPhase.Stream) throw foreign;
        bool lowerKeys = bytes[0] == Version;
        var span = bytes.AsSpan();
        var phase = (PostgresCdcPhase)span[1];
        ulong at = BinaryPrimitives.ReadUInt64BigEndian(span[2..]);
        int count = BinaryPrimitives.ReadInt32BigEndian(span[10..]);
        int offset = 14;
        if (count < 0 || count > bytes.Length) throw foreign;
        var segments = new List<PostgresSnapshotSegment>(count);
        for (int s = 0; s < count; s++)
        {
            if (offset + 8 > bytes.Length) throw foreign;
            ulong lsn = BinaryPrimitives.ReadUInt64BigEndian(span[offset..]);
            offset += 8;
            // Version 2 segments follow each other: each starts after the previous one's upper key.
            var lower = lowerKeys ? ReadKey(bytes, ref offset, foreign) : s > 0 ? segments[s - 1].UpperKey : null;
            var upper = ReadKey(bytes, ref offset, foreign);
            segments.Add(new PostgresSnapshotSegment(lsn, lower, upper));
        }
        if (offset != bytes.Length) throw foreign;
        return new PostgresCdcPosition(phase, at, segments);
    }

    private static string[]? ReadKey(byte[] bytes, ref int offset, InvalidDataException foreign)
    {
        var span = bytes.AsSpan();
        if (offset + 4 > bytes.Length) throw foreign;
        int columns = BinaryPrimitives.ReadInt32BigEndian(span[offset..]);
        offset += 4;
        if (columns < -1 || columns > bytes.Length) throw foreign;
        string[]? key = columns < 0 ? null : new string[columns];
        for (int c = 0; c < columns; c++)
        {
            if (offset + 4 > bytes.Length) throw foreign;
            int length = BinaryPrimitives.ReadInt32BigEndian(span[offset..]);
            offset += 4;
            if (length < 0 || offset + length > bytes.Length) throw foreign;
            key![c] = Encoding.UTF8.GetString(span.Slice(offset, length));
            offset += length;
        }
        return key;
    }
}
