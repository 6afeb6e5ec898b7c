using System.Text;

namespace StreamSql.Shell;

/// <summary>
/// The interactive shell's <c>BEGIN STATEMENT SET;</c> ... <c>END;</c>, answered statement by statement as Flink's client
/// answers them: BEGIN and each INSERT (or CREATE TABLE ... AS) at once with "Execute statement succeeded.", any other
/// statement (a second BEGIN too) with Flink's refusal while the set goes on, and END submits what was added as one job.
/// </summary>
internal sealed class InteractiveStatementSet
{
    private List<string>? _members;

    /// <summary>Takes <paramref name="statement"/> when it opens the set or belongs in it, answering it through
    /// <paramref name="printer"/>; false when the statement is not the set's to take (no set is open, or it is END).</summary>
    public bool Take(string statement, ResultPrinter printer)
    {
        if (_members is null)
        {
            if (!SqlStatementSplitter.IsStatementSetBegin(statement)) return false;
            _members = new List<string>();
            printer.Info(MessageResult.ExecuteStatementSucceeded);
            return true;
        }
        if (InteractiveShell.IsBareClientCommand(statement) || statement.Trim().Equals("CLEAR", StringComparison.OrdinalIgnoreCase))
            return false; // QUIT, EXIT, HELP, CLEAR are the client's, set or no set
        if (IsEnd(statement))
        {
            if (_members.Count > 0) return false;
            // Flink's client answers an empty set's END without submitting a job.
            _members = null;
            printer.Info(MessageResult.ExecuteStatementSucceeded);
            return true;
        }
        if (SqlStatementSplitter.IsAllowedInStatementSet(statement) && !SqlStatementSplitter.IsStatementSetBegin(statement))
        {
            _members.Add(statement);
            printer.Info(MessageResult.ExecuteStatementSucceeded);
        }
        else printer.Error(SqlStatementSplitter.StatementSetRejection);
        return true;
    }

    /// <summary>The whole <c>BEGIN STATEMENT SET; ...; END</c> to run when <paramref name="statement"/> is the END of an
    /// open set (which it closes), else null.</summary>
    public string? Ending(string statement)
    {
        if (_members is null || !IsEnd(statement)) return null;
        var block = new StringBuilder("BEGIN STATEMENT SET;\n");
        foreach (var member in _members) block.Append(member).Append(";\n");
        _members = null;
        return block.Append("END").ToString();
    }

    private static bool IsEnd(string statement) => statement.Trim().Equals("END", StringComparison.OrdinalIgnoreCase);
}
