using System.Text;
using System.Text.RegularExpressions;

namespace StreamSql.Shell.Tests.FlinkScripts;

/// <summary>
/// Runs a Flink client test script's statements in one interactive shell session, as Flink's <c>CliClientITCase</c>
/// does with its CLI: the statements are piped in one after another, an error does not stop the session, and what the
/// shell printed (stdout and stderr, in order) is cut into one block per statement at the prompts.
/// </summary>
internal static partial class FlinkScriptSession
{
    private const string PromptMark = "\u0001flink-script-prompt\u0001";

    /// <summary>The printed output of each statement, masked as Flink's harness masks it: a <c>Job ID: ...</c> line
    /// becomes <c>Job ID:</c>, trailing blanks and terminal colours are dropped.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(IReadOnlyList<string> statements, TimeSpan timeout)
    {
        var captured = new StringWriter();
        var output = TextWriter.Synchronized(captured);
        var printer = new ResultPrinter(output, output);
        var env = StreamSqlEnvironment.Create(new StreamSqlOptions { Output = output });
        env.NoticeRaised += printer.PrintNotice;
        try
        {
            var lines = new PlainLineSource(new StringReader(string.Join("\n", statements) + "\n"), new PromptMarks(output));
            using var signals = new ShellSignals(scriptMode: false);
            await new InteractiveShell(env, printer, lines, signals).RunAsync().WaitAsync(timeout);
        }
        finally
        {
            await env.DisposeAsync();
        }
        return Blocks(captured.ToString());
    }

    private static IReadOnlyList<string> Blocks(string printed)
    {
        var blocks = new List<string>();
        var parts = printed.ReplaceLineEndings("\n").Split(PromptMark + "\n");
        // parts[0] is what came before the first prompt; the last part follows the prompt that met the end of input.
        for (int i = 1; i < parts.Length - 1; i++) blocks.Add(Mask(parts[i]));
        if (parts.Length > 1 && parts[^1].Trim().Length > 0) blocks.Add(Mask(parts[^1]));
        return blocks;
    }

    internal static string Mask(string block)
    {
        var lines = AnsiEscape().Replace(block, "").TrimEnd('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd(' ');
            lines[i] = line.StartsWith("Job ID:", StringComparison.Ordinal) ? "Job ID:" : line;
        }
        return string.Join("\n", lines);
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    /// <summary>Turns the shell's prompt into a line of its own that cannot occur in output (continuation prompts vanish,
    /// as the statement text does in Flink's harness).</summary>
    private sealed class PromptMarks(TextWriter output) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(string? value)
        {
            if (value == ShellMessages.Prompt) output.Write(PromptMark + "\n");
        }

        public override void Write(char value)
        {
        }

        public override void Flush() => output.Flush();
    }
}
