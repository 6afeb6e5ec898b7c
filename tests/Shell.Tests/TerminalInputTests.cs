using System.Runtime.InteropServices;
using StreamSql.Shell.Tests.Terminal;

namespace StreamSql.Shell.Tests;

/// <summary>The interactive shell on a real pseudo-terminal: what is pasted or typed ahead reaches the statement whole,
/// whatever the shell was doing when it arrived.</summary>
public sealed class TerminalInputTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string ThreeRows =
        "CREATE TABLE t (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', " +
        "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');";

    private readonly string _home = Directory.CreateTempSubdirectory("streamsql-pty-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    /// <summary>The shell on a fresh terminal, past its welcome, with table <c>t</c> (ids 1, 2, 3) created by typing.</summary>
    private async Task<PseudoTerminal> StartShellWithTableAsync()
    {
        var terminal = StartShell();
        await terminal.WaitForAsync("Enter 'HELP;'", Timeout);
        terminal.Write(ThreeRows + "\r");
        await terminal.WaitForAsync(@"\[INFO\] Execute statement succeeded\.", Timeout);
        return terminal;
    }

    private PseudoTerminal StartShell()
    {
        // `dotnet streamsql.dll` with the runtime running these tests, so the child needs no DOTNET_ROOT; an environment of
        // its own, so a CI variable (which makes Spectre.Console call the terminal non-interactive) cannot change the path
        // under test, and history goes to a scratch home.
        var dotnet = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = _home,
            ["TERM"] = "xterm-256color",
            ["LANG"] = "C.UTF-8",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        return PseudoTerminal.Start(dotnet, new[] { Path.Combine(AppContext.BaseDirectory, "streamsql.dll") }, environment);
    }

    private static async Task QuitAsync(PseudoTerminal terminal)
    {
        terminal.Write("quit;\r");
        Assert.Equal(0, await terminal.WaitForExitAsync(Timeout));
        Assert.Contains("[INFO] Exiting StreamSql shell...", terminal.Text);
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    [Fact]
    public async Task Table_result_mode_shows_the_result_full_screen_until_q()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();
        terminal.Write("SET 'sql-client.execution.result-mode' = 'table';\r");
        await terminal.WaitForAsync(@"\[INFO\] Execute statement succeeded\.", Timeout, count: 2);

        terminal.Write("SELECT id, id * 10 AS tens FROM t;\r");

        await terminal.WaitForAsync(@"SQL Query Result \(Table\)", Timeout);
        await terminal.WaitForAsync(@"Table program finished\.", Timeout);
        var screen = terminal.Text;
        Assert.Matches(@"\s+id\s+tens", screen);
        foreach (var id in new[] { 1, 2, 3 }) Assert.Matches($@"\s+{id}\s+{id * 10}\s", screen);
        Assert.Contains("Page: Last of 1", screen);
        Assert.Contains("Q Quit", screen);

        terminal.Write("q");
        await terminal.WaitForAsync(@"\[INFO\] Result retrieval cancelled\.", Timeout);
        // The shell goes on after the view.
        terminal.Write("SELECT 7 AS seven;\r");
        await terminal.WaitForAsync(@"Table program finished\.", Timeout, count: 2);
        terminal.Write("q");
        await terminal.WaitForAsync(@"\[INFO\] Result retrieval cancelled\.", Timeout, count: 2);
        await QuitAsync(terminal);
    }

    [Theory]
    [InlineData("\r")] // what terminals send for a pasted line break
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_multi_line_statement_pasted_in_one_write_runs_whole(string lineBreak)
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();

        terminal.Write(string.Join(lineBreak, "SELECT id + 300 AS w", "FROM t", "WHERE id = 2;") + lineBreak);

        await terminal.WaitForAsync(@"Received a total of 1 row", Timeout);
        var text = terminal.Text;
        Assert.Matches(@"\| \+I \|\s+302 \|", text);
        Assert.DoesNotMatch(@"\| \+I \|\s+30[13] \|", text);
        Assert.DoesNotContain("[ERROR]", text);
        await QuitAsync(terminal);
    }

    [Fact]
    public async Task Lines_typed_ahead_of_the_prompt_are_kept()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();

        // Three writes with no wait between them: each line arrives while the one before is being accepted.
        terminal.Write("SELECT id + 300 AS w\r");
        terminal.Write("FROM t\r");
        terminal.Write("WHERE id = 2;\r");

        await terminal.WaitForAsync(@"Received a total of 1 row", Timeout);
        Assert.Matches(@"\| \+I \|\s+302 \|", terminal.Text);
        await QuitAsync(terminal);
    }

    [Fact]
    public async Task A_paste_of_two_statements_runs_both_in_order()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();

        terminal.Write("SELECT id + 300 AS w\rFROM t WHERE id = 2;\rSELECT id + 400 AS v FROM t\rWHERE id = 3;\r");

        await terminal.WaitForAsync(@"Received a total of 1 row", Timeout, count: 2);
        var text = terminal.Text;
        var first = text.IndexOf("|         302 |", StringComparison.Ordinal);
        var second = text.IndexOf("|         403 |", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, "Expected 302, then 403, in:\n" + text);
        Assert.DoesNotContain("[ERROR]", text);
        await QuitAsync(terminal);
    }

    [Fact]
    public async Task A_bracketed_paste_runs_without_its_markers_reaching_the_statement()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();

        terminal.Write("\u001b[200~SELECT id + 300 AS w\rFROM t\rWHERE id = 2;\r\u001b[201~");

        await terminal.WaitForAsync(@"Received a total of 1 row", Timeout);
        var text = terminal.Text;
        Assert.Matches(@"\| \+I \|\s+302 \|", text);
        Assert.DoesNotContain("[ERROR]", text);
        Assert.DoesNotContain("200~", text);
        Assert.DoesNotContain("201~", text);
        await QuitAsync(terminal);
    }

    [Fact]
    public async Task A_paste_while_a_query_is_still_printing_runs_after_it()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();
        terminal.Write("CREATE TABLE slow (id INT) WITH ('connector' = 'datagen', 'rows-per-second' = '5', 'number-of-rows' = '20', " +
                       "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '20');\r");
        await terminal.WaitForAsync(@"\[INFO\] Execute statement succeeded\.", Timeout, count: 2);
        terminal.Write("SELECT id FROM slow;\r");
        await terminal.WaitForAsync(@"\| \+I \|\s+1 \|", Timeout); // rows are arriving

        terminal.Write("SELECT id + 300 AS w\rFROM t\rWHERE id = 2;\r");

        await terminal.WaitForAsync(@"Received a total of 1 row\b", Timeout);
        var text = terminal.Text;
        var slowEnd = text.IndexOf("Received a total of 20 rows", StringComparison.Ordinal);
        var pasted = text.IndexOf("|         302 |", StringComparison.Ordinal);
        Assert.True(slowEnd >= 0 && pasted > slowEnd, "Expected all 20 rows, then 302, in:\n" + text);
        await QuitAsync(terminal);
    }

    [Fact]
    public async Task Ctrl_c_drops_the_statement_being_typed_and_ctrl_d_on_an_empty_line_leaves()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();

        terminal.Write("SELECT id + 100 AS u\rFROM nowhere");
        await terminal.WaitForAsync("FROM nowhere", Timeout);
        terminal.Write("\u0003"); // the terminal turns it into SIGINT for the shell
        await terminal.WaitForAsync(@"streamsql>\s*$", Timeout);
        terminal.Write("SELECT id + 300 AS w FROM t WHERE id = 2;\r");

        await terminal.WaitForAsync(@"Received a total of 1 row", Timeout);
        Assert.Matches(@"\| \+I \|\s+302 \|", terminal.Text);
        Assert.DoesNotContain("[ERROR]", terminal.Text);

        terminal.Write("\u0004");
        Assert.Equal(0, await terminal.WaitForExitAsync(Timeout));
    }

    [Fact]
    public async Task Statements_run_once_and_history_keeps_them_in_the_home_directory()
    {
        if (!PseudoTerminal.IsSupported) return;
        await using var terminal = await StartShellWithTableAsync();

        terminal.Write("SELECT id + 300 AS w\rFROM t\rWHERE id = 2;\r");
        await terminal.WaitForAsync(@"Received a total of 1 row", Timeout);
        await QuitAsync(terminal);

        Assert.Equal(1, CountOf(terminal.Text, "Received a total of"));
        var history = File.ReadAllLines(Path.Combine(_home, ".streamsql_history"));
        Assert.Contains("SELECT id + 300 AS w FROM t WHERE id = 2;", history);
    }
}
