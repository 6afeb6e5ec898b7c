namespace StreamSql.Shell.Control;

/// <summary>What to do to running engines' jobs: the <c>jobs</c>, <c>stop</c>, <c>cancel</c> and <c>savepoint</c> commands.</summary>
internal enum ControlVerb { Jobs, Stop, Cancel, Savepoint }

/// <summary>A parsed control command: <c>streamsql &lt;command&gt; [job] [options]</c>.</summary>
internal sealed record ControlCommandLine(ControlVerb Verb, string? Job, bool WithSavepoint, string? SavepointDirectory, bool Drain, Uri? Endpoint, bool ShowHelp)
{
    public const string Usage =
        "\n" +
        "Commands (control the jobs of StreamSql engines running on this machine, found without a port):\n" +
        "  streamsql jobs                                      List the jobs of every running engine.\n" +
        "  streamsql stop <job> [--savepoint [<dir>]] [--drain]\n" +
        "                                                      Stop a job; with --savepoint take a savepoint first (into\n" +
        "                                                      <dir>, default execution.checkpointing.savepoint-dir) and\n" +
        "                                                      print its path. Without it the job is cancelled.\n" +
        "  streamsql cancel <job>                              Cancel a job.\n" +
        "  streamsql savepoint <job> [<dir>]                   Take a savepoint of a running job and print its path.\n" +
        "  <job> is a job id or a job name. --endpoint <url> talks to one engine (e.g. http://127.0.0.1:8081) instead.\n";

    private static readonly string[] Verbs = { "jobs", "stop", "cancel", "savepoint" };

    /// <summary>Whether the command line starts with a control command word.</summary>
    public static bool IsControlCommand(IReadOnlyList<string> args) => args.Count > 0 && Array.IndexOf(Verbs, args[0]) >= 0;

    /// <summary>Parses <c>args</c> (the first is the command word).</summary>
    /// <exception cref="CommandLineException">The arguments do not fit the command; the message says how.</exception>
    public static ControlCommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = args[0] switch
        {
            "jobs" => ControlVerb.Jobs,
            "stop" => ControlVerb.Stop,
            "cancel" => ControlVerb.Cancel,
            _ => ControlVerb.Savepoint,
        };
        var positional = new List<string>();
        bool withSavepoint = false, drain = false, help = false;
        string? savepointDir = null;
        Uri? endpoint = null;
        for (int i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--endpoint":
                    if (i + 1 >= args.Count) throw new CommandLineException("Option '--endpoint' needs a URL, e.g. --endpoint http://127.0.0.1:8081.");
                    endpoint = ParseEndpoint(args[++i]);
                    break;
                case "--savepoint" or "-p" when verb == ControlVerb.Stop:
                    withSavepoint = true;
                    // The directory is optional: take the next word only when the job is given elsewhere.
                    if (i + 1 < args.Count && !args[i + 1].StartsWith('-') && (positional.Count > 0 || HasLaterPositional(args, i + 2)))
                        savepointDir = args[++i];
                    break;
                case "--drain" or "-d" when verb == ControlVerb.Stop:
                    drain = true;
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                default:
                    if (arg.StartsWith("--endpoint=", StringComparison.Ordinal))
                    {
                        endpoint = ParseEndpoint(arg["--endpoint=".Length..]);
                        break;
                    }
                    if (verb == ControlVerb.Stop && arg.StartsWith("--savepoint=", StringComparison.Ordinal))
                    {
                        withSavepoint = true;
                        savepointDir = arg["--savepoint=".Length..];
                        break;
                    }
                    if (arg.StartsWith('-') && arg.Length > 1)
                        throw new CommandLineException($"Unknown option '{arg}' for 'streamsql {args[0]}'. See 'streamsql --help'.");
                    positional.Add(arg);
                    break;
            }
        }
        if (help) return new ControlCommandLine(verb, null, false, null, false, endpoint, ShowHelp: true);
        int max = verb switch { ControlVerb.Jobs => 0, ControlVerb.Savepoint => 2, _ => 1 };
        if (verb != ControlVerb.Jobs && positional.Count == 0)
            throw new CommandLineException($"'streamsql {args[0]}' needs a job id or name ('streamsql jobs' lists them).");
        if (positional.Count > max)
            throw new CommandLineException($"Unexpected argument '{positional[max]}' for 'streamsql {args[0]}'. See 'streamsql --help'.");
        if (drain && !withSavepoint)
            throw new CommandLineException("--drain needs --savepoint: draining fires the remaining event-time timers before the savepoint is taken.");
        string? job = positional.Count > 0 ? positional[0] : null;
        if (verb == ControlVerb.Savepoint) savepointDir = positional.Count > 1 ? positional[1] : null;
        return new ControlCommandLine(verb, job, withSavepoint || verb == ControlVerb.Savepoint, savepointDir, drain, endpoint, ShowHelp: false);
    }

    private static bool HasLaterPositional(IReadOnlyList<string> args, int from)
    {
        for (int i = from; i < args.Count; i++)
        {
            if (args[i] == "--endpoint") { i++; continue; }
            if (!args[i].StartsWith('-')) return true;
        }
        return false;
    }

    private static Uri ParseEndpoint(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new CommandLineException($"'{text}' is not an endpoint URL (expected e.g. http://127.0.0.1:8081).");
        return uri;
    }
}
