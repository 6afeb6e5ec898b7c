namespace StreamSql.Postgres.Tests.Fixture;

/// <summary>Reads a running query's changelog rows in tests.</summary>
public static class ChangelogRows
{
    /// <summary>The next <paramref name="count"/> rows as text; fails when the query ends or <paramref name="patience"/> runs out.</summary>
    public static async Task<List<string>> ReadAsync(IAsyncEnumerator<ChangelogRow> rows, int count, TimeSpan patience)
    {
        var read = new List<string>();
        var deadline = DateTime.UtcNow + patience;
        while (read.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up after {string.Join("; ", read)}");
            Assert.True(await rows.MoveNextAsync(), "the query ended");
            read.Add(rows.Current.ToString());
        }
        return read;
    }
}
