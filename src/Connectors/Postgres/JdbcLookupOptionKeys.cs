namespace StreamSql.Connectors.Postgres;

/// <summary>The jdbc option keys the lookup reader names in its errors (the options themselves are the jdbc connector's).</summary>
internal static class JdbcLookupOptionKeys
{
    public const string TableName = "table-name";
}
