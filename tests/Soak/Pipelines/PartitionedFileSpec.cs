using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// The datagen sequence <c>1..n</c> at <see cref="RowsPerSecond"/> into a filesystem sink of <see cref="Format"/>
/// (<c>parquet</c> or <c>json</c>) partitioned by <c>id % 4</c> with the success-file commit policy, n =
/// <see cref="BaseRows"/> + <see cref="RowsPerKill"/> × planned kills (as <see cref="DatagenSequenceSpec"/>).
/// </summary>
public sealed record PartitionedFileSpec(string Format, int RowsPerSecond, int BaseRows, int RowsPerKill) : PipelineSpec
{
    public override bool IsBounded => true;

    public override string TablePrefix => "part" + Format;

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new PartitionedFilePipeline(Format, name, Path.Combine(scratch, name + "-out"), BaseRows + RowsPerKill * plannedKills, RowsPerSecond);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"datagen 1..{BaseRows}+{RowsPerKill}/kill at {RowsPerSecond} rows/s into a {Format} sink partitioned by id % 4 with _SUCCESS files, bounded");
}
