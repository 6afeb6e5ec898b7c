using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// An <see cref="UpsertSequenceQuery"/> over a bounded datagen sequence <c>1..n</c> at <see cref="RowsPerSecond"/> into an
/// exactly-once upsert-kafka sink of <see cref="Partitions"/> partitions on the mock cluster the soak hosts, n =
/// <see cref="BaseRows"/> + <see cref="RowsPerKill"/> × planned kills (as <see cref="DatagenSequenceSpec"/>).
/// </summary>
public sealed record UpsertKafkaSpec(UpsertSequenceQuery Query, int Partitions, int RowsPerSecond, int BaseRows, int RowsPerKill) : PipelineSpec
{
    public override bool IsBounded => true;

    public override bool HasCommitFaults => true;

    /// <summary>No, as for <see cref="KafkaExactlyOnceSpec"/>: the epoch's records reach the log at its commit, and the end
    /// of the input is followed at once by the final checkpoint's, so the job has mostly finished by the time the topic
    /// shows the final table.</summary>
    public override bool KillableAtEndOfInput => false;

    public override string TablePrefix => Query.Name;

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new UpsertKafkaPipeline(Query, name, host.KafkaCluster, Partitions, BaseRows + RowsPerKill * plannedKills, RowsPerSecond);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Query.Name} (datagen 1..{BaseRows}+{RowsPerKill}/kill at {RowsPerSecond} rows/s, bounded) into an exactly-once upsert-kafka sink of {Partitions} partitions");
}
