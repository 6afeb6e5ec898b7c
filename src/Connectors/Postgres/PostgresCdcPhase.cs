namespace StreamSql.Connectors.Postgres;

/// <summary>Where a postgres-cdc source stands in its life: before its snapshot, in it, or streaming changes.</summary>
internal enum PostgresCdcPhase : byte
{
    NotStarted = 0,
    Snapshot = 1,
    Stream = 2,
}
