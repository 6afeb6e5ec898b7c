using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>
/// Turns the parser's first syntax error into a <see cref="SqlParseException"/> that names the offending token and,
/// in words a user knows, what could have come instead.
/// </summary>
internal sealed class SyntaxErrorListener(string text, string? sourceName) : BaseErrorListener
{
    /// <summary>More expected alternatives than this are cut with "...".</summary>
    private const int MaxExpected = 16;

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine,
        string msg, RecognitionException e)
    {
        var parser = (Antlr4.Runtime.Parser)recognizer;
        var expected = new IntervalSet();
        try { expected.AddAll(e?.GetExpectedTokens() ?? parser.GetExpectedTokens()); }
        catch (ArgumentException) { /* no usable state: report the token alone */ }
        if (parser.ErrorHandler is ExpectedTokenRecorder recorder && recorder.ExpectedAt(offendingSymbol.TokenIndex) is { } skipped)
            expected.AddAll(skipped);
        throw Create(offendingSymbol, expected, parser.Vocabulary);
    }

    public SqlParseException Create(IToken token, IntervalSet? expected, IVocabulary vocabulary)
    {
        var span = TokenSpan(token);
        switch (token.Type)
        {
            case P.UNTERMINATED_STRING:
                return new SqlParseException("Syntax error: unterminated string literal (a ' is missing)", First(span), text, sourceName);
            case P.UNTERMINATED_IDENTIFIER:
                return new SqlParseException("Syntax error: unterminated quoted identifier (a ` is missing)", First(span), text, sourceName);
            case P.UNTERMINATED_COMMENT:
                return new SqlParseException("Syntax error: unterminated comment (a */ is missing)", First(span, 2), text, sourceName);
            case P.DOUBLE_QUOTED:
                return new SqlParseException(
                    $"Syntax error: unexpected {token.Text}: Flink SQL writes strings in single quotes ('text') and quotes names with backquotes (`name`)",
                    span, text, sourceName);
            case P.ERROR_CHAR:
                return new SqlParseException($"Syntax error: unexpected character '{token.Text}'", span, text, sourceName);
        }

        var problem = new StringBuilder("Syntax error: unexpected ").Append(Describe(token));
        var names = ExpectedNames(expected, vocabulary);
        if (names.Count == 1) problem.Append("; expected ").Append(names[0]);
        else if (names.Count > 1)
        {
            problem.Append("; expected one of: ");
            problem.AppendJoin(", ", names.Take(MaxExpected));
            if (names.Count > MaxExpected) problem.Append(", ...");
        }
        // Where only a name can stand (a column definition, an alias after AS), a keyword there is a reserved word used as one.
        if (names is ["identifier"] && IsKeyword(token, vocabulary))
            problem.Append($". '{token.Text}' is a reserved keyword: quote it with backquotes (`{token.Text}`) to use it as a name");
        // A name where a list could go on (select list, column definitions): most often the comma before it was forgotten.
        else if (token.Type is P.IDENTIFIER or P.BACKQUOTED_IDENTIFIER && names.Contains("','"))
            problem.Append($". Is a ',' missing before {Describe(token)}?");
        return new SqlParseException(problem.ToString(), span, text, sourceName);
    }

    private SourceSpan TokenSpan(IToken token)
    {
        if (token.Type == TokenConstants.EOF)
        {
            // Point just past the last visible character, so the caret sits on a line the user wrote.
            int end = text.Length;
            while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
            int line = 1, column = 1;
            for (int i = 0; i < end; i++)
            {
                if (text[i] == '\n') { line++; column = 1; } else column++;
            }
            return new SourceSpan(line, column, end, end + 1);
        }
        return new SourceSpan(token.Line, token.Column + 1, token.StartIndex, Math.Max(token.StartIndex + 1, token.StopIndex + 1));
    }

    private static SourceSpan First(SourceSpan span, int length = 1)
        => span with { EndOffset = Math.Min(span.EndOffset, span.StartOffset + length) };

    private static bool IsKeyword(IToken token, IVocabulary vocabulary) =>
        token.Text.Length > 0 && token.Text.All(c => char.IsAsciiLetter(c) || c == '_')
        && string.Equals(vocabulary.GetSymbolicName(token.Type), token.Text, StringComparison.OrdinalIgnoreCase);

    private static string Describe(IToken token)
    {
        if (token.Type == TokenConstants.EOF) return "end of input";
        string t = token.Text.Length > 40 ? token.Text[..40] + "..." : token.Text;
        return $"'{t}'";
    }

    /// <summary>
    /// Readable names of what could come next: keywords in capitals, punctuation quoted, and one "identifier" for the
    /// identifier token and every keyword that can also serve as a name.
    /// </summary>
    private static List<string> ExpectedNames(IntervalSet? expected, IVocabulary vocabulary)
    {
        var names = new List<string>();
        if (expected is null) return names;
        var types = expected.ToList();
        bool identifier = types.Contains(P.IDENTIFIER);
        if (identifier) names.Add("identifier");
        if (types.Any(t => t is P.STRING or P.INTEGER_VALUE or P.DECIMAL_VALUE or P.DOUBLE_VALUE)) names.Add("literal");
        var punctuation = new List<string>();
        var keywords = new List<string>();
        // After a complete value every operator could follow: one word says that better than a dozen symbols.
        bool collapseOperators = types.Contains(P.EQ) && types.Count(Operators.Contains) >= 3;
        foreach (int type in types)
        {
            if (collapseOperators && Operators.Contains(type))
            {
                if (!punctuation.Contains("an operator")) punctuation.Add("an operator");
                continue;
            }
            if (type is TokenConstants.EOF or P.IDENTIFIER or P.BACKQUOTED_IDENTIFIER
                or P.STRING or P.UNICODE_STRING or P.BINARY_STRING or P.INTEGER_VALUE or P.DECIMAL_VALUE or P.DOUBLE_VALUE
                or P.DOUBLE_QUOTED or P.UNTERMINATED_STRING or P.UNTERMINATED_IDENTIFIER or P.UNTERMINATED_COMMENT or P.ERROR_CHAR
                or P.LINE_COMMENT or P.BLOCK_COMMENT or P.WS)
                continue;
            if (identifier && NonReserved.Contains(type)) continue;
            string name = Display(type, vocabulary);
            (name.StartsWith('\'') ? punctuation : keywords).Add(name);
        }
        keywords.Sort(StringComparer.Ordinal);
        names.AddRange(punctuation);
        names.AddRange(keywords);
        // "end of input" reads best after the tokens that could continue the statement.
        if (types.Contains(TokenConstants.EOF)) names.Add("end of input");
        return names;
    }

    private static string Display(int type, IVocabulary vocabulary)
    {
        string? literal = vocabulary.GetLiteralName(type);
        if (literal is not null && literal.Length >= 2 && literal[0] == '\'')
        {
            string inner = literal[1..^1];
            // Keywords are shown bare (FROM), punctuation quoted (',').
            return inner.All(ch => char.IsLetter(ch) || ch == '_') ? inner : $"'{inner}'";
        }
        return vocabulary.GetSymbolicName(type) ?? type.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly HashSet<int> Operators =
    [
        P.EQ, P.NEQ, P.LT, P.LTE, P.GT, P.GTE, P.PLUS, P.MINUS, P.ASTERISK, P.SLASH, P.PERCENT, P.CONCAT, P.LBRACKET, P.DOT,
    ];

    /// <summary>Keyword tokens the grammar accepts as identifiers, read from the grammar's <c>nonReserved</c> rule.</summary>
    private static readonly HashSet<int> NonReserved = ReadNonReserved();

    private static HashSet<int> ReadNonReserved()
    {
        var set = new HashSet<int>();
        var atn = new P(new CommonTokenStream(new ListTokenSource([]))).Atn;
        var start = atn.ruleToStartState[P.RULE_nonReserved];
        var reachable = atn.NextTokens(start);
        foreach (int type in reachable.ToList()) set.Add(type);
        return set;
    }
}
