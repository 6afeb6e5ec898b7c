using System.Text;
using System.Text.RegularExpressions;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// LIKE (with optional ESCAPE; no escape character by default, as Calcite) and SIMILAR TO. A literal LIKE pattern of
/// the common shapes — exact, <c>abc%</c>, <c>%abc</c>, <c>%abc%</c> — is matched on UTF-8 bytes; others via a regex.
/// </summary>
internal static class LikeKernels
{
    public static VectorExpression Like(SqlType type, VectorExpression[] ops)
    {
        if (ops[1] is ConstantExpression { Value: string pattern } && (ops.Length < 3 || ops[2] is ConstantExpression))
        {
            string? escape = ops.Length > 2 ? (string?)((ConstantExpression)ops[2]).Value : null;
            if (ops.Length > 2 && escape is null) return new ConstantExpression(null, type);
            var matcher = LikeMatcher.Create(pattern, escape);
            return new RowwiseExpression(type, new[] { ops[0] }, (a, row, w) => w.AppendBoolean(matcher.Matches(a[0].GetUtf8(row))));
        }
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var escape = a.Length > 2 ? a[2].GetString(row) : null;
            w.AppendBoolean(LikeMatcher.Create(a[1].GetString(row), escape).Matches(a[0].GetUtf8(row)));
        });
    }

    public static VectorExpression SimilarTo(SqlType type, VectorExpression[] ops)
    {
        // The pattern is almost always a literal: keep the last one's regex rather than compiling one per row.
        string? lastPattern = null, lastEscape = null;
        Regex? last = null;
        return new RowwiseExpression(type, ops, (a, row, w) =>
        {
            var pattern = a[1].GetString(row);
            var escape = a.Length > 2 ? a[2].GetString(row) : null;
            if (last is null || pattern != lastPattern || escape != lastEscape)
            {
                last = new Regex("^(?:" + SimilarToRegex(pattern, escape) + ")$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
                (lastPattern, lastEscape) = (pattern, escape);
            }
            w.AppendBoolean(last.IsMatch(a[0].GetString(row)));
        });
    }

    /// <summary>A SIMILAR TO pattern as a .NET regex: <c>%</c> and <c>_</c> are wildcards, the rest is regex syntax; the
    /// escape character makes the next character literal.</summary>
    private static string SimilarToRegex(string pattern, string? escape)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (escape is { Length: 1 } && c == escape[0] && i + 1 < pattern.Length)
                sb.Append(Regex.Escape(pattern[++i].ToString()));
            else
                sb.Append(c switch { '%' => ".*", '_' => ".", _ => c.ToString() });
        }
        return sb.ToString();
    }

    private sealed class LikeMatcher
    {
        private enum Shape { Exact, Prefix, Suffix, Contains, Regex }
        private readonly Shape _shape;
        private readonly byte[] _literal = System.Array.Empty<byte>();
        private readonly Regex? _regex;

        private LikeMatcher(Shape shape, string literal, Regex? regex)
        {
            _shape = shape;
            _literal = Encoding.UTF8.GetBytes(literal);
            _regex = regex;
        }

        public static LikeMatcher Create(string pattern, string? escape)
        {
            // An empty ESCAPE escapes nothing (Flink's LikeFunctionITCase: `f0 LIKE '' ESCAPE ''` is FALSE).
            if (escape is { Length: > 1 }) throw new ExpressionEvaluationException($"Invalid escape character '{escape}' in LIKE: it must be one character");
            char? esc = escape is { Length: 1 } ? escape[0] : null;
            if (esc is { } e && pattern.Contains(e)) return new LikeMatcher(Shape.Regex, "", new Regex(ToRegex(pattern, esc), RegexOptions.Singleline | RegexOptions.CultureInvariant));
            bool simpleInner(string s) => s.IndexOfAny(new[] { '%', '_' }) < 0;
            if (simpleInner(pattern)) return new LikeMatcher(Shape.Exact, pattern, null);
            if (pattern.Length >= 1 && pattern[^1] == '%' && simpleInner(pattern[..^1])) return new LikeMatcher(Shape.Prefix, pattern[..^1], null);
            if (pattern.Length >= 1 && pattern[0] == '%' && simpleInner(pattern[1..])) return new LikeMatcher(Shape.Suffix, pattern[1..], null);
            if (pattern.Length >= 2 && pattern[0] == '%' && pattern[^1] == '%' && simpleInner(pattern[1..^1])) return new LikeMatcher(Shape.Contains, pattern[1..^1], null);
            return new LikeMatcher(Shape.Regex, "", new Regex(ToRegex(pattern, esc), RegexOptions.Singleline | RegexOptions.CultureInvariant));
        }

        public bool Matches(ReadOnlySpan<byte> value) => _shape switch
        {
            Shape.Exact => value.SequenceEqual(_literal),
            Shape.Prefix => value.StartsWith(_literal),
            Shape.Suffix => value.EndsWith(_literal),
            Shape.Contains => value.IndexOf(_literal) >= 0,
            _ => _regex!.IsMatch(Encoding.UTF8.GetString(value)),
        };

        private static string ToRegex(string pattern, char? escape)
        {
            var sb = new StringBuilder("^");
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (escape is not null && c == escape)
                {
                    // Calcite's SqlLikeUtils: the escape may only precede '_', '%' or itself; the message names its offset.
                    if (i + 1 >= pattern.Length || pattern[i + 1] is not ('_' or '%') && pattern[i + 1] != escape)
                        throw new ExpressionEvaluationException($"Invalid escape sequence '{pattern}', {i}");
                    sb.Append(Regex.Escape(pattern[++i].ToString()));
                }
                else if (c == '%') sb.Append(".*");
                else if (c == '_') sb.Append('.');
                else sb.Append(Regex.Escape(c.ToString()));
            }
            return sb.Append('$').ToString();
        }
    }
}
