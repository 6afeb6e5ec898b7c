namespace StreamSql.Connectors.Postgres;

/// <summary>How values of a snapshot key column order, judged from their PostgreSQL text forms (what <c>::text</c> and
/// pgoutput give), so the reader can place a change from the stream before or after a key the snapshot emitted.</summary>
internal enum PostgresKeyOrder
{
    /// <summary><c>smallint</c>, <c>integer</c>, <c>bigint</c>: by value.</summary>
    Integer,

    /// <summary><c>numeric</c>: by value, of any size; <c>-Infinity</c> &lt; numbers &lt; <c>Infinity</c> &lt; <c>NaN</c>.</summary>
    Numeric,

    /// <summary><c>date</c>, <c>timestamp</c>, <c>timestamptz</c>: by instant, BC dates and infinities included.</summary>
    Temporal,

    /// <summary><c>text</c>, <c>varchar</c>: byte order of UTF-8 (the query orders them <c>COLLATE "C"</c>).</summary>
    Collated,

    /// <summary><c>uuid</c> and <c>bytea</c> (hex output): byte order of the text form, which is their own order.</summary>
    Bytes,
}
