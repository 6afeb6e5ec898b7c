using System.Runtime.CompilerServices;
using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Types;

namespace StreamSql;

/// <summary>
/// The running result of a SELECT: its columns, and its rows as they change, read either as batches
/// (<see cref="ReadBatchesAsync"/>, Arrow record batches with row kinds) or as rows (<see cref="ReadRowsAsync"/>).
/// The result can be read once. Disposing it, or <see cref="CancelAsync"/>, stops the query's job.
/// </summary>
public sealed class QueryResult : StatementResult, IAsyncDisposable
{
    private readonly ChannelReader<Batch> _results;
    private int _reading;

    internal QueryResult(string statementText, JobClient job, RowSchema schema, ChangelogMode changelog, ChannelReader<Batch> results)
        : base(statementText)
    {
        Job = job;
        Schema = schema;
        Changelog = changelog;
        _results = results;
        var names = new string[schema.Count];
        var types = new SqlType[schema.Count];
        for (int i = 0; i < schema.Count; i++)
        {
            names[i] = schema[i].Name;
            types[i] = schema[i].Type;
        }
        ColumnNames = names;
        ColumnTypes = types;
    }

    /// <summary>The job computing the result.</summary>
    public JobClient Job { get; }

    /// <summary>Whether the query runs in batch mode (final rows only): <c>'execution.runtime-mode'</c> = <c>batch</c>, or
    /// <c>automatic</c> over bounded tables.</summary>
    public bool IsBatch { get; init; }

    public RowSchema Schema { get; }
    public IReadOnlyList<string> ColumnNames { get; }
    public IReadOnlyList<SqlType> ColumnTypes { get; }

    /// <summary>Which changes the result carries: only inserts, or updates and deletes too.</summary>
    public ChangelogMode Changelog { get; }

    /// <summary>The result's batches in order. Ends when the query ends; throws <see cref="JobFailedException"/> when it failed.</summary>
    public async IAsyncEnumerable<Batch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
            throw new InvalidOperationException("The result of this query is already being read; it can be read once.");
        while (true)
        {
            bool more;
            try
            {
                more = await _results.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new JobFailedException(Job.Id, Job.Name, $"Query failed: {JobFailures.Describe(e)}", e);
            }
            if (!more) break;
            while (_results.TryRead(out var batch)) yield return batch;
        }
        await Job.Handle.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (Job.Status is not (JobStatus.Canceled or JobStatus.Suspended)) Job.ThrowIfFailed();
    }

    /// <summary>The result's rows in order, each with its row kind; values as <see cref="ArrowValueReader"/> reads them.</summary>
    public async IAsyncEnumerable<ChangelogRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var batch in ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            int columns = Math.Min(batch.ColumnCount, ColumnTypes.Count);
            for (int row = 0; row < batch.Length; row++)
            {
                var values = new object?[columns];
                for (int c = 0; c < columns; c++) values[c] = ArrowValueReader.Read(batch.Column(c), row, ColumnTypes[c]);
                yield return new ChangelogRow(batch.KindAt(row), values);
            }
        }
    }

    /// <summary>Collects every row until the query ends (only for bounded queries).</summary>
    public async Task<IReadOnlyList<ChangelogRow>> ToListAsync(CancellationToken cancellationToken = default)
    {
        var rows = new List<ChangelogRow>();
        await foreach (var row in ReadRowsAsync(cancellationToken).ConfigureAwait(false)) rows.Add(row);
        return rows;
    }

    /// <summary>Reads the result until the query ends (only for bounded queries) and returns it as a table: the changelog
    /// applied, as Flink's <c>table</c> result mode shows it.</summary>
    public async Task<MaterializedRows> MaterializeAsync(CancellationToken cancellationToken = default)
    {
        var table = new MaterializedRows();
        await foreach (var row in ReadRowsAsync(cancellationToken).ConfigureAwait(false)) table.Apply(row);
        return table;
    }

    /// <summary>Stops the query's job and waits until it has stopped.</summary>
    public Task CancelAsync(CancellationToken cancellationToken = default) => Job.CancelAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!Job.IsTerminal) await Job.CancelAsync().ConfigureAwait(false);
    }
}
