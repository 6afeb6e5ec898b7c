using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Flink's <c>IS_ALPHA</c>, <c>IS_DIGIT</c> and <c>IS_DECIMAL</c>: FALSE for NULL and the empty string; otherwise whether
/// every UTF-16 unit is a letter (Java's <c>Character.isLetter(char)</c>, so a character beyond the BMP is not) or a
/// decimal digit (<c>Character.isDigit(char)</c>), or whether the text parses as Java's <c>Double.parseDouble</c> does
/// (decimal forms, <c>NaN</c>, <c>Infinity</c>, an <c>f</c>/<c>d</c> suffix, surrounding control characters and spaces;
/// not hexadecimal floats). ASCII text is tested on its bytes.
/// </summary>
internal sealed class Utf8ClassTestKernel(string function, VectorExpression operand, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var text = Utf8Column.Of(operand, input, context, out var keep);
        var bits = new byte[Bitmaps.ByteLength(n)];
        if (!text.AllNull)
            for (int i = 0; i < n; i++)
                if (!text.IsNull(i) && Test(text[i])) Bitmaps.Set(bits, i);
        GC.KeepAlive(keep);
        return ArrayBuild.Boolean(bits, null, n);
    }

    private bool Test(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return false;
        return function switch
        {
            "IS_ALPHA" => All(utf8, char.IsLetter),
            "IS_DIGIT" => All(utf8, char.IsDigit),
            _ => IsJavaDouble(utf8),
        };
    }

    private static bool All(ReadOnlySpan<byte> utf8, Func<char, bool> test)
    {
        bool ascii = true;
        foreach (var b in utf8)
        {
            if (b >= 0x80) { ascii = false; break; }
            if (!test((char)b)) return false;
        }
        if (ascii) return true;
        foreach (var c in Encoding.UTF8.GetString(utf8))
            if (!test(c)) return false;
        return true;
    }

    /// <summary>Java's <c>Double.parseDouble</c> grammar (FloatingDecimal.readJavaFormatString) without hex floats.</summary>
    private static bool IsJavaDouble(ReadOnlySpan<byte> s)
    {
        int start = 0, end = s.Length;
        while (start < end && s[start] <= ' ') start++;
        while (end > start && s[end - 1] <= ' ') end--;
        s = s[start..end];
        if (s.IsEmpty) return false;
        int i = 0;
        if (s[0] is (byte)'+' or (byte)'-') i++;
        var rest = s[i..];
        if (rest.SequenceEqual("NaN"u8) || rest.SequenceEqual("Infinity"u8)) return true;
        int digits = 0;
        while (i < s.Length && IsDigit(s[i])) { i++; digits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && IsDigit(s[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < s.Length && s[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < s.Length && s[i] is (byte)'+' or (byte)'-') i++;
            int exponent = 0;
            while (i < s.Length && IsDigit(s[i])) { i++; exponent++; }
            if (exponent == 0) return false;
        }
        if (i < s.Length && s[i] is (byte)'f' or (byte)'F' or (byte)'d' or (byte)'D') i++;
        return i == s.Length;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}

/// <summary><c>STARTSWITH(s, prefix)</c> / <c>ENDSWITH(s, suffix)</c> (Flink 2.0) over strings or byte strings: compared
/// byte by byte in place; TRUE for an empty prefix/suffix; NULL when either is NULL.</summary>
internal sealed class Utf8AffixKernel(bool start, VectorExpression text, VectorExpression affix, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var a = Utf8Column.Of(text, input, context, out var keepText);
        var b = Utf8Column.Of(affix, input, context, out var keepAffix);
        if (a.AllNull || b.AllNull) return ArrayBuild.Nulls(SqlType.Boolean, n);
        var bits = new byte[Bitmaps.ByteLength(n)];
        byte[]? validity = null;
        if (a.HasNulls || b.HasNulls)
        {
            validity = Bitmaps.AllValid(n);
            for (int i = 0; i < n; i++)
                if (a.IsNull(i) || b.IsNull(i)) Bitmaps.Clear(validity, i);
        }
        for (int i = 0; i < n; i++)
            if (start ? a[i].StartsWith(b[i]) : a[i].EndsWith(b[i])) Bitmaps.Set(bits, i);
        if (validity is not null)
            for (int i = 0; i < bits.Length; i++) bits[i] &= validity[i];
        GC.KeepAlive(keepText);
        GC.KeepAlive(keepAffix);
        return ArrayBuild.Boolean(bits, validity, n);
    }
}
