using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// The <c>scan.watermark.*</c> table options every connector takes (Flink's FactoryUtil counts them as consumed for any
/// table factory, FLIP-296). Flink applies them only to sources that take the watermark pushed into them; for the
/// others (filesystem, datagen) the planner's watermark assigner ignores them, and so do we. Their values are checked as
/// Flink's <c>FactoryUtil.validateWatermarkOptions</c> checks them.
/// </summary>
public static class WatermarkTableOptions
{
    public static readonly ConfigOption<string> EmitStrategy = Options.Enum("scan.watermark.emit.strategy", "on-periodic",
        "'on-event' emits a watermark for every event, 'on-periodic' periodically.", new[] { "on-event", "on-periodic" });

    public static readonly ConfigOption<string?> AlignmentGroup = Options.OptionalString("scan.watermark.alignment.group",
        "The watermark alignment group name.");

    public static readonly ConfigOption<TimeSpan?> AlignmentMaxDrift = Options.OptionalDuration("scan.watermark.alignment.max-drift",
        "The max allowed watermark drift.");

    public static readonly ConfigOption<TimeSpan?> AlignmentUpdateInterval = Options.OptionalDuration("scan.watermark.alignment.update-interval",
        "Update interval to align watermark.");

    public static readonly ConfigOption<TimeSpan?> IdleTimeout = Options.OptionalDuration("scan.watermark.idle-timeout",
        "When a source does not receive any elements for the timeout time, it is marked as temporarily idle.");

    public static IReadOnlyList<ConfigOption> All { get; } = new ConfigOption[] { EmitStrategy, AlignmentGroup, AlignmentMaxDrift, AlignmentUpdateInterval, IdleTimeout };

    /// <summary>The watermark option <paramref name="key"/> names, or null.</summary>
    public static ConfigOption? Find(string key)
    {
        foreach (var o in All) if (o.Matches(key)) return o;
        return null;
    }

    /// <summary>Flink's check that watermark alignment names both its group and its max drift; null when fine.</summary>
    public static string? AlignmentProblem(IReadOnlyDictionary<string, string> options, string connector)
    {
        bool group = options.ContainsKey(AlignmentGroup.Key), drift = options.ContainsKey(AlignmentMaxDrift.Key);
        if ((group || drift || options.ContainsKey(AlignmentUpdateInterval.Key)) && !(group && drift))
            return $"Error configuring watermark for '{connector}', '{AlignmentGroup.Key}' and '{AlignmentMaxDrift.Key}' must be set when configuring watermark alignment";
        return null;
    }
}
