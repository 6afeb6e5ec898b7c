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
    [ThreadStatic] private static string? _database;

    public static UserFunctionCatalog? Current => _current;

    /// <summary>The session's current database while a statement is bound (what <c>CURRENT_DATABASE()</c> returns);
    /// null outside a query bind.</summary>
    public static string? CurrentDatabase => _database;

    public static Restore Enter(UserFunctionCatalog functions, string? currentDatabase = null)
    {
        var previous = (_current, _database);
        _current = functions;
        _database = currentDatabase;
        return new Restore(previous.Item1, previous.Item2);
    }

    public readonly struct Restore(UserFunctionCatalog? previous, string? previousDatabase) : IDisposable
    {
        public void Dispose()
        {
            _current = previous;
            _database = previousDatabase;
        }
    }
}
