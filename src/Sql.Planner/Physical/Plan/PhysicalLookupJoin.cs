using System.Text;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's <c>LookupJoin</c>: joins each input row with the rows of a table looked up by key at processing time. It runs
/// where its input runs (no exchange, no state) and forwards its input's changes; the join of two streams, which needs
/// both sides hashed by key and state, is a different node.
/// </summary>
public sealed record PhysicalLookupJoin(
    PhysicalNode Input,
    string TableName,
    CatalogTable Table,
    LookupJoinType JoinType,
    IReadOnlyList<LookupKey> Keys,
    ScalarExpr? Condition,
    LookupCacheSettings Cache,
    AsyncLookupSettings Async,
    RowSchema OutputSchema) : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "LookupJoin";
    public override string VertexName => "LookupJoin";

    /// <summary>The input's columns keep their places, so its hash distribution holds for the output.</summary>
    public override Distribution Distribution => Input.Distribution;

    public override string Explain(bool infix)
    {
        var dim = Table.PhysicalSchema;
        var text = new StringBuilder("LookupJoin(table=[")
            .Append(Binder.ObjectNames.FullName(TableName))
            .Append("], joinType=[").Append(JoinType == LookupJoinType.Left ? "LeftOuterJoin" : "InnerJoin")
            .Append("], lookup=[")
            .Append(string.Join(", ", Keys.Select(k => dim[k.DimColumn].Name + "=" + ExpressionPrinter.Print(k.Source, Input.Schema, infix))))
            .Append(']');
        if (Condition is not null) text.Append(", joinCondition=[").Append(ExpressionPrinter.Print(Condition, Schema, infix)).Append(']');
        return text.Append(", select=[").Append(ExplainText.Fields(Schema)).Append("])").ToString();
    }

    /// <summary>As Flink: results may leave out of order only when the input is insert-only; an updating input's changes for
    /// a key must keep their order, so it is always ORDERED.</summary>
    public AsyncLookupSettings EffectiveAsync => Input.Changelog.IsInsertOnly ? Async : Async with { Ordered = true };

    public OperatorSpec ToSpec(string description) =>
        new LookupJoinSpec(TableName, Table, JoinType, Keys, Condition, Cache, EffectiveAsync, description, Schema, Changelog.ToRuntimeMode());
}
