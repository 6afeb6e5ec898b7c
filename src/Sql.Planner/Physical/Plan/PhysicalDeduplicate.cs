using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalDeduplicate: the Top-1 of <c>ROW_NUMBER() OVER (PARTITION BY k ORDER BY time [DESC])</c> over a
/// time attribute, one row kept per key. On processing time the first row of a key is kept (insert-only) or the last
/// (each new row updates the key); on event time the row with the smallest (keep first) or largest rowtime, ties going to
/// the later row when keeping the last, so late rows are processed too (Flink's RowTimeDeduplicateFunction drops none).
/// Runtime contract on <see cref="DeduplicateSpec"/>.
/// </summary>
public sealed record PhysicalDeduplicate(PhysicalNode Input, IReadOnlyList<int> Keys, int OrderColumn, bool KeepLastRow, bool IsRowtime)
    : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>Flink's <c>table.exec.state.ttl</c>: a key not written for that long is forgotten; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    public override string StateSignature =>
        $"Deduplicate|keys={ExplainText.Types(Input.Schema, Keys)}|keep={(KeepLastRow ? "last" : "first")}|{(IsRowtime ? "rowtime" : "proctime")}"
        + $"|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "Deduplicate";

    public override string Explain(bool infix) =>
        $"Deduplicate(keep=[{(KeepLastRow ? "LastRow" : "FirstRow")}], key=[{ExplainText.Names(Input.Schema, Keys)}], order=[{(IsRowtime ? "ROWTIME" : "PROCTIME")}])";

    public override Distribution Distribution => Keys.Count == 0 ? Distribution.Single : Distribution.Hash(Keys);

    public override Distribution RequiredDistribution(int input) => Keys.Count == 0 ? Distribution.Single : Distribution.Hash(Keys);

    // ------------------------------------------------------------------ changelog

    /// <summary>Keeping the first row on processing time never changes it; the other forms update a key's row.</summary>
    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) =>
        !KeepLastRow && !IsRowtime ? ModifyKindSet.InsertOnly : new ModifyKindSet(true, true, false);

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalDeduplicate";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [Keys];

    public OperatorSpec ToSpec(string description) =>
        new DeduplicateSpec(Keys, OrderColumn, KeepLastRow, IsRowtime, Changelog.HasUpdateBefore, StateTtl, description, Schema);
}
