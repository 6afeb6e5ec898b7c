using StreamSql.Sql.Planner.Config;

namespace StreamSql.Execution;

/// <summary>Resolves <c>table.local-time-zone</c>: 'default' is the machine's zone; otherwise an IANA id, 'UTC' or an offset like 'GMT+08:00'.</summary>
public static class SessionTimeZone
{
    public static TimeZoneInfo Resolve(Configuration configuration)
    {
        var id = configuration.Get(CoreOptions.LocalTimeZone);
        return Resolve(id);
    }

    public static TimeZoneInfo Resolve(string id)
    {
        if (string.Equals(id, "default", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Local;
        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase) || string.Equals(id, "Z", StringComparison.Ordinal)) return TimeZoneInfo.Utc;
        if (id.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || id.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            var offsetText = id[3..];
            if (offsetText.Length > 0 && TimeSpan.TryParse(offsetText.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture, out var offset))
            {
                if (offsetText.StartsWith('-')) offset = -offset.Duration();
                return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
            }
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
}
