using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Flink's experimental emit options (<c>table.exec.emit.*</c>) checked where Flink checks them: a window TVF aggregation
/// refuses early and late firing (<c>WindowUtil.checkEmitConfiguration</c>); a group window aggregation validates them as
/// Flink's <c>WindowEmitStrategy</c> does, with its messages, and yields the <see cref="WindowEmit"/> the operator runs when
/// they make the window produce updates.
/// </summary>
internal sealed record WindowEmitStrategy(
    bool EarlyFireEnabled, TimeSpan? EarlyFireDelay, bool LateFireEnabled, TimeSpan? LateFireDelay, TimeSpan? AllowLateness, TimeSpan StateTtl)
{
    public static WindowEmitStrategy From(Configuration configuration) => new(
        configuration.Get(ExecutionConfigOptions.EmitEarlyFireEnabled),
        configuration.Get(ExecutionConfigOptions.EmitEarlyFireDelay),
        configuration.Get(ExecutionConfigOptions.EmitLateFireEnabled),
        configuration.Get(ExecutionConfigOptions.EmitLateFireDelay),
        configuration.Get(ExecutionConfigOptions.EmitAllowLateness),
        configuration.Get(ExecutionConfigOptions.StateTtl));

    /// <summary>A window TVF aggregation (or a window aggregation over a window join) takes neither early nor late firing.</summary>
    public void CheckWindowTableFunctionAggregate(SourceSpan span)
    {
        if (EarlyFireEnabled || LateFireEnabled)
            throw new SqlValidationException("Currently, window table function based aggregate doesn't support early-fire and late-fire configuration " +
                $"'{ExecutionConfigOptions.EmitEarlyFireEnabled.Key}' and '{ExecutionConfigOptions.EmitLateFireEnabled.Key}'.", span);
    }

    /// <summary>Flink's checks of a group window's emit strategy, in its order and words (the early/late-fire delay messages
    /// keep Flink's missing space); the firings to run, or null when the window fires once at its end.</summary>
    public WindowEmit? PlanGroupWindowAggregate(WindowSpec window, bool eventTime, SourceSpan span)
    {
        bool session = window is SessionWindow;
        long allowLateness = AllowedLatenessMillis(session);
        if (session && (EarlyFireEnabled || LateFireEnabled))
            throw new SqlValidationException("Session window doesn't support EMIT strategy currently.", span);
        if (eventTime && LateFireEnabled && allowLateness <= 0)
            throw new SqlValidationException("The 'AFTER WATERMARK' emit strategy requires set 'allow-lateness' or 'minIdleStateRetentionTime' in table config.", span);
        if (EarlyFireEnabled && EarlyFireDelay is null)
            throw new SqlValidationException("Early-fire delay should not be null or negative value whenenable early-fire emit strategy.", span);
        if (LateFireEnabled && LateFireDelay is null)
            throw new SqlValidationException("Late-fire delay should not be null or negative value whenenable late-fire emit strategy.", span);
        if (LateFireEnabled && (long)LateFireDelay!.Value.TotalMilliseconds > allowLateness)
            throw new SqlValidationException($"Allow-lateness [{allowLateness}ms] should not be smaller than Late-fire delay " +
                $"[{(long)LateFireDelay.Value.TotalMilliseconds}ms] when enable late-fire emit strategy.", span);
        // Flink's produceUpdates: a processing-time window has no late rows, so only early firing makes it update.
        if (!EarlyFireEnabled && !(eventTime && LateFireEnabled)) return null;
        return new WindowEmit(
            EarlyFireEnabled ? Millis(EarlyFireDelay!.Value) : null,
            eventTime && LateFireEnabled ? Millis(LateFireDelay!.Value) : null,
            eventTime ? allowLateness : 0);
    }

    private static long Millis(TimeSpan delay) => (long)delay.TotalMilliseconds;

    /// <summary>What Flink's plans print as a group window's <c>emit=[...]</c> (its <c>WindowEmitStrategy.toString</c>):
    /// <c>early delay 1000 millisecond, late no delay</c>; empty when neither firing is enabled.</summary>
    public string Describe()
    {
        static string Delay(TimeSpan? delay) => delay is { } d && Millis(d) > 0 ? $"delay {Millis(d)} millisecond" : "no delay";
        string early = EarlyFireEnabled ? "early " + Delay(EarlyFireDelay) : "";
        string late = LateFireEnabled ? "late " + Delay(LateFireDelay) : "";
        return early.Length > 0 && late.Length > 0 ? early + ", " + late : early + late;
    }

    /// <summary>Flink's parseAllowLateness: none for a session window or without late firing, else 'allow-lateness' when set,
    /// else the state TTL (its minIdleStateRetentionTime).</summary>
    private long AllowedLatenessMillis(bool session)
    {
        if (session || !LateFireEnabled) return 0;
        return (long)(AllowLateness ?? StateTtl).TotalMilliseconds;
    }
}
