namespace StreamSql.Tests;

/// <summary>Helpers shared by the session tests.</summary>
internal static class Sessions
{
    public static StreamSqlEnvironment Create(TextWriter? output = null, params (string Key, string Value)[] settings)
    {
        var options = new StreamSqlOptions { Output = output ?? TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        foreach (var (k, v) in settings) options.Settings[k] = v;
        return StreamSqlEnvironment.Create(options);
    }

    public static Dictionary<string, string?> SettingsTable(StreamSqlEnvironment env)
    {
        var table = Assert.IsType<TableTextResult>(env.ExecuteSql("SET"));
        Assert.Equal(new[] { "key", "value" }, table.ColumnNames);
        return table.Rows.ToDictionary(r => r[0]!, r => r[1]);
    }

    public const string FiveRows =
        "CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '5', " +
        "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5', 'fields.name.length' = '3')";
}
