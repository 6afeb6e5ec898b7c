namespace StreamSql.Sql.Planner.Types;

/// <summary>The logical type families of the Flink SQL type system.</summary>
public enum SqlTypeKind
{
    Null,
    Boolean,
    TinyInt,
    SmallInt,
    Int,
    BigInt,
    Float,
    Double,
    Decimal,
    Char,
    VarChar,
    Binary,
    VarBinary,
    Date,
    Time,
    Timestamp,
    TimestampLtz,
    IntervalYearMonth,
    IntervalDayTime,
    Array,
    Map,
    Multiset,
    Row,
    /// <summary>Flink 2.1's semi-structured VARIANT (a value in the Parquet variant encoding, see docs/sql.md).</summary>
    Variant,
}
