namespace StreamSql;

/// <summary>One statement cut out of a script: its text (without the closing <c>;</c>) and where it starts in the script.</summary>
/// <param name="Text">The statement, from its first significant character up to (not including) its closing <c>;</c>.</param>
/// <param name="StartOffset">0-based character offset of <paramref name="Text"/> in the script.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
public sealed record SqlStatementChunk(string Text, int StartOffset, int Line, int Column)
{
    /// <summary>Why the statement is refused without being parsed (a statement inside <c>BEGIN STATEMENT SET; ... END;</c>
    /// that is not an INSERT or CREATE/REPLACE TABLE ... AS), or null.</summary>
    public string? Rejection { get; init; }
}

/// <summary>The statements of a text that are complete, and what is left after the last complete one.</summary>
/// <param name="Statements">Complete statements (ended by a <c>;</c> outside strings and comments), in order.</param>
/// <param name="Remainder">Text after the last complete statement; <see cref="RemainderIsBlank"/> when only whitespace or comments.</param>
/// <param name="RemainderStart">Offset of <paramref name="Remainder"/> in the text.</param>
/// <param name="RemainderIsBlank">Whether the remainder holds nothing but whitespace and comments.</param>
public sealed record SqlSplitResult(IReadOnlyList<SqlStatementChunk> Statements, string Remainder, int RemainderStart, bool RemainderIsBlank)
{
    /// <summary>The remainder as a statement (for a script whose last statement has no <c>;</c>), or null when it is blank.</summary>
    public SqlStatementChunk? TrailingStatement { get; init; }
}

/// <summary>
/// Cuts SQL text into statements the way the shell reads them: a statement ends at a <c>;</c> that is outside string
/// literals, quoted identifiers and comments. <c>BEGIN STATEMENT SET; ... END;</c> and
/// <c>EXECUTE STATEMENT SET BEGIN ...; END;</c> are one statement each (their inner <c>;</c> do not end them).
/// </summary>
/// <remarks>Scripts are split before they are parsed, so that the statements before a syntax error run first, as
/// Flink's SQL client does; each statement's position lets errors be reported against the whole script.</remarks>
public static class SqlStatementSplitter
{
    /// <summary>Splits <paramref name="text"/> into its complete statements and the unfinished rest.</summary>
    public static SqlSplitResult Split(string text) => Split(text, clientStatementSetBlocks: true);

    /// <summary>Splits <paramref name="text"/>; with <paramref name="clientStatementSetBlocks"/> false, <c>BEGIN STATEMENT
    /// SET;</c> and <c>END;</c> are statements of their own, for a reader that keeps the set itself (the interactive
    /// shell answers each statement of the set as it is typed, as Flink's client does).</summary>
    public static SqlSplitResult Split(string text, bool clientStatementSetBlocks)
    {
        var statements = new List<SqlStatementChunk>();
        var scanner = new StatementScanner(text, 0, text.Length, statementSetBlocks: true, clientStatementSetBlocks);
        int lastEnd = 0;
        while (scanner.NextStatement(out int start, out int end, out bool complete))
        {
            if (!complete)
            {
                var chunk = start < 0 ? null : MakeChunk(text, start, end);
                return new SqlSplitResult(statements, text[lastEnd..], lastEnd, chunk is null) { TrailingStatement = chunk };
            }
            if (start >= 0) AddStatement(statements, text, start, end);
            lastEnd = end + 1;
        }
        return new SqlSplitResult(statements, text[lastEnd..], lastEnd, true);
    }

    /// <summary>Whether <paramref name="text"/> holds at least one statement and nothing unfinished after it
    /// (the interactive shell runs the buffer when this is true).</summary>
    public static bool IsComplete(string text)
    {
        var result = Split(text);
        return result.Statements.Count > 0 && result.RemainderIsBlank;
    }

    /// <summary>Every statement of a script, the last one also when it lacks a closing <c>;</c>.</summary>
    public static IReadOnlyList<SqlStatementChunk> SplitScript(string script)
    {
        var result = Split(script);
        if (result.TrailingStatement is null) return result.Statements;
        var all = new List<SqlStatementChunk>(result.Statements) { result.TrailingStatement };
        return all;
    }

