using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// A Kafka topic of <see cref="Partitions"/> partitions, pre-filled by the harness with records <c>1..n</c> (n =
/// <see cref="BaseRows"/> + <see cref="RowsPerKill"/> × planned kills), read to the end it has when a run starts
/// (<c>scan.bounded.mode</c> = <c>latest-offset</c>: bounded) into an exactly-once kafka sink, on the mock cluster the soak
/// process hosts (<see cref="PipelineHost"/>).
/// </summary>
public sealed record KafkaExactlyOnceSpec(int Partitions, int BaseRows, int RowsPerKill) : PipelineSpec
{
    public override bool IsBounded => true;

    public override bool HasCommitFaults => true;

    /// <summary>No: the end of the input is followed at once by the final checkpoint's commit, so the job has mostly
    /// finished by the time the log shows every row (the records of an open transaction at the end are
    /// <see cref="KillMoment.InSinkCommit"/>'s "after-data", and random kills land inside commits).</summary>
    public override bool KillableAtEndOfInput => false;

    public override string TablePrefix => "kafka";

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new KafkaExactlyOncePipeline(name, host.KafkaCluster, Partitions, BaseRows + RowsPerKill * plannedKills);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"kafka topic of {Partitions} partitions pre-filled with {BaseRows}+{RowsPerKill}/kill records (bounded at latest-offset), WHERE + projection into an exactly-once kafka sink");
}
