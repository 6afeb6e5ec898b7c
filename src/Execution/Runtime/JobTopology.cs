using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Runtime.Exchange;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Runtime;

/// <summary>Lays a job graph out as subtasks: operator instances, and one bounded channel per (sender, receiver) pair of each edge.</summary>
/// <param name="exclusiveStateName">The state name the job holds exclusively (<see cref="Checkpointing.JobStateClaim"/>), or null.</param>
internal sealed class JobTopology(JobGraph graph, int capacity, IClock clock, string? exclusiveStateName = null)
{
    private readonly Dictionary<(int Vertex, int Subtask), List<OutputPartitioner>> _outputs = new();
    private readonly Dictionary<(int Vertex, int Subtask), List<InputChannel>> _inputs = new();

    /// <summary>Every operator subtask's state store (disposed by the runner when the run has ended).</summary>
    public List<State.OperatorStateStore> Stores { get; } = new();

    public List<Subtask> BuildSubtasks(OperatorFactory factory, OperatorServices services, StateAssignment? restore = null)
    {
        var configuration = graph.Configuration;
        int maxParallelism = Math.Max(1, configuration.Get(CoreOptions.MaxParallelism));
        var vertices = new Dictionary<int, JobVertex>();
        foreach (var v in graph.Vertices)
        {
            if (v.Parallelism < 1) throw new InvalidOperationException($"vertex '{v.Name}' has parallelism {v.Parallelism}");
            if (v.Parallelism > maxParallelism)
                throw new InvalidOperationException($"vertex '{v.Name}' has parallelism {v.Parallelism}, above 'pipeline.max-parallelism' ({maxParallelism})");
            vertices.Add(v.Id, v);
        }
        var edges = new List<JobEdge>(graph.Edges);
        edges.Sort((a, b) => a.TargetInput.CompareTo(b.TargetInput));
        foreach (var edge in edges)
            Connect(edge, vertices[edge.SourceVertex], vertices[edge.TargetVertex], configuration, maxParallelism);

        // One block cache for every rocksdb backend of the job.
        var rocksDb = configuration.Get(Checkpointing.CheckpointingOptions.StateBackend) == "rocksdb"
            ? new State.RocksDb.RocksDbResources(configuration.Get(Checkpointing.CheckpointingOptions.RocksDbBlockCacheSize))
            : null;
        var idleTimeout = configuration.Get(CoreOptions.IdleTimeout);
        long idleTimeoutMillis = idleTimeout is { } t && t > TimeSpan.Zero ? (long)t.TotalMilliseconds : long.MaxValue;
        var subtasks = new List<Subtask>();
        foreach (var v in graph.Vertices)
        {
            var headInputs = new List<RowSchema>();
            foreach (var edge in edges)
                if (edge.TargetVertex == v.Id) headInputs.Add(vertices[edge.SourceVertex].Tail.OutputSchema);
            for (int s = 0; s < v.Parallelism; s++)
            {
                var chain = new IStreamOperator[v.Chain.Count];
                var contexts = new OperatorContext[v.Chain.Count];
                var wakeup = new OperatorWakeup();
                for (int k = 0; k < chain.Length; k++)
                {
                    var spec = v.Chain[k];
                    var inputs = k == 0 ? headInputs : (IReadOnlyList<RowSchema>)[v.Chain[k - 1].OutputSchema];
                    chain[k] = factory.Create(new OperatorCreation(spec, inputs, services));
                    var id = StateAssignment.OperatorIdOf(v, k);
                    var store = new State.OperatorStateStore(configuration, graph.Name, id, s, v.Parallelism, maxParallelism)
                    {
                        OperatorName = spec.Description,
                        RocksDbResources = rocksDb,
                    };
                    Stores.Add(store);
                    if (restore?.For(id) is { } entry) store.Restore(entry, restore.Checkpoint);
                    contexts[k] = new OperatorContext(graph.Name, id, spec.Description, s, v.Parallelism, maxParallelism, configuration, clock)
                    {
                        State = store,
                        ExclusiveStateName = exclusiveStateName,
                        Wakeup = wakeup,
                    };
                }
                var output = new VertexOutput(_outputs.TryGetValue((v.Id, s), out var o) ? o.ToArray() : []);
                InputGate? gate = chain[0] is ISourceOperator ? null
                    : new InputGate(_inputs.TryGetValue((v.Id, s), out var i) ? i.ToArray() : []);
                subtasks.Add(new Subtask($"{v.Name} ({s + 1}/{v.Parallelism})", chain, contexts, gate, output, clock, idleTimeoutMillis, wakeup));
            }
        }
        return subtasks;
    }

    private void Connect(JobEdge edge, JobVertex source, JobVertex target, Configuration configuration, int maxParallelism)
    {
        string Describe(int s) => $"{edge.Kind} from {source.Name} ({s + 1}/{source.Parallelism})";
        switch (edge.Kind)
        {
            case ExchangeKind.Forward:
                if (source.Parallelism != target.Parallelism)
                    throw new InvalidOperationException(
                        $"Forward edge from '{source.Name}' (parallelism {source.Parallelism}) to '{target.Name}' (parallelism {target.Parallelism}) needs equal parallelism");
                for (int s = 0; s < source.Parallelism; s++)
                {
                    var channel = NewChannel();
                    Output(source.Id, s).Add(new DirectPartitioner(channel.Writer));
                    Input(target.Id, s).Add(new InputChannel(channel.Reader, edge.TargetInput, Describe(s)) { KeepsSplits = true });
                }
                return;
            case ExchangeKind.Single:
                for (int s = 0; s < source.Parallelism; s++)
                {
                    var channel = NewChannel();
                    Output(source.Id, s).Add(new DirectPartitioner(channel.Writer));
                    Input(target.Id, 0).Add(new InputChannel(channel.Reader, edge.TargetInput, Describe(s)));
                }
                return;
            default:
                for (int s = 0; s < source.Parallelism; s++)
                {
                    var writers = new ChannelWriter<StreamElement>[target.Parallelism];
                    for (int t = 0; t < target.Parallelism; t++)
                    {
                        var channel = NewChannel();
                        writers[t] = channel.Writer;
                        Input(target.Id, t).Add(new InputChannel(channel.Reader, edge.TargetInput, Describe(s)));
                    }
                    OutputPartitioner partitioner = edge.Kind switch
                    {
                        ExchangeKind.Hash => new HashPartitioner(writers, edge.HashKeys, maxParallelism,
                            configuration.Get(CoreOptions.BatchMaxRows), configuration.Get(CoreOptions.BatchLinger), clock),
                        ExchangeKind.Broadcast => new BroadcastPartitioner(writers),
                        ExchangeKind.Rebalance => new RebalancePartitioner(writers, s),
                        _ => throw new NotSupportedException($"exchange {edge.Kind} is not supported"),
                    };
                    Output(source.Id, s).Add(partitioner);
                }
                return;
        }
    }

    private Channel<StreamElement> NewChannel() => Channel.CreateBounded<StreamElement>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private List<OutputPartitioner> Output(int vertex, int subtask) => GetOrAdd(_outputs, (vertex, subtask));
    private List<InputChannel> Input(int vertex, int subtask) => GetOrAdd(_inputs, (vertex, subtask));

    private static List<T> GetOrAdd<T>(Dictionary<(int, int), List<T>> map, (int, int) key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
        return list;
    }
}
