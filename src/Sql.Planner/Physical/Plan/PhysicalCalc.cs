using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Filter then project: keeps rows where <see cref="Condition"/> is TRUE, then computes <see cref="Projections"/>.</summary>
public sealed record PhysicalCalc(PhysicalNode Input, ScalarExpr? Condition, IReadOnlyList<ScalarExpr> Projections, RowSchema OutputSchema) : PhysicalNode
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "Calc";
    public override string VertexName => "Calc";
    public override string Explain(bool infix) => $"Calc({ExplainText.Calc(Condition, Projections, Input.Schema, Schema, infix)})";

    /// <summary>The input's hash distribution survives when every key column is passed through unchanged.</summary>
    public override Distribution Distribution => Input.Distribution switch
    {
        HashDistribution h => MapColumns(h.Keys) is { } keys ? Distribution.Hash(keys) : Distribution.Any,
        SingleDistribution => Distribution.Single,
        _ => Distribution.Any,
    };

    /// <summary>Where input columns <paramref name="columns"/> appear in the output (first plain reference each), or null when one does not.</summary>
    public List<int>? MapColumns(IReadOnlyList<int> columns)
    {
        var mapped = new List<int>(columns.Count);
        foreach (var c in columns)
        {
            int found = -1;
            for (int i = 0; i < Projections.Count && found < 0; i++)
                if (Projections[i] is InputRef r && r.Index == c) found = i;
            if (found < 0) return null;
            mapped.Add(found);
        }
        return mapped;
    }
}
