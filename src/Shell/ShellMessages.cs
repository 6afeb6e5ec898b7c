namespace StreamSql.Shell;

/// <summary>What the shell says, in Flink SQL client's words where Flink has words for it.</summary>
internal static class ShellMessages
{
    public const string Prompt = "streamsql> ";
    public const string ContinuationPrompt = "         > ";

    public const string SqlExecutionError = "Could not execute SQL statement.";
    public const string SubmittingStatement = "Submitting SQL update statement to the cluster...";
    public const string StatementSubmitted = "SQL update statement has been successfully submitted to the cluster:";
    public const string FinishStatement = "Complete execution of the SQL update statement.";
    public const string ResultQuit = "Result retrieval cancelled.";
    public const string Quit = "Exiting StreamSql shell...";
    public const string ExecuteFile = "Executing SQL from file.";
    public const string TableModeFallback = "Result mode 'table' needs an interactive terminal; showing the result in 'tableau' mode.";
    public const string ResultRetrievalCancelled = "Result retrieval cancelled.";

    public const string Welcome =
        "StreamSql shell: continuous SQL in the Flink dialect.\n" +
        "Enter 'HELP;' to list all available commands. 'QUIT;' to exit.\n";

    /// <summary>HELP, laid out as Flink 2.x's client does (names padded to the longest, a double tab, the description):
    /// Flink's client commands, then the job and state commands StreamSql adds.</summary>
    public static readonly string Help = HelpText(new (string Command, string Description)[]
    {
        ("HELP", "Prints the available commands."),
        ("QUIT/EXIT", "Quits the SQL CLI client."),
        ("CLEAR", "Clears the current terminal."),
        ("SET", "Sets a session configuration property. Syntax: \"SET '<key>'='<value>';\". Use \"SET;\" for listing all properties."),
        ("RESET", "Resets a session configuration property. Syntax: \"RESET '<key>';\". Use \"RESET;\" for reset all session properties."),
        ("INSERT INTO", "Inserts the results of a SQL SELECT query into a declared table sink."),
        ("SELECT", "Executes a SQL SELECT query and shows its result."),
        ("EXPLAIN", "Describes the execution plan of a query or table with the given name."),
        ("BEGIN STATEMENT SET", "Begins a statement set. Syntax: \"BEGIN STATEMENT SET;\""),
        ("END", "Ends a statement set. Syntax: \"END;\""),
        ("SHOW JOBS", "Shows the jobs of this session: id, name, status, start time and latest checkpoint."),
        ("STOP JOB", "Stops a job. Syntax: \"STOP JOB '<job id or name>' [WITH SAVEPOINT] [WITH DRAIN];\""),
        ("SAVEPOINT", "Takes a savepoint of a running job. Syntax: \"SAVEPOINT '<job id or name>' [TO '<directory>'];\""),
        ("SHOW CHECKPOINTS", "Shows the completed checkpoints and savepoints of a job. Syntax: \"SHOW CHECKPOINTS '<job id or name>';\""),
        ("DESCRIBE SAVEPOINT", "Shows what a savepoint holds. Syntax: \"DESCRIBE SAVEPOINT '<path>';\""),
        ("EXECUTE", "Runs an INSERT or statement set restored from state. Syntax: \"EXECUTE INSERT INTO ... FROM SAVEPOINT '<path>' | FROM LATEST CHECKPOINT [ALLOW NON RESTORED STATE];\""),
    });

    private static string HelpText(IReadOnlyList<(string Command, string Description)> commands)
    {
        int width = commands.Max(c => c.Command.Length);
        var text = new System.Text.StringBuilder("The following commands are available:\n\n");
        foreach (var (command, description) in commands) text.Append(command.PadRight(width)).Append("\t\t").Append(description).Append('\n');
        return text
            .Append("\nHint: Make sure that a statement ends with \";\" for finalizing (multi-line) statements.\n")
            .Append("You can also type any Flink SQL statement that StreamSql supports (see docs/sql.md).\n")
            .Append("Ctrl-C stops a running query; QUIT; or Ctrl-D leaves the shell.")
            .ToString();
    }

    /// <summary>After an init script (<c>-i</c>) ran, in Flink's words; Flink names the script by its URL.</summary>
    public static string InitSucceeded(string script) => "Successfully initialized from sql script: " + ScriptUrl(script);

    /// <summary>Flink adds "Please refer to the LOG"; here the error is on stderr, just above.</summary>
    public static string InitFailed(string script) => $"Failed to initialize from sql script: {ScriptUrl(script)}.";

    private static string ScriptUrl(string script) =>
        "file:" + Path.GetFullPath(StreamSql.Execution.Checkpointing.LocalPath.TryToLocal(script) ?? script);

    public static string Info(string message) => "[INFO] " + message;

    public static string Warning(string message) => "[WARNING] " + message;

    public static string Error(string reason) => "[ERROR] " + SqlExecutionError + " Reason:\n" + reason;
}
