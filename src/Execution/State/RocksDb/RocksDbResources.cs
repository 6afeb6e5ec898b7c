using RocksDbSharp;

namespace StreamSql.Execution.State.RocksDb;

/// <summary>
/// What every rocksdb backend of one job shares: one LRU block cache (<c>state.backend.rocksdb.block.cache-size</c>), so
/// the memory for reads is bounded per job rather than per subtask, and the table options using it: bloom filters on
/// whole keys, so a lookup of a key that is not there — every new group — rarely reads a data block; a partitioned
/// (two-level) index and partitioned filters, so only the small top level is pinned and the partitions a lookup needs
/// are cached as data blocks are; index and filter blocks held in the shared cache (bounded with it) rather than
/// outside it.
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
            .SetCacheIndexAndFilterBlocks(true)
            .SetIndexType(BlockBasedTableIndexType.TwoLevelIndex);
        var native = Native.Instance;
        native.rocksdb_block_based_options_set_partition_filters(TableOptions.Handle, 1);
        native.rocksdb_block_based_options_set_pin_top_level_index_and_filter(TableOptions.Handle, 1);
        native.rocksdb_block_based_options_set_cache_index_and_filter_blocks_with_high_priority(TableOptions.Handle, 1);
    }

    /// <summary>The fraction of each memtable given to its bloom filter (whole keys): a lookup of a key not in the
    /// memtable — most of a group table's reads — skips the memtable's skip list.</summary>
    internal const double MemtableBloomRatio = 0.1;

    public long BlockCacheBytes { get; }

    internal BlockBasedTableOptions TableOptions { get; }

    /// <summary>Bytes the block cache holds now.</summary>
    public long BlockCacheUsage => (long)_cache.GetUsage();
}
