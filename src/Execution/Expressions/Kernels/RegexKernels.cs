using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// REGEXP_EXTRACT / REGEXP_REPLACE / REGEXP / REGEXP_COUNT / REGEXP_INSTR / REGEXP_SUBSTR / REGEXP_EXTRACT_ALL with Java
/// regex semantics as far as .NET's engine shares them. A literal pattern is compiled once per kernel; an invalid pattern
/// gives NULL (Flink logs and returns null), except in REGEXP_EXTRACT_ALL, where Flink fails the call.
/// </summary>
internal static class RegexKernels
{
    public static VectorExpression Extract(SqlType type, VectorExpression[] ops)
    {
        if (ops[1] is ConstantExpression { Value: string pattern } && (ops.Length == 2 || ops[2] is ConstantExpression { Value: not null }))
        {
            long literalGroup = ops.Length > 2 ? ((ConstantReader)ops[2].EvaluateReader(null!, null!)).GetInt64(0) : 0;
            var regex = PatternCache.TryCompile(pattern, RegexOptions.Compiled);
            return new RegexExtractKernel(ops[0], regex, regex is null ? null : Utf8Pattern.TryParse(pattern), RequiredLiteral.Of(pattern), literalGroup, type);
        }
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var regex = cache.Get(a[1], row);
            long group = a.Length > 2 ? a[2].GetInt64(row) : 0;
            if (regex is null) { w.AppendNull(); return; }
            var m = regex.Match(a[0].GetString(row));
            if (!m.Success || group < 0 || group >= m.Groups.Count || !m.Groups[(int)group].Success) { w.AppendNull(); return; }
            w.AppendString(m.Groups[(int)group].Value);
        });
    }

    public static VectorExpression Replace(SqlType type, VectorExpression[] ops)
    {
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var regex = cache.Get(a[1], row);
            if (regex is null) { w.AppendNull(); return; }
            w.AppendString(regex.Replace(a[0].GetString(row), JavaReplacement(a[2].GetString(row))));
        });
    }

    public static VectorExpression Matches(SqlType type, VectorExpression[] ops)
    {
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var regex = cache.Get(a[1], row);
            if (regex is null) { w.AppendNull(); return; }
            w.AppendBoolean(regex.IsMatch(a[0].GetString(row)));
        });
    }

    /// <summary><c>REGEXP_COUNT(s, regex)</c>: how many times the pattern matches (as Java's <c>Matcher.find</c> loop).</summary>
    public static VectorExpression Count(SqlType type, VectorExpression[] ops)
    {
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var regex = cache.Get(a[1], row);
            if (regex is null) w.AppendNull();
            else w.AppendInt64(regex.Count(a[0].GetString(row)));
        });
    }

    /// <summary><c>REGEXP_INSTR(s, regex)</c>: the 1-based position (in UTF-16 characters, as Java's) of the first match, 0
    /// when nothing matches.</summary>
    public static VectorExpression Instr(SqlType type, VectorExpression[] ops)
    {
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var regex = cache.Get(a[1], row);
            if (regex is null) { w.AppendNull(); return; }
            var m = regex.Match(a[0].GetString(row));
            w.AppendInt64(m.Success ? m.Index + 1 : 0);
        });
    }

    /// <summary><c>REGEXP_SUBSTR(s, regex)</c>: the first match, NULL when nothing matches.</summary>
    public static VectorExpression Substr(SqlType type, VectorExpression[] ops)
    {
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var regex = cache.Get(a[1], row);
            var m = regex?.Match(a[0].GetString(row));
            if (m is null || !m.Success) w.AppendNull();
            else w.AppendString(m.ValueSpan);
        });
    }

    /// <summary><c>REGEXP_EXTRACT_ALL(s, regex[, group])</c>: group <c>group</c> (1 by default, 0 the whole match) of every
    /// match, NULL where the group took no part. An invalid pattern or a group the pattern does not have fails the call,
    /// as Flink's <c>RegexpExtractAllFunction</c>.</summary>
    public static VectorExpression ExtractAll(SqlType type, VectorExpression[] ops)
    {
        var cache = new PatternCache(ops[1]);
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var pattern = a[1].GetString(row);
            var regex = cache.Get(a[1], row)
                ?? throw new ExpressionEvaluationException($"REGEXP_EXTRACT_ALL: invalid regular expression '{pattern}'");
            long group = a.Length > 2 ? a[2].GetInt64(row) : 1;
            int groups = regex.GetGroupNumbers().Length - 1;
            if (group < 0 || group > groups)
                throw new ExpressionEvaluationException(
                    $"REGEXP_EXTRACT_ALL: extract group index {group} is out of range [0, {groups}] of the regular expression '{pattern}'");
            var list = (Columns.ListColumnBuilder)w;
            for (var m = regex.Match(a[0].GetString(row)); m.Success; m = m.NextMatch())
            {
                var g = m.Groups[(int)group];
                if (g.Success) list.Values.AppendString(g.ValueSpan);
                else list.Values.AppendNull();
            }
            list.AppendListValid();
        });
    }

    /// <summary>Java's replacement syntax ($1, \$ for a literal dollar) in .NET's ($1, $$).</summary>
    private static string JavaReplacement(string replacement)
    {
        if (replacement.IndexOf('\\') < 0) return replacement;
        var sb = new System.Text.StringBuilder(replacement.Length);
        for (int i = 0; i < replacement.Length; i++)
        {
            char c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                char next = replacement[++i];
                sb.Append(next == '$' ? "$$" : next.ToString());
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The compiled pattern: once for a literal, else per distinct pattern text (a small bounded cache).</summary>
    private sealed class PatternCache
    {
        private readonly Regex? _literal;
        private readonly bool _isLiteral;
        private readonly ConcurrentDictionary<string, Regex?> _dynamic = new();

        public PatternCache(VectorExpression pattern)
        {
            if (pattern is ConstantExpression { Value: string text })
            {
                _isLiteral = true;
                _literal = TryCompile(text, RegexOptions.Compiled);
            }
        }

        public Regex? Get(ColumnReader reader, int row)
        {
            if (_isLiteral) return _literal;
            var text = reader.GetString(row);
            if (_dynamic.Count > 256) _dynamic.Clear();
            return _dynamic.GetOrAdd(text, static t => TryCompile(t, RegexOptions.None));
        }

        /// <summary>A literal pattern is compiled to IL (<see cref="RegexOptions.Compiled"/>: a few milliseconds once per
        /// kernel, then matching several times faster than the interpreter, which dominated q21's profile); patterns read
        /// from rows stay interpreted, as compiling each would cost more than it saves.</summary>
        internal static Regex? TryCompile(string pattern, RegexOptions options)
        {
            try { return new Regex(pattern, RegexOptions.CultureInvariant | options); }
            catch (ArgumentException) { return null; }
        }
    }
}
