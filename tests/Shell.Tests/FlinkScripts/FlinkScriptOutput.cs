using System.Text.RegularExpressions;

namespace StreamSql.Shell.Tests.FlinkScripts;

/// <summary>
/// Whether what the shell printed for a statement is what Flink's client printed. Output is compared line for line
/// after the masking of <see cref="FlinkScriptSession.Mask"/>; an error's reason differs in one agreed way: Flink names
/// the Java exception (<c>org.apache.flink.table.api.ValidationException: ...</c>) where StreamSql names the place
/// (<c>Error at 1:13: ...</c>, then the statement's line and a caret under the place), so both are taken off and the
/// messages themselves must be equal. StreamSql may end a message with a hint Flink does not give
/// (<c>; did you mean 'c1'?</c>, in place of Flink's closing period): the hint is dropped before comparing.
/// A syntax error is JavaCC's text in Flink (<c>Encountered "STRING" at line 10, column 27.</c>, then the tokens it
/// expected) and ANTLR's here: the same token at the same line and column must be refused, and every token Flink lists
/// as expected must be among those StreamSql lists.
/// </summary>
internal static partial class FlinkScriptOutput
{
    public static bool Matches(FlinkScriptStatement expected, string printed)
    {
        if (FlinkSyntaxError().Match(expected.ExpectedOutput) is { Success: true } syntax) return SameSyntaxError(syntax, printed);
        string flink = Normalize(FlinkScriptSession.Mask(expected.ExpectedOutput));
        string ours = Normalize(printed);
        if (flink == ours) return true;
        var withoutHint = NameHint().Replace(ours, "");
        return withoutHint != ours && (flink == withoutHint || flink == NameHint().Replace(ours, "."));
    }

    private static bool SameSyntaxError(Match flink, string printed)
    {
        var ours = OurSyntaxError().Match(printed);
        if (!ours.Success || ours.Groups["line"].Value != flink.Groups["line"].Value || ours.Groups["column"].Value != flink.Groups["column"].Value
            || !string.Equals(ours.Groups["token"].Value, flink.Groups["token"].Value, StringComparison.OrdinalIgnoreCase))
            return false;
        // StreamSql quotes symbols (';') and writes keywords bare (WITH).
        foreach (Capture token in flink.Groups["expected"].Captures)
            if (!Regex.IsMatch(ours.Groups["expected"].Value, $@"(?<![\w']){Regex.Escape(token.Value)}(?![\w])|'{Regex.Escape(token.Value)}'", RegexOptions.IgnoreCase))
                return false;
        return true;
    }

    public static string Normalize(string block)
    {
        var lines = block.Split('\n').ToList();
        int reason = lines.IndexOf("[ERROR] Could not execute SQL statement. Reason:") + 1;
        if (reason == 0 || reason >= lines.Count) return block;
        lines[reason] = JavaExceptionName().Replace(lines[reason], "");
        lines[reason] = SourcePosition().Replace(lines[reason], "");
        for (int i = lines.Count - 1; i > reason; i--)
        {
            if (!Caret().IsMatch(lines[i])) continue;
            lines.RemoveRange(i - 1, 2); // the echoed statement line and the caret under the place
            break;
        }
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"^(?:[a-z][a-z0-9_]*\.)+[A-Z]\w*(?:Exception|Error): ")]
    private static partial Regex JavaExceptionName();

    [GeneratedRegex("^\\[ERROR\\] Could not execute SQL statement\\. Reason:\norg\\.apache\\.flink\\.sql\\.parser\\.impl\\.ParseException: Encountered \"(?<token>[^\"]*)\" at line (?<line>\\d+), column (?<column>\\d+)\\.(?:\nWas expecting(?: one of)?:(?:\n    (?:\"(?<expected>[^\"]+)\"|<\\w+>)(?: \\.\\.\\.)?[ ]*)*)?\\s*$")]
    private static partial Regex FlinkSyntaxError();

    [GeneratedRegex(@"^\[ERROR\] Could not execute SQL statement\. Reason:\nError at (?:\S+:)?(?<line>\d+):(?<column>\d+): Syntax error: unexpected '(?<token>[^'\n]*)'(?<expected>[^\n]*)")]
    private static partial Regex OurSyntaxError();

    [GeneratedRegex(@"^Error at (?:\S+:)?\d+:\d+: ")]
    private static partial Regex SourcePosition();

    [GeneratedRegex(@"; did you mean '[^'\n]*'\?(?=\n|$)")]
    private static partial Regex NameHint();

    [GeneratedRegex(@"^\s*\^+\s*$")]
    private static partial Regex Caret();
}
