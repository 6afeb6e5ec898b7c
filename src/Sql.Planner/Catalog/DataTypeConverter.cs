using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Turns a type as written (<see cref="DataTypeSyntax"/>) into a <see cref="SqlType"/>, with Flink's defaults.</summary>
public static class DataTypeConverter
{
    public static SqlType Convert(DataTypeSyntax syntax)
    {
        var type = ConvertNullable(syntax);
        return syntax.NotNull ? type.AsNotNull() : type;
    }

    private static SqlType ConvertNullable(DataTypeSyntax s)
    {
        int? p0 = s.Parameters.Count > 0 ? s.Parameters[0] : null;
        int? p1 = s.Parameters.Count > 1 ? s.Parameters[1] : null;
        switch (s.Name.ToUpperInvariant())
        {
            case "BOOLEAN" or "BOOL": return SqlType.Boolean;
            case "TINYINT": return SqlType.TinyInt;
            case "SMALLINT": return SqlType.SmallInt;
            case "INT" or "INTEGER": return SqlType.Int;
            case "BIGINT": return SqlType.BigInt;
            case "FLOAT" or "REAL": return SqlType.Float;
            case "DOUBLE" or "DOUBLE PRECISION": return SqlType.Double;
            case "DECIMAL" or "DEC" or "NUMERIC":
            {
                int precision = p0 ?? 10, scale = p1 ?? 0;
                if (precision < 1 || precision > SqlType.MaxDecimalPrecision)
                    throw Error($"Decimal precision must be between 1 and {SqlType.MaxDecimalPrecision} (both inclusive), but was {precision}", s);
                if (scale < 0 || scale > precision)
                    throw Error($"Decimal scale must be between 0 and the precision {precision} (both inclusive), but was {scale}", s);
                return SqlType.Decimal(precision, scale);
            }
            case "CHAR" or "CHARACTER": return SqlType.Char(Length(p0 ?? 1, s));
            // Without a length VARCHAR and VARBINARY are STRING and BYTES: Flink's FlinkTypeSystem gives Calcite their maximum
            // length as the default precision (CHAR and BINARY keep the standard's 1).
            case "VARCHAR" or "CHARACTER VARYING" or "CHAR VARYING": return p0 is null ? SqlType.String : SqlType.VarChar(Length(p0.Value, s));
            case "STRING": return SqlType.String;
            case "BINARY": return new SqlType(SqlTypeKind.Binary, Precision: Length(p0 ?? 1, s));
            case "VARBINARY" or "BINARY VARYING": return p0 is null ? SqlType.Bytes : new SqlType(SqlTypeKind.VarBinary, Precision: Length(p0.Value, s));
            case "BYTES": return SqlType.Bytes;
            case "DATE": return SqlType.Date;
            case "TIME": return SqlType.Time(FractionalPrecision(p0 ?? 0, 9, s));
            case "TIMESTAMP" or "TIMESTAMP WITHOUT TIME ZONE":
            {
                int p = FractionalPrecision(p0 ?? 6, 9, s);
                return s.WithLocalTimeZone ? SqlType.TimestampLtz(p) : SqlType.Timestamp(p);
            }
            case "TIMESTAMP_LTZ" or "TIMESTAMP WITH LOCAL TIME ZONE": return SqlType.TimestampLtz(FractionalPrecision(p0 ?? 6, 9, s));
            case "ARRAY": return SqlType.Array(Convert(Single(s)));
            case "MULTISET": return new SqlType(SqlTypeKind.Multiset, Elements: new[] { Convert(Single(s)) });
            case "MAP":
                if (s.ElementTypes.Count != 2) throw Error("MAP needs a key and a value type: MAP<K, V>", s);
                return SqlType.Map(Convert(s.ElementTypes[0]), Convert(s.ElementTypes[1]));
            case "ROW":
            {
                var types = new List<SqlType>();
                foreach (var e in s.ElementTypes) types.Add(Convert(e));
                var names = new List<string>();
                for (int i = 0; i < types.Count; i++) names.Add(i < s.FieldNames.Count ? s.FieldNames[i] : $"f{i}");
                return SqlType.Row(names, types);
            }
            case "NULL": return SqlType.Null;
            case "VARIANT": return SqlType.Variant;
            case var name when name.StartsWith("INTERVAL ", StringComparison.Ordinal):
                return Interval(name, s);
            default:
                throw Error($"Unknown data type '{s.Name}'", s);
        }
    }

    private static readonly string[] DayTimeUnits = ["DAY", "HOUR", "MINUTE", "SECOND"];

    /// <summary>An interval type as SQL writes it (<c>INTERVAL DAY</c>, <c>INTERVAL DAY(2) TO SECOND(3)</c>, <c>INTERVAL YEAR TO MONTH</c>):
    /// year-month qualifiers are Flink's INTERVAL MONTH, day-time ones its INTERVAL SECOND(3) (FlinkTypeFactory's mapping).</summary>
    private static SqlType Interval(string name, DataTypeSyntax s)
    {
        string[] words = name.Split(' ');
        string from = words[1], to = words.Length == 4 ? words[3] : from;
        if (words.Length == 2 ? from is "YEAR" or "MONTH" : from == "YEAR" && to == "MONTH")
            return SqlType.IntervalYearMonth;
        int start = Array.IndexOf(DayTimeUnits, from), end = Array.IndexOf(DayTimeUnits, to);
        if (start >= 0 && end >= start && (start < end || words.Length == 2)) return SqlType.IntervalDayTime;
        throw Error($"Unknown data type '{s.Name}': an interval type is INTERVAL YEAR [TO MONTH], INTERVAL MONTH, or INTERVAL DAY | HOUR | MINUTE | SECOND [TO HOUR | MINUTE | SECOND] with the second unit smaller than the first", s);
    }

    private static DataTypeSyntax Single(DataTypeSyntax s) =>
        s.ElementTypes.Count == 1 ? s.ElementTypes[0] : throw Error($"{s.Name} needs one element type: {s.Name}<T>", s);

    private static int Length(int length, DataTypeSyntax s) =>
        length >= 1 ? length : throw Error($"Length of {s.Name} must be between 1 and {int.MaxValue} (both inclusive), but was {length}", s);

    private static int FractionalPrecision(int p, int max, DataTypeSyntax s) =>
        p >= 0 && p <= max ? p : throw Error($"{s.Name} precision must be between 0 and {max} (both inclusive), but was {p}", s);

    private static SqlValidationException Error(string message, DataTypeSyntax s) => new(message, s.Span);
}
