using System.Runtime.CompilerServices;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>
/// EXPLAIN output compared exactly with golden files: each <c>Explain/name.sql</c> is a script run after the
/// <see cref="PlannerFixture.Bids"/> tables are created; its last statement's EXPLAIN text must equal <c>Explain/name.out</c>.
/// To regenerate the .out files after an intended change: <c>STREAMSQL_UPDATE_GOLDEN=1 dotnet test tests/Sql.Planner.Tests</c>,
/// then review the diff.
/// </summary>
public sealed class ExplainGoldenTests
{
    public static IEnumerable<object[]> Cases() =>
        Directory.GetFiles(Folder(), "*.sql").Select(p => new object[] { Path.GetFileNameWithoutExtension(p) }).OrderBy(c => (string)c[0]);

    private static string Folder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Explain");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Explain_matches_golden_file(string name)
    {
        var f = new PlannerFixture(new ArithmeticEvaluator());
        f.Run(PlannerFixture.Bids);
        string sql = File.ReadAllText(Path.Combine(Folder(), name + ".sql"));
        var actual = Assert.IsType<ExplainResult>(f.Run(sql)).Text;
        string expectedPath = Path.Combine(Folder(), name + ".out");
        if (Environment.GetEnvironmentVariable("STREAMSQL_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with STREAMSQL_UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(expectedPath).Replace("\r\n", "\n"), actual);
    }
}
