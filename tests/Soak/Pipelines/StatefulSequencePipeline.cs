using System.Globalization;
using StreamSql.Soak.Output;

namespace StreamSql.Soak.Pipelines;

/// <summary><c>INSERT INTO {name}_out</c> a <see cref="StatefulSequenceQuery"/> over the datagen sequence 1..rows (one or two
/// sources with the event time <c>id × 10 ms</c> and a 1 s watermark delay); the expected rows are the query's own.</summary>
public sealed class StatefulSequencePipeline(StatefulSequenceQuery query, string name, string sinkDirectory, int rows, int rowsPerSecond) : ISoakPipeline
{
    private HashSet<string>? _expectedSet;

    public string SinkDirectory { get; } = sinkDirectory;

    public string SinkName => Path.GetFileName(SinkDirectory);

    public List<string> CommittedRows() => CommittedOutput.Read(SinkDirectory);

    public string SinkListing() => "sink files: " + CommittedOutput.Listing(SinkDirectory);

    public bool IsBounded => true;

    public IReadOnlyList<string> CreateTables
    {
        get
        {
            var tables = new List<string> { Source(name + "_a") };
            if (query.TwoSources) tables.Add(Source(name + "_b"));
            tables.Add($"CREATE TABLE {name}_out ({query.SinkColumns}) WITH ('connector' = 'filesystem', 'path' = '{SinkDirectory}', 'format' = 'csv')");
            return tables;
        }
    }

    private string Source(string table) => string.Create(CultureInfo.InvariantCulture,
        $"CREATE TABLE {table} (id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 10, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
        + $"WITH ('connector' = 'datagen', 'rows-per-second' = '{rowsPerSecond}', "
        + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}')");

    public string Insert => $"INSERT INTO {name}_out " + query.Select.Replace("{a}", name + "_a", StringComparison.Ordinal).Replace("{b}", name + "_b", StringComparison.Ordinal);

    public IReadOnlyList<string> ExpectedRows() => query.Expected(rows).ToList();

    public bool HasReachedEndOfInput(DateTime sinceUtc)
    {
        var expected = _expectedSet ??= query.Expected(rows).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in CommittedOutput.LinesCommittedOrPendingSince(SinkDirectory, sinceUtc))
            if (expected.Contains(line)) seen.Add(line);
        return seen.Count == expected.Count;
    }
}
