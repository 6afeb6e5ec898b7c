using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// The datagen sequence <c>1..n</c> at <see cref="RowsPerSecond"/> into a filesystem sink of <see cref="Format"/>
/// (<c>parquet</c> or <c>json</c>) partitioned by <c>id % 4</c> with the success-file commit policy, n =
/// <see cref="BaseRows"/> + <see cref="RowsPerKill"/> × planned kills (as <see cref="DatagenSequenceSpec"/>).
/// </summary>
public sealed record PartitionedFileSpec(string Format, int RowsPerSecond, int BaseRows, int RowsPerKill) : PipelineSpec
{
    /// <summary>The sink's <c>sink.rolling-policy.file-size</c>, or null for its default: a small one closes several part
    /// files of a partition between two checkpoints.</summary>
    public string? RollingFileSize { get; init; }

    /// <summary>Event time <c>id</c> seconds, partitions <c>dt=…/hr=…</c> committed by the partition-time trigger.</summary>
    public bool PartitionTime { get; init; }

    public override bool IsBounded => true;

    public override string TablePrefix => (PartitionTime ? "hourly" : "part") + Format;

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new PartitionedFilePipeline(Format, RollingFileSize, PartitionTime, name, Path.Combine(scratch, name + "-out"), BaseRows + RowsPerKill * plannedKills, RowsPerSecond);

    public override string Describe()
    {
        var rolling = RollingFileSize is null ? "" : ", rolling at " + RollingFileSize;
        var partitions = PartitionTime ? "dt/hr of the event time id seconds, committed by the partition-time trigger" : "id % 4";
        return string.Create(CultureInfo.InvariantCulture,
            $"datagen 1..{BaseRows}+{RowsPerKill}/kill at {RowsPerSecond} rows/s into a {Format} sink partitioned by {partitions} with _SUCCESS files{rolling}, bounded");
    }
}
