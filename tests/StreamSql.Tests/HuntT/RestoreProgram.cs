namespace StreamSql.Tests.HuntT;

/// <summary>
/// One of Flink's restore-test programs (a <c>TableTestProgram</c> of the planner's <c>*TestPrograms.java</c>): its
/// sources' rows before and after a savepoint, the SQL, and the sink's changelog before the savepoint and after the
/// restore. Rows are JSON lines of the sources' physical columns.
/// </summary>
internal sealed record RestoreProgram(
    string Name,
    IReadOnlyList<RestoreSource> Sources,
    string SinkSchema,
    string Sql,
    IReadOnlyList<string> ExpectedBefore,
    IReadOnlyList<string> ExpectedAfter)
{
    /// <summary>Session settings the program sets (<c>setupConfig</c>).</summary>
    public IReadOnlyList<(string Key, string Value)> Config { get; init; } = [];

    /// <summary>Tables joined by lookup (<c>FOR SYSTEM_TIME AS OF</c> a processing time): their rows are the table's whole
    /// content, <see cref="RestoreSource.Before"/> before the savepoint and <see cref="RestoreSource.After"/> after the
    /// restore (Flink's values lookup table is set up with the after rows alone; lookups keep no state).</summary>
    public IReadOnlyList<RestoreSource> Lookups { get; init; } = [];

    /// <summary>Statements run before the query (views, functions).</summary>
    public IReadOnlyList<string> Setup { get; init; } = [];

    /// <summary>Flink's <c>testMaterializedData()</c>: each phase's changelog is compared as the rows it leaves (a
    /// retraction takes back an equal row that phase inserted; retracting a row it did not insert fails, as Flink's
    /// values sink does), not change by change.</summary>
    public bool Materialized { get; init; }

    /// <summary>The changes must come in the order listed (a sort), not merely as the same multiset.</summary>
    public bool Ordered { get; init; }

    /// <summary>The sink table's name in <see cref="Sql"/>.</summary>
    public string SinkName { get; init; } = "sink_t";
}

/// <summary>A source table: its column list (as in <c>CREATE TABLE name (...)</c>) and its rows, as JSON objects of
/// the physical columns, produced before the savepoint and after the restore.</summary>
internal sealed record RestoreSource(string Name, string Schema, IReadOnlyList<string> Before, IReadOnlyList<string> After)
{
    /// <summary>The source's format: its rows are lines of it (a change-data format: one change each).</summary>
    public string Format { get; init; } = "json";

    /// <summary>JSON lines of <paramref name="rows"/>, each value under the column of its position (as Flink's <c>Row.of</c>).</summary>
    public static IReadOnlyList<string> Rows(string[] columns, params object?[][] rows) =>
        rows.Select(row => System.Text.Json.JsonSerializer.Serialize(
            columns.Select((c, i) => (c, v: row[i])).ToDictionary(p => p.c, p => p.v))).ToList();
}
