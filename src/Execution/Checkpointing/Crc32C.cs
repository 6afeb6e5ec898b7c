using System.Buffers.Binary;
using System.Numerics;

namespace StreamSql.Execution.Checkpointing;

/// <summary>CRC-32C (Castagnoli), the checksum of state files and <c>_metadata</c>; hardware-accelerated where the CPU has it.</summary>
public static class Crc32C
{
    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    public const uint Start = 0xFFFFFFFFu;

    public static uint Finish(uint state) => ~state;

    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        int i = 0;
        for (; i + 8 <= data.Length; i += 8) state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, 8)));
        for (; i < data.Length; i++) state = BitOperations.Crc32C(state, data[i]);
        return state;
    }
}

/// <summary>A write-only stream that counts and checksums what passes through to the inner stream.</summary>
internal sealed class ChecksummingStream : Stream
{
    private readonly Stream _inner;
    private uint _crc = Crc32C.Start;

    public ChecksummingStream(Stream inner) => _inner = inner;

    public long BytesWritten { get; private set; }

    public uint Checksum => Crc32C.Finish(_crc);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc = Crc32C.Append(_crc, buffer);
        BytesWritten += buffer.Length;
        _inner.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Span<byte> one = stackalloc byte[1];
        one[0] = value;
        Write(one);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => BytesWritten;
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    public override void Flush() => _inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
