namespace StreamSql.Tests;

/// <summary>Sink text found to differ from Flink's in the conformance hunt (hunta): each test is a script a Flink user
/// would write and the exact text Flink's format writes.</summary>
public sealed class HuntAFormatTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private string Dir(string name) => Path.Combine(_dir, name);

    private List<string> Lines(string name) => Directory.GetFiles(Dir(name), "part-*").SelectMany(File.ReadAllLines).Order().ToList();

    [Fact]
    public async Task Json_writes_a_time_in_whole_seconds_and_csv_with_its_milliseconds()
    {
        await using var env = Sessions.Create(null, ("table.dml-sync", "true"));
        env.ExecuteSql($"CREATE TABLE j (t TIME(3), t0 TIME) WITH ('connector' = 'filesystem', 'path' = '{Dir("j")}', 'format' = 'json')");
        env.ExecuteSql($"CREATE TABLE c (t TIME(3), t0 TIME) WITH ('connector' = 'filesystem', 'path' = '{Dir("c")}', 'format' = 'csv')");
        const string Values = "VALUES (TIME '12:34:56.789', TIME '00:00:00'), (TIME '23:59:59.001', TIME '07:08:09')";
        env.ExecuteSql($"INSERT INTO j {Values}");
        env.ExecuteSql($"INSERT INTO c {Values}");
        // Flink's RowDataToJsonConverters: LocalTime.ofSecondOfDay(millis / 1000) in HH:mm:ss.
        Assert.Equal(new[] { """{"t":"12:34:56","t0":"00:00:00"}""", """{"t":"23:59:59","t0":"07:08:09"}""" }, Lines("j"));
        // Flink's RowDataToCsvConverters: LocalTime.ofNanoOfDay(millis * 1000000) in ISO_LOCAL_TIME.
        Assert.Equal(new[] { "12:34:56.789,00:00:00", "23:59:59.001,07:08:09" }, Lines("c"));
    }
}
