namespace StreamSql.Shell;

/// <summary>Runs a script file (<c>-f</c> or <c>-i</c>): statements in order, results shown, stop at the first failure.</summary>
internal static class ScriptRunner
{
    /// <summary>Runs <paramref name="path"/>; returns false when a statement failed (the error is already printed).</summary>
    public static async Task<ScriptOutcome> RunFileAsync(StreamSqlEnvironment env, ResultPrinter printer, string path, CancellationToken shutdown)
    {
        string text;
        // Flink's client takes the script as a path or a URI (file:///jobs/job.sql).
        var local = StreamSql.Execution.Checkpointing.LocalPath.TryToLocal(path);
        if (local is null)
        {
            printer.Error($"Could not read the script '{path}': only local files (a path or a file: URI) can be run.");
            return ScriptOutcome.Failed;
        }
        try
        {
            text = await File.ReadAllTextAsync(local, shutdown).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            printer.Error($"Could not read the script '{path}': {e.Message}");
            return ScriptOutcome.Failed;
        }
        return await RunTextAsync(env, printer, text, local, shutdown).ConfigureAwait(false);
    }

    public static async Task<ScriptOutcome> RunTextAsync(StreamSqlEnvironment env, ResultPrinter printer, string text, string? sourceName, CancellationToken shutdown)
    {
        try
        {
            await env.ExecuteScriptAsync(text, sourceName, async (result, token) =>
            {
                if (!await printer.PrintAsync(result, env.Configuration, token).ConfigureAwait(false)) throw new QuitRequested();
            }, shutdown).ConfigureAwait(false);
            return ScriptOutcome.Completed;
        }
        catch (QuitRequested)
        {
            return ScriptOutcome.Quit;
        }
        catch (StreamSqlException e)
        {
            printer.Error(e.Message);
            return ScriptOutcome.Failed;
        }
    }
}

internal enum ScriptOutcome { Completed, Quit, Failed }

/// <summary>A QUIT statement in a script: the remaining statements are skipped.</summary>
internal sealed class QuitRequested : Exception
{
}
