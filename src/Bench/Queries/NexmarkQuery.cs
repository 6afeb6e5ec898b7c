namespace StreamSql.Bench.Queries;

/// <summary>One Nexmark query: its StreamSql text (sink DDL and INSERT) and the batch query DuckDB answers it with.</summary>
/// <param name="Name">q0 … q22.</param>
/// <param name="Sql">The query file as written (placeholders such as <c>${NEXMARK_DIR}</c> still in it).</param>
/// <param name="DuckDbSql">The same result as one DuckDB SELECT over tables bid, auction, person (and side_input), or null
/// where no batch query computes it (processing-time windows).</param>
/// <param name="Needs">What the query needs from the engine, as its file's header says.</param>
/// <param name="Tables">The Nexmark tables it reads (bid, auction, person).</param>
public sealed record NexmarkQuery(string Name, string Sql, string? DuckDbSql, string Needs, IReadOnlyList<string> Tables)
{
    /// <summary>The query's number (q5 → 5), for ordering.</summary>
    public int Number => int.Parse(Name.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
}
