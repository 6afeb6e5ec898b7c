using System.Text;

namespace StreamSql.Sql.Parser;

/// <summary>
/// An error in a user's SQL that points at the text it is about. <see cref="Message"/> is the complete message for a user:
/// the location, the problem, and the source line with a caret under the offending text.
/// </summary>
public class SqlException : Exception
{
    public SqlException(string problem, SourceSpan span, string? sourceText = null, string? sourceName = null, Exception? inner = null)
        : base(Format(problem, span, sourceText, sourceName), inner)
    {
        Problem = problem;
        Span = span;
        SourceText = sourceText;
        SourceName = sourceName;
    }

    /// <summary>The problem alone, without location or source excerpt.</summary>
    public string Problem { get; }
    public SourceSpan Span { get; }
    public string? SourceText { get; }
    public string? SourceName { get; }

    /// <summary>The same error, located in a larger text (a script), with line numbers shifted to that text.</summary>
    public virtual SqlException Relocate(string sourceText, string? sourceName, int lineOffset, int charOffset, int firstLineColumnOffset)
    {
        var span = Shift(Span, lineOffset, charOffset, firstLineColumnOffset);
        return new SqlException(Problem, span, sourceText, sourceName, InnerException);
    }

    protected static SourceSpan Shift(SourceSpan span, int lineOffset, int charOffset, int firstLineColumnOffset)
    {
        if (span.Line == 0) return span;
        int column = span.Line == 1 ? span.Column + firstLineColumnOffset : span.Column;
        return new SourceSpan(span.Line + lineOffset, column, span.StartOffset + charOffset, span.EndOffset + charOffset);
    }

    /// <summary>Formats <c>Error at name:3:15: problem</c> followed by the source line and a caret line.</summary>
    public static string Format(string problem, SourceSpan span, string? sourceText, string? sourceName)
    {
        if (span.Line <= 0) return problem;
        var sb = new StringBuilder();
        sb.Append(sourceName is null ? $"Error at {span.Line}:{span.Column}: " : $"Error at {sourceName}:{span.Line}:{span.Column}: ");
        sb.Append(problem);
        if (sourceText is not null)
        {
            string? line = GetLine(sourceText, span.Line);
            if (line is not null)
            {
                line = line.TrimEnd();
                int caretStart = Math.Max(0, span.Column - 1);
                int width = Math.Max(1, Math.Min(span.Length, Math.Max(1, line.Length - caretStart)));
                // A generated script can put megabytes on one line: show a window of it around the caret.
                string prefix = "", suffix = "";
                if (line.Length > MaxExcerpt)
                {
                    width = Math.Min(width, MaxExcerpt - 2 * ExcerptContext);
                    int from = Math.Clamp(caretStart - ExcerptContext, 0, Math.Max(0, line.Length - MaxExcerpt));
                    int to = Math.Min(line.Length, from + MaxExcerpt);
                    if (from > 0) prefix = "...";
                    if (to < line.Length) suffix = "...";
                    line = line[from..to];
                    caretStart = caretStart - from + prefix.Length;
                    line = prefix + line + suffix;
                }
                sb.Append('\n').Append("  ").Append(line);
                sb.Append('\n').Append("  ");
                for (int i = 0; i < caretStart && i < line.Length; i++) sb.Append(line[i] == '\t' ? '\t' : ' ');
                sb.Append('^', width);
            }
        }
        return sb.ToString();
    }

    /// <summary>The longest source line an excerpt shows whole, and how much of a longer one it shows before the caret.</summary>
    private const int MaxExcerpt = 160, ExcerptContext = 60;

    private static string? GetLine(string text, int lineNumber)
    {
        int current = 1, start = 0;
        for (int i = 0; i < text.Length && current < lineNumber; i++)
        {
            if (text[i] == '\n') { current++; start = i + 1; }
        }
        if (current != lineNumber) return null;
        int end = text.IndexOf('\n', start);
        return (end < 0 ? text[start..] : text[start..end]).TrimEnd('\r');
    }
}

/// <summary>A syntax error: the text does not follow the grammar.</summary>
public sealed class SqlParseException : SqlException
{
    public SqlParseException(string problem, SourceSpan span, string? sourceText = null, string? sourceName = null)
        : base(problem, span, sourceText, sourceName) { }

    public override SqlException Relocate(string sourceText, string? sourceName, int lineOffset, int charOffset, int firstLineColumnOffset)
        => new SqlParseException(Problem, Shift(Span, lineOffset, charOffset, firstLineColumnOffset), sourceText, sourceName);
}
