namespace StreamSql.Sql.Planner.Config;

/// <summary>
/// Options whose values are secrets (Flink's <c>GlobalConfiguration.isSensitive</c>: keys holding <c>password</c>,
/// <c>secret</c>, <c>jaas.config</c>, <c>token</c>, <c>apikey</c>, ...): printed as <see cref="Mask"/> wherever options are shown.
/// </summary>
public static class SensitiveOptions
{
    public const string Mask = "******";

    private static readonly string[] Markers = { "password", "secret", "jaas.config", "token", "apikey", "api-key", "auth-params", "service-key", "basic-auth", "fs.azure.account.key" };

    public static bool IsSensitive(string key)
    {
        foreach (var m in Markers)
            if (key.Contains(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The value to show for an option: a secret masked whole; a URL (<c>url</c>, <c>*.url</c>) with the values of its
    /// <c>password=</c> parameters masked (a JDBC URL may carry one).</summary>
    public static string Shown(string key, string value) =>
        IsSensitive(key) ? Mask
        : (key == "url" || key.EndsWith(".url", StringComparison.Ordinal)) && value.Contains("password=", StringComparison.OrdinalIgnoreCase)
            ? System.Text.RegularExpressions.Regex.Replace(value, "(?i)(password=)[^&;]*", "$1" + Mask)
            : value;
}
