using System.Text;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Partition directories as Flink's <c>PartitionPathUtils</c> names them: <c>k1=v1/k2=v2</c>, with the characters a path
/// cannot hold (and <c>%</c>, <c>=</c>, <c>/</c>, <c>:</c> ...) escaped as <c>%XX</c>; a null or empty value is
/// <c>partition.default-name</c>.
/// </summary>
internal static class PartitionPath
{
    private static bool NeedsEscape(char c) =>
        c < ' ' || c is '"' or '#' or '%' or '\'' or '*' or '/' or ':' or '=' or '?' or '\\' or '\u007F' or '{' or '[' or ']' or '^';

    public static string Escape(string value)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (!NeedsEscape(c))
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(value, 0, i, value.Length + 8);
            sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb?.ToString() ?? value;
    }

    public static string Unescape(string text)
    {
        if (!text.Contains('%')) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length
                && int.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>The partition values a file's directory gives, by key (unescaped), from the directories between
    /// <paramref name="root"/> and the file.</summary>
    public static Dictionary<string, string> ValuesOf(string root, string file)
    {
        var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file) ?? root);
        return relative == "." ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) : ValuesOf(relative);
    }

    /// <summary>The partition values of a relative partition directory <c>k1=v1/k2=v2</c>, by key (unescaped).</summary>
    public static Dictionary<string, string> ValuesOf(string relative)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in relative.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = segment.IndexOf('=');
            if (eq > 0) values[Unescape(segment[..eq])] = Unescape(segment[(eq + 1)..]);
        }
        return values;
    }
}
