using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Writes into a catalog table; its input is shaped like the table's sink schema (physical, then persisted metadata columns).</summary>
/// <param name="Accepted">The changes the table's connector accepts (<c>IConnectorDescriptor.SinkChangelogMode</c>).</param>
/// <param name="InsertSpan">Where the INSERT is written, for errors about what the query produces.</param>
public sealed record PhysicalSink(PhysicalNode Input, string TableName, CatalogTable Table, ChangelogMode Accepted, Parser.SourceSpan InsertSpan) : PhysicalNode
{
    /// <summary><c>INSERT OVERWRITE</c> (see <see cref="Logical.LogicalSink.Overwrite"/>).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Whether the table sets <c>sink.parallelism</c>; without it the sink runs at its input's parallelism, as
    /// Flink's CommonExecSink derives it.</summary>
    public bool ParallelismConfigured { get; init; }

    public override RowSchema Schema => Table.SinkSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>Sinks keep pending transactions as state.</summary>
    public override bool IsStateful => true;
    public override string StateSignature => $"Sink|{TableName}|{Table.Connector}";
    public override bool StateDependsOnInputs => false;
    public override string VertexName => "Sink: " + TableName;
    public override string Explain(bool infix) => $"Sink(table=[{ObjectNames.FullName(TableName)}], fields=[{ExplainText.Fields(Input.Schema)}])";

    /// <summary>Indexes of the table's primary key columns in <see cref="Schema"/>; empty when it has none.</summary>
    public IReadOnlyList<int> PrimaryKeyIndexes => Table.PrimaryKey.Select(k => Schema.IndexOf(k)).Where(i => i >= 0).ToList();

    /// <summary>
    /// An updating stream whose upsert key is the table's primary key is shuffled by that key when the sink runs at another
    /// parallelism than its input, so the changes of one key stay in order (Flink's <c>table.exec.sink.keyed-shuffle</c> = AUTO).
    /// </summary>
    public override Distribution RequiredDistribution(int input) =>
        !Input.Changelog.IsInsertOnly && PrimaryKeyIndexes.Count > 0 && Input.Parallelism != Parallelism
            ? Distribution.Hash(PrimaryKeyIndexes)
            : Distribution.Any;
}
