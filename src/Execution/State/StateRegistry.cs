using System.Diagnostics.CodeAnalysis;

namespace StreamSql.Execution.State;

/// <summary>
/// The named states of one keyed backend: ids handed out in registration order, one kind per name, and the typed
/// handle object created once per state. Shared by every backend so they agree on ids and on the kind check.
/// </summary>
internal sealed class StateRegistry
{
    private readonly List<StateInfo> _states = new();
    private readonly Dictionary<string, StateInfo> _byName = new(StringComparer.Ordinal);
    private readonly List<object?> _handles = new();

    public int Count => _states.Count;

    public StateInfo this[int id] => _states[id];

    public StateInfo[] ToArray() => _states.ToArray();

    public bool TryGet(string name, [MaybeNullWhen(false)] out StateInfo state) => _byName.TryGetValue(name, out state);

    /// <summary>The state named <paramref name="name"/>, registered with the next id when new.</summary>
    /// <exception cref="InvalidOperationException">The name is already registered with another kind.</exception>
    public StateInfo GetOrAdd(string name, StateKind kind, out bool added)
    {
        added = false;
        if (_byName.TryGetValue(name, out var existing))
        {
            if (existing.Kind != kind)
                throw new InvalidOperationException($"state '{name}' is a {existing.Kind} state, not a {kind} state");
            return existing;
        }
        var info = new StateInfo((ushort)_states.Count, kind, name);
        _states.Add(info);
        _byName.Add(name, info);
        added = true;
        return info;
    }

    /// <summary>Puts a state read back from storage at the id it was stored with.</summary>
    public void Put(StateInfo state)
    {
        while (_states.Count < state.Id) _states.Add(null!);
        if (_states.Count == state.Id) _states.Add(state); else _states[state.Id] = state;
        _byName[state.Name] = state;
    }

    /// <summary>The handle object of <paramref name="state"/>, made by <paramref name="create"/> the first time.</summary>
    public object Handle(StateInfo state, Func<StateInfo, object> create)
    {
        while (_handles.Count <= state.Id) _handles.Add(null);
        return _handles[state.Id] ??= create(state);
    }
}
