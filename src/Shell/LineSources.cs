using RadLine;
using Spectre.Console;

namespace StreamSql.Shell;

/// <summary>Where the interactive shell reads its input lines.</summary>
internal interface ILineSource
{
    /// <summary>The next line, or null at end of input. <paramref name="continuation"/> selects the continuation prompt.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires (Ctrl-C at the prompt).</summary>
    Task<string?> ReadLineAsync(bool continuation, CancellationToken cancel);

    /// <summary>Records a statement that was run, for history.</summary>
    void Remember(string statement);
}

/// <summary>Lines from a reader with no editing: used when input is redirected (scripts and tests pipe statements in).</summary>
internal sealed class PlainLineSource : ILineSource
{
    private readonly TextReader _in;
    private readonly TextWriter? _prompts;
    // A read abandoned by Ctrl-C is still pending on the reader; the next call must take it over, not start another.
    private Task<string?>? _pending;

    public PlainLineSource(TextReader input, TextWriter? prompts)
    {
        _in = input;
        _prompts = prompts;
    }

    public async Task<string?> ReadLineAsync(bool continuation, CancellationToken cancel)
    {
        if (_prompts is not null)
        {
            _prompts.Write(continuation ? ShellMessages.ContinuationPrompt : ShellMessages.Prompt);
            _prompts.Flush();
        }
        _pending ??= _in.ReadLineAsync(CancellationToken.None).AsTask();
        var line = await _pending.WaitAsync(cancel).ConfigureAwait(false);
        _pending = null;
        return line;
    }

    public void Remember(string statement) { }
}

/// <summary>An editing prompt on a terminal (RadLine), with history kept in <c>~/.streamsql_history</c> across runs.
/// One editor reads every line: the editor reads keys ahead (a paste, or typing faster than lines are accepted) into its
/// own buffer, so the keys after a line's Enter belong to the next line it reads; they wait there, or in the terminal,
/// while a statement runs.</summary>
internal sealed class TerminalLineSource : ILineSource
{
    private const int HistoryLimit = 1000;
    private readonly LineEditor _editor;
    private readonly ShellPrompt _prompt = new();
    private readonly string? _historyFile;
    private readonly EndOfInputCommand _endOfInput = new();

    public TerminalLineSource(string? historyFile)
    {
        _historyFile = historyFile;
        Keys = new TerminalKeySource(new ConsoleKeyReader(), TimeProvider.System);
        _editor = new LineEditor(AnsiConsole.Console, Keys) { Prompt = _prompt };
        _editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => _endOfInput);
        // Each prompt edits one line, so Up/Down recall history as in Flink's SQL client (RadLine binds them to moving
        // between lines of a multi-line buffer, and history to Ctrl+Up/Down, which most terminals do not send).
        _editor.KeyBindings.Add<PreviousHistoryCommand>(ConsoleKey.UpArrow);
        _editor.KeyBindings.Add<NextHistoryCommand>(ConsoleKey.DownArrow);
        foreach (var entry in LoadHistory(historyFile)) _editor.History.Add(entry);
    }

    /// <summary>The terminal's keys, as the line editor reads them.</summary>
    public TerminalKeySource Keys { get; }

    public static bool IsAvailable => !Console.IsInputRedirected && !Console.IsOutputRedirected && LineEditor.IsSupported(AnsiConsole.Console);

    public static string? DefaultHistoryFile()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".streamsql_history");
    }

    public async Task<string?> ReadLineAsync(bool continuation, CancellationToken cancel)
    {
        _prompt.Continuation = continuation;
        _endOfInput.Reached = false;
        var line = await _editor.ReadLine(cancel).ConfigureAwait(false);
        if (_endOfInput.Reached) return null;
        if (line is null) cancel.ThrowIfCancellationRequested();
        return line ?? "";
    }

    public void Remember(string statement)
    {
        var oneLine = statement.Replace("\r", "").Replace('\n', ' ').Trim();
        if (oneLine.Length == 0) return;
        _editor.History.Add(oneLine);
        if (_historyFile is null) return;
        try
        {
            File.AppendAllText(_historyFile, oneLine + "\n");
        }
        catch (IOException)
        {
            // History is a convenience: a read-only home must not break the shell.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static IEnumerable<string> LoadHistory(string? file)
    {
        if (file is null || !File.Exists(file)) return Array.Empty<string>();
        try
        {
            var lines = File.ReadAllLines(file);
            return lines.Length <= HistoryLimit ? lines : lines[^HistoryLimit..];
        }
        catch (IOException)
        {
            return Array.Empty<string>();
        }
        catch (UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}

/// <summary>Ctrl-D on an empty line: end of input, as in a terminal's line discipline.</summary>
internal sealed class EndOfInputCommand : LineEditorCommand
{
    public bool Reached { get; set; }

    public override void Execute(LineEditorContext context)
    {
        if (context.Buffer.Content.Length != 0) return;
        Reached = true;
        context.Submit(SubmitAction.Cancel);
    }
}
