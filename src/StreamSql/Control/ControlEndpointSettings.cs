using System.Net;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Control;

/// <summary>The endpoint's address and candidate ports, read from a session's <see cref="RestOptions"/> and checked.</summary>
internal sealed record ControlEndpointSettings(IPAddress Address, IReadOnlyList<int> Ports, string PortsText)
{
    /// <exception cref="ControlEndpointException">A non-loopback address without <c>rest.allow-non-loopback</c>, or an unparsable one.</exception>
    public static ControlEndpointSettings From(Configuration config)
    {
        var text = config.Get(RestOptions.BindAddress).Trim();
        IPAddress address;
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase)) address = IPAddress.Loopback;
        else if (!IPAddress.TryParse(text, out address!))
            throw new ControlEndpointException($"The control endpoint could not start: rest.bind-address '{text}' is not an IP address (use 127.0.0.1 or ::1).");
        if (!IPAddress.IsLoopback(address) && !config.Get(RestOptions.AllowNonLoopback))
            throw new ControlEndpointException(
                $"The control endpoint was not started: rest.bind-address '{text}' is not a loopback address, and the endpoint has no authentication " +
                "(anyone who reaches it can stop jobs). Set 'rest.allow-non-loopback' = 'true' to serve it there anyway.");
        var range = config.Get(RestOptions.BindPort);
        var ports = new List<int>(range?.Ports ?? PortRange.Parse(RestOptions.DefaultPorts).Ports);
        // The default range is a convenience (Flink's 8081 first); a busy machine still gets an endpoint.
        if (range is null) ports.Add(0);
        return new ControlEndpointSettings(address, ports, range?.Text ?? RestOptions.DefaultPorts);
    }
}
