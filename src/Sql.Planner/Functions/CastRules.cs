using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Flink's explicit cast matrix (<c>LogicalTypeCasts</c>, Flink ≥ 1.15): numeric ↔ numeric, numeric ↔ BOOLEAN (integers only
/// to BOOLEAN), anything → character string, character string → every atomic type, BINARY ↔ VARBINARY, character string
/// → binary, DATE/TIME/TIMESTAMP/TIMESTAMP_LTZ among themselves (DATE ↔ TIME excluded), exact numeric ↔ interval, and
/// structured types element by element. A number casts to TIMESTAMP_LTZ as seconds since the epoch; numeric ↔ TIMESTAMP
/// (without time zone) is refused (FLINK-21978: use TO_TIMESTAMP_LTZ).
/// </summary>
internal static class CastRules
{
    /// <summary>Why a CAST is refused, in Flink's words: between numbers and TIMESTAMP / TIMESTAMP_LTZ Flink names the
    /// function to use instead; otherwise Calcite's "Cast function cannot convert value of type ... to type ...".</summary>
    public static string Refusal(SqlType from, SqlType to)
    {
        bool fromNumber = from.IsNumeric, toNumber = to.IsNumeric;
        if (fromNumber && to.Kind == SqlTypeKind.Timestamp)
            return "The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use " +
                   "TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.";
        if (from.Kind == SqlTypeKind.Timestamp && toNumber)
            return "The cast from TIMESTAMP type to NUMERIC type is not allowed. It's recommended to use " +
                   "UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead.";
        if (fromNumber && to.Kind == SqlTypeKind.TimestampLtz)
            return "The cast from NUMERIC type to TIMESTAMP_LTZ type is not allowed. It's recommended to use " +
                   "TO_TIMESTAMP_LTZ(numeric_col, precision) instead.";
        if (from.Kind == SqlTypeKind.TimestampLtz && toNumber)
            return "The cast from TIMESTAMP_LTZ type to NUMERIC type is not allowed.";
        return $"Cast function cannot convert value of type {from.WithNullable(true).WithoutTimeAttribute()} to type {to.WithNullable(true)}";
    }

    public static bool CanCast(SqlType from, SqlType to)
    {
        if (from.Kind == SqlTypeKind.Null) return true;
        // VARIANT (Flink's VariantToStringCastRule / VariantToPrimitiveCastRule): to itself, a character string, BOOLEAN and
        // the numbers; nothing casts to it.
        if (from.Kind == SqlTypeKind.Variant || to.Kind == SqlTypeKind.Variant)
            return from.Kind == to.Kind || from.Kind == SqlTypeKind.Variant && (to.IsCharacterString || to.IsNumeric || to.Kind == SqlTypeKind.Boolean);
        if (to.IsCharacterString) return true;
        if (from.Kind == to.Kind && from.Kind is not (SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map or SqlTypeKind.Row)) return true;
        if (from.IsCharacterString)
            return to.Kind is not (SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map or SqlTypeKind.Row);
        switch (to.Kind)
        {
            case SqlTypeKind.Boolean:
                return from.IsExactInteger;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                return from.IsNumeric || from.Kind == SqlTypeKind.Boolean || from.IsInterval;
            case SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal:
                return from.IsNumeric || from.Kind == SqlTypeKind.Boolean;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                return from.IsBinaryString || from.IsExactInteger;
            case SqlTypeKind.Date:
                return from.IsTimestamp;
            case SqlTypeKind.Time:
                return from.IsTimestamp;
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
                return from.IsTimestamp || from.Kind is SqlTypeKind.Date or SqlTypeKind.Time || to.Kind == SqlTypeKind.TimestampLtz && from.IsNumeric;
            case SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth:
                return from.IsExactInteger;
            case SqlTypeKind.Array or SqlTypeKind.Multiset:
                return from.Kind == to.Kind && CanCast(from.Elements![0], to.Elements![0]);
            case SqlTypeKind.Map:
                return from.Kind == SqlTypeKind.Map && CanCast(from.Elements![0], to.Elements![0]) && CanCast(from.Elements[1], to.Elements[1]);
            case SqlTypeKind.Row:
                if (from.Kind != SqlTypeKind.Row || from.Elements!.Count != to.Elements!.Count) return false;
                for (int i = 0; i < from.Elements.Count; i++)
                    if (!CanCast(from.Elements[i], to.Elements[i])) return false;
                return true;
            default:
                return false;
        }
    }
}
