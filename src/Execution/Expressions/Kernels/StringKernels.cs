using System.Security.Cryptography;
using System.Text;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// String functions with Flink's semantics: positions are 1-based and count characters (code points); SUBSTRING's
/// start 0 acts like 1 and a negative start counts from the end; LPAD/RPAD cut a longer string to the length and are
/// NULL for a negative length or empty pad; SPLIT_INDEX and REGEXP_EXTRACT are NULL when out of range or unmatched.
/// UPPER/LOWER/CHAR_LENGTH work on UTF-8 bytes directly for ASCII text.
/// </summary>
internal static partial class StringKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] ops)
    {
        var t = call.Type;
        switch (name)
        {
            case "||" or "CONCAT":
                if (t.IsBinaryString)
                    return Row(t, ops, (a, row, w) =>
                    {
                        var buffer = new List<byte>();
                        foreach (var r in a) buffer.AddRange(r.GetBytes(row).ToArray());
                        w.AppendBytes(buffer.ToArray());
                    });
                if (t.IsCharacterString && ops.All(o => o.Type.IsCharacterString || o.Type.Kind == SqlTypeKind.Null))
                    return new ConcatKernel(ops, t);
                return Row(t, ops, (a, row, w) =>
                {
                    if (a.Length == 2) { w.AppendString(string.Concat(a[0].GetString(row), a[1].GetString(row))); return; }
                    var sb = new StringBuilder();
                    foreach (var r in a) sb.Append(r.GetString(row));
                    w.AppendString(sb.ToString());
                });
            case "CONCAT_WS":
                return new RowwiseExpression(t, ops, (a, row, w) =>
                {
                    if (a[0].IsNull(row)) { w.AppendNull(); return; }
                    var sep = a[0].GetString(row);
                    var sb = new StringBuilder();
                    bool first = true;
                    for (int i = 1; i < a.Length; i++)
                    {
                        if (a[i].IsNull(row)) continue;
                        if (!first) sb.Append(sep);
                        sb.Append(a[i].GetString(row));
                        first = false;
                    }
                    w.AppendString(sb.ToString());
                }, nullIntolerant: false);
            case "UPPER": return ops[0].Type.IsCharacterString ? new Utf8CaseMapping(ops[0], t, upper: true) : Row(t, ops, (a, row, w) => CaseMap(a[0], row, w, upper: true));
            case "LOWER": return ops[0].Type.IsCharacterString ? new Utf8CaseMapping(ops[0], t, upper: false) : Row(t, ops, (a, row, w) => CaseMap(a[0], row, w, upper: false));
            case "INITCAP": return Row(t, ops, (a, row, w) => w.AppendString(InitCap(a[0].GetString(row))));
            case "REVERSE":
                return Row(t, ops, (a, row, w) =>
                {
                    var runes = a[0].GetString(row).EnumerateRunes().ToArray();
                    System.Array.Reverse(runes);
                    var sb = new StringBuilder();
                    foreach (var r in runes) sb.Append(r.ToString());
                    w.AppendString(sb.ToString());
                });
            case "CHAR_LENGTH": return Row(t, ops, (a, row, w) => w.AppendInt64(CharCount(a[0].GetUtf8(row))));
            case "TRIM":
                return Row(t, ops, (a, row, w) =>
                {
                    var mode = a[0].GetString(row);
                    w.AppendString(Trim(a[2].GetString(row), a[1].GetString(row), mode != "TRAILING", mode != "LEADING"));
                });
            case "LTRIM" or "RTRIM" or "BTRIM":
                return Row(t, ops, (a, row, w) => w.AppendString(Trim(a[0].GetString(row), a.Length > 1 ? a[1].GetString(row) : " ",
                    name != "RTRIM", name != "LTRIM")));
            case "SUBSTRING":
                return Row(t, ops, (a, row, w) =>
                {
                    long length = a.Length > 2 ? a[2].GetInt64(row) : int.MaxValue;
                    var s = Substring(a[0].GetString(row), a[1].GetInt64(row), length);
                    if (s is null) w.AppendNull(); else w.AppendString(s);
                });
            case "LEFT":
                return Row(t, ops, (a, row, w) =>
                {
                    long n = a[1].GetInt64(row);
                    var s = a[0].GetString(row);
                    w.AppendString(n <= 0 ? "" : TakeChars(s, 0, (int)Math.Min(n, int.MaxValue)));
                });
            case "RIGHT":
                return Row(t, ops, (a, row, w) =>
                {
                    long n = a[1].GetInt64(row);
                    var s = a[0].GetString(row);
                    int count = s.EnumerateRunes().Count();
                    w.AppendString(n <= 0 ? "" : n >= count ? s : TakeChars(s, count - (int)n, (int)n));
                });
            case "REPLACE":
                return Row(t, ops, (a, row, w) =>
                {
                    var s = a[0].GetString(row);
                    var search = a[1].GetString(row);
                    w.AppendString(search.Length == 0 ? s : s.Replace(search, a[2].GetString(row), StringComparison.Ordinal));
                });
            case "POSITION": return Row(t, ops, (a, row, w) => w.AppendInt64(Locate(a[0].GetString(row), a[1].GetString(row), 1)));
            case "INSTR":
                return Row(t, ops, (a, row, w) => w.AppendInt64(Instr(a[0].GetString(row), a[1].GetString(row),
                    a.Length > 2 ? a[2].GetInt64(row) : 1, a.Length > 3 ? a[3].GetInt64(row) : 1)));
            case "LOCATE":
                return Row(t, ops, (a, row, w) => w.AppendInt64(Locate(a[0].GetString(row), a[1].GetString(row), a.Length > 2 ? a[2].GetInt64(row) : 1)));
            case "LPAD" or "RPAD":
                {
                    bool left = name == "LPAD";
                    return Row(t, ops, (a, row, w) =>
                    {
                        var s = Pad(a[0].GetString(row), a[1].GetInt64(row), a[2].GetString(row), left);
                        if (s is null) w.AppendNull(); else w.AppendString(s);
                    });
                }
            case "REPEAT":
                return Row(t, ops, (a, row, w) =>
                {
                    long n = a[1].GetInt64(row);
                    var s = a[0].GetString(row);
                    if (n <= 0 || s.Length == 0) { w.AppendString(""); return; }
                    var sb = new StringBuilder(s.Length * (int)Math.Min(n, 1 << 20));
                    for (long i = 0; i < n; i++) sb.Append(s);
                    w.AppendString(sb.ToString());
                });
            case "SPLIT_INDEX" when ops[1].Type.IsExactInteger:
                // Flink's SPLIT_INDEX(str, character, index): the delimiter is the character of that code, 1 to 255.
                return Row(t, ops, (a, row, w) =>
                {
                    long code = a[1].GetInt64(row), index = a[2].GetInt64(row);
                    if (code is < 1 or > 255 || index < 0) { w.AppendNull(); return; }
                    var parts = a[0].GetString(row).Split((char)code);
                    if (index >= parts.Length) w.AppendNull(); else w.AppendString(parts[index]);
                });
            case "SPLIT_INDEX":
                if (ops[0].Type.IsCharacterString && ops[1] is ConstantExpression { Value: string { Length: > 0 } separator } && ops[2] is ConstantExpression { Value: not null } index)
                    return new SplitIndexKernel(ops[0], Encoding.UTF8.GetBytes(separator), ((ConstantReader)index.EvaluateReader(null!, null!)).GetInt64(0), t);
                return Row(t, ops, (a, row, w) =>
                {
                    long index = a[2].GetInt64(row);
                    var sep = a[1].GetString(row);
                    var s = a[0].GetString(row);
                    if (index < 0 || sep.Length == 0) { w.AppendNull(); return; }
                    var parts = s.Split(sep);
                    if (index >= parts.Length) w.AppendNull(); else w.AppendString(parts[index]);
                });
            case "REGEXP_EXTRACT": return RegexKernels.Extract(t, ops);
            case "REGEXP_REPLACE": return RegexKernels.Replace(t, ops);
            case "REGEXP": return RegexKernels.Matches(t, ops);
            case "REGEXP_COUNT": return RegexKernels.Count(t, ops);
            case "REGEXP_INSTR": return RegexKernels.Instr(t, ops);
            case "REGEXP_SUBSTR": return RegexKernels.Substr(t, ops);
            case "REGEXP_EXTRACT_ALL": return RegexKernels.ExtractAll(t, ops);
            case "LIKE": return LikeKernels.Like(t, ops);
            case "SIMILAR TO": return LikeKernels.SimilarTo(t, ops);
            case "MD5" or "SHA1" or "SHA224" or "SHA256" or "SHA384" or "SHA512" or "SHA2":
                return new Utf8DigestKernel(name, ops[0], ops.Length > 1 ? ops[1] : null, t);
            case "IS_ALPHA" or "IS_DIGIT" or "IS_DECIMAL": return new Utf8ClassTestKernel(name, ops[0], t);
            case "STARTSWITH" or "ENDSWITH": return new Utf8AffixKernel(name == "STARTSWITH", ops[0], ops[1], t);
            case "TO_BASE64":
                return Row(t, ops, (a, row, w) =>
                    w.AppendString(Convert.ToBase64String(a[0].Type.IsBinaryString ? a[0].GetBytes(row) : a[0].GetUtf8(row))));
            case "FROM_BASE64":
                return Row(t, ops, (a, row, w) =>
                {
                    var text = a[0].Type.IsBinaryString ? Encoding.ASCII.GetString(a[0].GetBytes(row)) : a[0].GetString(row);
                    try { w.AppendUtf8(Convert.FromBase64String(text)); }
                    catch (FormatException) { w.AppendNull(); }
                });
            case "ASCII":
                return Row(t, ops, (a, row, w) =>
                {
                    var s = a[0].GetUtf8(row);
                    w.AppendInt64(s.Length == 0 ? 0 : s[0] < 0x80 ? s[0] : char.ConvertToUtf32(Encoding.UTF8.GetString(s), 0));
                });
            case "HEX" when call.Operands[0].Type.IsExactInteger || call.Operands[0].Type.Kind == SqlTypeKind.Null:
                // Java's Long.toHexString (two's complement for negatives), upper case.
                return Row(t, ops, (a, row, w) => w.AppendString(a[0].GetInt64(row).ToString("X", System.Globalization.CultureInfo.InvariantCulture)));
            case "HEX":
                return Row(t, ops, (a, row, w) => w.AppendString(Convert.ToHexString(a[0].GetUtf8(row))));
            case "BIN":
                return Row(t, ops, (a, row, w) => w.AppendString(Convert.ToString(a[0].GetInt64(row), 2)));
            case "CONV":
                bool text = call.Operands[0].Type.IsCharacterString;
                return Row(t, ops, (a, row, w) =>
                {
                    var converted = BaseConversion.Convert(
                        text ? a[0].GetString(row).Trim(' ') : a[0].GetInt64(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        a[1].GetInt64(row), a[2].GetInt64(row));
                    if (converted is null) w.AppendNull();
                    else w.AppendString(converted);
                });
            case "OVERLAY":
                return Row(t, ops, (a, row, w) =>
                {
                    // Flink: s[0 .. pos-1) + replacement + s[pos-1+len ..], len defaulting to the replacement's length. A
                    // position before the start or past the end leaves the string as it is; a negative length drops the rest
                    // (ScalarFunctionsTest.testOverlay).
                    var text = a[0].GetString(row);
                    var replacement = a[1].GetString(row);
                    long start = a[2].GetInt64(row) - 1;
                    if (start < 0 || start > text.Length) { w.AppendString(text); return; }
                    long length = a.Length > 3 ? a[3].GetInt64(row) : replacement.Length;
                    long resume = length < 0 ? text.Length : Math.Clamp(start + length, start, text.Length);
                    w.AppendString(string.Concat(text.AsSpan(0, (int)start), replacement, text.AsSpan((int)resume)));
                });
            case "TYPEOF":
                return new ConstantExpression(call.Operands[0].Type.ToString(), t);
            case "PARSE_URL":
                return Row(t, ops, (a, row, w) =>
                {
                    var part = UrlPart(a[0].GetString(row), a[1].GetString(row), a.Length > 2 ? a[2].GetString(row) : null);
                    if (part is null) w.AppendNull();
                    else w.AppendString(part);
                });
            case "CHR":
                return Row(t, ops, (a, row, w) =>
                {
                    long c = a[0].GetInt64(row);
                    if (c < 0) { w.AppendString(""); return; }
                    w.AppendString(((char)(c % 256)).ToString());
                });
            case "HASH_CODE":
                return Row(t, ops, (a, row, w) =>
                {
                    int h = 0;
                    foreach (char c in a[0].GetString(row)) h = unchecked(31 * h + c);
                    w.AppendInt64(h);
                });
            case "ELT": return new EltKernel(ops[0], ops[1..], t);
            case "PRINTF": return new PrintfKernel(ops, t);
            default:
                return TextCodecKernels.TryCreate(name, t, ops);
        }
    }

    private static RowwiseExpression Row(SqlType type, VectorExpression[] operands, RowFunction body) => new(type, operands, body);

    /// <summary>UPPER/LOWER: bytes mapped in place when ASCII, else through .NET's invariant case mapping.</summary>
    private static void CaseMap(ColumnReader reader, int row, ColumnBuilder writer, bool upper)
    {
        var utf8 = reader.GetUtf8(row);
        bool ascii = true;
        foreach (var b in utf8) if (b >= 0x80) { ascii = false; break; }
        if (!ascii)
        {
            var s = Encoding.UTF8.GetString(utf8);
            // Java's toUpperCase expands ß to SS; .NET keeps it.
            writer.AppendString(upper ? s.ToUpperInvariant().Replace("ß", "SS", StringComparison.Ordinal) : s.ToLowerInvariant());
            return;
        }
        Span<byte> buffer = utf8.Length <= 256 ? stackalloc byte[utf8.Length] : new byte[utf8.Length];
        for (int i = 0; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            buffer[i] = upper ? (b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b) : (b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b);
        }
        writer.AppendUtf8(buffer);
    }

    /// <summary>Characters (code points) in UTF-8: every byte that does not continue a sequence.</summary>
    internal static int CharCount(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (var b in utf8) if ((b & 0xC0) != 0x80) count++;
        return count;
    }

    private static string InitCap(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool start = true;
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                start = false;
            }
            else
            {
                sb.Append(c);
                start = true;
            }
        }
        return sb.ToString();
    }

    private static string Trim(string s, string characters, bool leading, bool trailing)
    {
        int start = 0, end = s.Length;
        if (leading) while (start < end && characters.Contains(s[start])) start++;
        if (trailing) while (end > start && characters.Contains(s[end - 1])) end--;
        return s[start..end];
    }

    /// <summary>Flink's <c>substringSQL</c>: 1-based start, 0 acts as 1, negative counts from the end; NULL for a negative length.</summary>
    internal static string? Substring(string s, long pos, long length)
    {
        if (length < 0) return null;
        int count = s.EnumerateRunes().Count();
        long start;
        if (pos > 0)
        {
            start = pos - 1;
            if (start >= count) return "";
        }
        else if (pos < 0)
        {
            start = count + pos;
            if (start < 0) return "";
        }
        else start = 0;
        long end = count - start < length ? count : start + length;
        return TakeChars(s, (int)start, (int)(end - start));
    }

    /// <summary>The <paramref name="count"/> characters (code points) from character <paramref name="start"/>.</summary>
    private static string TakeChars(string s, int start, int count)
    {
        if (s.Length == s.EnumerateRunes().Count()) // no surrogate pairs: chars are code points
        {
            if (start >= s.Length) return "";
            return s.Substring(start, Math.Min(count, s.Length - start));
        }
        var sb = new StringBuilder();
        int i = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            if (i >= start && i < start + count) sb.Append(rune.ToString());
            i++;
        }
        return sb.ToString();
    }

    /// <summary>1-based position of <paramref name="sub"/> in <paramref name="s"/> searching from <paramref name="from"/>, 0 when absent.</summary>
    /// <summary>Flink's <c>INSTR(str, sub, start, nth)</c>: the position of the nth occurrence from <paramref name="start"/>;
    /// a negative start counts from the end and searches backwards.</summary>
    private static long Instr(string s, string sub, long start, long nth)
    {
        if (start == 0 || nth <= 0) return 0;
        if (start < 0)
        {
            long fromEnd = Instr(Reverse(s), Reverse(sub), -start, nth);
            return fromEnd == 0 ? 0 : s.Length + 2 - fromEnd - sub.Length;
        }
        long index = 0;
        for (long i = 0, from = start; i < nth; i++, from = index + 1)
        {
            index = Locate(sub, s, from);
            if (index == 0) return 0;
        }
        return index;
    }

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static long Locate(string sub, string s, long from)
    {
        if (from < 1) return 0;
        if (from - 1 > s.Length) return 0;
        int index = s.IndexOf(sub, (int)(from - 1), StringComparison.Ordinal);
        return index < 0 ? 0 : index + 1;
    }

    /// <summary>Flink's <c>lpad</c>/<c>rpad</c>.</summary>
    internal static string? Pad(string s, long length, string pad, bool left)
    {
        if (length < 0 || pad.Length == 0) return null;
        if (length == 0) return "";
        int len = (int)Math.Min(length, int.MaxValue / 2);
        var data = new char[len];
        if (left)
        {
            int pos = Math.Max(len - s.Length, 0);
            for (int i = 0; i < pos; i += pad.Length)
                for (int j = 0; j < pad.Length && j < pos - i; j++) data[i + j] = pad[j];
            for (int i = 0; pos + i < len && i < s.Length; i++) data[pos + i] = s[i];
        }
        else
        {
            int pos = 0;
            for (; pos < len && pos < s.Length; pos++) data[pos] = s[pos];
            for (int i = pos; i < len; i += pad.Length)
                for (int j = 0; j < pad.Length && j < len - i; j++) data[i + j] = pad[j];
        }
        return new string(data);
    }

    private static readonly System.Text.RegularExpressions.Regex UrlPattern =
        new(@"^([A-Za-z][A-Za-z0-9+.\-]*)://([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>
    /// PARSE_URL as Flink computes it with java.net.URL: HOST, PATH, QUERY (or one key of it), REF, PROTOCOL, AUTHORITY,
    /// FILE, USERINFO; NULL for a malformed URL, an absent part or an unknown part name.
    /// </summary>
    /// <summary>The protocols java.net.URL has handlers for; Flink's PARSE_URL gives NULL for any other
    /// (<c>MalformedURLException: unknown protocol</c>).</summary>
    private static readonly HashSet<string> JavaUrlProtocols = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "ftp", "file", "jar", "mailto" };

    internal static string? UrlPart(string url, string part, string? key)
    {
        var m = UrlPattern.Match(url);
        if (!m.Success || !JavaUrlProtocols.Contains(m.Groups[1].Value)) return null;
        string authority = m.Groups[2].Value;
        int at = authority.LastIndexOf('@');
        string? userInfo = at >= 0 ? authority[..at] : null;
        string hostPort = at >= 0 ? authority[(at + 1)..] : authority;
        int colon = hostPort.StartsWith('[') ? hostPort.IndexOf(']') + 1 : hostPort.LastIndexOf(':');
        string host = colon > 0 && colon < hostPort.Length && hostPort[colon] == ':' ? hostPort[..colon] : hostPort;
        string path = m.Groups[3].Value;
        string? query = m.Groups[4].Success ? m.Groups[4].Value : null;
        switch (part)
        {
            case "HOST": return host;
            case "PATH": return path;
            case "QUERY":
                if (query is null || key is null) return query;
                var found = System.Text.RegularExpressions.Regex.Match(query, "(&|^)" + System.Text.RegularExpressions.Regex.Escape(key) + "=([^&]*)");
                return found.Success ? found.Groups[2].Value : null;
            case "REF": return m.Groups[5].Success ? m.Groups[5].Value : null;
            case "PROTOCOL": return m.Groups[1].Value;
            case "AUTHORITY": return authority;
            case "FILE": return query is null ? path : path + "?" + query;
            case "USERINFO": return userInfo;
            default: return null;
        }
    }
}
