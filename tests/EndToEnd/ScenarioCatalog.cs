namespace StreamSql.EndToEnd;

/// <summary>Where the scenario files are: copied next to the test assembly by the build.</summary>
public static class ScenarioCatalog
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "scenarios");

    public static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.sql", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal);

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
