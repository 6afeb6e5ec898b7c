namespace StreamSql.Sql.Planner.Catalog;

/// <summary>How a statement uses a table, which decides what of its connector options is checked (Flink creates a
/// source for a read or a lookup, a sink for a write, and each checks the options of its own role).</summary>
public enum TableAccess
{
    /// <summary>A query scans the table.</summary>
    Read,

    /// <summary>An INSERT (or CREATE TABLE AS) writes the table.</summary>
    Write,

    /// <summary>A lookup join fetches the table's rows by key.</summary>
    Lookup,
}
