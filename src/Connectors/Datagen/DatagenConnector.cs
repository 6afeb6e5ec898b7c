using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Datagen;

/// <summary>
/// <c>'connector' = 'datagen'</c>: random or sequence values for every column (Flink's DataGen connector). Options:
/// <c>rows-per-second</c> (10000, total), <c>number-of-rows</c> (bounded when set), and per column
/// <c>fields.&lt;col&gt;.kind</c> = random | sequence, <c>.min</c>/<c>.max</c>, <c>.length</c> (100), <c>.var-len</c>,
/// <c>.max-past</c>, <c>.start</c>/<c>.end</c> (required for sequences; the source ends with the shortest sequence), <c>.null-rate</c>.
/// </summary>
public sealed class DatagenConnector : TableConnectorBase
{
    public override string Identifier => "datagen";

    public override IReadOnlyList<ConfigOption> OptionalOptions { get; } = new ConfigOption[]
    {
        DatagenOptions.RowsPerSecond, DatagenOptions.NumberOfRows, DatagenOptions.ScanParallelism,
    };

    public override IReadOnlyList<string> OptionPrefixes { get; } = new[] { DatagenOptions.FieldsPrefix };

    public override bool SupportsSource => true;

    public override bool IsBounded(CatalogTable table)
    {
        if (new TableOptions(table).Get(DatagenOptions.NumberOfRows) is not null) return true;
        foreach (var spec in DatagenFieldSpec.ParseAll(table).Values)
            if (spec.IsSequence) return true;
        return false;
    }

    protected override void ValidateSpecific(CatalogTable table)
    {
        DatagenFieldSpec.ParseAll(table);
        var options = new TableOptions(table);
        if (options.Get(DatagenOptions.RowsPerSecond) <= 0) throw options.Invalid(DatagenOptions.RowsPerSecond.Key, "must be positive");
        if (options.Get(DatagenOptions.NumberOfRows) is < 0) throw options.Invalid(DatagenOptions.NumberOfRows.Key, "must not be negative");
    }

    public override ISourceReader CreateReader() => new DatagenReader();
}
