using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Print;

/// <summary><c>'connector' = 'print'</c>: writes every row as Flink does (<c>+I[1, abc]</c>), to standard output or error. Accepts every change.</summary>
public sealed class PrintConnector : TableConnectorBase
{
    public override string Identifier => "print";

    public override IReadOnlyList<ConfigOption> OptionalOptions { get; } = new ConfigOption[]
    {
        PrintOptions.PrintIdentifier, PrintOptions.StandardError, PrintOptions.SinkParallelism,
    };

    public override bool SupportsSink => true;

    public override ChangelogMode SinkChangelogMode(CatalogTable table) => ChangelogMode.All;

    public override ISinkWriter CreateWriter() => new PrintWriter();
}
