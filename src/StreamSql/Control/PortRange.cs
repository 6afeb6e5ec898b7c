using System.Globalization;

namespace StreamSql.Control;

/// <summary>
/// The ports the control endpoint may bind, as Flink's <c>rest.bind-port</c> accepts them: one port (<c>8081</c>), a
/// range (<c>8081-8090</c>), a comma-separated list of either, or <c>0</c> for a port the system picks.
/// </summary>
public sealed class PortRange
{
    private readonly IReadOnlyList<(int First, int Last)> _parts;

    private PortRange(IReadOnlyList<(int First, int Last)> parts, string text)
    {
        _parts = parts;
        Text = text;
    }

    /// <summary>The text it was parsed from.</summary>
    public string Text { get; }

    /// <summary>The candidate ports in the order they are tried (<c>0</c> means an ephemeral port).</summary>
    public IEnumerable<int> Ports
    {
        get
        {
            foreach (var (first, last) in _parts)
                for (int port = first; port <= last; port++) yield return port;
        }
    }

    /// <summary>Parses <c>8081</c>, <c>8081-8090</c>, <c>8081,8085-8090</c> or <c>0</c>.</summary>
    /// <exception cref="FormatException">The text is not a port, a range or a list of them.</exception>
    public static PortRange Parse(string text)
    {
        var parts = new List<(int, int)>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int dash = raw.IndexOf('-');
            int first = ParsePort(dash < 0 ? raw : raw[..dash], text);
            int last = dash < 0 ? first : ParsePort(raw[(dash + 1)..], text);
            if (last < first) throw new FormatException($"'{text}' is not a port range: {first} is greater than {last}");
            parts.Add((first, last));
        }
        return new PortRange(parts, text.Trim());
    }

    private static int ParsePort(string text, string whole)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new FormatException($"'{whole}' is not a port, a port range like '8081-8090', or a list of them");
        return port;
    }

    public override string ToString() => Text;
}
