namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>CONV(num, fromBase, toBase)</c> as Flink's BaseConversionUtils (Hive's UDFConv, MySQL's CONV): the digits are read as
/// an unsigned 64-bit number (a leading '-' negates it, overflow gives 2^64 - 1); a positive <c>toBase</c> prints the
/// result unsigned, a negative one signed. Bases outside 2..36 and digits the base does not have give NULL.
/// </summary>
internal static class BaseConversion
{
    private const int MinRadix = 2;
    private const int MaxRadix = 36;

    public static string? Convert(string number, long fromBase, long toBase)
    {
        if (number.Length == 0 || fromBase is < MinRadix or > MaxRadix || Math.Abs(toBase) is < MinRadix or > MaxRadix)
            return null;
        bool negative = number[0] == '-';
        ulong value = 0;
        bool overflow = false;
        for (int i = negative ? 1 : 0; i < number.Length; i++)
        {
            int digit = DigitOf(number[i], (int)fromBase);
            if (digit < 0) return null;
            if (overflow) continue;
            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)fromBase) { value = ulong.MaxValue; overflow = true; }
            else value = value * (ulong)fromBase + (ulong)digit;
        }
        long signed = unchecked((long)value);
        if (negative && toBase > 0) signed = signed < 0 ? -1 : -signed;
        if (toBase < 0 && signed < 0)
        {
            signed = unchecked(-signed);
            negative = true;
        }
        var text = Digits(unchecked((ulong)signed), (int)Math.Abs(toBase));
        return negative && toBase < 0 ? "-" + text : text;
    }

    private static int DigitOf(char c, int radix)
    {
        int digit = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'z' => c - 'a' + 10,
            >= 'A' and <= 'Z' => c - 'A' + 10,
            _ => -1,
        };
        return digit < radix ? digit : -1;
    }

    private static string Digits(ulong value, int radix)
    {
        if (value == 0) return "0";
        Span<char> buffer = stackalloc char[64];
        int at = buffer.Length;
        while (value != 0)
        {
            int digit = (int)(value % (ulong)radix);
            buffer[--at] = (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);
            value /= (ulong)radix;
        }
        return new string(buffer[at..]);
    }
}
