namespace StreamSql.Shell;

/// <summary>What the command line asked for.</summary>
internal sealed record CommandLineOptions
{
    /// <summary><c>-f</c>: the script to run instead of the interactive prompt.</summary>
    public string? ScriptFile { get; init; }

    /// <summary><c>-i</c>: scripts to run first (several allowed, in order).</summary>
    public IReadOnlyList<string> InitFiles { get; init; } = Array.Empty<string>();

    /// <summary><c>-D key=value</c> / <c>--set key=value</c> settings, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    public bool ShowHelp { get; init; }

    /// <summary><c>--from-latest-checkpoint</c>: every INSERT job of the session restores from the newest completed
    /// checkpoint of its job name (<see cref="StreamSqlOptions.RestoreFromLatestCheckpoint"/>).</summary>
    public bool FromLatestCheckpoint { get; init; }

    public const string Usage =
        "Usage: streamsql [options]\n" +
        "       streamsql jobs | stop | cancel | savepoint ...   (see Commands below)\n" +
        "       streamsql bench nexmark [options]                (see Benchmark below)\n" +
        "\n" +
        "Runs Flink-dialect streaming SQL: an interactive shell, or a script with -f.\n" +
        "\n" +
        "Options:\n" +
        "  -f, --file <script.sql>        Run the script's statements in order and exit (non-zero exit code at the\n" +
        "                                 first failing statement). Waits for the jobs it started to finish (after a\n" +
        "                                 failing statement, for those over bounded input only).\n" +
        "  -i, --init <init.sql>          Run this script first (before the prompt or the -f script); repeatable.\n" +
        "                                 Scripts are paths or file: URIs (file:///jobs/job.sql).\n" +
        "  -D <key>=<value>               Set a session property, as SET 'key' = 'value' would; repeatable.\n" +
        "      --set <key>=<value>        Same as -D.\n" +
        "      --from-savepoint <path>    Restore the script's INSERT jobs from a savepoint (sets execution.savepoint.path).\n" +
        "      --from-latest-checkpoint   Restore each INSERT job from the newest completed checkpoint of its job name in\n" +
        "                                 execution.checkpointing.dir (warns and starts empty when there is none).\n" +
        "  -h, --help                     Show this help.\n" +
        "\n" +
        "Interactive: end statements with ';' (they may span lines). Ctrl-C stops a running query, QUIT; leaves.\n" +
        "Script mode: SIGTERM or Ctrl-C stops the script's jobs, with a savepoint each when\n" +
        "execution.checkpointing.savepoint-dir is set.\n" +
        "Examples:\n" +
        "  streamsql\n" +
        "  streamsql -f job.sql -D parallelism.default=2\n" +
        Control.ControlCommandLine.Usage +
        Bench.BenchCommandLine.Usage;

    /// <summary>Parses the arguments; throws <see cref="CommandLineException"/> with a message for the user.</summary>
    public static CommandLineOptions Parse(IReadOnlyList<string> args)
    {
        string? script = null;
        var inits = new List<string>();
        var settings = new List<KeyValuePair<string, string>>();
        bool help = false, latest = false;
        for (int i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value(string name)
            {
                if (i + 1 >= args.Count || args[i + 1].Length == 0)
                    throw new CommandLineException($"Option '{name}' needs a value.");
                return args[++i];
            }
            switch (arg)
            {
                case "-f" or "--file":
                    if (script is not null) throw new CommandLineException("Only one script can be given with -f.");
                    script = Value(arg);
                    break;
                case "-i" or "--init":
                    inits.Add(Value(arg));
                    break;
                case "-D" or "--set":
                    settings.Add(ParseSetting(Value(arg), arg));
                    break;
                case "--from-savepoint":
                    settings.Add(new("execution.savepoint.path", Value(arg)));
                    break;
                case "--from-latest-checkpoint":
                    latest = true;
                    break;
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                default:
                    if (arg.StartsWith("-D", StringComparison.Ordinal) && arg.Length > 2)
                    {
                        settings.Add(ParseSetting(arg[2..], "-D"));
                        break;
                    }
                    if (arg.StartsWith("--set=", StringComparison.Ordinal))
                    {
                        settings.Add(ParseSetting(arg["--set=".Length..], "--set"));
                        break;
                    }
                    if (arg.StartsWith("--file=", StringComparison.Ordinal))
                    {
                        script = arg["--file=".Length..];
                        break;
                    }
                    throw new CommandLineException(arg.StartsWith('-')
                        ? $"Unknown option '{arg}'. See 'streamsql --help'."
                        : $"Unexpected argument '{arg}'. To run a script use 'streamsql -f {arg}'.");
            }
        }
        return new CommandLineOptions
        {
            ScriptFile = script,
            InitFiles = inits,
            Settings = settings,
            ShowHelp = help,
            FromLatestCheckpoint = latest,
        };
    }

    private static KeyValuePair<string, string> ParseSetting(string text, string option)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new CommandLineException($"Option '{option}' expects key=value, got '{text}'.");
        return new(text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class CommandLineException : Exception
{
    public CommandLineException(string message) : base(message) { }
}
