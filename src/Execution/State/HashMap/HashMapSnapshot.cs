using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.State.HashMap;

/// <summary>The asynchronous part of a hashmap snapshot: writes the captured dictionaries and group tables in the canonical
/// format.</summary>
internal sealed class HashMapSnapshot : IKeyedStateSnapshot
{
    private readonly HashMapKeyedStateBackend _backend;
    private readonly StateInfo[] _states;
    private readonly Dictionary<byte[], object>[]?[] _captured;
    private readonly List<GroupTableSnapshot> _groupTables;
    private int _released;

    public HashMapSnapshot(HashMapKeyedStateBackend backend, StateInfo[] states, Dictionary<byte[], object>[]?[] captured,
        List<GroupTableSnapshot> groupTables)
    {
        _backend = backend;
        _states = states;
        _captured = captured;
        _groupTables = groupTables;
    }

    public KeyedStateHandle Write(ICheckpointWriter target, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            var range = _backend.KeyGroupRange;
            IReadOnlyList<long> offsets = Array.Empty<long>();
            var file = target.WriteExclusive(fileName + ".keyed", stream =>
            {
                var buffered = new BufferedStream(stream, 1 << 16);
                var writer = new CanonicalSnapshotWriter(buffered, _backend.MaxParallelism, range, _states);
                for (int g = 0; g < range.Count; g++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    writer.BeginKeyGroup(range.Start + g);
                    for (int s = 0; s < _states.Length; s++)
                    {
                        var id = _states[s].Id;
                        if (_captured[s] is not { } maps) continue;
                        foreach (var (key, value) in maps[g])
                            switch (value)
                            {
                                case byte[] bytes:
                                    writer.WriteEntry(id, key, default, bytes);
                                    break;
                                case ListValue list:
                                    writer.WriteEntry(id, key, default, ListEncoding.Encode(list.Items));
                                    break;
                                case MapValue map:
                                    foreach (var (userKey, v) in map.Entries) writer.WriteEntry(id, key, userKey, v);
                                    break;
                            }
                    }
                    foreach (var table in _groupTables) table.WriteKeyGroup(range.Start + g, writer);
                    writer.EndKeyGroup();
                }
                buffered.Flush();
                offsets = writer.Offsets;
            });
            return new KeyedStateHandle(KeyedStateFormats.Canonical, range, offsets, new[] { file });
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        foreach (var table in _groupTables) table.Dispose();
        _backend.SnapshotDone();
    }
}
