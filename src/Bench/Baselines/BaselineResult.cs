using StreamSql.Bench.Checks;

namespace StreamSql.Bench.Baselines;

/// <summary>One baseline's answer to a query: how long it took (wall and this process's CPU) and what it computed.</summary>
public sealed record BaselineResult(string Name, TimeSpan Wall, TimeSpan Cpu, ResultFingerprint Fingerprint);
