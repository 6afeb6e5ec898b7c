using System.Globalization;
using StreamSql.Soak.Output;

namespace StreamSql.Soak.Pipelines;

/// <summary><c>INSERT INTO {name}_out</c> a <see cref="StatefulSequenceQuery"/> over the datagen sequence 1..rows (one or two
/// sources with the event time <c>id × 10 ms</c> and a 1 s watermark delay, and the query's lookup table if it has one); the
/// expected rows are the query's own.</summary>
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
            var tables = new List<string> { Source(name + "_a", key: null) };
            if (query.TwoSources) tables.Add(Source(name + "_b", query.SecondSourceKey));
            if (query.Lookup is { } lookup)
                tables.Add($"CREATE TABLE {name}_dim ({lookup.Columns}) WITH ('connector' = 'filesystem', 'path' = '{WriteLookupFile(lookup)}', 'format' = 'csv')");
            tables.Add($"CREATE TABLE {name}_out ({query.SinkColumns}) WITH ('connector' = 'filesystem', 'path' = '{SinkDirectory}', 'format' = 'csv')");
            return tables;
        }
    }

    /// <summary>The lookup table's directory next to the sink's, its one file written once.</summary>
    private string WriteLookupFile(LookupTable lookup)
    {
        var directory = SinkDirectory + "-dim";
        var file = Path.Combine(directory, "dim.csv");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllLines(file, lookup.Lines);
        }
        return directory;
    }

    /// <summary>A datagen sequence; with a <paramref name="key"/>, a second sequence column of that name (equal to id) that
    /// is its primary key.</summary>
    private string Source(string table, string? key)
    {
        var end = rows.ToString(CultureInfo.InvariantCulture);
        var keyColumn = key is null ? "" : key + " BIGINT, ";
        var primaryKey = key is null ? "" : $", PRIMARY KEY ({key}) NOT ENFORCED";
        var keySequence = key is null ? "" : $", 'fields.{key}.kind' = 'sequence', 'fields.{key}.start' = '1', 'fields.{key}.end' = '{end}'";
        return $"CREATE TABLE {table} ({keyColumn}id BIGINT, ts AS TO_TIMESTAMP_LTZ(id * 10, 3){query.SourceExtras}, "
            + $"WATERMARK FOR ts AS ts - INTERVAL '1' SECOND{primaryKey}) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '{rowsPerSecond.ToString(CultureInfo.InvariantCulture)}', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{end}'{keySequence})";
    }

    public string Insert => $"INSERT INTO {name}_out " + query.Select.Replace("{a}", name + "_a", StringComparison.Ordinal).Replace("{b}", name + "_b", StringComparison.Ordinal)
        .Replace("{dim}", name + "_dim", StringComparison.Ordinal);

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
