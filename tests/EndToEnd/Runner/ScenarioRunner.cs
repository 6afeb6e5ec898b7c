using System.Text;
using StreamSql.Soak.Output;

namespace StreamSql.EndToEnd.Runner;

/// <summary>
/// Runs a <see cref="Scenario"/>: writes its files and script into a fresh scratch directory,
/// runs <c>streamsql -f job.sql</c> there and checks every expectation.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>The script's file name; user errors are expected to name it (<c>job.sql:3:8</c>).</summary>
    public const string ScriptName = "job.sql";

    /// <summary>Placeholder for the scenario's scratch directory in every part of a scenario.</summary>
    public const string ScratchPlaceholder = "${SCRATCH}";

    /// <summary>Runs the scenario; returns null when every expectation holds, else the failure report.</summary>
    public static async Task<string?> RunAsync(Scenario scenario, TimeSpan timeout)
    {
        var shellDll = ShellProcess.Locate(out var why);
        if (shellDll is null) return $"{scenario.Name}: cannot run, {why}";

        var scratch = Path.Combine(Path.GetTempPath(), "streamsql-e2e",
            $"{Path.GetFileNameWithoutExtension(scenario.Name)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        var keepScratch = false;
        try
        {
            string Expand(string s) => s.Replace(ScratchPlaceholder, scratch, StringComparison.Ordinal);

            foreach (var file in scenario.Files)
            {
                var path = Path.Combine(scratch, Expand(file.RelativePath));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, string.Concat(file.Lines.Select(l => Expand(l) + "\n")));
            }
            var sql = Expand(scenario.Sql);
            await File.WriteAllTextAsync(Path.Combine(scratch, ScriptName), sql);

            var run = await ShellProcess.RunAsync(shellDll, scratch, ScriptName, timeout);
            var failures = Check(scenario, run, scratch, Expand);
            if (failures.Count == 0) return null;
            keepScratch = true;
            return Report(scenario, sql, run, scratch, shellDll, failures);
        }
        finally
        {
            if (!keepScratch)
            {
                try { Directory.Delete(scratch, recursive: true); }
                catch (IOException) { /* a leftover temp dir is harmless */ }
                catch (UnauthorizedAccessException) { }
            }
        }
    }

    private static List<string> Check(Scenario scenario, ShellRun run, string scratch, Func<string, string> expand)
    {
        var failures = new List<string>();
        if (run.TimedOut)
        {
            failures.Add($"timed out after {run.Elapsed.TotalSeconds:0.#} s; the process tree was killed " +
                "(a bounded job must end by itself: does the source finish, does the shell exit after the script?)");
            return failures;
        }
        if (!scenario.ExpectedExit.Accepts(run.ExitCode))
            failures.Add($"exit code {run.ExitCode}, expected {scenario.ExpectedExit}");

        var stdoutLines = LineMatcher.SplitLines(run.Stdout);
        var stderrLines = LineMatcher.SplitLines(run.Stderr);
        foreach (var expectation in scenario.Expectations)
        {
            switch (expectation)
            {
                case StdoutExpectation e:
                {
                    var actual = e.Comparison.AllLines ? stdoutLines : LineMatcher.PrintRows(stdoutLines);
                    var diff = LineMatcher.Compare(e.Lines.Select(expand).ToList(), actual, e.Comparison);
                    if (diff is not null) failures.Add($"stdout ({e.Comparison}{(e.Comparison.AllLines ? "" : ", print rows only")}): {diff}");
                    break;
                }
                case FilesExpectation e:
                {
                    var dir = expand(e.Directory);
                    var actual = VisibleFileLines(dir, out var listing);
                    var diff = LineMatcher.Compare(e.Lines.Select(expand).ToList(), actual, e.Comparison);
                    if (diff is not null) failures.Add($"files below {e.Directory} ({e.Comparison}): {diff}  files: {listing}");
                    break;
                }
                case ErrorExpectation e:
                {
                    var text = expand(e.Substring);
                    if (!run.Stderr.Contains(text, StringComparison.OrdinalIgnoreCase))
                        failures.Add($"stderr does not contain \"{text}\" (case-insensitive)" +
                            (run.Stdout.Contains(text, StringComparison.OrdinalIgnoreCase) ? " (it is on stdout: errors belong on stderr)" : ""));
                    break;
                }
                case CaretExpectation e:
                    if (!HasCaretUnder(stderrLines, e.Token))
                        failures.Add($"stderr has no source line containing '{e.Token}' followed by a line with '^' under its first character");
                    break;
                case ExitExpectation:
                    break;
                default:
                    throw new InvalidOperationException($"unknown expectation {expectation}");
            }
        }
        return failures;
    }

    /// <summary>True when some line containing <paramref name="token"/> is followed by a caret line pointing at it.</summary>
    public static bool HasCaretUnder(IReadOnlyList<string> lines, string token)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var caretLine = lines[i + 1];
            var caret = caretLine.IndexOf('^', StringComparison.Ordinal);
            if (caret < 0 || caretLine[..caret].Trim().Length > 0) continue;
            for (var at = lines[i].IndexOf(token, StringComparison.Ordinal); at >= 0;
                 at = lines[i].IndexOf(token, at + 1, StringComparison.Ordinal))
            {
                if (at == caret) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The lines of every visible file below <paramref name="dir"/>. Files or folders whose name
    /// starts with '.' or '_' are hidden (in-progress part files, _SUCCESS markers), as for Flink's,
    /// Hadoop's and Spark's readers.
    /// </summary>
    public static List<string> VisibleFileLines(string dir, out string listing) => CommittedOutput.VisibleLines(dir, out listing);

    private static string Report(Scenario scenario, string sql, ShellRun run, string scratch, string shellDll, List<string> failures)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Scenario {scenario.Name}: {scenario.Description}");
        foreach (var failure in failures) sb.AppendLine($"FAILED: {failure.TrimEnd()}");
        sb.AppendLine();
        sb.AppendLine($"--- run: dotnet {shellDll} -f {ScriptName}   (in {scratch}, kept for inspection)");
        sb.AppendLine($"--- exit code {run.ExitCode}, {run.Elapsed.TotalSeconds:0.00} s");
        sb.AppendLine($"--- {ScriptName}:");
        var n = 0;
        foreach (var line in sql.TrimEnd('\n').Split('\n')) sb.AppendLine($"{++n,4}  {line}");
        sb.AppendLine("--- stdout:");
        sb.AppendLine(Tail(run.Stdout));
        sb.AppendLine("--- stderr:");
        sb.AppendLine(Tail(run.Stderr));
        return sb.ToString();
    }

    private static string Tail(string text)
    {
        const int Max = 8000;
        text = text.TrimEnd();
        if (text.Length == 0) return "(empty)";
        return text.Length <= Max ? text : $"... ({text.Length - Max} characters before)\n{text[^Max..]}";
    }
}
