using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Print;

/// <summary>
/// Prints rows as Flink's print sink: an optional prefix (<c>id&gt; </c>, <c>id:2&gt; </c> or <c>2&gt; </c> where 2 is the
/// subtask index + 1, the task number only when the sink runs in parallel), the row kind, and the values in brackets
/// as Flink's <c>Row.toString()</c> shows them (<see cref="ValueFormatter"/>, JavaObject style).
/// Rows are visible as soon as written (at-least-once), so there is nothing to commit.
/// </summary>
internal sealed class PrintWriter : ISinkWriter
{
    private TextWriter _out = TextWriter.Null;
    private string _prefix = "";
    private readonly StringBuilder _text = new();
    private RowSchema _schema = new(Array.Empty<Field>());
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    public long RowsWritten { get; private set; }

    public ValueTask OpenAsync(SinkWriterContext context, CancellationToken cancellationToken)
    {
        var options = new TableOptions(context.Table);
        _prefix = Prefix(options.Get(PrintOptions.PrintIdentifier), context.SubtaskIndex, context.Parallelism);
        _out = options.Get(PrintOptions.StandardError) ? Console.Error : context.StandardOutput;
        _schema = context.Table.PhysicalSchema;
        _zone = SessionTimeZone.Resolve(context.Configuration);
        return ValueTask.CompletedTask;
    }

    /// <summary>Flink's PrintSinkOutputWriter prefix rule.</summary>
    internal static string Prefix(string? identifier, int subtaskIndex, int parallelism)
    {
        var prefix = identifier ?? "";
        if (parallelism > 1)
        {
            if (prefix.Length > 0) prefix += ":";
            prefix += (subtaskIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return prefix.Length > 0 ? prefix + "> " : "";
    }

    public ValueTask WriteAsync(Batch batch, CancellationToken cancellationToken)
    {
        _text.Clear();
        int columns = batch.ColumnCount;
        for (int row = 0; row < batch.Length; row++)
        {
            _text.Append(_prefix).Append(batch.KindAt(row).ShortString()).Append('[');
            for (int c = 0; c < columns; c++)
            {
                if (c > 0) _text.Append(", ");
                // Flink prints Row.toString() of the row's Java objects (ValueFormatStyle.JavaObject).
                ValueFormatter.Append(_text, batch.Column(c), row, _schema[c].Type, _zone, ValueFormatStyle.JavaObject);
            }
            _text.Append(']').Append('\n');
        }
        RowsWritten += batch.Length;
        // One lock per batch: the subtasks of a parallel sink share the writer, and a synchronized writer's
        // WriteAsync(StringBuilder) takes its lock once per chunk, so batches could interleave in the middle of a line.
        lock (_out)
        {
            _out.Write(_text);
            _out.Flush();
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> PrepareCommitAsync(long checkpointId, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

    public ValueTask CommitAsync(long checkpointId, IReadOnlyList<byte[]> handles, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _out.FlushAsync().ConfigureAwait(false);
}
