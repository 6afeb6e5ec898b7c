using StreamSql.Execution.Batches;

namespace StreamSql.Tests.HuntS;

/// <summary>A source of a restore program: its columns (DDL), row kinds, and the rows it produces before the savepoint
/// and after the restore.</summary>
internal sealed record RestoreSource(
    string Name,
    string Schema,
    IReadOnlyList<(RowKind Kind, object?[] Values)> Before,
    IReadOnlyList<(RowKind Kind, object?[] Values)> After,
    string ChangelogMode = "I");

/// <summary>A sink of a restore program: its columns (DDL, with the primary key if any), what follows them in its
/// <c>CREATE TABLE</c> (<c>PARTITIONED BY (b)</c>), options for its connector, and the changelog Flink's sink consumed before the savepoint and after
/// the restore.</summary>
internal sealed record RestoreSink(string Name, string Schema, IReadOnlyList<string> Before, IReadOnlyList<string> After, string Clauses = "",
    string Options = "")
{
    /// <summary>The positions of the primary key columns in the sink's rows, from <c>PRIMARY KEY (a, b)</c> or a column's
    /// inline <c>PRIMARY KEY</c> in the schema; empty without one.</summary>
    public int[] KeyPositions()
    {
        var elements = Schema.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var columns = new List<string>();
        var keys = new List<string>();
        bool inKeyList = false;
        foreach (string element in elements)
        {
            string name = element.Split(' ')[0].Trim('`');
            if (inKeyList || element.StartsWith("PRIMARY KEY", StringComparison.OrdinalIgnoreCase))
            {
                int open = element.IndexOf('('), close = element.IndexOf(')');
                keys.Add((close >= 0 ? element[(open + 1)..close] : element[(open + 1)..]).Trim(' ', '`'));
                inKeyList = close < 0;
                continue;
            }
            columns.Add(name);
            if (element.Contains("PRIMARY KEY", StringComparison.OrdinalIgnoreCase)) keys.Add(name);
        }
        return keys.Select(k => columns.IndexOf(k.Trim('`'))).ToArray();
    }
}

/// <summary>How the printed changelog is compared with Flink's.</summary>
internal enum Comparison
{
    /// <summary>The changelog lines of each phase as a multiset (what Flink's RestoreTestBase compares).</summary>
    Changelog,

    /// <summary>The table each phase leaves (upserts by the sink's key, else a multiset of rows): for programs whose
    /// changelog depends on how rows are batched (mini-batch), where this engine may fold several changes of a key.</summary>
    Materialized,
}

/// <summary>
/// One of Flink's <c>*TestPrograms</c> (flink-table-planner, <c>plan/nodes/exec/stream</c>): sources with rows before a
/// savepoint and after it, the SQL, the configuration, and each sink's expected changelog in both phases. A program
/// without <see cref="Restore"/> (Flink's <c>producedValues</c>/<c>consumedValues</c>) runs its "before" rows to the end
/// once and compares that changelog alone.
/// </summary>
internal sealed record RestoreProgram(
    string Id,
    IReadOnlyList<RestoreSource> Sources,
    IReadOnlyList<RestoreSink> Sinks,
    string Sql,
    IReadOnlyList<(string Key, string Value)> Config,
    Comparison Comparison = Comparison.Changelog,
    TimeSpan PauseBeforeRestore = default,
    bool Restore = true)
{
    public override string ToString() => Id;

    public static (RowKind, object?[]) I(params object?[] values) => (RowKind.Insert, values);
    public static (RowKind, object?[]) UB(params object?[] values) => (RowKind.UpdateBefore, values);
    public static (RowKind, object?[]) UA(params object?[] values) => (RowKind.UpdateAfter, values);
    public static (RowKind, object?[]) D(params object?[] values) => (RowKind.Delete, values);
}
