using System.Globalization;
using StreamSql.Soak.Output;

namespace StreamSql.Soak.Pipelines;

/// <summary><c>INSERT INTO {name}_out SELECT id FROM {name}_src</c> over the datagen sequence 1..rows; the expected rows are
/// that range.</summary>
public sealed class DatagenSequencePipeline(string name, string sinkDirectory, int rows, int rowsPerSecond) : ISoakPipeline
{
    public string SinkDirectory { get; } = sinkDirectory;

    public string SinkName => Path.GetFileName(SinkDirectory);

    public List<string> CommittedRows() => CommittedOutput.Read(SinkDirectory);

    public string SinkListing() => "sink files: " + CommittedOutput.Listing(SinkDirectory);

    public bool IsBounded => true;

    public IReadOnlyList<string> CreateTables =>
    [
        string.Create(CultureInfo.InvariantCulture,
            $"CREATE TABLE {name}_src (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{rowsPerSecond}', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}')"),
        $"CREATE TABLE {name}_out (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '{SinkDirectory}', 'format' = 'csv')",
    ];

    public string Insert => $"INSERT INTO {name}_out SELECT id FROM {name}_src";

    public IReadOnlyList<string> ExpectedRows()
    {
        var expected = new List<string>(rows);
        for (int id = 1; id <= rows; id++) expected.Add(id.ToString(CultureInfo.InvariantCulture));
        return expected;
    }

    public bool HasReachedEndOfInput(DateTime sinceUtc)
    {
        var seen = new bool[rows + 1];
        int distinct = 0;
        foreach (var line in CommittedOutput.LinesCommittedOrPendingSince(SinkDirectory, sinceUtc))
        {
            if (long.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= rows && !seen[id])
            {
                seen[id] = true;
                distinct++;
            }
        }
        return distinct == rows;
    }
}
