using System.Globalization;
using System.Text;

namespace StreamSql.Soak;

/// <summary>The result of a soak run: per scenario and in total, kills, restores, rows expected, lost and duplicated.</summary>
public sealed class SoakReport(SoakSettings settings, IReadOnlyList<ScenarioTally> scenarios, TimeSpan elapsed)
{
    public SoakSettings Settings { get; } = settings;
    public IReadOnlyList<ScenarioTally> Scenarios { get; } = scenarios;
    public TimeSpan Elapsed { get; } = elapsed;

    public int Kills => Scenarios.Sum(s => s.Kills);
    public long Lost => Scenarios.Sum(s => s.Lost);
    public long Duplicated => Scenarios.Sum(s => s.Duplicated);
    public long Unexpected => Scenarios.Sum(s => s.Unexpected);

    /// <summary>No row lost, duplicated or unexpected, no run failed, and every kill of the budget landed.</summary>
    public bool Passed => Scenarios.All(s => s.Passed) && Kills >= Settings.Kills;

    /// <summary>The result table, the kill moments, and for a failure the seed, the replay command and the kept directories.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        var header = new[] { "scenario", "kills", "restores", "runs", "rows expected", "rows lost", "rows duplicated", "rows unexpected", "errors" };
        var rows = Scenarios.Select(s => new[]
        {
            s.Scenario.Name, N(s.Kills), N(s.Restores), N(s.Runs), N(s.ExpectedRows), N(s.Lost), N(s.Duplicated), N(s.Unexpected), N(s.Errors.Count),
        }).ToList();
        rows.Add(["total", N(Kills), N(Scenarios.Sum(s => s.Restores)), N(Scenarios.Sum(s => s.Runs)), N(Scenarios.Sum(s => s.ExpectedRows)),
            N(Lost), N(Duplicated), N(Unexpected), N(Scenarios.Sum(s => s.Errors.Count))]);
        AppendTable(sb, header, rows);

        sb.AppendLine();
        var momentHeader = new[] { "kills at" }.Concat(KillMoments.All.Select(m => m.Name())).ToArray();
        var momentRows = Scenarios.Select(s => new[] { s.Scenario.Name }.Concat(KillMoments.All.Select(m => N(s.KillsAt(m)))).ToArray()).ToList();
        momentRows.Add(new[] { "total" }.Concat(KillMoments.All.Select(m => N(Scenarios.Sum(s => s.KillsAt(m))))).ToArray());
        AppendTable(sb, momentHeader, momentRows);

        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{(Passed ? "PASSED" : "FAILED")}: {Kills} kills (of {Settings.Kills} asked), {Lost} rows lost, {Duplicated} duplicated, "
            + $"{Unexpected} unexpected, in {Elapsed.TotalSeconds:0} s; seed {Settings.Seed}"));
        sb.AppendLine("replay: " + Settings.ReplayCommand());
        foreach (var scenario in Scenarios.Where(s => !s.Passed))
        {
            sb.AppendLine();
            sb.AppendLine($"{scenario.Scenario.Name} FAILED; replay it alone: "
                + Settings.ReplayCommand([scenario.Scenario]).Replace($"--kills {Settings.Kills}", $"--kills {scenario.KillBudget}", StringComparison.Ordinal));
            foreach (var error in scenario.Errors) sb.AppendLine("  error: " + error);
            foreach (var round in scenario.FailedRounds)
            {
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round.Round}: {round.Kills} kills, {round.Lost} lost, {round.Duplicated} duplicated, {round.Unexpected} unexpected; kept {round.Scratch}"));
                foreach (var output in round.Outputs.Where(o => !o.IsExactlyOnce))
                    sb.Append("    ").AppendLine(output.Describe().TrimEnd().Replace("\n", "\n    ", StringComparison.Ordinal));
            }
        }
        return sb.ToString();
    }

    /// <summary>Every failed round's full log (runs, kill moments, what the shell said), for a failure message.</summary>
    public string FailedRoundLogs()
    {
        var sb = new StringBuilder();
        foreach (var round in Scenarios.SelectMany(s => s.FailedRounds))
        {
            sb.AppendLine($"--- log of {round.Scenario} round {round.Round} (scratch kept: {round.Scratch}):");
            sb.Append(round.Log);
        }
        return sb.ToString();
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static void AppendTable(StringBuilder sb, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => sb.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        Line(header);
        sb.AppendLine("| " + string.Join(" | ", widths.Select((w, i) => i == 0 ? new string('-', w) : new string('-', w - 1) + ":")) + " |");
        foreach (var row in rows) Line(row);
    }
}
