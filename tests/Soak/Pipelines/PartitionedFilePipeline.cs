using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using StreamSql.Soak.Output;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// <c>INSERT INTO {name}_out SELECT id, id * 3, id % 4</c> over the datagen sequence 1..rows into a filesystem sink of
/// parquet or json files <c>PARTITIONED BY (p)</c> with <c>'sink.partition-commit.policy.kind' = 'success-file'</c>. What
/// is committed is what a reader of the directory sees: the rows of the visible files of every <c>p=…</c> directory (the
/// partition value from the path, as Flink leaves it out of the file), DuckDB reading the parquet ones. A partition with
/// visible files but no <c>_SUCCESS</c> marker adds an unexpected line saying so. With <paramref name="partitionTime"/>, the
/// rows carry the event time <c>id</c> seconds instead and go into <c>dt=…/hr=…</c> directories committed by the
/// <c>partition-time</c> trigger once the watermark passes the hour's end (the hours end while the job runs).
/// </summary>
public sealed class PartitionedFilePipeline(string format, string? rollingFileSize, bool partitionTime, string name, string sinkDirectory, int rows, int rowsPerSecond) : ISoakPipeline
{
    private const string SuccessFile = "_SUCCESS";

    private HashSet<string>? _expectedSet;

    /// <summary>The rows of each part file read for <see cref="HasReachedEndOfInput"/>, by partition and committed name: a
    /// pending file is complete and keeps its rows when its commit renames it, so each file is read once however often the
    /// round looks (every few milliseconds; reading them all each time would miss the end of the input).</summary>
    private readonly Dictionary<string, List<string>> _partFileRows = new(StringComparer.Ordinal);

    public string SinkDirectory { get; } = sinkDirectory;

    public string SinkName => Path.GetFileName(SinkDirectory);

    public bool IsBounded => true;

    public IReadOnlyList<string> CreateTables =>
    [
        string.Create(CultureInfo.InvariantCulture,
            $"CREATE TABLE {name}_src (id BIGINT{(partitionTime ? ", ts AS TO_TIMESTAMP_LTZ(id * 1000, 3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND" : "")}) "
            + $"WITH ('connector' = 'datagen', 'rows-per-second' = '{rowsPerSecond}', "
            + $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}')"),
        $"CREATE TABLE {name}_out (id BIGINT, v BIGINT, {(partitionTime ? "dt STRING, hr STRING) PARTITIONED BY (dt, hr)" : "p INT) PARTITIONED BY (p)")} "
        + $"WITH ('connector' = 'filesystem', 'path' = '{SinkDirectory}', 'format' = '{format}', 'sink.partition-commit.policy.kind' = 'success-file'"
        + (partitionTime ? ", 'sink.partition-commit.trigger' = 'partition-time', 'partition.time-extractor.timestamp-pattern' = '$dt $hr:00:00'" : "")
        + (rollingFileSize is null ? ")" : $", 'sink.rolling-policy.file-size' = '{rollingFileSize}')"),
    ];

    public string Insert => partitionTime
        ? $"INSERT INTO {name}_out SELECT id, id * 3, DATE_FORMAT(ts, 'yyyy-MM-dd'), DATE_FORMAT(ts, 'HH') FROM {name}_src"
        : $"INSERT INTO {name}_out SELECT id, id * 3, CAST(id % 4 AS INT) FROM {name}_src";

    public IReadOnlyList<string> ExpectedRows() => Enumerable.Range(1, rows)
        .Select(id => SoakCsv.Line(id, id * 3L) + "," + (partitionTime ? string.Create(CultureInfo.InvariantCulture, $"1970-01-01,{id / 3600:00}") : SoakCsv.Line(id % 4)))
        .ToList();

    public List<string> CommittedRows()
    {
        var lines = new List<string>();
        foreach (var partition in Partitions())
        {
            var files = Directory.EnumerateFiles(partition).Where(f => !CommittedOutput.IsHidden(Path.GetFileName(f))).ToList();
            foreach (var file in files) lines.AddRange(Read(file, partition));
            if (files.Count > 0 && !File.Exists(Path.Combine(partition, SuccessFile)))
                lines.Add($"no {SuccessFile} in {Path.GetRelativePath(SinkDirectory, partition)}");
        }
        return lines;
    }

    public string SinkListing() => "sink files: " + CommittedOutput.Listing(SinkDirectory);

    public bool HasReachedEndOfInput(DateTime sinceUtc)
    {
        var expected = _expectedSet ??= ExpectedRows().ToHashSet(StringComparer.Ordinal);
        var present = new List<List<string>>();
        foreach (var partition in Partitions())
        {
            foreach (var file in Directory.EnumerateFiles(partition))
            {
                var fileName = Path.GetFileName(file);
                bool committed = !CommittedOutput.IsHidden(fileName);
                bool pending = fileName.EndsWith(".pending", StringComparison.Ordinal);
                if (!committed && !pending) continue;
                var committedName = Path.Combine(Path.GetFileName(partition), committed ? fileName : fileName[1..^".pending".Length]);
                if (!_partFileRows.TryGetValue(committedName, out var rows))
                {
                    // A pending file of an earlier run is not this run's output (a restore removes or commits it).
                    if (pending && File.GetLastWriteTimeUtc(file) < sinceUtc) continue;
                    rows = Read(file, partition);
                    if (rows.Count == 0) continue;
                    _partFileRows[committedName] = rows;
                }
                present.Add(rows);
            }
        }
        return present.Sum(r => r.Count) >= expected.Count
            && present.SelectMany(r => r).Where(expected.Contains).Distinct(StringComparer.Ordinal).Count() == expected.Count;
    }

    /// <summary>The visible directories below the sink (<c>p=…</c>, or <c>dt=…</c> and <c>dt=…/hr=…</c>).</summary>
    private IEnumerable<string> Partitions() =>
        Directory.Exists(SinkDirectory)
            ? Directory.EnumerateDirectories(SinkDirectory, "*", SearchOption.AllDirectories)
                .Where(d => !CommittedOutput.IsHidden(Path.GetRelativePath(SinkDirectory, d))).Order(StringComparer.Ordinal)
            : [];

    /// <summary>The rows of one data file as <c>id,v,p</c> lines; none when it was renamed away (committed) meanwhile.</summary>
    private List<string> Read(string file, string partition)
    {
        // The partition values from the path, outermost first (k=v directories).
        var p = string.Join(',', Path.GetRelativePath(SinkDirectory, partition).Split(Path.DirectorySeparatorChar)
            .Select(dir => dir.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? dir[(eq + 1)..] : "?" + dir));
        try
        {
            return format == "parquet" ? ReadParquet(file, p) : ReadJson(file, p);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException || (e is DuckDBException && !File.Exists(file)))
        {
            return [];
        }
    }

    private static List<string> ReadParquet(string file, string p)
    {
        var lines = new List<string>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, v FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)},{reader.GetInt64(1)},{p}"));
        return lines;
    }

    private static List<string> ReadJson(string file, string p)
    {
        var lines = new List<string>();
        foreach (var line in CommittedOutput.SplitLines(File.ReadAllText(file)))
        {
            using var row = JsonDocument.Parse(line);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{row.RootElement.GetProperty("id").GetInt64()},{row.RootElement.GetProperty("v").GetInt64()},{p}"));
        }
        return lines;
    }
}
