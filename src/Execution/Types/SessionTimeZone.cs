using System.Globalization;
using System.Text.RegularExpressions;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution;

/// <summary>Resolves <c>table.local-time-zone</c>: 'default' is the machine's zone; otherwise an IANA id, 'UTC' or an offset like 'GMT+08:00'.</summary>
public static partial class SessionTimeZone
{
    /// <summary>Flink's <c>TableConfig</c> message for a zone id it refuses.</summary>
    public const string InvalidZoneMessage = "Invalid time zone. The value should be a Time Zone Database (TZDB) ID such as "
        + "'America/Los_Angeles' to include daylight saving time. Fixed offsets are supported using 'GMT-03:00' or 'GMT+03:00'. "
        + "Or use 'UTC' without time zone and daylight saving time.";

    public static TimeZoneInfo Resolve(Configuration configuration)
    {
        var id = configuration.Get(CoreOptions.LocalTimeZone);
        return Resolve(id);
    }

    /// <summary>Null when <paramref name="id"/> is a zone Flink accepts for <c>table.local-time-zone</c> (one that
    /// <c>java.util.TimeZone</c> and <c>java.time.ZoneId</c> read alike: 'default', 'UTC', a TZDB id, 'GMT' or 'GMT'
    /// with an offset of at most 18 hours); else Flink's message. 'Z', 'UTC+8', '+08:00' and abbreviations like 'PST' are refused.</summary>
    public static string? ValidateSessionZone(string id)
    {
        if (string.Equals(id, "default", StringComparison.OrdinalIgnoreCase) || id == "UTC" || id == "GMT") return null;
        if (id.StartsWith("GMT", StringComparison.Ordinal)) return TryParseGmtOffset(id[3..], out _) ? null : InvalidZoneMessage;
        if (id.Length == 0 || id == "Z" || id[0] is '+' or '-' || id.StartsWith("UTC", StringComparison.Ordinal) && id.Length > 3) return InvalidZoneMessage;
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out _)) return InvalidZoneMessage;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return InvalidZoneMessage;
        }
    }

    public static TimeZoneInfo Resolve(string id)
    {
        if (string.Equals(id, "default", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Local;
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Z", StringComparison.Ordinal)) return TimeZoneInfo.Utc;
        if (id.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || id.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            if (id.Length > 3 && TryParseGmtOffset(id[3..], out var offset))
                return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"Unknown time zone '{id}' in 'table.local-time-zone' (use 'UTC', an IANA id like 'Europe/Berlin', or 'GMT+08:00')");
        }
    }

    /// <summary>A GMT offset as Java's custom zone ids write it: '+h', '+hh', '+hh:mm' or '+hhmm' (or '-'), at most 18 hours.</summary>
    private static bool TryParseGmtOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var match = GmtOffset().Match(text);
        if (!match.Success) return false;
        int hours = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        int minutes = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (minutes > 59 || hours * 60 + minutes > 18 * 60) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (match.Groups[1].Value == "-") offset = -offset;
        return true;
    }

    [GeneratedRegex(@"^([+-])(\d{1,2})(?::?(\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex GmtOffset();
}
