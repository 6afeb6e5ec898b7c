namespace StreamSql;

/// <summary>What executing one statement produced. The concrete type says what to show.</summary>
public abstract class StatementResult
{
    private protected StatementResult(string statementText) => StatementText = statementText;

    /// <summary>The statement's text as it was executed.</summary>
    public string StatementText { get; }
}

/// <summary>A statement that succeeded with a message only (DDL, SET, RESET, STOP JOB), in Flink SQL client words.</summary>
public sealed class MessageResult : StatementResult
{
    public MessageResult(string statementText, string message) : base(statementText) => Message = message;

    /// <summary>E.g. <c>Execute statement succeeded.</c></summary>
    public string Message { get; }

    /// <summary>How many of Flink's client statements this answers, each with <see cref="Message"/>: two for an empty
    /// <c>BEGIN STATEMENT SET; END;</c>, which the shell reads as one block.</summary>
    public int Statements { get; init; } = 1;

    /// <summary>What Flink's SQL client (2.x; 1.x said "succeed.") says for DDL, SET, RESET, STOP JOB and other statements
    /// without a result.</summary>
    public const string ExecuteStatementSucceeded = "Execute statement succeeded.";
}

/// <summary>A small table of text cells (SHOW TABLES, DESCRIBE, SET listing, SHOW JOBS). Null cells are SQL NULLs.</summary>
public sealed class TableTextResult : StatementResult
{
    public TableTextResult(string statementText, IReadOnlyList<string> columnNames, IReadOnlyList<IReadOnlyList<string?>> rows)
        : base(statementText)
    {
        ColumnNames = columnNames;
        Rows = rows;
    }

    public IReadOnlyList<string> ColumnNames { get; }
    public IReadOnlyList<IReadOnlyList<string?>> Rows { get; }

    /// <summary>Lines shown before the table (<c>DESCRIBE SAVEPOINT</c>: what the savepoint is); usually none.</summary>
    public IReadOnlyList<string> Preamble { get; init; } = Array.Empty<string>();
}

/// <summary>The text of an <c>EXPLAIN</c>.</summary>
public sealed class ExplainTextResult : StatementResult
{
    public ExplainTextResult(string statementText, string text) : base(statementText) => Text = text;

    public string Text { get; }
}

/// <summary>An INSERT or statement set was submitted as a job (and, with <c>table.dml-sync</c>, has finished).</summary>
public sealed class JobSubmittedResult : StatementResult
{
    public JobSubmittedResult(string statementText, JobClient job, bool waitedForCompletion) : base(statementText)
    {
        Job = job;
        WaitedForCompletion = waitedForCompletion;
    }

    public JobClient Job { get; }

    /// <summary>True when <c>table.dml-sync</c> made the statement wait for the job to finish.</summary>
    public bool WaitedForCompletion { get; }

    /// <summary>For a <c>BEGIN STATEMENT SET; ... END;</c> block: how many statements preceded <c>END</c> (BEGIN and each
    /// INSERT), which Flink's client acknowledges one by one; 0 otherwise.</summary>
    public int StatementSetBlockStatements { get; init; }

    /// <summary>What the client should tell the user besides the job id: where the job restored its state from, or why it
    /// started without state (<c>FROM LATEST CHECKPOINT</c> found no checkpoint), in order.</summary>
    public IReadOnlyList<StatementNotice> Notices { get; init; } = Array.Empty<StatementNotice>();
}

/// <summary>How much a <see cref="StatementNotice"/> matters: the shell prints <c>[INFO]</c> or <c>[WARNING]</c>.</summary>
public enum NoticeLevel
{
    /// <summary>For information (e.g. which checkpoint a job restored from).</summary>
    Info,

    /// <summary>Something the user should look at; the statement still succeeded.</summary>
    Warning,
}

/// <summary>A message that comes with a statement's result.</summary>
/// <param name="Level">Info or warning.</param>
/// <param name="Message">The text, without a <c>[INFO]</c>/<c>[WARNING]</c> prefix.</param>
public sealed record StatementNotice(NoticeLevel Level, string Message);

/// <summary>A client command the caller acts on: <c>HELP</c>, <c>QUIT</c>/<c>EXIT</c>, <c>CLEAR</c>.</summary>
public sealed class ClientCommandResult : StatementResult
{
    public ClientCommandResult(string statementText, string command) : base(statementText) => Command = command;

    /// <summary>The command, upper case: <c>HELP</c>, <c>QUIT</c>, <c>EXIT</c>, <c>CLEAR</c>.</summary>
    public string Command { get; }

    public bool IsQuit => Command is "QUIT" or "EXIT";
}
