using System.Text;
using System.Text.Json;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// ENCODE / DECODE (Java's character sets), URL_ENCODE / URL_DECODE (Java's <c>URLEncoder</c>/<c>URLDecoder</c> with
/// UTF-8), UNHEX, TRANSLATE and JSON_QUOTE / JSON_UNQUOTE, with Flink's semantics.
/// </summary>
internal static class TextCodecKernels
{
    public static VectorExpression? TryCreate(string name, SqlType type, VectorExpression[] ops) => name switch
    {
        "ENCODE" => new RowwiseExpression(type, ops, (a, row, w) => w.AppendBytes(Charsets.Encode(a[0].GetString(row), a[1].GetString(row)))),
        "DECODE" => new RowwiseExpression(type, ops, (a, row, w) => w.AppendString(Charsets.Decode(a[0].GetBytes(row), a[1].GetString(row)))),
        "URL_ENCODE" => new RowwiseExpression(type, ops, (a, row, w) => w.AppendString(UrlEncode(a[0].GetString(row)))),
        "URL_DECODE" => new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var decoded = UrlDecode(a[0].GetString(row));
            if (decoded is null) w.AppendNull(); else w.AppendString(decoded);
        }),
        "UNHEX" => new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var bytes = Unhex(a[0].GetUtf8(row));
            if (bytes is null) w.AppendNull(); else w.AppendBytes(bytes);
        }),
        "TRANSLATE" => new RowwiseExpression(type, ops, (a, row, w) =>
        {
            if (a[0].IsNull(row)) { w.AppendNull(); return; }
            var text = a[0].GetString(row);
            if (a[1].IsNull(row) || text.Length == 0) { w.AppendString(text); return; }
            w.AppendString(Translate(text, a[1].GetString(row), a[2].IsNull(row) ? "" : a[2].GetString(row)));
        }, nullIntolerant: false),
        "JSON_QUOTE" => new RowwiseExpression(type, ops, (a, row, w) => w.AppendString(JsonQuote(a[0].GetString(row)))),
        "JSON_UNQUOTE" => new RowwiseExpression(type, ops, (a, row, w) => w.AppendString(JsonUnquote(a[0].GetString(row)))),
        _ => null,
    };

    /// <summary>Java's <c>URLEncoder.encode(s, UTF-8)</c>: letters, digits and <c>.-*_</c> stay, a space is <c>+</c>, every
    /// other character is its UTF-8 bytes as <c>%XX</c>.</summary>
    internal static string UrlEncode(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '-' or '*' or '_') sb.Append(c);
            else if (c == ' ') sb.Append('+');
            else
            {
                int length;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    length = new Rune(c, text[i + 1]).EncodeToUtf8(utf8);
                    i++;
                }
                else if (char.IsSurrogate(c)) { sb.Append("%3F"); continue; }
                else length = new Rune(c).EncodeToUtf8(utf8);
                for (int b = 0; b < length; b++) sb.Append('%').Append(utf8[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>Java's <c>URLDecoder.decode(s, UTF-8)</c>, or null where it throws (a bad or cut-off <c>%</c> escape), as
    /// Flink returns NULL then.</summary>
    internal static string? UrlDecode(string text)
    {
        if (text.IndexOf('%') < 0 && text.IndexOf('+') < 0) return text;
        var sb = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '+') { sb.Append(' '); i++; continue; }
            if (c != '%') { sb.Append(c); i++; continue; }
            bytes.Clear();
            while (i + 2 < text.Length && text[i] == '%')
            {
                int hi = HexValue(text[i + 1]), lo = HexValue(text[i + 2]);
                if (hi < 0 || lo < 0) return null;
                bytes.Add((byte)(hi << 4 | lo));
                i += 3;
            }
            if (i < text.Length && text[i] == '%') return null;
            sb.Append(Encoding.UTF8.GetString(bytes.ToArray()));
        }
        return sb.ToString();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Hex digits as bytes; an odd count is read as if led by a 0; NULL when a character is no hex digit.</summary>
    internal static byte[]? Unhex(ReadOnlySpan<byte> hex)
    {
        var result = new byte[(hex.Length + 1) / 2];
        int at = 0, i = 0;
        if (hex.Length % 2 == 1)
        {
            int only = HexValue((char)hex[0]);
            if (only < 0) return null;
            result[at++] = (byte)only;
            i = 1;
        }
        for (; i < hex.Length; i += 2)
        {
            int hi = HexValue((char)hex[i]), lo = HexValue((char)hex[i + 1]);
            if (hi < 0 || lo < 0) return null;
            result[at++] = (byte)(hi << 4 | lo);
        }
        return result;
    }

    /// <summary>Each code point of <paramref name="from"/> replaced by the one at its place in <paramref name="to"/>, or
    /// removed when <paramref name="to"/> is shorter; the first mapping of a repeated code point wins.</summary>
    internal static string Translate(string text, string from, string to)
    {
        var map = new Dictionary<int, string>();
        var toRunes = to.EnumerateRunes().GetEnumerator();
        foreach (var rune in from.EnumerateRunes())
        {
            string replacement = toRunes.MoveNext() ? toRunes.Current.ToString() : "";
            map.TryAdd(rune.Value, replacement);
        }
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (map.TryGetValue(rune.Value, out var replacement)) sb.Append(replacement);
            else sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>The text as a JSON string literal, as Flink's JsonQuoteFunction writes it: <c>" \ / \b \f \n \r \t</c>
    /// escaped, every UTF-16 unit above 127 as <c>\uxxxx</c>, other characters as they are.</summary>
    internal static string JsonQuote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '/': sb.Append("\\/"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c > 127) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>As Flink's JsonUnquoteFunction: text that starts with a JSON value (Jackson reads the first value and
    /// ignores what follows) and is enclosed in double quotes loses them and has its escapes undone
    /// (<c>"["abc"]"</c> is <c>["abc"]</c>); other JSON, invalid JSON, or an escape it cannot undo stays as it is.</summary>
    internal static string JsonUnquote(string text)
    {
        if (!StartsWithJsonValue(text) || text.Length < 2 || text[0] != '"' || text[^1] != '"') return text;
        var inner = text.AsSpan(1, text.Length - 2);
        var sb = new StringBuilder(inner.Length);
        for (int i = 0; i < inner.Length; i++)
        {
            char c = inner[i];
            if (c != '\\' || i + 1 >= inner.Length) { sb.Append(c); continue; }
            char e = inner[++i];
            switch (e)
            {
                case '"' or '\\' or '/': sb.Append(e); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (i + 4 >= inner.Length || !int.TryParse(inner.Slice(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int code))
                        return text;
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: return text;
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether the text begins with one whole JSON value (what follows it is not looked at).</summary>
    private static bool StartsWithJsonValue(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            return reader.Read() && reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>The character sets ENCODE and DECODE take, by Java's names (case-insensitive): US-ASCII, ISO-8859-1, UTF-8,
/// UTF-16BE, UTF-16LE and UTF-16 (big-endian with a byte-order mark when encoding; the mark, if any, decides when
/// decoding). Unmappable characters become '?' and malformed bytes U+FFFD, as Java's <c>String</c> does.</summary>
internal static class Charsets
{
    private static readonly Encoding Ascii = Encoding.GetEncoding("us-ascii", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    private static readonly Encoding Utf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false);
    private static readonly Encoding Utf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false);

    public static byte[] Encode(string text, string charset)
    {
        var name = Normalize(charset);
        if (name == "UTF-16")
        {
            var body = Utf16Be.GetBytes(text);
            var withMark = new byte[body.Length + 2];
            withMark[0] = 0xFE;
            withMark[1] = 0xFF;
            body.CopyTo(withMark, 2);
            return withMark;
        }
        return For(name, charset, "ENCODE").GetBytes(text);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string charset)
    {
        var name = Normalize(charset);
        if (name == "UTF-16")
        {
            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Utf16Be.GetString(bytes[2..]);
            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Utf16Le.GetString(bytes[2..]);
            return Utf16Be.GetString(bytes);
        }
        return For(name, charset, "DECODE").GetString(bytes);
    }

    private static string Normalize(string charset) => charset.Trim().ToUpperInvariant() switch
    {
        "ASCII" or "US-ASCII" => "US-ASCII",
        "ISO-8859-1" or "ISO8859_1" or "LATIN1" or "ISO_8859_1" => "ISO-8859-1",
        "UTF-8" or "UTF8" => "UTF-8",
        "UTF-16BE" or "UTF_16BE" => "UTF-16BE",
        "UTF-16LE" or "UTF_16LE" => "UTF-16LE",
        "UTF-16" or "UTF_16" or "UTF16" => "UTF-16",
        var other => other,
    };

    private static Encoding For(string name, string given, string function) => name switch
    {
        "US-ASCII" => Ascii,
        "ISO-8859-1" => Latin1,
        "UTF-8" => Encoding.UTF8,
        "UTF-16BE" => Utf16Be,
        "UTF-16LE" => Utf16Le,
        _ => throw new ExpressionEvaluationException(
            $"{function}: unsupported character set '{given}'; use one of 'US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE', 'UTF-16'"),
    };
}

/// <summary><c>ELT(index, v1, ...)</c>: value <c>index</c> (1-based) of the row, NULL for a NULL or out-of-range index.
/// The chosen value is copied from its evaluated column; every value column is evaluated, as Flink evaluates them.</summary>
internal sealed class EltKernel(VectorExpression index, VectorExpression[] values, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var indexes = index.EvaluateReader(input, context);
        var columns = new ArrayData[values.Length];
        for (int k = 0; k < columns.Length; k++) columns[k] = values[k].Evaluate(input, context).Data;
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (indexes.IsNull(i)) { builder.AppendNull(); continue; }
            long at = indexes.GetInt64(i);
            if (at < 1 || at > columns.Length) builder.AppendNull();
            else builder.AppendRange(columns[at - 1], i, 1);
        }
        return builder.Build();
    }
}
