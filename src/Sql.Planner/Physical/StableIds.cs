using System.Security.Cryptography;
using System.Text;
using StreamSql.Sql.Planner.Physical.Plan;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Derives each operator's <see cref="OperatorSpec.StableId"/> from the plan's structure, so a restarted query finds its
/// state: a hash of the operator's <see cref="PhysicalNode.StateSignature"/> (its kind and the shape of its state: key
/// types, aggregate functions and their argument types, window sizes), the ids of the stateful operators upstream of it
/// (so two aggregates over different tables differ), and its ordinal among operators with the same signature and
/// upstream (so two equal aggregates of one statement set differ). Column names, aliases, comments, constants in
/// filters and projections, parallelism and chaining do not take part: they change no state. A pinned id
/// (<c>/*+ OPERATOR_ID('name') */</c>) replaces all of it.
/// </summary>
internal static class StableIds
{
    /// <exception cref="SqlValidationException">Two operators pin the same id.</exception>
    public static Dictionary<PhysicalNode, string> Assign(IReadOnlyList<PhysicalNode> roots)
    {
        var ids = new Dictionary<PhysicalNode, string>(ReferenceEqualityComparer.Instance);
        // The stateful operators a node's input rows come through last (its own id when it is stateful).
        var statefulFrontier = new Dictionary<PhysicalNode, string>(ReferenceEqualityComparer.Instance);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var pinned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in PhysicalGraph.InputsFirst(roots))
        {
            string upstream = string.Join(",", node.Inputs.Select(i => statefulFrontier[i]));
            if (node is PhysicalExchange)
            {
                statefulFrontier[node] = upstream;
                continue;
            }
            string id;
            if (node.PinnedId is { } name)
            {
                if (!pinned.Add(name))
                    throw new SqlValidationException($"OPERATOR_ID '{name}' is given to two operators of one job; operator ids must be unique", Parser.SourceSpan.None);
                id = Hash("pinned|" + name);
            }
            else
            {
                string signature = node.StateSignature + "|" + (node.StateDependsOnInputs ? upstream : "");
                int ordinal = ordinals.GetValueOrDefault(signature);
                ordinals[signature] = ordinal + 1;
                id = Hash(signature + "|" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            ids[node] = id;
            statefulFrontier[node] = node.IsStateful ? id : upstream;
        }
        return ids;
    }

    private static string Hash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
