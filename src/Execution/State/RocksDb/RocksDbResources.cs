using RocksDbSharp;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// What every rocksdb backend of one job shares: one LRU block cache (<c>state.backend.rocksdb.block.cache-size</c>), so
/// the memory for reads is bounded per job rather than per subtask, and the table options using it (bloom filters, so a
/// lookup of a key that is not there — every new group — rarely reads a block).
/// </summary>
public sealed class RocksDbResources
{
    private readonly Cache _cache;

    public RocksDbResources(long blockCacheBytes)
    {
        BlockCacheBytes = blockCacheBytes;
        _cache = Cache.CreateLru((ulong)Math.Max(1 << 20, blockCacheBytes));
        TableOptions = new BlockBasedTableOptions()
            .SetBlockCache(_cache)
            .SetFilterPolicy(BloomFilterPolicy.Create(10, false))
            .SetWholeKeyFiltering(true)
            .SetCacheIndexAndFilterBlocks(true);
    }

    public long BlockCacheBytes { get; }

    internal BlockBasedTableOptions TableOptions { get; }

    /// <summary>Bytes the block cache holds now.</summary>
    public long BlockCacheUsage => (long)_cache.GetUsage();
}
