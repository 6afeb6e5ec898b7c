using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A physical operator as the planner describes it: what to compute, not how. The runtime turns each spec into an
/// operator instance per subtask. <see cref="StableId"/> is derived from the plan (structure and position) so that the
/// same SQL finds the same state after a restart.
/// </summary>
public abstract record OperatorSpec(string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
{
    /// <summary>Set by the physical planner: a hex hash of this operator's structure and position in the graph.</summary>
    public string StableId { get; init; } = "";
}

/// <summary>Reads a catalog table through its connector: the physical columns listed in <see cref="ProjectedColumns"/>
/// (indices into <see cref="CatalogTable.PhysicalSchema"/>), then the metadata columns in <see cref="MetadataColumns"/>.</summary>
public sealed record SourceSpec(
    string TableName,
    CatalogTable Table,
    IReadOnlyList<int> ProjectedColumns,
    IReadOnlyList<string> MetadataColumns,
    bool Bounded,
    string Description,
    RowSchema OutputSchema) : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly)
{
    /// <summary>Filters the connector may use to skip data (the plan still applies them).</summary>
    public IReadOnlyList<Logical.ScanPredicate> Filters { get; init; } = [];
}

/// <summary>Rows given in the query (<c>VALUES</c>). Values follow <see cref="Literal"/>'s representation.</summary>
public sealed record ValuesSpec(IReadOnlyList<IReadOnlyList<Literal>> Rows, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);

/// <summary>Filter then project: keeps rows where <see cref="Condition"/> is TRUE, then computes <see cref="Projections"/>.</summary>
public sealed record CalcSpec(ScalarExpr? Condition, IReadOnlyList<ScalarExpr> Projections, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);

/// <summary>Generates watermarks: after each batch, watermark = max over rows of <see cref="WatermarkExpression"/>
/// (bound over the input row), emitted at most every <c>pipeline.auto-watermark-interval</c> and never going back.</summary>
public sealed record WatermarkAssignerSpec(int RowtimeIndex, ScalarExpr WatermarkExpression, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly)
{
    /// <summary>The source table's own split idle timeout (<c>scan.watermark.idle-timeout</c> of a kafka table), in place of
    /// <c>table.exec.source.idle-timeout</c>; null: the session's.</summary>
    public TimeSpan? IdleTimeout { get; init; }
}

/// <summary>Merges its inputs (UNION ALL). Input schemas equal the output schema.</summary>
public sealed record UnionSpec(int InputCount, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);

/// <summary>Writes into a catalog table through its connector. Input columns match <see cref="CatalogTable.SinkSchema"/> in order:
/// the physical columns, then the persisted metadata columns the connector writes.</summary>
public sealed record SinkSpec(string TableName, CatalogTable Table, ChangelogMode InputChangelog, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly)
{
    /// <summary><c>INSERT OVERWRITE</c>: the written data replaces what the table (or each partition written) held.</summary>
    public bool Overwrite { get; init; }
}

/// <summary>Hands results to the client that ran a SELECT (the shell, the embedded API).</summary>
public sealed record CollectSinkSpec(ChangelogMode InputChangelog, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.InsertOnly);
