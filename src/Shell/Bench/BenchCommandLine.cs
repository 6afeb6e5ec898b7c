using System.Globalization;
using StreamSql.Bench;
using StreamSql.Bench.Queries;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Shell.Bench;

/// <summary>A parsed <c>streamsql bench nexmark [options]</c>.</summary>
/// <param name="Options">The run's options; with several source modes or parallelisms, those of the first combination.</param>
/// <param name="Sources">The source modes to run, in order (<c>--source generator,memory</c>).</param>
/// <param name="Parallelisms">The parallelisms to run each source mode at, in order (<c>--parallelism 1,2</c>).</param>
internal sealed record BenchCommandLine(NexmarkBenchOptions Options, bool ShowHelp, IReadOnlyList<SourceMode> Sources, IReadOnlyList<int> Parallelisms)
{
    public const string Usage =
        "\n" +
        "Benchmark:\n" +
        "  streamsql bench nexmark [options]                   Run the Nexmark queries (q0 … q22) through the engine, check each\n" +
        "                                                      result against DuckDB's batch result over the same events, and\n" +
        "                                                      print throughput next to hand-written C#, DuckDB and Rx.NET.\n" +
        "      --query q5[,q7...]          Queries to run (default: all).\n" +
        "      --events N                  Events of all kinds per run (default 10000000; 10M, 500K allowed).\n" +
        "      --parallelism N[,M...]      Subtasks per operator; DuckDB and the hand-written baseline get as many threads (default 1).\n" +
        "                                  Several (e.g. 1,2): one run per parallelism, then a table of every query's scaling.\n" +
        "      --checkpoint-interval D     Exactly-once checkpoints this often (default 10s; 'off' for none).\n" +
        "      --source generator|memory   Generate events live (default) or replay them from memory; both (generator,memory):\n" +
        "                                  one run per source mode (times each parallelism), then the scaling table.\n" +
        "      --output table|json         The table (default) or one JSON object per query and line.\n" +
        "      --rounds N                  Timed runs per query; the one with the median CPU time is reported (default 1).\n" +
        "      --chart <file.svg>          Also draw events/s per core of every query, with Flink's and Feldera's published figures.\n" +
        "      --queries-dir <dir>         Query files to use instead of the built-in ones (ddl.sql, qN.sql, duckdb/qN.sql).\n" +
        "      --profile <dir>             Write a CPU profile of each query's timed run (<dir>/qN.nettrace; open it with\n" +
        "                                  'dotnet-trace convert --format speedscope', PerfView or Visual Studio).\n" +
        "      --no-baselines              Skip the hand-written and Rx.NET baselines (DuckDB still checks every result).\n" +
        "      --jit full|tiered           full (default): the bench runs in a child process with tiered compilation off, so\n" +
        "                                  the engine runs optimized code from the first event, as a long-running job does;\n" +
        "                                  tiered: the .NET default (code run once per job stays unoptimized for many runs).\n";

