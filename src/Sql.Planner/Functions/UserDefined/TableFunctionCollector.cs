using StreamSql.Functions;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>The engine's access to where <see cref="TableFunction{T}.Collect"/> sends rows (kept out of the user-facing
/// base class, which shows only <c>Collect</c>).</summary>
public static class TableFunctionCollector
{
    /// <summary>Makes <paramref name="collector"/> receive the rows that functions of <typeparamref name="T"/> collect on this
    /// thread; returns the collector before, to restore when the calls are done.</summary>
    public static Action<T>? Set<T>(Action<T>? collector) => TableFunction<T>.SetCollector(collector);
}
