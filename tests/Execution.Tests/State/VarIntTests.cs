using StreamSql.Execution.State;

namespace StreamSql.Execution.Tests.State;

/// <summary>The varint's size (branch-free, used to lay out serialized rows before they are written) is the length its
/// writer produces, and what it writes reads back, at every 7-bit boundary and over random values.</summary>
public sealed class VarIntTests
{
    [Fact]
    public void Size_is_the_written_length_and_values_read_back()
    {
        var values = new List<ulong> { 0, 1, ulong.MaxValue, long.MaxValue, 1UL << 63 };
        for (int bits = 7; bits < 64; bits += 7)
        {
            values.Add((1UL << bits) - 1);
            values.Add(1UL << bits);
            values.Add((1UL << bits) + 1);
        }
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++) values.Add((ulong)random.NextInt64() >> random.Next(64));
        var buffer = new byte[12];
        foreach (ulong value in values)
        {
            int written = VarInt.Write(buffer, 1, value) - 1;
            int expected = 1;
            for (ulong v = value; v >= 0x80; v >>= 7) expected++;
            Assert.Equal(expected, written);
            Assert.Equal(written, VarInt.Size(value));
            int pos = 1;
            Assert.Equal(value, VarInt.Read(buffer, ref pos));
            Assert.Equal(1 + written, pos);
        }
    }

    [Fact]
    public void Consecutive_values_read_back_up_to_the_buffers_end()
    {
        // Reads of up to 8 bytes come from one 64-bit load where 8 bytes remain; the last values of a buffer (fewer left)
        // and longer varints byte by byte: every position and length must read the same.
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            var values = new ulong[1 + random.Next(20)];
            for (int i = 0; i < values.Length; i++)
                values[i] = random.Next(4) == 0 ? ulong.MaxValue >> random.Next(64) : (ulong)random.NextInt64() >> random.Next(64);
            var buffer = new byte[values.Length * 10];
            int end = 0;
            foreach (ulong v in values) end = VarInt.Write(buffer, end, v);
            var exact = buffer.AsSpan(0, end).ToArray();
            int pos = 0;
            foreach (ulong v in values) Assert.Equal(v, VarInt.Read(exact, ref pos));
            Assert.Equal(end, pos);
        }
        Assert.Throws<InvalidDataException>(() =>
        {
            int pos = 0;
            return VarInt.Read(new byte[] { 0x80, 0x80 }, ref pos);
        });
    }
}
