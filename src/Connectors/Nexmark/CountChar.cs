namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// Nexmark q14's user-defined function: how many times a character occurs in a string (the Nexmark project's
/// <c>com.github.nexmark.flink.udf.CountChar</c>, in .NET). <c>CREATE FUNCTION count_char AS 'StreamSql.Connectors.Nexmark.CountChar'</c>.
/// </summary>
public sealed class CountChar
{
    public long Eval(string? text, string? character)
    {
        if (text is null || string.IsNullOrEmpty(character)) return 0;
        char c = character[0];
        return text.AsSpan().Count(c);
    }
}
