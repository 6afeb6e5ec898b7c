using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Explain;

/// <summary>
/// <c>EXPLAIN JSON_EXECUTION_PLAN</c>'s section, in the shape of Flink's stream graph JSON (<c>StreamGraph#getStreamingPlanAsJSON</c>,
/// laid out as Jackson's default pretty printer does): one node per operator with its id, type, pact (<c>Data Source</c>,
/// <c>Operator</c>, <c>Data Sink</c>), contents and parallelism, and its predecessors with the ship strategy of the edge.
/// Operators chained in one vertex are joined by FORWARD edges.
/// </summary>
internal static class ExecutionPlanJson
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Print(JobGraph graph)
    {
        // Node ids: operators numbered from 1 in vertex order, chain order within a vertex.
        var firstId = new Dictionary<int, int>();
        int next = 1;
        foreach (var vertex in graph.Vertices)
        {
            firstId[vertex.Id] = next;
            next += vertex.Chain.Count;
        }
        var nodes = new List<string>();
        foreach (var vertex in graph.Vertices)
        {
            for (int i = 0; i < vertex.Chain.Count; i++)
            {
                int id = firstId[vertex.Id] + i;
                var op = vertex.Chain[i];
                var predecessors = new List<(int Id, string Strategy)>();
                if (i > 0) predecessors.Add((id - 1, "FORWARD"));
                else
                    foreach (var edge in graph.Edges.Where(e => e.TargetVertex == vertex.Id).OrderBy(e => e.TargetInput))
                    {
                        var source = graph.Vertices.First(v => v.Id == edge.SourceVertex);
                        predecessors.Add((firstId[source.Id] + source.Chain.Count - 1, Strategy(edge.Kind)));
                    }
                nodes.Add(Node(id, op, vertex.Parallelism, predecessors));
            }
        }
        return "{\n  \"nodes\" : [ " + string.Join(", ", nodes) + " ]\n}";
    }

    private static string Node(int id, OperatorSpec op, int parallelism, List<(int Id, string Strategy)> predecessors)
    {
        var (type, pact) = op switch
        {
            SourceSpec or ValuesSpec => ("Source: " + op.Description, "Data Source"),
            SinkSpec or CollectSinkSpec => ("Sink: " + op.Description, "Data Sink"),
            _ => (op.Description, "Operator"),
        };
        var sb = new StringBuilder("{\n");
        sb.Append("    \"id\" : ").Append(id.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        sb.Append("    \"type\" : ").Append(Quote($"{type}[{id.ToString(CultureInfo.InvariantCulture)}]")).Append(",\n");
        sb.Append("    \"pact\" : ").Append(Quote(pact)).Append(",\n");
        sb.Append("    \"contents\" : ").Append(Quote($"[{id.ToString(CultureInfo.InvariantCulture)}]:{op.Description}")).Append(",\n");
        sb.Append("    \"parallelism\" : ").Append(parallelism.ToString(CultureInfo.InvariantCulture));
        if (predecessors.Count > 0)
        {
            sb.Append(",\n    \"predecessors\" : [ ");
            sb.AppendJoin(", ", predecessors.Select(p =>
                "{\n      \"id\" : " + p.Id.ToString(CultureInfo.InvariantCulture) + ",\n      \"ship_strategy\" : " + Quote(p.Strategy) +
                ",\n      \"side\" : \"second\"\n    }"));
            sb.Append(" ]");
        }
        return sb.Append("\n  }").ToString();
    }

    private static string Strategy(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Forward => "FORWARD",
        ExchangeKind.Hash => "HASH",
        ExchangeKind.Broadcast => "BROADCAST",
        ExchangeKind.Single => "GLOBAL",
        _ => "REBALANCE",
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Strings);
}
