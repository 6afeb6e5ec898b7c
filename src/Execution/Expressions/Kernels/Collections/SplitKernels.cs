using System.Text;
using System.Text.RegularExpressions;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>
/// <c>SPLIT(string, delimiter)</c>: the parts between whole occurrences of the delimiter, empty parts kept (a leading,
/// trailing or doubled delimiter gives an empty string); an empty string has no parts; an empty delimiter splits
/// every character (code point). NULL when either operand is. Works on the UTF-8 bytes, no string per row.
/// </summary>
internal sealed class SplitKernel(VectorExpression text, VectorExpression delimiter, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = Utf8Column.Of(text, input, context, out var keepValues);
        var delimiters = Utf8Column.Of(delimiter, input, context, out var keepDelimiters);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var parts = builder.Values;
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i) || delimiters.IsNull(i)) { builder.AppendNull(); continue; }
            var value = values[i];
            var separator = delimiters[i];
            if (separator.IsEmpty)
            {
                while (!value.IsEmpty)
                {
                    Rune.DecodeFromUtf8(value, out _, out int length);
                    parts.AppendUtf8(value[..length]);
                    value = value[length..];
                }
            }
            else if (!value.IsEmpty)
            {
                while (true)
                {
                    int at = value.IndexOf(separator);
                    if (at < 0) { parts.AppendUtf8(value); break; }
                    parts.AppendUtf8(value[..at]);
                    value = value[(at + separator.Length)..];
                }
            }
            builder.AppendListValid();
        }
        GC.KeepAlive(keepValues);
        GC.KeepAlive(keepDelimiters);
        return builder.Build();
    }
}

/// <summary>
/// <c>STR_TO_MAP(text[, pairDelimiter, keyValueDelimiter])</c>, delimiters ',' and '=' by default and both regular
/// expressions (Flink's <c>SqlFunctionUtils.strToMap</c>, Java's <c>String.split</c>): the text is split into pairs
/// (trailing empty pairs dropped), each pair at the first key-value delimiter; a pair without one is a key with a
/// NULL value; a repeated key keeps its last value. An empty text is an empty map; NULL when an operand is NULL.
/// </summary>
internal sealed class StrToMapKernel(VectorExpression[] operands, SqlType type) : VectorExpression(type)
{
    private readonly DelimiterCache _pairs = new(operands.Length > 1 ? operands[1] : null, ",");
    private readonly DelimiterCache _keyValues = new(operands.Length > 2 ? operands[2] : null, "=");

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var readers = new ColumnReader[operands.Length];
        for (int k = 0; k < readers.Length; k++) readers[k] = operands[k].EvaluateReader(input, context);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var entries = builder.Values;
        var keys = entries.Children[0];
        var values = entries.Children[1];
        var pairs = new List<Range>();
        var found = new List<(Range Key, Range? Value)>();
        for (int i = 0; i < n; i++)
        {
            bool anyNull = false;
            foreach (var r in readers) anyNull |= r.IsNull(i);
            if (anyNull) { builder.AppendNull(); continue; }
            string text = readers[0].GetString(i);
            found.Clear();
            if (text.Length > 0)
            {
                var pairRegex = _pairs.Get(readers, 1, i);
                var keyValueRegex = _keyValues.Get(readers, 2, i);
                JavaSplit.Split(pairRegex, text, 0, pairs);
                foreach (var pair in pairs)
                {
                    var (key, value) = JavaSplit.First(keyValueRegex, text, pair);
                    int existing = IndexOf(found, text, key);
                    if (existing >= 0) found[existing] = (found[existing].Key, value);
                    else found.Add((key, value));
                }
            }
            foreach (var (key, value) in found)
            {
                entries.AppendStructValid();
                keys.AppendString(text.AsSpan()[key]);
                if (value is { } v) values.AppendString(text.AsSpan()[v]);
                else values.AppendNull();
            }
            builder.AppendListValid();
        }
        return builder.Build();
    }

    private static int IndexOf(List<(Range Key, Range? Value)> found, string text, Range key)
    {
        for (int k = 0; k < found.Count; k++)
            if (text.AsSpan()[found[k].Key].SequenceEqual(text.AsSpan()[key])) return k;
        return -1;
    }

    /// <summary>A delimiter's regex: the default or literal compiled once, a column's per distinct text.</summary>
    private sealed class DelimiterCache
    {
        // A literal is compiled at the first row, so a bad pattern fails the job at run time, not the compilation.
        private readonly string? _literal;
        private Regex? _constant;
        private readonly Dictionary<string, Regex> _dynamic = new(StringComparer.Ordinal);
        private readonly object _gate = new();

        public DelimiterCache(VectorExpression? operand, string defaultDelimiter)
        {
            if (operand is null) _literal = defaultDelimiter;
            else if (operand is ConstantExpression { Value: string text }) _literal = text;
        }

        public Regex Get(ColumnReader[] readers, int operand, int row)
        {
            if (_constant is not null) return _constant;
            if (_literal is not null) return _constant = JavaSplit.Compile(_literal, "STR_TO_MAP");
            string text = readers[operand].GetString(row);
            lock (_gate)
            {
                if (_dynamic.TryGetValue(text, out var regex)) return regex;
                if (_dynamic.Count > 256) _dynamic.Clear();
                return _dynamic[text] = JavaSplit.Compile(text, "STR_TO_MAP");
            }
        }
    }
}

/// <summary>Java's <c>String.split(regex, limit)</c> over .NET's regex engine, as ranges of the text.</summary>
internal static class JavaSplit
{
    /// <summary>The pattern compiled, or an error naming the function and the pattern (Java fails the call too).</summary>
    public static Regex Compile(string pattern, string function)
    {
        try { return new Regex(pattern, RegexOptions.CultureInvariant); }
        catch (ArgumentException e)
        {
            throw new ExpressionEvaluationException($"{function}: invalid regular expression '{pattern}': {e.Message}");
        }
    }

    /// <summary>The parts of <paramref name="text"/> with <paramref name="limit"/> 0: a zero-width match at the start
    /// splits nothing off, and trailing empty parts are dropped.</summary>
    public static void Split(Regex regex, string text, int limit, List<Range> parts)
    {
        parts.Clear();
        int index = 0;
        for (var m = regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (m.Index == 0 && m.Length == 0) continue;
            parts.Add(index..m.Index);
            index = m.Index + m.Length;
        }
        if (parts.Count == 0)
        {
            parts.Add(0..text.Length);
            return;
        }
        parts.Add(index..text.Length);
        if (limit == 0)
            while (parts.Count > 0 && parts[^1].GetOffsetAndLength(text.Length).Length == 0) parts.RemoveAt(parts.Count - 1);
    }

    /// <summary><c>pair.split(regex, 2)</c>: the part before the first match and the rest, or the whole pair and no rest.</summary>
    public static (Range Before, Range? After) First(Regex regex, string text, Range pair)
    {
        var (start, length) = pair.GetOffsetAndLength(text.Length);
        for (var m = regex.Match(text, start, length); m.Success; m = m.NextMatch())
        {
            if (m.Index == start && m.Length == 0) continue;
            return (start..m.Index, (m.Index + m.Length)..(start + length));
        }
        return (pair, null);
    }
}
