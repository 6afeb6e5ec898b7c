using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace StreamSql.Bench.Queries;

/// <summary>
/// The Nexmark query files (benchmarks/nexmark/q0.sql … q22.sql, ddl.sql, duckdb/qN.sql), read from the copies embedded
/// in this assembly or from a directory laid out the same way.
/// </summary>
public sealed partial class NexmarkQueries
{
    /// <summary>Every query of the suite, in order.</summary>
    public static readonly IReadOnlyList<string> AllNames = Enumerable.Range(0, 23).Select(i => "q" + i).ToArray();

    private readonly Func<string, string?> _read;

    private NexmarkQueries(Func<string, string?> read, string ddl)
    {
        _read = read;
        Ddl = ddl;
    }

    /// <summary>The source tables' DDL (placeholders <c>${EVENTS_NUM}</c>, <c>${TPS}</c>, <c>${BASE_TIME}</c> in it).</summary>
    public string Ddl { get; }

    /// <summary>The files built into this assembly.</summary>
    public static NexmarkQueries Embedded()
    {
        var assembly = typeof(NexmarkQueries).Assembly;
        return Create(name => ReadResource(assembly, "nexmark/" + name));
    }

    /// <summary>The files of <paramref name="directory"/> (ddl.sql, qN.sql, duckdb/qN.sql).</summary>
    /// <exception cref="FileNotFoundException">The directory has no ddl.sql.</exception>
    public static NexmarkQueries FromDirectory(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "ddl.sql")))
            throw new FileNotFoundException($"'{directory}' holds no Nexmark query files (ddl.sql is missing).");
        return Create(name =>
        {
            var path = Path.Combine(directory, name.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        });
    }

    private static NexmarkQueries Create(Func<string, string?> read) =>
        new(read, read("ddl.sql") ?? throw new InvalidOperationException("the Nexmark ddl.sql is missing"));

    /// <summary>The query named <paramref name="name"/> (q0 … q22).</summary>
    /// <exception cref="ArgumentException">No such query file.</exception>
    public NexmarkQuery Get(string name)
    {
        var sql = _read(name + ".sql") ?? throw new ArgumentException($"There is no Nexmark query '{name}' (the suite has q0 … q22).");
        return new NexmarkQuery(name, sql, _read("duckdb/" + name + ".sql"), ReadNeeds(sql), TablesRead(sql));
    }

    private static string? ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The header's <c>-- Needs: ...</c> paragraph, as one line.</summary>
    internal static string ReadNeeds(string sql)
    {
        var lines = sql.Split('\n');
        var needs = new StringBuilder();
        bool inNeeds = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (!line.StartsWith("--", StringComparison.Ordinal)) break;
            var text = line[2..].Trim();
            if (text.StartsWith("Needs:", StringComparison.Ordinal))
            {
                inNeeds = true;
                text = text["Needs:".Length..].Trim();
            }
            else if (inNeeds && (text.Length == 0 || text.StartsWith("---", StringComparison.Ordinal)))
            {
                break;
            }
            if (inNeeds && text.Length > 0) needs.Append(needs.Length > 0 ? " " : "").Append(text);
        }
        return needs.ToString();
    }

    /// <summary>The Nexmark tables a query reads (after FROM, JOIN, TABLE, or a comma in a FROM list).</summary>
    internal static IReadOnlyList<string> TablesRead(string sql)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in TableReference().Matches(StripComments(sql))) found.Add(m.Groups[1].Value.ToLowerInvariant());
        foreach (Match m in CommaJoin().Matches(StripComments(sql))) found.Add(m.Groups[1].Value.ToLowerInvariant());
        return found.ToArray();
    }

    private static string StripComments(string sql) => LineComment().Replace(sql, "");

    [GeneratedRegex(@"\b(?:FROM|JOIN|TABLE)\s+(bid|auction|person)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();

    [GeneratedRegex(@"\bFROM\s+(?:bid|auction|person)(?:\s+(?:AS\s+)?\w+)?\s*,\s*(bid|auction|person)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommaJoin();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();
}
