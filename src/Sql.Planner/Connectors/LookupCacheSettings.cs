using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Connectors;

/// <summary>
/// The lookup cache a table asks for, read from its options (<see cref="LookupOptions"/>). <see cref="Enabled"/> is false
/// for <c>'lookup.cache' = 'NONE'</c>; otherwise the limits of Flink's <c>DefaultLookupCache</c>: a bound on keys (null:
/// none), the expiry after write and after access (null: never), and whether keys without rows are kept.
/// </summary>
public sealed record LookupCacheSettings(bool Enabled, long? MaxRows, TimeSpan? ExpireAfterWrite, TimeSpan? ExpireAfterAccess, bool CacheMissingKey)
{
    public static LookupCacheSettings None { get; } = new(false, null, null, null, true);

    /// <summary>The table's cache settings.</summary>
    /// <exception cref="ConnectorOptionException">An option does not parse, or a PARTIAL cache has no bound at all.</exception>
    public static LookupCacheSettings From(CatalogTable table)
    {
        var options = new Configuration(table.Options);
        T Get<T>(ConfigOption<T> option)
        {
            try
            {
                return options.Get(option);
            }
            catch (FormatException e)
            {
                throw new ConnectorOptionException(option.Key, $"Invalid value for option '{option.Key}' of table '{table.Name}': {e.Message}");
            }
        }
        bool legacy = options.GetRaw("lookup.cache.max-rows") is not null || options.GetRaw("lookup.cache.ttl") is not null;
        string mode = options.Contains(LookupOptions.Cache) ? Get(LookupOptions.Cache) : legacy ? "PARTIAL" : "NONE";
        if (mode == "NONE") return None;
        long maxRows = Get(LookupOptions.PartialCacheMaxRows);
        var write = Get(LookupOptions.PartialCacheExpireAfterWrite);
        var access = Get(LookupOptions.PartialCacheExpireAfterAccess);
        if (options.Contains(LookupOptions.PartialCacheMaxRows) && maxRows <= 0)
            throw new ConnectorOptionException(LookupOptions.PartialCacheMaxRows.Key,
                $"Invalid value for option '{LookupOptions.PartialCacheMaxRows.Key}' of table '{table.Name}': must be greater than 0, but is {maxRows}");
        if (maxRows <= 0 && write is null && access is null)
            throw new ConnectorOptionException(LookupOptions.Cache.Key,
                $"Table '{table.Name}' sets 'lookup.cache' = 'PARTIAL' without a bound: set 'lookup.partial-cache.max-rows', " +
                "'lookup.partial-cache.expire-after-write' or 'lookup.partial-cache.expire-after-access'.");
        return new LookupCacheSettings(true, maxRows > 0 ? maxRows : null, write, access, Get(LookupOptions.PartialCacheCacheMissingKey));
    }
}