    /// <summary>Flink's SQL client answers each statement of a <c>BEGIN STATEMENT SET;</c> block as it reads it: one that
    /// is not an INSERT (or CREATE TABLE AS) fails alone and the set goes on without it. The block is read whole here,
    /// so such statements become chunks of their own (with a <see cref="SqlStatementChunk.Rejection"/>), placed before
    /// the block, and are blanked out of the block's text (positions in it stay where they were).</summary>
    private static void AddStatement(List<SqlStatementChunk> statements, string text, int start, int end)
    {
        var chunk = MakeChunk(text, start, end);
        var begin = ClientStatementSetBegin.Match(chunk.Text);
        int bodyEnd = chunk.Text.Length - 3;
        if (!begin.Success || bodyEnd < begin.Length || !chunk.Text.EndsWith("END", StringComparison.OrdinalIgnoreCase))
        {
            statements.Add(chunk);
            return;
        }
        char[]? blanked = null;
        var scanner = new StatementScanner(text, start + begin.Length, start + bodyEnd, statementSetBlocks: false);
        while (scanner.NextStatement(out int innerStart, out int innerEnd, out _))
        {
            if (innerStart < 0) continue;
            var inner = MakeChunk(text, innerStart, innerEnd);
            if (AllowedInStatementSet.IsMatch(inner.Text)) continue;
            statements.Add(inner with { Rejection = StatementSetRejection });
            blanked ??= chunk.Text.ToCharArray();
            for (int i = innerStart; i <= Math.Min(innerEnd, start + bodyEnd - 1); i++)
                if (!char.IsWhiteSpace(blanked[i - start])) blanked[i - start] = ' ';
        }
        statements.Add(blanked is null ? chunk : chunk with { Text = new string(blanked) });
    }

    /// <summary>Whether <paramref name="statement"/> (without its <c>;</c>) is the client's <c>BEGIN STATEMENT SET</c>.</summary>
    public static bool IsStatementSetBegin(string statement) => ClientStatementSetBegin.IsMatch(statement.TrimEnd() + ";");

    /// <summary>Whether a statement set takes <paramref name="statement"/>: an INSERT or a CREATE/REPLACE TABLE ... AS.</summary>
    public static bool IsAllowedInStatementSet(string statement) => AllowedInStatementSet.IsMatch(statement);

    /// <summary>Flink's <c>SqlExecutionException</c> for a statement a statement set does not take.</summary>
    public const string StatementSetRejection =
        "Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' statement to submit Statement Set.";

