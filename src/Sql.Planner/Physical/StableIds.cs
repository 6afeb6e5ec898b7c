using System.Security.Cryptography;
using System.Text;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Derives each operator's <see cref="OperatorSpec.StableId"/> from the plan alone: a hash of its description, its position
/// (ordinal in the plan's depth-first order) and the ids of the operators feeding it. The same SQL gets the same ids on
/// every run, and the ids do not depend on parallelism or chaining, so state can be restored at another parallelism.
/// </summary>
internal static class StableIds
{
    public static IReadOnlyList<JobVertex> Assign(IReadOnlyList<JobVertex> vertices, IReadOnlyList<JobEdge> edges)
    {
        var tailIds = new Dictionary<int, string>();
        var result = new List<JobVertex>(vertices.Count);
        int ordinal = 0;
        // Vertices are created inputs-first, so every input's tail id is known when a vertex is reached.
        foreach (var v in vertices.OrderBy(v => v.Id))
        {
            var upstream = edges.Where(e => e.TargetVertex == v.Id).OrderBy(e => e.TargetInput).Select(e => tailIds[e.SourceVertex]).ToList();
            var chain = new List<OperatorSpec>(v.Chain.Count);
            for (int i = 0; i < v.Chain.Count; i++)
            {
                var op = v.Chain[i];
                string id = Hash($"{op.Description}|{ordinal++}|{string.Join(",", upstream)}");
                chain.Add(op with { StableId = id });
                upstream = new List<string> { id };
            }
            tailIds[v.Id] = chain[^1].StableId;
            result.Add(v with { Chain = chain });
        }
        return result;
    }

    private static string Hash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
