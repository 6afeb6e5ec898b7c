using System.Buffers.Binary;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Where a postgres-cdc source stands, as stored in a checkpoint: whether it started (its snapshot, if any, was emitted)
/// and the end LSN of the last transaction it emitted — a restore asks the slot for the transactions that commit after it.
/// Layout: a version byte (1), a flag byte (1 = started), the LSN as 8 bytes big-endian.
/// </summary>
internal readonly record struct PostgresCdcPosition(bool Started, ulong Lsn)
{
    private const byte Version = 1;

    public static PostgresCdcPosition NotStarted => new(false, 0);

    public byte[] Encode()
    {
        var bytes = new byte[10];
        bytes[0] = Version;
        bytes[1] = Started ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(2), Lsn);
        return bytes;
    }

    /// <exception cref="InvalidDataException">Not a position this version wrote.</exception>
    public static PostgresCdcPosition Decode(byte[] bytes, string table)
    {
        if (bytes.Length != 10 || bytes[0] != Version || bytes[1] > 1)
            throw new InvalidDataException($"the postgres-cdc position of table '{table}' in the checkpoint is not one this version wrote");
        return new PostgresCdcPosition(bytes[1] == 1, BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(2)));
    }
}