    public static bool IsBenchCommand(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "bench";

    /// <exception cref="CommandLineException">The arguments do not fit; the message says how.</exception>
    public static BenchCommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || args[1].StartsWith('-'))
        {
            if (args.Count >= 2 && args[1] is "-h" or "--help") return new BenchCommandLine(new NexmarkBenchOptions(), ShowHelp: true, new[] { SourceMode.Generator }, new[] { 1 });
            throw new CommandLineException("'streamsql bench' needs a benchmark name: 'streamsql bench nexmark'.");
        }
        if (args[1] != "nexmark")
            throw new CommandLineException($"Unknown benchmark '{args[1]}'. The benchmark is 'nexmark'.");
        var options = new NexmarkBenchOptions();
        bool help = false;
        IReadOnlyList<SourceMode> sources = new[] { options.Source };
        IReadOnlyList<int> parallelisms = new[] { options.Parallelism };
        for (int i = 2; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            int eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = arg[(eq + 1)..];
                arg = arg[..eq];
            }
            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Count || args[i + 1].Length == 0)
                    throw new CommandLineException($"Option '{arg}' needs a value.");
                return args[++i];
            }
            switch (arg)
            {
                case "--query" or "--queries" or "-q":
                    options = options with { Queries = ParseQueries(Value()) };
                    break;
                case "--events" or "-n":
                    options = options with { Events = ParseCount(Value(), arg) };
                    break;
                case "--parallelism" or "-p":
                    parallelisms = ParseList(Value(), "--parallelism", text =>
                        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is >= 1 and <= 256
                            ? p
                            : throw new CommandLineException($"--parallelism expects numbers of subtasks from 1 to 256 (e.g. 2 or 1,2), got '{text}'."));
                    break;
                case "--checkpoint-interval":
                    options = options with { CheckpointInterval = ParseInterval(Value()) };
                    break;
                case "--source":
                    sources = ParseList(Value(), "--source", text => text.ToLowerInvariant() switch
                    {
                        "generator" => SourceMode.Generator,
                        "memory" => SourceMode.Memory,
                        _ => throw new CommandLineException($"--source expects 'generator' or 'memory' (or both: generator,memory), got '{text}'."),
                    });
                    break;
                case "--output" or "-o":
                    options = options with
                    {
                        Json = Value().ToLowerInvariant() switch
                        {
                            "json" => true,
                            "table" => false,
                            var other => throw new CommandLineException($"--output expects 'table' or 'json', got '{other}'."),
                        },
                    };
                    break;
                case "--rounds":
                    {
                        var text = Value();
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int r) || r < 1 || r > 100)
                            throw new CommandLineException($"--rounds expects a number of timed runs from 1 to 100, got '{text}'.");
                        options = options with { Rounds = r };
                        break;
                    }
                case "--chart":
                    options = options with { ChartPath = Value() };
                    break;
                case "--queries-dir":
                    options = options with { QueriesDirectory = Value() };
                    break;
                case "--profile":
                    options = options with { ProfileDirectory = Value() };
                    break;
                case "--jit":
                    // Acted on by Program (BenchJit), before this parse: here only checked.
                    if (Value() is not ("full" or "tiered") and var jit)
                        throw new CommandLineException($"--jit expects 'full' or 'tiered', got '{jit}'.");
                    break;
                case "--no-baselines":
                    options = options with { NoBaselines = true };
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                default:
                    throw new CommandLineException(arg.StartsWith('-')
                        ? $"Unknown option '{arg}' for 'streamsql bench nexmark'. See 'streamsql bench --help'."
                        : $"Unexpected argument '{arg}' for 'streamsql bench nexmark'. Queries go with --query {arg}.");
            }
        }
        options = options with { Source = sources[0], Parallelism = parallelisms[0] };
        return new BenchCommandLine(options, help, sources, parallelisms);
    }

    /// <summary>A comma-separated list of distinct values, in the order given.</summary>
    private static IReadOnlyList<T> ParseList<T>(string text, string option, Func<string, T> parse)
    {
        var values = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var value = parse(part);
            if (!values.Contains(value)) values.Add(value);
        }
        if (values.Count == 0) throw new CommandLineException($"Option '{option}' needs a value.");
        return values;
    }

    private static IReadOnlyList<string> ParseQueries(string text)
    {
        var names = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.ToLowerInvariant();
            if (!name.StartsWith('q')) name = "q" + name;
            if (!NexmarkQueries.AllNames.Contains(name))
                throw new CommandLineException($"There is no Nexmark query '{part}': the suite has q0 … q22.");
            if (!names.Contains(name)) names.Add(name);
        }
        if (names.Count == 0) throw new CommandLineException("--query expects query names, e.g. --query q0,q1,q2.");
        return names;
    }

    /// <summary>A positive count: digits, optionally with _ separators and a K, M or G suffix.</summary>
    internal static long ParseCount(string text, string option)
    {
        var t = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        long factor = 1;
        if (t.Length > 0 && char.ToUpperInvariant(t[^1]) is 'K' or 'M' or 'G')
        {
            factor = char.ToUpperInvariant(t[^1]) switch { 'K' => 1_000, 'M' => 1_000_000, _ => 1_000_000_000 };
            t = t[..^1];
        }
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0 || n > long.MaxValue / factor)
            throw new CommandLineException($"{option} expects a positive number of events (e.g. 10000000 or 10M), got '{text}'.");
        return n * factor;
    }

    private static TimeSpan? ParseInterval(string text)
    {
        if (text.Trim().ToLowerInvariant() is "off" or "none" or "0") return null;
        try
        {
            var interval = ConfigParsers.ParseDuration(text);
            if (interval <= TimeSpan.Zero) throw new FormatException();
            return interval;
        }
        catch (FormatException)
        {
            throw new CommandLineException($"--checkpoint-interval expects a duration such as 10s, 500ms or 1min (or 'off'), got '{text}'.");
        }
    }
}
