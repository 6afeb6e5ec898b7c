namespace StreamSql.Sql.Planner.Config;

/// <summary>
/// Options whose values are secrets (Flink's <c>GlobalConfiguration.isSensitive</c>: keys holding <c>password</c>,
/// <c>secret</c>, <c>jaas.config</c>, <c>token</c>, <c>apikey</c>, ...): printed as <see cref="Mask"/> wherever options are shown.
/// </summary>
public static class SensitiveOptions
{
    public const string Mask = "******";

    private static readonly string[] Markers = { "password", "secret", "jaas.config", "token", "apikey", "api-key", "auth-params", "service-key", "basic-auth", "fs.azure.account.key",
        // The Confluent registry client's login, passed through 'avro-confluent.properties.*'.
        "basic.auth.user.info" };

    public static bool IsSensitive(string key)
    {
        foreach (var m in Markers)
            if (key.Contains(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The value to show for an option: a secret masked whole; a URL (<c>url</c>, <c>*.url</c>) with the values of its
    /// <c>password=</c> parameters masked (a JDBC URL may carry one), and the password of its user info
    /// (<c>http://user:password@host</c>, as a schema registry URL may carry).</summary>
    public static string Shown(string key, string value)
    {
        if (IsSensitive(key)) return Mask;
        if (key != "url" && !key.EndsWith(".url", StringComparison.Ordinal)) return value;
        if (value.Contains("password=", StringComparison.OrdinalIgnoreCase))
            value = System.Text.RegularExpressions.Regex.Replace(value, "(?i)(password=)[^&;]*", "$1" + Mask);
        return value.Contains('@') ? System.Text.RegularExpressions.Regex.Replace(value, "(://[^:/@,]*:)[^@/,]*@", "$1" + Mask + "@") : value;
    }
}
