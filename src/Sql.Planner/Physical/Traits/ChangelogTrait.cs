using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Traits;

/// <summary>
/// The changelog a physical node produces: which kinds of change (<see cref="ModifyKindSet"/>) and how updates are
/// encoded (<see cref="UpdateKind"/>). Printed by <c>EXPLAIN CHANGELOG_MODE</c> as Flink does (<c>I,UB,UA,D</c>), and
/// mapped onto the runtime's three-valued <see cref="ChangelogMode"/> for the operator specs.
/// </summary>
public sealed record ChangelogTrait(ModifyKindSet Kinds, UpdateKind UpdateKind)
{
    public static ChangelogTrait InsertOnly { get; } = new(ModifyKindSet.InsertOnly, UpdateKind.None);

    public bool IsInsertOnly => Kinds.IsInsertOnly;

    /// <summary>Whether rows of kind <c>-U</c> occur.</summary>
    public bool HasUpdateBefore => Kinds.Update && UpdateKind == UpdateKind.BeforeAndAfter;

    /// <summary>The row kinds as EXPLAIN prints them: <c>I</c>, <c>UB</c>, <c>UA</c>, <c>D</c>, comma separated.</summary>
    public string ToExplainString()
    {
        var kinds = new List<string>(4);
        if (Kinds.Insert) kinds.Add("I");
        if (HasUpdateBefore) kinds.Add("UB");
        if (Kinds.Update) kinds.Add("UA");
        if (Kinds.Delete) kinds.Add("D");
        return kinds.Count == 0 ? "NONE" : string.Join(",", kinds);
    }

    /// <summary>
    /// The runtime's coarser mode: insert-only; <see cref="ChangelogMode.Upsert"/> when updates come as <c>+U</c> alone;
    /// otherwise <see cref="ChangelogMode.All"/> (retractions with <c>-U</c>, or deletes of whole rows).
    /// </summary>
    public ChangelogMode ToRuntimeMode() =>
        Kinds.IsInsertOnly ? ChangelogMode.InsertOnly
        : Kinds.Update && UpdateKind == UpdateKind.OnlyUpdateAfter ? ChangelogMode.Upsert
        : ChangelogMode.All;

    public override string ToString() => ToExplainString();
}
