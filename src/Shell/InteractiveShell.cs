using System.Text;

namespace StreamSql.Shell;

/// <summary>
/// The prompt loop: reads lines until a statement is complete (a <c>;</c> outside strings and comments), runs it, shows
/// its result, and goes on. Ctrl-C stops a running query or clears the line being typed; QUIT/EXIT or end of input leave.
/// </summary>
internal sealed class InteractiveShell
{
    private readonly StreamSqlEnvironment _env;
    private readonly ResultPrinter _printer;
    private readonly ILineSource _lines;
    private readonly ShellSignals _signals;
    private readonly InteractiveStatementSet _statementSet = new();

    public InteractiveShell(StreamSqlEnvironment env, ResultPrinter printer, ILineSource lines, ShellSignals signals)
    {
        _env = env;
        _printer = printer;
        _lines = lines;
        _signals = signals;
    }

    /// <summary>Runs until QUIT, end of input or shutdown; returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        var buffer = new StringBuilder();
        while (!_signals.Shutdown.IsCancellationRequested)
        {
            string? line;
            using (var scope = _signals.BeginScope())
            {
                try
                {
                    line = await _lines.ReadLineAsync(buffer.Length > 0, scope.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    if (_signals.Shutdown.IsCancellationRequested) break;
                    buffer.Clear(); // Ctrl-C at the prompt drops what was typed
                    _printer.Out.WriteLine();
                    continue;
                }
            }
            if (line is null) break; // end of input

            buffer.Append(line).Append('\n');
            var text = buffer.ToString();
            if (IsBareClientCommand(text))
            {
                if (!await RunAsync(text, new SqlStatementChunk(text.Trim(), 0, 1, 1)).ConfigureAwait(false)) return 0;
                buffer.Clear();
                continue;
            }

            var split = SqlStatementSplitter.Split(text, clientStatementSetBlocks: false);
            if (split.Statements.Count == 0)
            {
                // Only an empty line is dropped: comment lines stay with the statement that follows, as in Flink's
                // client (whose prompt waits for the ';').
                if (string.IsNullOrWhiteSpace(text)) buffer.Clear();
                continue;
            }
            foreach (var chunk in split.Statements)
            {
                _lines.Remember(chunk.Text + ";");
                if (_statementSet.Take(chunk.Text, _printer)) continue;
                bool goOn = _statementSet.Ending(chunk.Text) is { } block
                    ? await RunAsync(block, new SqlStatementChunk(block, 0, 1, 1), acknowledged: true).ConfigureAwait(false)
                    : await RunAsync(text, chunk).ConfigureAwait(false);
                if (!goOn) return 0;
            }
            buffer.Clear();
            if (!split.RemainderIsBlank) buffer.Append(split.Remainder.TrimStart('\n', '\r'));
        }
        return 0;
    }

    /// <summary><c>quit</c>, <c>exit</c> and <c>help</c> work without a semicolon too.</summary>
    internal static bool IsBareClientCommand(string text)
    {
        var word = text.Trim();
        return word.Equals("quit", StringComparison.OrdinalIgnoreCase)
            || word.Equals("exit", StringComparison.OrdinalIgnoreCase)
            || word.Equals("help", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs one statement and shows its result; false when the shell should quit. <paramref name="acknowledged"/>:
    /// the statements of a statement set were already answered one by one.</summary>
    private async Task<bool> RunAsync(string text, SqlStatementChunk chunk, bool acknowledged = false)
    {
        using var scope = _signals.BeginScope();
        try
        {
            var result = await _env.ExecuteStatementAsync(text, null, chunk, scope.Token).ConfigureAwait(false);
            return await _printer.PrintAsync(result, _env.Configuration, scope.Token, acknowledged).ConfigureAwait(false);
        }
        catch (StreamSqlException e)
        {
            _printer.Error(e.Message);
            return true;
        }
        catch (OperationCanceledException)
        {
            if (_signals.Shutdown.IsCancellationRequested) return false;
            _printer.Info(ShellMessages.ResultQuit);
            return true;
        }
    }
}
