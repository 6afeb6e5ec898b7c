using System.Globalization;
using StreamSql.Execution;
using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Shell;

/// <summary>Shows statement results the way Flink's SQL client does: messages, tables, job ids, and query results
/// as they change (tableau or changelog mode). Results go to stdout, errors to stderr.</summary>
internal sealed class ResultPrinter
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;

    public ResultPrinter(TextWriter output, TextWriter error)
    {
        _out = output;
        _err = error;
    }

    public TextWriter Out => _out;

    /// <summary>The full-screen view of the <c>table</c> result mode, when the shell runs on a terminal; without it that
    /// mode falls back to tableau.</summary>
    public TableResultView? TableView { get; set; }

    private static readonly string[] ExplainColumns = { "result" };

    public void Info(string message) => _out.WriteLine(ShellMessages.Info(message));

    public void Error(string reason)
    {
        _out.Flush();
        _err.WriteLine(ShellMessages.Error(reason));
        _err.Flush();
    }

    /// <summary>Prints <paramref name="result"/>; for a query, reads it to its end or until <paramref name="queryCancel"/>
    /// (Ctrl-C), then stops the query. Returns false when the statement asks the shell to quit.
    /// <paramref name="statementSetAcknowledged"/>: a statement set's statements were answered as they were typed.</summary>
    /// <exception cref="StreamSqlException">The query failed while it ran.</exception>
    public async Task<bool> PrintAsync(StatementResult result, Configuration configuration, CancellationToken queryCancel, bool statementSetAcknowledged = false)
    {
        switch (result)
        {
            case MessageResult message:
                for (int i = 0; i < message.Statements; i++) Info(message.Message);
                break;
            case TableTextResult table:
                foreach (var line in table.Preamble) _out.WriteLine(line);
                PrintTable(table.ColumnNames, table.Rows);
                break;
            case ExplainTextResult explain:
                // Flink's client (1.17+, on the SQL gateway) shows a plan as it shows SHOW CREATE: one 'result' cell.
                PrintTable(ExplainColumns, new IReadOnlyList<string?>[] { new[] { explain.Text } });
                break;
            case JobSubmittedResult { WaitedForCompletion: true } finished:
                if (!statementSetAcknowledged) AcknowledgeStatementSetBlock(finished);
                Info(ShellMessages.FinishStatement);
                break;
            case JobSubmittedResult submitted:
                if (!statementSetAcknowledged) AcknowledgeStatementSetBlock(submitted);
                Info(ShellMessages.SubmittingStatement);
                Info(ShellMessages.StatementSubmitted);
                _out.WriteLine("Job ID: " + submitted.Job.Id);
                _out.WriteLine();
                break;
            case ClientCommandResult { IsQuit: true }:
                Info(ShellMessages.Quit);
                return false;
            case ClientCommandResult { Command: "HELP" }:
                _out.WriteLine(ShellMessages.Help);
                break;
            case ClientCommandResult { Command: "CLEAR" }:
                if (!Console.IsOutputRedirected && ReferenceEquals(_out, Console.Out)) _out.Write("\u001b[2J\u001b[H");
                break;
            case QueryResult query:
                await using (query.ConfigureAwait(false))
                    await PrintQueryAsync(query, configuration, queryCancel).ConfigureAwait(false);
                break;
        }
        _out.Flush();
        return true;
    }

    /// <summary>Flink's client answers BEGIN STATEMENT SET and each INSERT of the block as it reads them; the shell reads
    /// the block whole, so it gives those answers when the block ends.</summary>
    private void AcknowledgeStatementSetBlock(JobSubmittedResult result)
    {
        for (int i = 0; i < result.StatementSetBlockStatements; i++) Info(MessageResult.ExecuteStatementSucceeded);
    }

    /// <summary>Where a job restores its state from, or why it does not: an <c>[INFO]</c> / <c>[WARNING]</c> line, shown
    /// when the statement raises it (<see cref="StreamSqlEnvironment.NoticeRaised"/>), before the job's output.</summary>
    public void PrintNotice(StatementNotice notice)
    {
        _out.WriteLine(notice.Level == NoticeLevel.Warning ? ShellMessages.Warning(notice.Message) : ShellMessages.Info(notice.Message));
        _out.Flush();
    }

    /// <summary>A finished table (SHOW, DESCRIBE, SET): widths by content, NULL as empty, <c>N rows in set</c>.</summary>
    public void PrintTable(IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        if (rows.Count == 0)
        {
            _out.WriteLine("Empty set");
            return;
        }
        var cells = new List<IReadOnlyList<string>>(rows.Count);
        foreach (var row in rows)
        {
            var texts = new string[row.Count];
            for (int i = 0; i < row.Count; i++) texts[i] = row[i] ?? "";
            cells.Add(texts);
        }
        var writer = TableauWriter.ForContent(_out, names, cells, int.MaxValue);
        writer.WriteHeader(names, withRowKind: false);
        foreach (var row in cells) writer.WriteRow(row);
        writer.WriteBorder();
        _out.WriteLine(cells.Count == 1 ? "1 row in set" : $"{cells.Count} rows in set");
    }

    private async Task PrintQueryAsync(QueryResult query, Configuration configuration, CancellationToken cancel)
    {
        var mode = configuration.Get(CoreOptions.ResultMode);
        var zone = SessionTimeZone.Resolve(configuration);
        bool batch = query.IsBatch;
        if (mode == "changelog")
        {
            await PrintChangelogAsync(query, zone, cancel).ConfigureAwait(false);
            return;
        }
        if (mode == "table" && TableView is { } view)
        {
            await view.RunAsync(query, zone, cancel).ConfigureAwait(false);
            Info(ShellMessages.ResultRetrievalCancelled);
            return;
        }
        if (mode == "table") Info(ShellMessages.TableModeFallback);
        if (batch) await PrintBatchTableauAsync(query, configuration, zone, cancel).ConfigureAwait(false);
        else await PrintStreamingTableauAsync(query, configuration, zone, cancel).ConfigureAwait(false);
    }

    private static int MaxColumnWidth(Configuration configuration)
    {
        var text = configuration.Get(CoreOptions.DisplayMaxColumnWidth);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var width) && width > 3 ? width : 30;
    }

    private async Task PrintStreamingTableauAsync(QueryResult query, Configuration configuration, TimeZoneInfo zone, CancellationToken cancel)
    {
        var writer = TableauWriter.ForStream(_out, query.ColumnNames, query.ColumnTypes, MaxColumnWidth(configuration), withRowKind: true);
        writer.WriteHeader(query.ColumnNames, withRowKind: true);
        _out.Flush();
        long count = 0;
        var cells = new string[query.ColumnNames.Count + 1];
        try
        {
            await foreach (var batch in query.ReadBatchesAsync(cancel).ConfigureAwait(false))
            {
                for (int row = 0; row < batch.Length; row++)
                {
                    cells[0] = batch.KindAt(row).ShortString();
                    for (int c = 0; c < query.ColumnTypes.Count; c++)
                        cells[c + 1] = ResultCells.Format(batch.Column(c), row, query.ColumnTypes[c], zone) ?? TableauWriter.NullText;
                    writer.WriteRow(cells);
                    count++;
                }
                _out.Flush();
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            _out.WriteLine($"Query terminated, received a total of {count} {(count == 1 ? "row" : "rows")}");
            return;
        }
        if (count > 0) writer.WriteBorder();
        _out.WriteLine($"Received a total of {count} {(count == 1 ? "row" : "rows")}");
    }

    private async Task PrintBatchTableauAsync(QueryResult query, Configuration configuration, TimeZoneInfo zone, CancellationToken cancel)
    {
        var rows = new List<IReadOnlyList<string>>();
        try
        {
            await foreach (var batch in query.ReadBatchesAsync(cancel).ConfigureAwait(false))
            {
                for (int row = 0; row < batch.Length; row++)
                {
                    var cells = new string[query.ColumnTypes.Count];
                    for (int c = 0; c < cells.Length; c++)
                        cells[c] = ResultCells.Format(batch.Column(c), row, query.ColumnTypes[c], zone) ?? TableauWriter.NullText;
                    rows.Add(cells);
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            _out.WriteLine($"Query terminated, received a total of {rows.Count} {(rows.Count == 1 ? "row" : "rows")}");
            return;
        }
        if (rows.Count == 0)
        {
            _out.WriteLine("Empty set");
            return;
        }
        var writer = TableauWriter.ForContent(_out, query.ColumnNames, rows, MaxColumnWidth(configuration));
        writer.WriteHeader(query.ColumnNames, withRowKind: false);
        foreach (var row in rows) writer.WriteRow(row);
        writer.WriteBorder();
        _out.WriteLine(rows.Count == 1 ? "1 row in set" : $"{rows.Count} rows in set");
    }

    /// <summary>Changelog mode: one line per change, <c>+I[v1, v2]</c>, as the result arrives.</summary>
    private async Task PrintChangelogAsync(QueryResult query, TimeZoneInfo zone, CancellationToken cancel)
    {
        long count = 0;
        var sb = new System.Text.StringBuilder();
        try
        {
            await foreach (var batch in query.ReadBatchesAsync(cancel).ConfigureAwait(false))
            {
                for (int row = 0; row < batch.Length; row++)
                {
                    sb.Clear();
                    sb.Append(batch.KindAt(row).ShortString()).Append('[');
                    for (int c = 0; c < query.ColumnTypes.Count; c++)
                    {
                        if (c > 0) sb.Append(", ");
                        sb.Append(ResultCells.Format(batch.Column(c), row, query.ColumnTypes[c], zone) ?? "NULL");
                    }
                    _out.WriteLine(sb.Append(']').ToString());
                    count++;
                }
                _out.Flush();
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            _out.WriteLine($"Query terminated, received a total of {count} {(count == 1 ? "row" : "rows")}");
            return;
        }
        _out.WriteLine($"Received a total of {count} {(count == 1 ? "row" : "rows")}");
    }
}
