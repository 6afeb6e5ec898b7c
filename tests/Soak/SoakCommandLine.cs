using System.Globalization;
using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak;

/// <summary>The soak's command line: <c>--kills N</c>, <c>--seed N</c>, <c>--scenario NAME</c> (repeatable), <c>--verbose</c>,
/// <c>--keep</c>, <c>--list</c>.</summary>
public sealed record SoakCommandLine(int Kills, int? Seed, IReadOnlyList<SoakScenario> Scenarios, bool Verbose, bool Keep, bool List, bool Help)
{
    public const int DefaultKills = 100;

    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Soak -- [--kills N] [--seed N] [--scenario NAME]... [--verbose] [--keep] [--list]\n" +
        "  SIGKILLs a real `streamsql -f` process N times (default 100) across the scenarios, resuming each time with\n" +
        "  --from-latest-checkpoint, and compares the committed rows with the expected ones.\n" +
        "  --seed N         the seed of the kill moments (printed by every run; default: random)\n" +
        "  --scenario NAME  run only this scenario (repeatable); --list shows them (the opt-in ones run only when named)\n" +
        "  --verbose        print every run as it happens\n" +
        "  --keep           keep the scratch directories of rounds that passed too\n" +
        "  STREAMSQL_DLL=/path/streamsql.dll runs another build of the shell.\n" +
        "Exit code: 0 when no row was lost or duplicated and every run behaved, 1 otherwise, 2 for a bad command line.";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="FormatException"/> with a message naming the problem.</summary>
    public static SoakCommandLine Parse(IReadOnlyList<string> args)
    {
        int kills = DefaultKills;
        int? seed = null;
        var scenarios = new List<SoakScenario>();
        bool verbose = false, keep = false, list = false, help = false;
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--kills":
                    kills = PositiveNumber("--kills", Value());
                    break;
                case "--seed":
                    var text = Value();
                    seed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                        ? s
                        : throw new FormatException($"--seed needs a whole number, not '{text}'.");
                    break;
                case "--scenario":
                    var name = Value();
                    scenarios.Add(SoakScenarios.Find(name)
                        ?? throw new FormatException($"Unknown scenario '{name}'; the scenarios are: {string.Join(", ", SoakScenarios.All.Concat(SoakScenarios.OptIn).Select(x => x.Name))}."));
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--list":
                    list = true;
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[i]}'.");
            }
        }
        return new SoakCommandLine(kills, seed, scenarios.Count == 0 ? SoakScenarios.All : scenarios.Distinct().ToList(), verbose, keep, list, help);
    }

    private static int PositiveNumber(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new FormatException($"{option} needs a positive whole number, not '{text}'.");
}
