using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamSql.EndToEnd.Runner;

/// <summary>
/// Reads a scenario file. Sections start with header comments (<c>-- scenario:</c>, <c>-- file:</c>,
/// <c>-- sql:</c>, <c>-- expect ...</c>); the lines of a file or of an expected output are data
/// lines written <c>--| text</c>, so the whole file stays valid SQL. Anything else outside the
/// <c>-- sql:</c> section is an error, so a misspelt header cannot silently weaken a scenario.
/// </summary>
public static partial class ScenarioParser
{
    private const string DataPrefix = "--|";

    public static Scenario ParseFile(string path) =>
        Parse(Path.GetFileName(path), File.ReadAllText(path));

    public static Scenario Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? description = null;
        var files = new List<ScenarioFile>();
        var expectations = new List<Expectation>();
        List<string>? sql = null;

        // The block that data lines currently belong to (a file or an expected output).
        List<string>? dataBlock = null;
        Action? closeBlock = null;
        var inSql = false;

        void CloseBlock()
        {
            closeBlock?.Invoke();
            closeBlock = null;
            dataBlock = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNo = i + 1;
            if (IsHeader(line))
            {
                CloseBlock();
                inSql = false;
                var header = line[3..].Trim();
                if (header.StartsWith("scenario:", StringComparison.Ordinal))
                {
                    if (description is not null) throw Error(name, lineNo, "a second '-- scenario:' line");
                    description = header["scenario:".Length..].Trim();
                }
                else if (header.StartsWith("file:", StringComparison.Ordinal))
                {
                    var relative = header["file:".Length..].Trim();
                    if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains("..", StringComparison.Ordinal))
                        throw Error(name, lineNo, $"'-- file:' needs a path relative to the scratch directory, got '{relative}'");
                    var block = new List<string>();
                    dataBlock = block;
                    closeBlock = () => files.Add(new ScenarioFile(relative, block));
                }
                else if (header == "sql:")
                {
                    if (sql is not null) throw Error(name, lineNo, "a second '-- sql:' section");
                    sql = [];
                    inSql = true;
                }
                else
                {
                    ParseExpectHeader(name, lineNo, header, expectations, out var block, out var close);
                    dataBlock = block;
                    closeBlock = close;
                }
            }
            else if (inSql)
            {
                if (line.StartsWith(DataPrefix, StringComparison.Ordinal))
                    throw Error(name, lineNo, "a '--|' data line inside the sql section (end the section with a header first)");
                if (MisspeltHeader().IsMatch(line))
                    throw Error(name, lineNo, $"'{line}' looks like a misspelt header (headers are '-- scenario:', '-- file:', '-- sql:', '-- expect ...')");
                sql!.Add(line);
            }
            else if (line.StartsWith(DataPrefix, StringComparison.Ordinal))
            {
                if (dataBlock is null) throw Error(name, lineNo, "a '--|' data line outside a '-- file:' or '-- expect' block");
                var data = line[DataPrefix.Length..];
                dataBlock.Add(data.StartsWith(' ') ? data[1..] : data);
            }
            else if (line.Trim().Length > 0)
            {
                throw Error(name, lineNo, $"unexpected line outside the sql section: '{line}' " +
                    "(headers are '-- scenario:', '-- file:', '-- sql:', '-- expect ...'; data lines start with '--|')");
            }
        }
        CloseBlock();

        if (description is null || description.Length == 0) throw Error(name, 1, "missing '-- scenario: <what it pins down>'");
        if (sql is null) throw Error(name, 1, "missing '-- sql:' section");
        while (sql.Count > 0 && sql[^1].Trim().Length == 0) sql.RemoveAt(sql.Count - 1);
        if (sql.Count == 0) throw Error(name, 1, "empty '-- sql:' section");
        if (!expectations.Any(e => e is not ExitExpectation))
            throw Error(name, 1, "no expectation: add '-- expect stdout', '-- expect files' or '-- expect error'");

        return new Scenario(name, description, files, string.Join('\n', sql) + "\n", expectations);
    }

    private static bool IsHeader(string line) =>
        line.StartsWith("-- scenario:", StringComparison.Ordinal)
        || line.StartsWith("-- file:", StringComparison.Ordinal)
        || line.TrimEnd() == "-- sql:"
        || line.StartsWith("-- expect ", StringComparison.Ordinal);

    private static void ParseExpectHeader(
        string name, int lineNo, string header, List<Expectation> expectations,
        out List<string>? block, out Action? close)
    {
        block = null;
        close = null;
        var body = header["expect ".Length..];
        if (body.StartsWith("error:", StringComparison.Ordinal))
        {
            var text = body["error:".Length..].Trim();
            if (text.Length == 0) throw Error(name, lineNo, "'-- expect error:' needs the text stderr must contain");
            expectations.Add(new ErrorExpectation(text));
            return;
        }
        if (body.StartsWith("caret under:", StringComparison.Ordinal))
        {
            var token = body["caret under:".Length..].Trim();
            if (token.Length == 0) throw Error(name, lineNo, "'-- expect caret under:' needs a token");
            expectations.Add(new CaretExpectation(token));
            return;
        }
        if (body.StartsWith("exit:", StringComparison.Ordinal))
        {
            var value = body["exit:".Length..].Trim();
            if (value == "non-zero") expectations.Add(ExitExpectation.NonZero);
            else if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)) expectations.Add(new ExitExpectation(code, false));
            else throw Error(name, lineNo, $"'-- expect exit:' takes 0, non-zero or a number, got '{value}'");
            return;
        }

        var match = BlockHeader().Match(body);
        if (!match.Success)
            throw Error(name, lineNo, $"unknown expectation '-- {header}' (known: stdout, files DIR, error:, caret under:, exit:)");
        var comparison = ParseFlags(name, lineNo, match.Groups["flags"].Value);
        var lines = new List<string>();
        block = lines;
        if (match.Groups["kind"].Value == "stdout")
        {
            if (match.Groups["dir"].Value.Trim().Length > 0)
                throw Error(name, lineNo, "'-- expect stdout' takes no path");
            close = () => expectations.Add(new StdoutExpectation(comparison, lines));
        }
        else
        {
            var dir = match.Groups["dir"].Value.Trim();
            if (dir.Length == 0) throw Error(name, lineNo, "'-- expect files' needs a directory, e.g. ${SCRATCH}/out");
            close = () => expectations.Add(new FilesExpectation(dir, comparison, lines));
        }
    }

    private static LineComparison ParseFlags(string name, int lineNo, string flags)
    {
        bool? ordered = null;
        bool all = false, contains = false;
        foreach (var raw in flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (raw)
            {
                case "ordered": ordered = true; break;
                case "unordered": ordered = false; break;
                case "all": all = true; break;
                case "contains": contains = true; break;
                default: throw Error(name, lineNo, $"unknown flag '{raw}' (known: ordered, unordered, all, contains)");
            }
        }
        if (ordered is null) throw Error(name, lineNo, "say '(ordered)' or '(unordered)'");
        return new LineComparison(ordered.Value, all, contains);
    }

    private static FormatException Error(string name, int line, string message) =>
        new($"{name}:{line}: {message}");

    [GeneratedRegex(@"^--\s*(expect|file|scenario|sql\s*:)", RegexOptions.IgnoreCase)]
    private static partial Regex MisspeltHeader();

    [GeneratedRegex(@"^(?<kind>stdout|files)(?<dir>\s+[^(]*?)?\s*\((?<flags>[^)]*)\)\s*:\s*$")]
    private static partial Regex BlockHeader();
}
