using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// The user-defined functions visible to the statement being bound. Expression binders are made in many places (FROM,
/// WHERE, GROUP BY, window arguments, join conditions) from scopes that know columns only; the query binder that owns the
/// catalog makes its functions current for the duration of a bind instead of threading them through each of them.
/// </summary>
internal static class FunctionScope
{
    [ThreadStatic] private static UserFunctionCatalog? _current;

    public static UserFunctionCatalog? Current => _current;

    public static Restore Enter(UserFunctionCatalog functions)
    {
        var previous = _current;
        _current = functions;
        return new Restore(previous);
    }

    public readonly struct Restore(UserFunctionCatalog? previous) : IDisposable
    {
        public void Dispose() => _current = previous;
    }
}
