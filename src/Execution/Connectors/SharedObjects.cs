using System.Collections.Concurrent;

namespace StreamSql.Execution.Connectors;

/// <summary>
/// Objects the parallel subtasks of one job attempt share, by name. What Flink runs as a single global operator fed by
/// every subtask of a sink (the filesystem sink's partition committer) is one object here, since all subtasks of an attempt
/// run in this process. A restarted attempt starts with none: what must outlive an attempt travels in checkpoint state.
/// </summary>
public sealed class SharedObjects
{
    private readonly ConcurrentDictionary<string, object> _objects;
    private readonly string _prefix;

    public SharedObjects() : this(new ConcurrentDictionary<string, object>(StringComparer.Ordinal), "") { }

    private SharedObjects(ConcurrentDictionary<string, object> objects, string prefix)
    {
        _objects = objects;
        _prefix = prefix;
    }

    /// <summary>The objects of one scope (an operator id): names in it do not meet names of other scopes.</summary>
    public SharedObjects Scoped(string scope) => new(_objects, _prefix + scope + "/");

    /// <summary>The object named <paramref name="name"/>, created by the first subtask that asks for it.</summary>
    public T GetOrAdd<T>(string name, Func<T> create) where T : class
    {
        var value = _objects.GetOrAdd(_prefix + name, static (_, create) => create(), create);
        return value as T ?? throw new InvalidOperationException($"Shared object '{_prefix + name}' is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }
}
