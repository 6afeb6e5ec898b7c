using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// A bounded datagen sequence <c>1..n</c> at <see cref="RowsPerSecond"/> into a filesystem sink, with
/// n = <see cref="BaseRows"/> + <see cref="RowsPerKill"/> × planned kills: enough input that most kills land before its
/// end (a killed run gets about a second of input done), and little enough that the last run ends soon.
/// </summary>
public sealed record DatagenSequenceSpec(int RowsPerSecond, int BaseRows, int RowsPerKill) : PipelineSpec
{
    public override bool IsBounded => true;

    public override string TablePrefix => "seq";

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new DatagenSequencePipeline(name, Path.Combine(scratch, name + "-out"), BaseRows + RowsPerKill * plannedKills, RowsPerSecond);

    public override string Describe() => RowsPerKill == 0
        ? string.Create(CultureInfo.InvariantCulture, $"datagen sequence 1..{BaseRows} at {RowsPerSecond} rows/s (bounded)")
        : string.Create(CultureInfo.InvariantCulture, $"datagen sequence 1..{BaseRows}+{RowsPerKill}/kill at {RowsPerSecond} rows/s (bounded)");
}
