using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Tests.Columns;

public sealed class ValidityBitsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 5)]
    [InlineData(3, 0)]
    [InlineData(7, 60)]
    [InlineData(1, 130)]
    [InlineData(5, 190)]
    public void Words_are_the_bits_of_64_rows_from_any_row_and_offset(int offset, int row)
    {
        var random = new Random(offset * 1000 + row);
        var bits = new byte[32];
        random.NextBytes(bits);
        var validity = new ValidityBits(bits, offset);
        ulong word = validity.Word(row);
        for (int j = 0; j < 64; j++)
        {
            int bit = offset + row + j;
            bool expected = bit >= bits.Length * 8 || (bits[bit >> 3] & (1 << (bit & 7))) != 0;
            Assert.True(expected == ((word >> j & 1) != 0), $"row {row + j}");
            if (bit < bits.Length * 8) Assert.Equal(expected, validity.IsValid(row + j));
        }
    }

    [Fact]
    public void No_bitmap_means_every_row_is_valid()
    {
        var validity = new ValidityBits(ReadOnlySpan<byte>.Empty, 3);
        Assert.True(validity.AllValid);
        Assert.True(validity.IsValid(1000));
        Assert.Equal(ulong.MaxValue, validity.Word(17));
    }
}
