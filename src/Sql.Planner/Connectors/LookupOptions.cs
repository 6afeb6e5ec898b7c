using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Connectors;

/// <summary>
/// The options of a table read by a lookup join (Flink's <c>LookupOptions</c>), with its keys and defaults; a connector
/// that serves lookups declares them and the lookup join reads them (<see cref="LookupCacheSettings"/>). The legacy
/// 1.x JDBC keys (<c>lookup.cache.max-rows</c>, <c>lookup.cache.ttl</c>, <c>lookup.cache.caching-missing-key</c>) are read
/// as fallbacks.
/// </summary>
public static class LookupOptions
{
    public static readonly ConfigOption<string> Cache = Options.Enum("lookup.cache", "NONE",
        "The cache of looked-up rows: NONE (every lookup asks the database) or PARTIAL (rows looked up are kept, per " +
        "subtask, within 'lookup.partial-cache.max-rows' and the expiry times).", new[] { "NONE", "PARTIAL" });

    public static readonly ConfigOption<long> PartialCacheMaxRows = Options.Long("lookup.partial-cache.max-rows", -1,
        "The most keys the PARTIAL cache holds per subtask; the least recently used go first.", "lookup.cache.max-rows");

    public static readonly ConfigOption<TimeSpan?> PartialCacheExpireAfterWrite = Options.OptionalDuration("lookup.partial-cache.expire-after-write",
        "How long a cached key is served after it was looked up.", "lookup.cache.ttl");

    public static readonly ConfigOption<TimeSpan?> PartialCacheExpireAfterAccess = Options.OptionalDuration("lookup.partial-cache.expire-after-access",
        "How long a cached key is served after it was last read.");

    public static readonly ConfigOption<bool> PartialCacheCacheMissingKey = Options.Bool("lookup.partial-cache.cache-missing-key", true,
        "Whether a key the table does not have is cached too (as no rows).", "lookup.cache.caching-missing-key");

    public static readonly ConfigOption<int> MaxRetries = Options.Int("lookup.max-retries", 3,
        "How many times a failed lookup query is retried before the job fails.");

    /// <summary>Every lookup option, for a connector's declared options.</summary>
    public static IReadOnlyList<ConfigOption> All { get; } =
        [Cache, PartialCacheMaxRows, PartialCacheExpireAfterWrite, PartialCacheExpireAfterAccess, PartialCacheCacheMissingKey, MaxRetries];
}
