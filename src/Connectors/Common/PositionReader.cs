using System.Buffers.Binary;
using System.Text;

namespace StreamSql.Connectors.Common;

/// <summary>
/// Reads a position written by <see cref="PositionWriter"/>, checking every length against the bytes that are there.
/// Anything that does not fit (an unknown version, a truncated or overlong position, a bad value) becomes an
/// <see cref="InvalidDataException"/> that names the source, the table and the old subtask whose position it was.
/// </summary>
internal sealed class PositionReader
{
    private readonly byte[] _bytes;
    private readonly string _what;
    private int _offset;

    /// <param name="bytes">The position.</param>
    /// <param name="connector">The connector, e.g. <c>datagen</c>.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="subtask">The old subtask that stored the position.</param>
    /// <param name="version">The only format version this reader understands.</param>
    public PositionReader(byte[]? bytes, string connector, string table, int subtask, byte version)
        : this(bytes, connector, table, subtask, version, version)
    {
    }

    /// <param name="bytes">The position.</param>
    /// <param name="connector">The connector, e.g. <c>datagen</c>.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="subtask">The old subtask that stored the position.</param>
    /// <param name="oldestVersion">The oldest format version this reader understands.</param>
    /// <param name="newestVersion">The newest one (<see cref="Version"/> says which the position has).</param>
    public PositionReader(byte[]? bytes, string connector, string table, int subtask, byte oldestVersion, byte newestVersion)
    {
        _bytes = bytes ?? Array.Empty<byte>();
        _what = $"the checkpointed position of subtask {subtask} of the {connector} source of table '{table}'";
        if (_bytes.Length == 0) throw Invalid("it is empty");
        if (_bytes[0] < oldestVersion || _bytes[0] > newestVersion)
            throw Invalid(oldestVersion == newestVersion
                ? $"its format version is {_bytes[0]}, this version of StreamSql reads version {newestVersion}"
                : $"its format version is {_bytes[0]}, this version of StreamSql reads versions {oldestVersion} to {newestVersion}");
        Version = _bytes[0];
        _offset = 1;
    }

    /// <summary>The position's format version.</summary>
    public byte Version { get; }

    public byte ReadByte()
    {
        Need(1);
        return _bytes[_offset++];
    }

    public int ReadInt()
    {
        Need(4);
        int value = BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(_offset));
        _offset += 4;
        return value;
    }

    public long ReadLong()
    {
        Need(8);
        long value = BinaryPrimitives.ReadInt64LittleEndian(_bytes.AsSpan(_offset));
        _offset += 8;
        return value;
    }

    public decimal ReadDecimal()
    {
        Span<int> bits = stackalloc int[4];
        for (int i = 0; i < 4; i++) bits[i] = ReadInt();
        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException)
        {
            throw Invalid("it holds a malformed decimal number");
        }
    }

    public string ReadString()
    {
        int length = ReadCount(1);
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_bytes, _offset, length);
            _offset += length;
            return text;
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("it holds text that is not UTF-8");
        }
    }

    /// <summary>Bytes written by <see cref="PositionWriter.WriteBytes"/>; null for length -1.</summary>
    public byte[]? ReadBytes()
    {
        int length = ReadInt();
        if (length == -1) return null;
        if (length < 0 || length > _bytes.Length - _offset) throw Invalid($"it announces {length} bytes but holds fewer");
        var bytes = _bytes.AsSpan(_offset, length).ToArray();
        _offset += length;
        return bytes;
    }

    /// <summary>A count of items that take at least <paramref name="minItemBytes"/> each, so it cannot exceed what is left.</summary>
    public int ReadCount(int minItemBytes)
    {
        int count = ReadInt();
        if (count < 0 || (long)count * minItemBytes > _bytes.Length - _offset) throw Invalid($"it announces {count} items but holds fewer");
        return count;
    }

    /// <summary>Fails unless every byte has been read.</summary>
    public void End()
    {
        if (_offset != _bytes.Length) throw Invalid($"{_bytes.Length - _offset} bytes are left over at its end");
    }

    /// <summary>An error about this position, e.g. for a value that is out of range.</summary>
    public InvalidDataException Invalid(string reason) =>
        new($"Cannot restore from the checkpoint: {_what} is not valid ({reason}). "
            + "Was the checkpoint written for another table or by another version of StreamSql?");

    private void Need(int n)
    {
        if (_bytes.Length - _offset < n) throw Invalid("it is truncated");
    }
}
