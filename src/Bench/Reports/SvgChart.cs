using System.Globalization;
using System.Security;
using System.Text;

namespace StreamSql.Bench.Reports;

/// <summary>
/// A bar chart of events per second per core, query by query: the engine in this run, the baselines of this run
/// (their CPU time), and the published per-core figures of Flink and Feldera, on a logarithmic axis.
/// </summary>
public static class SvgChart
{
    private const int Left = 70, BarArea = 640, Right = 150, BarHeight = 11, GroupGap = 10, Top = 58;
    private const double MinLog = 4, MaxLog = 10;

    private static readonly (string Key, string Label, string Color)[] Series =
    {
        ("engine", "StreamSql (this run)", "#d62728"),
        ("hand-written", "hand-written C#", "#7f7f7f"),
        ("duckdb", "DuckDB (batch)", "#ff7f0e"),
        ("rx", "Rx.NET", "#9467bd"),
        ("flink", "Flink (published)", "#1f77b4"),
        ("feldera", "Feldera (published, 16 cores)", "#2ca02c"),
    };

    public static string Render(IReadOnlyList<QueryReport> reports, string title)
    {
        var groups = new List<(string Query, List<(int Series, double Value)> Bars)>();
        foreach (var report in reports.Where(r => r.HasNumbers))
        {
            var bars = new List<(int, double)> { (0, report.EventsPerCoreSecond ?? 0) };
            for (int s = 1; s <= 3; s++)
            {
                var baseline = report.Baseline(Series[s].Key);
                if (baseline is not null && report.BaselineCorrect(Series[s].Key) && baseline.Cpu > TimeSpan.Zero)
                    bars.Add((s, report.Events / baseline.Cpu.TotalSeconds));
            }
            if (PublishedResults.Flink.TryGetValue(report.Query, out var flink)) bars.Add((4, flink));
            if (PublishedResults.Feldera.TryGetValue(report.Query, out var feldera)) bars.Add((5, feldera));
            groups.Add((report.Query, bars));
        }
        int height = Top + groups.Sum(g => g.Bars.Count * BarHeight + GroupGap) + 40;
        int width = Left + BarArea + Right;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>\n");
        for (int s = 0; s < Series.Length; s++)
        {
            int x = Left + (s % 3) * 215;
            int y = 30 + (s / 3) * 14;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y}\" width=\"10\" height=\"10\" fill=\"{Series[s].Color}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 14}\" y=\"{y + 9}\">{SecurityElement.Escape(Series[s].Label)}</text>\n");
        }
        int axisBottom = height - 30;
        for (int p = (int)MinLog; p <= (int)MaxLog; p++)
        {
            double x = X(Math.Pow(10, p));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{Top - 4}\" x2=\"{x:F1}\" y2=\"{axisBottom}\" stroke=\"#ddd\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{axisBottom + 14}\" text-anchor=\"middle\">{Units.Rate(Math.Pow(10, p))}</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + BarArea / 2}\" y=\"{height - 4}\" text-anchor=\"middle\">events per second per core (log scale)</text>\n");
        int yPos = Top;
        foreach (var (query, bars) in groups)
        {
            int groupHeight = bars.Count * BarHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{yPos + groupHeight / 2 + 4}\" text-anchor=\"end\" font-weight=\"bold\">{query}</text>\n");
            foreach (var (series, value) in bars)
            {
                double w = Math.Max(1, X(value) - Left);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{yPos + 1}\" width=\"{w:F1}\" height=\"{BarHeight - 2}\" fill=\"{Series[series].Color}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + w + 4:F1}\" y=\"{yPos + BarHeight - 2}\">{Units.Rate(value)}</text>\n");
                yPos += BarHeight;
            }
            yPos += GroupGap;
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double X(double value)
    {
        double log = Math.Clamp(Math.Log10(Math.Max(value, 1)), MinLog, MaxLog);
        return Left + (log - MinLog) / (MaxLog - MinLog) * BarArea;
    }
}
