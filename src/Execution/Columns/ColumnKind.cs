namespace StreamSql.Execution.Columns;

/// <summary>
/// The closed set of physical column kinds of the runtime: how a column's values lie in its Arrow buffers. Every SQL type
/// maps to exactly one (<see cref="ColumnKinds.Of(Sql.Planner.Types.SqlType)"/>), and consumers dispatch on it through
/// <see cref="ColumnKinds.Accept{TVisitor, TResult}"/> rather than switching on Arrow or SQL types themselves.
/// </summary>
/// <remarks>Date, time, timestamp and interval kinds are stored as the integer of their width: consumers that only move or
/// compare values treat them as integers (the visitor hands them over as <c>Integer&lt;int&gt;</c> / <c>Integer&lt;long&gt;</c>),
/// the kind keeps the unit for consumers that interpret them.</remarks>
public enum ColumnKind : byte
{
    /// <summary>SQL NULL type: no buffers, every row null.</summary>
    Null,
    /// <summary>BOOLEAN: one bit per row.</summary>
    Boolean,
    /// <summary>TINYINT.</summary>
    Int8,
    /// <summary>SMALLINT.</summary>
    Int16,
    /// <summary>INT and INTERVAL YEAR TO MONTH (months).</summary>
    Int32,
    /// <summary>BIGINT.</summary>
    Int64,
    /// <summary>FLOAT.</summary>
    Float32,
    /// <summary>DOUBLE.</summary>
    Float64,
    /// <summary>DECIMAL(p, s): the unscaled value as a 128-bit little-endian two's-complement integer.</summary>
    Decimal128,
    /// <summary>DATE: days since the epoch (32 bits).</summary>
    Date32,
    /// <summary>TIME: milliseconds of the day (32 bits).</summary>
    Time32Millis,
    /// <summary>TIMESTAMP(p ≤ 6) and TIMESTAMP_LTZ(p ≤ 6): microseconds since the epoch.</summary>
    TimestampMicros,
    /// <summary>TIMESTAMP(7..9) and TIMESTAMP_LTZ(7..9): nanoseconds since the epoch.</summary>
    TimestampNanos,
    /// <summary>INTERVAL DAY TO SECOND: milliseconds.</summary>
    DurationMillis,
    /// <summary>CHAR, VARCHAR, STRING: 32-bit offsets and UTF-8 bytes.</summary>
    Utf8,
    /// <summary>BINARY, VARBINARY, BYTES: 32-bit offsets and bytes.</summary>
    Binary,
    /// <summary>ROW: a validity bitmap and one child per field.</summary>
    Struct,
    /// <summary>ARRAY and MULTISET: 32-bit offsets into one child.</summary>
    List,
    /// <summary>MAP: a list of ROW(key, value) entries.</summary>
    Map,
}
