using RocksDbSharp;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>Asynchronous part of a full rocksdb snapshot: a RocksDB snapshot written out in the canonical format.</summary>
internal sealed class RocksDbFullSnapshot(RocksDbKeyedStateBackend backend, StateInfo[] states, Snapshot snapshot) : IKeyedStateSnapshot
{
    private int _released;

    public KeyedStateHandle Write(ICheckpointWriter target, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<long> offsets = Array.Empty<long>();
            var file = target.WriteExclusive(fileName + ".keyed", stream =>
            {
                var buffered = new BufferedStream(stream, 1 << 16);
                backend.WriteCanonical(buffered, states, snapshot, out offsets, cancellationToken);
                buffered.Flush();
            });
            return new KeyedStateHandle(KeyedStateFormats.Canonical, backend.KeyGroupRange, offsets, new[] { file });
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) snapshot.Dispose();
    }
}

/// <summary>Asynchronous part of an incremental rocksdb checkpoint: uploads the hard-linked checkpoint directory.</summary>
internal sealed class RocksDbIncrementalSnapshot(RocksDbKeyedStateBackend backend, string directory) : IKeyedStateSnapshot
{
    public KeyedStateHandle Write(ICheckpointWriter target, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return backend.Upload(directory, target, fileName, cancellationToken);
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
