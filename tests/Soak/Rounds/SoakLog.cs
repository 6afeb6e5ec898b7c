using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace StreamSql.Soak.Rounds;

/// <summary>What a round did, line by line with the time since it started; echoed to <paramref name="live"/> when given.</summary>
public sealed class SoakLog(TextWriter? live)
{
    private readonly StringBuilder _text = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Write(string line)
    {
        var stamped = string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,8:0.000} s] {line}");
        lock (_text) _text.AppendLine(stamped);
        live?.WriteLine(stamped);
    }

    public override string ToString()
    {
        lock (_text) return _text.ToString();
    }
}
