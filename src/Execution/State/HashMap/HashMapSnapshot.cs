using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.State.HashMap;

/// <summary>The asynchronous part of a hashmap snapshot: writes the captured dictionaries in the canonical format.</summary>
internal sealed class HashMapSnapshot : IKeyedStateSnapshot
{
    private readonly HashMapKeyedStateBackend _backend;
    private readonly StateInfo[] _states;
    private readonly Dictionary<byte[], object>[][] _captured;
    private int _released;

    public HashMapSnapshot(HashMapKeyedStateBackend backend, StateInfo[] states, Dictionary<byte[], object>[][] captured)
    {
        _backend = backend;
        _states = states;
        _captured = captured;
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
                        foreach (var (key, value) in _captured[s][g])
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
        if (Interlocked.Exchange(ref _released, 1) == 0) _backend.SnapshotDone();
    }
}
