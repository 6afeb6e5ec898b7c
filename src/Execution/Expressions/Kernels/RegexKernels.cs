using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// REGEXP_EXTRACT / REGEXP_REPLACE / REGEXP with Java regex semantics as far as .NET's engine shares them. A literal
/// pattern is compiled once per kernel; an invalid pattern gives NULL (Flink logs and returns null).
/// </summary>
internal static class RegexKernels
{
    public static VectorExpression Extract(SqlType type, VectorExpression[] ops)
    {
        if (ops[1] is ConstantExpression { Value: string pattern } && (ops.Length == 2 || ops[2] is ConstantExpression { Value: not null }))
        {
            long literalGroup = ops.Length > 2 ? ((ConstantReader)ops[2].EvaluateReader(null!, null!)).GetInt64(0) : 0;
            return new RegexExtractKernel(ops[0], PatternCache.TryCompile(pattern), RequiredLiteral.Of(pattern), literalGroup, type);
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
                _literal = TryCompile(text);
            }
        }

        public Regex? Get(ColumnReader reader, int row)
        {
            if (_isLiteral) return _literal;
            var text = reader.GetString(row);
            if (_dynamic.Count > 256) _dynamic.Clear();
            return _dynamic.GetOrAdd(text, TryCompile);
        }

        internal static Regex? TryCompile(string pattern)
        {
            try { return new Regex(pattern, RegexOptions.CultureInvariant); }
            catch (ArgumentException) { return null; }
        }
    }
}
