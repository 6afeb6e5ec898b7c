using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>
/// A <see cref="StatefulSequenceQuery"/> over bounded datagen sequences <c>1..n</c> at <see cref="RowsPerSecond"/> into a
/// filesystem sink, n = <see cref="BaseRows"/> + <see cref="RowsPerKill"/> × planned kills (as <see cref="DatagenSequenceSpec"/>).
/// </summary>
public sealed record StatefulSequenceSpec(StatefulSequenceQuery Query, int RowsPerSecond, int BaseRows, int RowsPerKill) : PipelineSpec
{
    public override bool IsBounded => true;

    public override string TablePrefix => Query.Name;

    public override ISoakPipeline Create(string name, string scratch, int plannedKills, PipelineHost host) =>
        new StatefulSequencePipeline(Query, name, Path.Combine(scratch, name + "-out"), BaseRows + RowsPerKill * plannedKills, RowsPerSecond);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Query.Name} (datagen 1..{BaseRows}+{RowsPerKill}/kill at {RowsPerSecond} rows/s, event time id×10 ms, bounded)");
}