    private static readonly System.Text.RegularExpressions.Regex ClientStatementSetBegin = new(
        @"\ABEGIN\s+STATEMENT\s+SET\s*;", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // An INSERT, or a CREATE [OR REPLACE] / REPLACE TABLE with an AS query (a computed column's AS never starts one).
    private static readonly System.Text.RegularExpressions.Regex AllowedInStatementSet = new(
        @"\A(INSERT\b|(CREATE\s+(OR\s+REPLACE\s+)?|REPLACE\s+)TABLE\b.*\bAS\s+(\(\s*)*(SELECT|WITH|VALUES)\b)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Singleline);

    private static SqlStatementChunk MakeChunk(string text, int start, int end)
    {
        int endTrimmed = end;
        while (endTrimmed > start && char.IsWhiteSpace(text[endTrimmed - 1])) endTrimmed--;
        var (line, column) = Position(text, start);
        return new SqlStatementChunk(text[start..endTrimmed], start, line, column);
    }

    /// <summary>1-based line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        }
        return (line, offset - lineStart + 1);
    }

    /// <summary>Walks the text once, statement by statement.</summary>
    private ref struct StatementScanner
    {
        private readonly string _text;
        private readonly int _limit;
        private readonly bool _statementSetBlocks;
        private readonly bool _clientStatementSetBlocks;
        private int _pos;

        /// <summary>Scans <paramref name="text"/> from <paramref name="from"/> up to <paramref name="to"/>;
        /// <paramref name="statementSetBlocks"/>: whether a statement-set block is one statement;
        /// <paramref name="clientStatementSetBlocks"/>: whether the client form <c>BEGIN STATEMENT SET; ... END;</c> is one.</summary>
        public StatementScanner(string text, int from, int to, bool statementSetBlocks, bool clientStatementSetBlocks = true)
        {
            _text = text;
            _pos = from;
            _limit = to;
            _statementSetBlocks = statementSetBlocks;
            _clientStatementSetBlocks = clientStatementSetBlocks;
        }

        /// <summary>Finds the next statement. <paramref name="start"/> is its first significant character (-1 when it
        /// has none), <paramref name="end"/> the offset of its closing <c>;</c> (or the text's end when incomplete).</summary>
        public bool NextStatement(out int start, out int end, out bool complete)
        {
            start = -1;
            end = _limit;
            complete = false;
            if (_pos >= _limit) return false;

            // Leading words decide whether inner semicolons end the statement (statement-set blocks).
            var leading = new List<string>(8);
            string? lastWord = null;
            bool block = false;
            while (_pos < _limit)
            {
                char c = _text[_pos];
                if (char.IsWhiteSpace(c)) { _pos++; continue; }
                if (c == '-' && Peek(1) == '-') { SkipLineComment(); continue; }
                if (c == '/' && Peek(1) == '*') { SkipBlockComment(); continue; }
                if (start < 0) start = _pos;
                if (c == ';')
                {
                    if (block && !string.Equals(lastWord, "END", StringComparison.OrdinalIgnoreCase))
                    {
                        lastWord = ";";
                        _pos++;
                        continue;
                    }
                    end = _pos;
                    _pos++;
                    complete = true;
                    if (start == end) start = -1; // an empty statement: ";"
                    return true;
                }
                if (c == '\'' || c == '"' || c == '`') { SkipQuoted(c); lastWord = "'"; continue; }
                if (char.IsLetter(c) || c == '_')
                {
                    int wordStart = _pos;
                    while (_pos < _limit && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
                    lastWord = _text[wordStart.._pos];
                    if (leading.Count < 8)
                    {
                        leading.Add(lastWord.ToUpperInvariant());
                        block = block || (_statementSetBlocks && IsStatementSetBlock(leading, _clientStatementSetBlocks));
                    }
                    continue;
                }
                lastWord = c.ToString();
                _pos++;
            }
            return true;
        }

        private static bool IsStatementSetBlock(List<string> words, bool clientForm)
        {
            static bool Starts(List<string> w, params string[] p)
            {
                if (w.Count < p.Length) return false;
                for (int i = 0; i < p.Length; i++)
                    if (w[i] != p[i]) return false;
                return true;
            }
            if (words.Count > 0 && words[0] == "EXPLAIN")
            {
                // EXPLAIN [PLAN FOR | ESTIMATED_COST, CHANGELOG_MODE, ...] STATEMENT SET BEGIN ...; END
                int at = words.IndexOf("STATEMENT");
                return at > 0 && Starts(words.GetRange(at, words.Count - at), "STATEMENT", "SET", "BEGIN");
            }
            return (clientForm && Starts(words, "BEGIN", "STATEMENT", "SET"))
                || Starts(words, "EXECUTE", "STATEMENT", "SET", "BEGIN")
                || Starts(words, "STATEMENT", "SET", "BEGIN");
        }

        private readonly char Peek(int ahead) => _pos + ahead < _limit ? _text[_pos + ahead] : '\0';

        private void SkipLineComment()
        {
            while (_pos < _limit && _text[_pos] != '\n') _pos++;
        }

        private void SkipBlockComment()
        {
            _pos += 2;
            while (_pos < _limit && !(_text[_pos] == '*' && Peek(1) == '/')) _pos++;
            _pos = Math.Min(_limit, _pos + 2);
        }

        private void SkipQuoted(char quote)
        {
            _pos++;
            while (_pos < _limit)
            {
                if (_text[_pos] == quote)
                {
                    // A doubled quote is an escaped quote inside the literal.
                    if (Peek(1) == quote) { _pos += 2; continue; }
                    _pos++;
                    return;
                }
                _pos++;
            }
        }
    }
}
