using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>Reads a catalog table: the physical columns <see cref="ProjectedColumns"/> (indices into the table's physical schema),
/// then the metadata columns <see cref="MetadataColumns"/> (column names of the table's metadata columns).</summary>
public sealed record LogicalScan(string TableName, CatalogTable Table, IReadOnlyList<int> ProjectedColumns, IReadOnlyList<string> MetadataColumns, RowSchema Schema)
    : LogicalNode(Schema)
{
    /// <summary>Filters of the scan's only reader that the connector may use to skip data (<see cref="ScanPredicate"/>).</summary>
    public IReadOnlyList<ScanPredicate> Filters { get; init; } = Array.Empty<ScanPredicate>();

    public override IReadOnlyList<LogicalNode> Inputs => Array.Empty<LogicalNode>();
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this;
}

/// <summary>Computes one output column per expression.</summary>
public sealed record LogicalProject(LogicalNode Input, IReadOnlyList<ScalarExpr> Projections, RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    public static LogicalProject Create(LogicalNode input, IReadOnlyList<ScalarExpr> projections, IReadOnlyList<string> names)
    {
        var fields = new List<Field>(projections.Count);
        for (int i = 0; i < projections.Count; i++) fields.Add(new Field(names[i], projections[i].Type));
        return new LogicalProject(input, projections, new RowSchema(fields));
    }

    /// <summary>Whether this projection returns its input unchanged.</summary>
    public bool IsIdentity
    {
        get
        {
            if (Projections.Count != Input.Schema.Count) return false;
            for (int i = 0; i < Projections.Count; i++)
            {
                if (Projections[i] is not InputRef r || r.Index != i) return false;
                if (!string.Equals(Schema[i].Name, Input.Schema[i].Name, StringComparison.Ordinal)) return false;
                if (!Schema[i].Type.Equals(Input.Schema[i].Type)) return false;
            }
            return true;
        }
    }
}

/// <summary>Keeps rows for which <see cref="Condition"/> is TRUE.</summary>
public sealed record LogicalFilter(LogicalNode Input, ScalarExpr Condition) : SingleInputNode(Input, Input.Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => new LogicalFilter(inputs[0], Condition);
}

/// <summary>Filter then project in one step (what the physical Calc operator runs). Produced by the merge rules.</summary>
public sealed record LogicalCalc(LogicalNode Input, ScalarExpr? Condition, IReadOnlyList<ScalarExpr> Projections, RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };
}

/// <summary>UNION ALL of inputs with identical schemas.</summary>
public sealed record LogicalUnion(IReadOnlyList<LogicalNode> Branches, RowSchema Schema) : LogicalNode(Schema)
{
    public override IReadOnlyList<LogicalNode> Inputs => Branches;
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Branches = inputs };
}

/// <summary>Constant rows (<c>VALUES</c>).</summary>
public sealed record LogicalValues(IReadOnlyList<IReadOnlyList<Literal>> Rows, RowSchema Schema) : LogicalNode(Schema)
{
    public override IReadOnlyList<LogicalNode> Inputs => Array.Empty<LogicalNode>();
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this;
}

/// <summary>Generates watermarks from <see cref="WatermarkExpression"/> (bound over the input row); rows pass unchanged.</summary>
public sealed record LogicalWatermarkAssigner(LogicalNode Input, int RowtimeIndex, ScalarExpr WatermarkExpression) : SingleInputNode(Input, Input.Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => new LogicalWatermarkAssigner(inputs[0], RowtimeIndex, WatermarkExpression);
}

/// <summary>Writes its input (already shaped like the table's physical schema) into a catalog table.</summary>
public sealed record LogicalSink(LogicalNode Input, string TableName, CatalogTable Table) : SingleInputNode(Input, Input.Schema)
{
    /// <summary><c>INSERT OVERWRITE</c>: the written data replaces what the table (or each partition written) held.</summary>
    public bool Overwrite { get; init; }

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };
}

/// <summary>Delivers a SELECT's rows to the client.</summary>
public sealed record LogicalCollect(LogicalNode Input) : SingleInputNode(Input, Input.Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => new LogicalCollect(inputs[0]);
}
