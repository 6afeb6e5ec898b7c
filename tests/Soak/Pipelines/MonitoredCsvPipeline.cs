using System.Globalization;
using System.Text;
using StreamSql.Soak.Output;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// <c>INSERT INTO {name}_out SELECT id, UPPER(name), amount * 2 FROM {name}_src WHERE amount &lt; 500</c> over a CSV
/// directory the source monitors (<c>source.monitor-interval</c>), into which the harness writes a new file at a fixed pace
/// while the job is killed and restarted. Each file is written under a hidden name and renamed, so the source never sees
/// half a file; the expected rows are computed from the lines written.
/// </summary>
public sealed class MonitoredCsvPipeline : ISoakPipeline
{
    private const int AmountLimit = 500;

    private readonly string _name;
    private readonly string _inputDirectory;
    private readonly int _linesPerFile;
    private readonly TimeSpan _fileInterval;
    private readonly List<string> _expected = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _feeding = Task.CompletedTask;
    private int _files;

    public MonitoredCsvPipeline(string name, string inputDirectory, string sinkDirectory, int linesPerFile, TimeSpan fileInterval)
    {
        _name = name;
        _inputDirectory = inputDirectory;
        SinkDirectory = sinkDirectory;
        _linesPerFile = linesPerFile;
        _fileInterval = fileInterval;
        Directory.CreateDirectory(inputDirectory);
    }

    public string SinkDirectory { get; }

    public string SinkName => Path.GetFileName(SinkDirectory);

    public List<string> CommittedRows() => CommittedOutput.Read(SinkDirectory);

    public string SinkListing() => "sink files: " + CommittedOutput.Listing(SinkDirectory);

    public bool IsBounded => false;

    public IReadOnlyList<string> CreateTables =>
    [
        $"CREATE TABLE {_name}_src (id BIGINT, name STRING, amount INT) WITH ('connector' = 'filesystem', 'path' = '{_inputDirectory}', "
        + "'format' = 'csv', 'source.monitor-interval' = '100ms')",
        $"CREATE TABLE {_name}_out (id BIGINT, tag STRING, doubled INT) WITH ('connector' = 'filesystem', 'path' = '{SinkDirectory}', 'format' = 'csv')",
    ];

    public string Insert => $"INSERT INTO {_name}_out SELECT id, UPPER(name), amount * 2 FROM {_name}_src WHERE amount < {AmountLimit}";

    /// <summary>How many files were written so far.</summary>
    public int FilesWritten => Volatile.Read(ref _files);

    public IReadOnlyList<string> ExpectedRows()
    {
        lock (_expected) return _expected.ToList();
    }

    public void StartFeeding() => _feeding = Task.Run(() => FeedAsync(_stop.Token));

    public async Task StopFeedingAsync()
    {
        await _stop.CancelAsync();
        await _feeding;
    }

    public bool HasReachedEndOfInput(DateTime sinceUtc) => false;

    private async Task FeedAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            WriteFile(_files);
            Interlocked.Increment(ref _files);
            try
            {
                await Task.Delay(_fileInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void WriteFile(int index)
    {
        var text = new StringBuilder();
        var expected = new List<string>();
        long first = (long)index * _linesPerFile + 1;
        for (long id = first; id < first + _linesPerFile; id++)
        {
            int amount = (int)(id * 7919 % 1000);
            var user = "user" + (id % 97).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{id},{user},{amount}\n");
            if (amount < AmountLimit) expected.Add(string.Create(CultureInfo.InvariantCulture, $"{id},{user.ToUpperInvariant()},{amount * 2}"));
        }
        var hidden = Path.Combine(_inputDirectory, $".part-{index:D5}.csv.tmp");
        File.WriteAllText(hidden, text.ToString());
        File.Move(hidden, Path.Combine(_inputDirectory, $"part-{index:D5}.csv"));
        lock (_expected) _expected.AddRange(expected);
    }
}
