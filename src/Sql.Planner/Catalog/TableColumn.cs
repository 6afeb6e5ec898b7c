using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>A column of a catalog table: physical (read from the connector), computed, or metadata.</summary>
public abstract record TableColumn(string Name, SqlType Type, string? Comment)
{
    /// <summary>Whether the column is stored by the connector (physical, or non-virtual metadata), i.e. part of an INSERT's target row.</summary>
    public abstract bool IsPersisted { get; }
}

public sealed record PhysicalColumn(string Name, SqlType Type, string? Comment = null) : TableColumn(Name, Type, Comment)
{
    public override bool IsPersisted => true;
}

/// <summary><c>name AS expr</c>: <see cref="Expression"/> is bound over the table's physical and metadata columns, in declaration order.</summary>
public sealed record ComputedColumn(string Name, SqlType Type, ScalarExpr Expression, string ExpressionText, string? Comment = null) : TableColumn(Name, Type, Comment)
{
    public override bool IsPersisted => false;
}

public sealed record MetadataColumn(string Name, SqlType Type, string MetadataKey, bool IsVirtual, string? Comment = null) : TableColumn(Name, Type, Comment)
{
    public override bool IsPersisted => !IsVirtual;
}
