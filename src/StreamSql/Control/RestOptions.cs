using StreamSql.Sql.Planner.Config;

namespace StreamSql.Control;

/// <summary>
/// Settings of the control endpoint (the REST API that <c>streamsql jobs</c>, <c>stop</c>, <c>cancel</c> and
/// <c>savepoint</c> talk to), with Flink's keys where Flink has them. Read when the endpoint starts, shortly after the
/// session's first job (so a script's SET before its first INSERT applies).
/// </summary>
public static class RestOptions
{
    /// <summary>The ports tried when <see cref="BindPort"/> is not set; when all are taken an ephemeral port is used.</summary>
    public const string DefaultPorts = "8081-8099";

    public static readonly ConfigOption<bool> Enabled = Options.Bool("rest.enabled", true,
        "Whether the control REST endpoint starts with the session's first job, so 'streamsql jobs', 'stop', 'cancel' and " +
        "'savepoint' from another process reach its jobs. The streamsql shell always attaches it; embedded sessions only when they call ControlEndpoint.Attach.");

    public static readonly ConfigOption<string> BindAddress = Options.String("rest.bind-address", "127.0.0.1",
        "Address the control endpoint listens on. Only loopback addresses are accepted unless 'rest.allow-non-loopback' is true.");

    public static readonly ConfigOption<PortRange?> BindPort = new("rest.bind-port", null,
        $"Port of the control endpoint: a port, a range like '8081-8090' or a list of them; the first free one is used. '0' picks an ephemeral port. " +
        $"Default: the first free port of {DefaultPorts}, else an ephemeral port (engines are found through their discovery files, not by port).",
        PortRange.Parse, p => p?.Text ?? "", new[] { "rest.port" }, hasDefault: false);

    public static readonly ConfigOption<bool> AllowNonLoopback = Options.Bool("rest.allow-non-loopback", false,
        "Allow 'rest.bind-address' to be a non-loopback address. The endpoint has no authentication: whoever reaches it can stop and cancel jobs.");

    /// <summary>Every option above, for SET validation and the docs.</summary>
    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[] { Enabled, BindAddress, BindPort, AllowNonLoopback };
}
