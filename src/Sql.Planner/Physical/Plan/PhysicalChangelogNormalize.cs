using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's ChangelogNormalize: after a source whose changes are upserts by a primary key (upsert-kafka), or a CDC source
/// that may repeat events (<c>table.exec.source.cdc-events-duplicate</c>), it keeps the last row of every key in keyed state
/// and emits a normalized changelog: <c>+I</c> for a new key, <c>-U</c> (the stored row) and <c>+U</c> for a changed one,
/// nothing for a repeat of the stored row, and <c>-D</c> with the stored full row for a delete (which may carry only the
/// key); a delete of an unknown key is dropped. Runtime contract on <see cref="ChangelogNormalizeSpec"/>.
/// </summary>
public sealed record PhysicalChangelogNormalize(PhysicalNode Input, IReadOnlyList<int> Keys) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>Flink's <c>table.exec.state.ttl</c>: a key not written for that long is forgotten; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    public override string StateSignature => $"ChangelogNormalize|keys={ExplainText.Types(Input.Schema, Keys)}|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "ChangelogNormalize";

    public override string Explain(bool infix) => $"ChangelogNormalize(key=[{string.Join(", ", Keys.Select(k => Input.Schema[k].Name))}])";

    public override Distribution Distribution => Distribution.Hash(Keys);

    public override Distribution RequiredDistribution(int input) => Distribution.Hash(Keys);

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.AllChanges;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;

    public string RequesterName => "StreamPhysicalChangelogNormalize";

    /// <summary>It regenerates <c>-U</c> from its state, so it never needs its input's.</summary>
    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [Keys];

    public OperatorSpec ToSpec(string description) =>
        new ChangelogNormalizeSpec(Keys, Changelog.HasUpdateBefore, StateTtl, description, Schema);
}
