using System.Text;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>One output row per entry of <see cref="Projects"/> for every input row (GROUPING SETS); see <see cref="ExpandSpec"/>.</summary>
public sealed record PhysicalExpand(PhysicalNode Input, IReadOnlyList<IReadOnlyList<ScalarExpr>> Projects, int ExpandIdIndex, RowSchema OutputSchema)
    : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override string StateSignature => "Expand";
    public override string VertexName => "Expand";

    /// <summary>Flink's <c>projectsToString</c>: <c>{a, null AS b, 1 AS $e}</c>.</summary>
    public override string Explain(bool infix)
    {
        var sb = new StringBuilder("Expand(projects=[");
        for (int p = 0; p < Projects.Count; p++)
        {
            if (p > 0) sb.Append(", ");
            sb.Append('{');
            for (int i = 0; i < Projects[p].Count; i++)
            {
                if (i > 0) sb.Append(", ");
                string output = Schema[i].Name;
                sb.Append(Projects[p][i] switch
                {
                    InputRef r when Input.Schema[r.Index].Name == output => output,
                    InputRef r => $"{Input.Schema[r.Index].Name} AS {output}",
                    Literal l => $"{(l.Value is null ? "null" : l.ToString())} AS {output}",
                    _ => output,
                });
            }
            sb.Append('}');
        }
        return sb.Append("])").ToString();
    }

    public OperatorSpec ToSpec(string description) => new ExpandSpec(Projects, ExpandIdIndex, description, Schema, Changelog.ToRuntimeMode());
}
