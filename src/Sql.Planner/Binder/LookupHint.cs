using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>One <c>LOOKUP</c> hint of a SELECT: the lookup table it names (its name or alias in the FROM clause) and its settings.</summary>
internal sealed class LookupHint(string table, LookupJoinHint settings, SourceSpan span)
{
    public string Table { get; } = table;
    public LookupJoinHint Settings { get; } = settings;
    public SourceSpan Span { get; } = span;

    /// <summary>A lookup join of the SELECT took it.</summary>
    public bool Used { get; set; }

    /// <summary>Reads a <c>LOOKUP</c> hint with Flink's options; a missing table, an unknown option or a bad value is an error at the hint.</summary>
    public static LookupHint Parse(TableHint hint)
    {
        if (hint.Arguments.Count > 0 || hint.Options.Count == 0)
            throw new SqlValidationException("LOOKUP takes options: /*+ LOOKUP('table'='dim', 'output-mode'='allow_unordered', 'capacity'='100', 'timeout'='180s') */", hint.Span);
        string? table = null;
        bool? async = null, ordered = null;
        int? capacity = null;
        TimeSpan? timeout = null;
        string? retryPredicate = null, retryStrategy = null;
        TimeSpan? fixedDelay = null;
        int? maxAttempts = null;
        foreach (var (key, value) in hint.Options)
        {
            switch (key)
            {
                case "table":
                    table = value;
                    break;
                case "async":
                    async = bool.TryParse(value, out var a) ? a : throw Invalid(hint, key, value, "'true' or 'false'");
                    break;
                case "output-mode":
                    ordered = value.ToLowerInvariant() switch
                    {
                        "ordered" => true,
                        "allow_unordered" => false,
                        _ => throw Invalid(hint, key, value, "'ordered' or 'allow_unordered'"),
                    };
                    break;
                case "capacity":
                    capacity = int.TryParse(value, out var c) && c > 0 ? c : throw Invalid(hint, key, value, "a positive integer");
                    break;
                case "timeout":
                    try
                    {
                        timeout = ConfigParsers.ParseDuration(value);
                    }
                    catch (FormatException)
                    {
                        throw Invalid(hint, key, value, "a duration such as '180s'");
                    }
                    if (timeout <= TimeSpan.Zero) throw Invalid(hint, key, value, "a positive duration");
                    break;
                case "retry-predicate":
                    retryPredicate = value.Equals("lookup_miss", StringComparison.OrdinalIgnoreCase) ? value : throw Invalid(hint, key, value, "'lookup_miss'");
                    break;
                case "retry-strategy":
                    retryStrategy = value.Equals("fixed_delay", StringComparison.OrdinalIgnoreCase) ? value : throw Invalid(hint, key, value, "'fixed_delay'");
                    break;
                case "fixed-delay":
                    try
                    {
                        fixedDelay = ConfigParsers.ParseDuration(value);
                    }
                    catch (FormatException)
                    {
                        throw Invalid(hint, key, value, "a duration such as '10s'");
                    }
                    if (fixedDelay <= TimeSpan.Zero) throw Invalid(hint, key, value, "a positive duration");
                    break;
                case "max-attempts":
                    maxAttempts = int.TryParse(value, out var m) && m > 0 ? m : throw Invalid(hint, key, value, "a positive integer");
                    break;
                default:
                    throw new SqlValidationException(
                        $"Invalid LOOKUP hint option '{key}'; the options are 'table', 'async', 'output-mode', 'capacity', 'timeout', "
                        + "'retry-predicate', 'retry-strategy', 'fixed-delay' and 'max-attempts'", hint.Span);
            }
        }
        if (string.IsNullOrEmpty(table))
            throw new SqlValidationException("Invalid LOOKUP hint: the 'table' option (the lookup table's name or alias) is required", hint.Span);
        LookupMissRetry? retry = null;
        if (retryPredicate is not null || retryStrategy is not null || fixedDelay is not null || maxAttempts is not null)
        {
            if (retryPredicate is null || retryStrategy is null || fixedDelay is null || maxAttempts is null)
                throw new SqlValidationException(
                    "Invalid LOOKUP hint: a retry needs all of 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', "
                    + "'fixed-delay' and 'max-attempts'", hint.Span);
            retry = new LookupMissRetry(fixedDelay.Value, maxAttempts.Value);
        }
        return new LookupHint(table, new LookupJoinHint(async, ordered, capacity, timeout) { RetryOnMiss = retry }, hint.Span);
    }

    private static SqlValidationException Invalid(TableHint hint, string key, string value, string expected) =>
        new($"Invalid LOOKUP hint option '{key}' = '{value}': expected {expected}", hint.Span);
}
