using System.Text;
using System.Text.RegularExpressions;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// The <c>[NOT] LIKE | ILIKE 'pattern'</c> of a SHOW statement, with Flink's rules (<c>ShowLikeOperator</c> over
/// <c>SqlLikeUtils</c>): <c>%</c> matches any characters, <c>_</c> exactly one, <c>\</c> makes the next <c>%</c>, <c>_</c>
/// or <c>\</c> literal (any other escape is an error), the pattern matches the whole name, case-sensitively for LIKE.
/// </summary>
internal sealed class ShowLikeFilter
{
    private const char Escape = '\\';
    /// <summary>No LIKE clause: every name stays.</summary>
    public static readonly ShowLikeFilter KeepAll = new(null, false);

    private readonly Regex? _pattern;
    private readonly bool _negated;

    private ShowLikeFilter(Regex? pattern, bool negated)
    {
        _pattern = pattern;
        _negated = negated;
    }

    public static ShowLikeFilter For(ShowStatement statement)
    {
        if (statement.LikePattern is not { } pattern) return KeepAll;
        var options = RegexOptions.CultureInvariant | (statement.LikeIgnoresCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return new ShowLikeFilter(new Regex(ToRegex(pattern, statement.Span), options), statement.NotLike);
    }

    /// <summary>Whether a name stays in the SHOW result.</summary>
    public bool Keeps(string name) => _pattern is null || _pattern.IsMatch(name) != _negated;

    private static string ToRegex(string pattern, SourceSpan span)
    {
        var regex = new StringBuilder(@"\A");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == Escape)
            {
                if (i + 1 == pattern.Length || pattern[i + 1] is not ('%' or '_' or Escape))
                    throw new SqlValidationException(
                        $"Invalid escape sequence in the LIKE pattern '{pattern}' at position {i + 1}: '\\' escapes only '%', '_' and '\\'", span);
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '%') regex.Append("(?s:.*)");
            else if (c == '_') regex.Append('.');
            else regex.Append(Regex.Escape(c.ToString()));
        }
        return regex.Append(@"\z").ToString();
    }
}
