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
    public const string TableModeFallback = "Result mode 'table' is not available in this shell; showing the result in 'tableau' mode.";

    public const string Welcome =
        "StreamSql shell: continuous SQL in the Flink dialect.\n" +
        "Enter 'HELP;' to list all available commands. 'QUIT;' to exit.\n";

    public const string Help =
        "The following commands are available:\n\n" +
        "CLEAR\t\tClears the current terminal.\n" +
        "CREATE TABLE\t\tCreate table under current catalog and database.\n" +
        "DROP TABLE\t\tDrop table with optional catalog and database. Syntax: 'DROP TABLE [IF EXISTS] <name>;'\n" +
        "CREATE VIEW\t\tCreates a virtual table from a SQL query. Syntax: 'CREATE VIEW <name> AS <query>;'\n" +
        "DESCRIBE\t\tDescribes the schema of a table with the given name.\n" +
        "DROP VIEW\t\tDeletes a previously created virtual table. Syntax: 'DROP VIEW <name>;'\n" +
        "EXPLAIN\t\tDescribes the execution plan of a query or table with the given name.\n" +
        "HELP\t\tPrints the available commands.\n" +
        "INSERT INTO\t\tInserts the results of a SQL SELECT query into a declared table sink.\n" +
        "QUIT\t\tQuits the SQL CLI client.\n" +
        "RESET\t\tResets a session configuration property. Syntax: 'RESET <key>;'. Use 'RESET;' for reset all session properties.\n" +
        "SELECT\t\tExecutes a SQL SELECT query on the Flink cluster.\n" +
        "SET\t\tSets a session configuration property. Syntax: 'SET <key>=<value>;'. Use 'SET;' for listing all properties.\n" +
        "SHOW FUNCTIONS\t\tShows all user-defined and built-in functions or only user-defined functions. Syntax: 'SHOW [USER] FUNCTIONS;'\n" +
        "SHOW TABLES\t\tShows all registered tables.\n" +
        "SHOW JOBS\t\tShows the jobs of this session: id, name, status and start time.\n" +
        "STOP JOB\t\tStops a job. Syntax: 'STOP JOB '<job id or name>' [WITH SAVEPOINT] [WITH DRAIN];'\n" +
        "SAVEPOINT\t\tTakes a savepoint of a running job. Syntax: 'SAVEPOINT '<job id or name>' [TO '<directory>'];'\n" +
        "SHOW CHECKPOINTS\t\tShows the completed checkpoints and savepoints of a job. Syntax: 'SHOW CHECKPOINTS '<job id or name>';'\n" +
        "DESCRIBE SAVEPOINT\t\tShows what a savepoint holds. Syntax: 'DESCRIBE SAVEPOINT '<path>';'\n" +
        "EXECUTE\t\tRuns an INSERT or statement set restored from state. Syntax: 'EXECUTE INSERT INTO ... FROM SAVEPOINT '<path>' | FROM LATEST CHECKPOINT [ALLOW NON RESTORED STATE];'\n" +
        "BEGIN STATEMENT SET\t\tBegins a statement set. Syntax: 'BEGIN STATEMENT SET;'\n" +
        "END\t\tEnds a statement set. Syntax: 'END;'\n" +
        "\nHint: Make sure that a statement ends with ';' for finalizing (multi-line) statements.\n" +
        "Ctrl-C stops a running query; QUIT; or Ctrl-D leaves the shell.";

    public static string Info(string message) => "[INFO] " + message;

    public static string Warning(string message) => "[WARNING] " + message;

    public static string Error(string reason) => "[ERROR] " + SqlExecutionError + " Reason:\n" + reason;
}
