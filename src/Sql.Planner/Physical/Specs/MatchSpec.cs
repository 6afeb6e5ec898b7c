using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>AFTER MATCH SKIP: where the search resumes after a match. <see cref="Variable"/> for TO FIRST/LAST var.</summary>
public sealed record MatchSkip(MatchSkipKind Kind, int Variable, string? VariableName)
{
    public override string ToString() => Kind switch
    {
        MatchSkipKind.PastLastRow => "SKIP PAST LAST ROW",
        MatchSkipKind.ToNextRow => "SKIP TO NEXT ROW",
        MatchSkipKind.ToFirst => $"SKIP TO FIRST _UTF-16LE'{VariableName}'",
        _ => $"SKIP TO LAST _UTF-16LE'{VariableName}'",
    };

    /// <summary>The clause as written in SQL (<c>SKIP TO FIRST A</c>), for error messages; <see cref="ToString"/> is the plan's form.</summary>
    public string Sql => Kind switch
    {
        MatchSkipKind.ToFirst => $"SKIP TO FIRST {VariableName}",
        MatchSkipKind.ToLast => $"SKIP TO LAST {VariableName}",
        _ => ToString(),
    };
}

public enum MatchSkipKind { PastLastRow, ToNextRow, ToFirst, ToLast }

/// <summary>
/// The runtime's MATCH_RECOGNIZE (see <see cref="Plan.PhysicalMatch"/>): an insert-only input partitioned by
/// <paramref name="PartitionKeys"/>, ordered by the time attribute <paramref name="TimeColumn"/>. On event time rows wait
/// until the watermark passes them (late rows are dropped) and are then matched in rowtime order (arrival order on ties);
/// on processing time in arrival order. One output row per match: the partition columns, then the measures.
/// </summary>
/// <param name="Variables">The pattern's variables; <paramref name="Defines"/>[i] is variable i's condition (null: TRUE).</param>
/// <param name="WithinMillis">WITHIN: a match's last row is at most this after its first; null: no bound.</param>
public sealed record MatchSpec(
    IReadOnlyList<int> PartitionKeys,
    int TimeColumn,
    bool IsRowtime,
    IReadOnlyList<string> Variables,
    MatchPattern Pattern,
    IReadOnlyList<MatchExpression?> Defines,
    IReadOnlyList<MatchExpression> Measures,
    MatchSkip Skip,
    long? WithinMillis,
    string Description,
    RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly)
{
    /// <summary>ORDER BY keys after the time attribute: on event time, rows of equal rowtime are matched in this order
    /// (then arrival order).</summary>
    public IReadOnlyList<Logical.RankOrderKey> ThenBy { get; init; } = [];

    /// <summary>SUBSET union variables: a slot (or skip) variable at index <c>Variables.Count + i</c> stands for the
    /// variables of <c>Subsets[i]</c>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Subsets { get; init; } = [];
}
