using Npgsql;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// <c>CREATE TABLE IF NOT EXISTS</c> is not safe against itself: two sessions creating one table at the same moment both
/// pass the check, and the loser fails on the catalog's unique index — as a duplicate table, a unique violation, or a
/// duplicate object (the table's row type).
/// </summary>
internal static class ConcurrentCreate
{
    /// <summary>Whether <paramref name="e"/> says another session created the object first.</summary>
    public static bool LostTheRace(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject;
}
