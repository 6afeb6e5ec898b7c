using System.Globalization;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Appends a value in PostgreSQL's text output form (what pgoutput sends in a replication stream) to a column of its SQL
/// type: <c>t</c>/<c>f</c>, numbers, <c>\x</c> hex for bytea, ISO dates and times (<c>2026-12-03 10:00:00.5</c>, with a
/// <c>+00</c> offset for timestamptz), in the engine's representation. The server's <c>DateStyle</c> is ISO and its
/// <c>TimeZone</c> UTC on the replication connection, so these are the only forms.
/// </summary>
internal static class PostgresTextValue
{
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <exception cref="FormatException">The text is not a value of <paramref name="type"/>.</exception>
    public static void Append(ColumnBuilder builder, SqlType type, string text)
    {
        var c = CultureInfo.InvariantCulture;
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                builder.AppendBoolean(text is "t" or "true");
                break;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                builder.AppendInt64(long.Parse(text, NumberStyles.AllowLeadingSign, c));
                break;
            case SqlTypeKind.Float or SqlTypeKind.Double:
                builder.AppendDouble(double.Parse(text, NumberStyles.Float, c));
                break;
            case SqlTypeKind.Decimal:
                if (DecimalValue.TryParse(text, type.Precision, type.Scale, out var value) != DecimalParseStatus.Ok)
                    throw new FormatException($"'{text}' is not a DECIMAL({type.Precision}, {type.Scale})");
                builder.AppendUnscaled(value.Unscaled);
                break;
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                builder.AppendString(text);
                break;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                if (!text.StartsWith("\\x", StringComparison.Ordinal)) throw new FormatException("bytea is not in hex form");
                builder.AppendBytes(Convert.FromHexString(text.AsSpan(2)));
                break;
            case SqlTypeKind.Date:
                builder.AppendInt64(DateOnly.ParseExact(text, "yyyy-MM-dd", c).DayNumber - EpochDay);
                break;
            case SqlTypeKind.Time:
                builder.AppendInt64(TimeOnly.Parse(text, c).Ticks / TimeSpan.TicksPerMillisecond);
                break;
            case SqlTypeKind.Timestamp:
                builder.AppendInt64(Units(DateTime.Parse(text, c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks, type));
                break;
            case SqlTypeKind.TimestampLtz:
                builder.AppendInt64(Units(DateTimeOffset.Parse(WithMinutes(text), c).UtcTicks, type));
                break;
            case SqlTypeKind.Array:
                AppendArray((ListColumnBuilder)builder, type.Elements![0], text);
                break;
            default:
                throw new FormatException($"values of type {type} are not read from PostgreSQL");
        }
    }

    /// <summary>A one-dimensional array literal: <c>{1,NULL,"a b","x\"y"}</c> (elements quoted when they need it, with
    /// backslash escapes inside quotes; an unquoted <c>NULL</c> is a null element).</summary>
    private static void AppendArray(ListColumnBuilder builder, SqlType element, string text)
    {
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}')
            throw new FormatException($"'{text}' is not a one-dimensional array (a lower bound other than 1 is not read)");
        var values = builder.Values;
        int at = 1;
        var item = new System.Text.StringBuilder();
        while (at < text.Length - 1)
        {
            item.Clear();
            bool quoted = text[at] == '"';
            if (quoted)
            {
                at++;
                while (at < text.Length && text[at] != '"')
                {
                    if (text[at] == '\\') at++;
                    if (at < text.Length) item.Append(text[at++]);
                }
                at++;
            }
            else
            {
                if (text[at] == '{') throw new FormatException($"'{text}' is a multi-dimensional array, which an ARRAY column cannot hold");
                while (at < text.Length - 1 && text[at] != ',') item.Append(text[at++]);
            }
            if (!quoted && item.ToString() == "NULL") values.AppendNull();
            else Append(values, element, item.ToString());
            if (at < text.Length - 1 && text[at] == ',') at++;
        }
        builder.AppendListValid();
    }

    private static long Units(long ticks, SqlType type)
    {
        long micros = (ticks - DateTime.UnixEpoch.Ticks) / 10;
        return TimestampEncoding.IsNanos(type) ? micros * 1000 : micros;
    }

    /// <summary>PostgreSQL writes a whole-hour offset as <c>+00</c>; .NET wants <c>+00:00</c>.</summary>
    private static string WithMinutes(string text) =>
        text.Length >= 3 && text[^3] is '+' or '-' && char.IsDigit(text[^1]) && char.IsDigit(text[^2]) ? text + ":00" : text;
}
