using System.Globalization;
using System.Text;

namespace StreamSql.Tests.Differential;

/// <summary>
/// A bounded table of random rows written as a CSV file that both engines read: <c>k</c> BIGINT keys with a skew (a few
/// hot keys) and NULLs, <c>v</c> INT values (negative, zero, NULL), <c>d</c> DECIMAL(10, 2), <c>s</c> short strings from a
/// small alphabet (duplicates, empty, NULL), <c>b</c> BOOLEAN, and <c>ts</c> TIMESTAMP(3) mostly increasing with jitter
/// and some late rows (none with <c>lateRows: false</c>: the jitter stays within the watermark's 5 s delay).
/// </summary>
internal sealed class RandomTable
{
    public const string NullLiteral = "NULL";

    private static readonly string[] Words = ["a", "b", "ab", "ba", "abc", "x", "xy", "", "Zed", "q"];

    public RandomTable(string name, string directory, int rows, Random random, bool lateRows = true, bool sequence = false, int timeStepMillis = 1)
    {
        Name = name;
        Sequence = sequence;
        CsvPath = Path.Combine(directory, name + ".csv");
        var text = new StringBuilder();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        long clockMillis = 0;
        for (int i = 0; i < rows; i++)
        {
            clockMillis += random.Next(0, 2000);
            long ts = lateRows && random.Next(20) == 0 ? clockMillis - random.Next(0, 60_000) : clockMillis + random.Next(0, 500);
            string k = random.Next(20) == 0 ? NullLiteral : (random.Next(3) == 0 ? random.Next(3) : random.Next(50)).ToString(CultureInfo.InvariantCulture);
            string v = random.Next(10) == 0 ? NullLiteral : random.Next(-100, 1000).ToString(CultureInfo.InvariantCulture);
            string d = random.Next(10) == 0 ? NullLiteral : (random.Next(-100_000, 10_000_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
            string s = random.Next(10) == 0 ? NullLiteral : Quote(Words[random.Next(Words.Length)]);
            string b = random.Next(10) == 0 ? NullLiteral : random.Next(2) == 0 ? "true" : "false";
            // A coarser time step gives many rows of equal time (ties), still within the watermark's delay.
            ts -= ts % timeStepMillis;
            var time = start.AddMilliseconds(Math.Max(0, ts)).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{k},{v},{d},{s},{b},{time}");
            text.Append(sequence ? FormattableString.Invariant($",{i}\n") : "\n");
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(CsvPath, text.ToString());
    }

    public string Name { get; }
    public string CsvPath { get; }

    /// <summary>Whether the rows end with <c>seq</c> BIGINT, their position in the file (for oracles that need arrival order).</summary>
    public bool Sequence { get; }

    /// <summary>The engine's DDL for the table (a bounded filesystem source, watermark on <c>ts</c>).</summary>
    public string EngineDdl() =>
        $"CREATE TABLE {Name} (k BIGINT, v INT, d DECIMAL(10, 2), s STRING, b BOOLEAN, ts TIMESTAMP(3), {(Sequence ? "seq BIGINT, " : "")}"
        + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) "
        + $"WITH ('connector' = 'filesystem', 'path' = '{CsvPath}', 'format' = 'csv', 'csv.null-literal' = '{NullLiteral}')";

    public string DuckDbColumns() =>
        "'k': 'BIGINT', 'v': 'INTEGER', 'd': 'DECIMAL(10, 2)', 's': 'VARCHAR', 'b': 'BOOLEAN', 'ts': 'TIMESTAMP'" + (Sequence ? ", 'seq': 'BIGINT'" : "");

    private static string Quote(string word) => "\"" + word + "\"";
}
