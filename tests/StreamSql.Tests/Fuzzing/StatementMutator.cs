using System.Text;

namespace StreamSql.Tests.Fuzzing;

/// <summary>
/// Mutates SQL statements at the level of rough tokens (words, numbers, quoted text, comments, punctuation): deletes,
/// duplicates and swaps tokens, splices in pieces of other statements, inserts grammar words, wraps pieces in deep
/// nesting and repeats pieces thousands of times. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class StatementMutator(IReadOnlyList<string> corpus)
{
    /// <summary>Words and symbols of the grammar, some of them broken on purpose (a lone quote, an open comment).</summary>
    private static readonly string[] Vocabulary =
    [
        "SELECT", "FROM", "WHERE", "GROUP BY", "HAVING", "ORDER BY", "LIMIT", "OFFSET", "FETCH FIRST", "UNION ALL", "UNION", "EXCEPT",
        "INTERSECT", "JOIN", "LEFT JOIN", "CROSS JOIN", "ON", "USING", "AS", "WITH", "VALUES", "ROW", "ARRAY", "MAP", "MULTISET",
        "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "UNKNOWN", "IN", "BETWEEN", "LIKE",
        "SIMILAR TO", "ESCAPE", "EXISTS", "DISTINCT", "ALL", "CAST", "TRY_CAST", "EXTRACT", "INTERVAL", "SECOND", "DAY TO SECOND",
        "TIMESTAMP", "TIMESTAMP(3)", "TIMESTAMP_LTZ(3)", "DATE", "TIME", "DECIMAL(38, 18)", "DECIMAL(38, 0)", "INT", "BIGINT",
        "STRING", "VARCHAR(3)", "BYTES", "BOOLEAN", "DOUBLE", "OVER", "PARTITION BY", "ROWS BETWEEN", "UNBOUNDED PRECEDING",
        "CURRENT ROW", "TABLE", "TUMBLE", "HOP", "CUMULATE", "SESSION", "DESCRIPTOR", "LATERAL", "UNNEST", "FOR SYSTEM_TIME AS OF",
        "WATERMARK FOR", "PRIMARY KEY", "NOT ENFORCED", "METADATA", "VIRTUAL", "COMMENT", "PARTITIONED BY", "LIKE", "CREATE",
        "TEMPORARY", "VIEW", "DROP", "ALTER", "RENAME TO", "ADD", "RESET", "SET", "SHOW", "DESCRIBE", "EXPLAIN", "PLAN FOR",
        "CHANGELOG_MODE", "INSERT INTO", "INSERT OVERWRITE", "EXECUTE", "STATEMENT SET", "BEGIN", "USE", "CATALOG", "FUNCTION",
        "(", ")", "[", "]", ",", ";", ".", "*", "+", "-", "/", "%", "||", "=", "<>", "<", "<=", ">", ">=", "=>", "?", "$", "@",
        "'", "''", "\"", "`", "/*", "*/", "/*+", "--", "\n", "0", "1", "-1", "2147483648", "9223372036854775808",
        "99999999999999999999999999999999999999", "0.1", "1e308", "1e-400", "'x'", "'2024-02-30 25:61:61'", "X'0F'", "X'0'",
        "U&'\\D800'", "U&'\\+110000'", "DATE '2024-01-01'", "TIMESTAMP '2024-01-01 00:00:00'", "INTERVAL '5' SECOND",
        "INTERVAL '-1 25:00' DAY TO MINUTE", "'connector' = 'datagen'", "'format' = 'csv'", "/*+ OPTIONS('k' = 'v') */",
        "COALESCE(", "IF(", "CONCAT(", "SUBSTRING(", "TRIM(BOTH 'x' FROM ", "JSON_VALUE(", "TO_TIMESTAMP(", "DATE_FORMAT(",
        "COUNT(*)", "SUM(", "ROW_NUMBER() OVER (", "PROCTIME()", "CURRENT_TIMESTAMP", "`weird name`", "`", "\u00e9", "\ud83d\ude00",
    ];

    /// <summary>Repetitions of repetitions grow without bound (a run met a 500 MB input, whose tokens alone need gigabytes):
    /// inputs are cut at 1 MB. The deep-input tests cover the larger shapes one by one.</summary>
    public const int MaxLength = 1 << 20;

    private readonly IReadOnlyList<string> _corpus = corpus;

    public string Mutate(Random random)
    {
        var tokens = Tokenize(_corpus[random.Next(_corpus.Count)]);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations; m++) Apply(tokens, random);
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            sb.Append(t);
            if (sb.Length >= MaxLength) break;
        }
        return sb.Length > MaxLength ? sb.ToString(0, MaxLength) : sb.ToString();
    }

    private void Apply(List<string> tokens, Random random)
    {
        if (tokens.Count == 0) tokens.Add(Vocabulary[random.Next(Vocabulary.Length)]);
        int at = random.Next(tokens.Count);
        switch (random.Next(12))
        {
            case 0:
                tokens.RemoveAt(at);
                break;
            case 1:
                tokens.Insert(at, tokens[at]);
                break;
            case 2:
            {
                int other = random.Next(tokens.Count);
                (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                break;
            }
            case 3:
            case 4:
                tokens.Insert(at, " " + Vocabulary[random.Next(Vocabulary.Length)] + " ");
                break;
            case 5:
            {
                // Splice a piece of another statement in place of a piece of this one.
                var donor = Tokenize(_corpus[random.Next(_corpus.Count)]);
                int from = random.Next(donor.Count), length = random.Next(Math.Min(30, donor.Count - from) + 1);
                int remove = random.Next(Math.Min(10, tokens.Count - at) + 1);
                tokens.RemoveRange(at, remove);
                tokens.InsertRange(at, donor.GetRange(from, length));
                break;
            }
            case 6:
            case 7:
            {
                // Wrap a piece in nesting: usually a little, sometimes near or far past the limit.
                int end = Math.Min(tokens.Count, at + 1 + random.Next(8));
                int depth = random.Next(10) switch { < 6 => 1 + random.Next(20), < 9 => 100 + random.Next(900), _ => 1000 + random.Next(4000) };
                var (open, close) = random.Next(6) switch
                {
                    0 => ("(", ")"),
                    1 => ("ABS(", ")"),
                    2 => ("CASE WHEN TRUE THEN ", " END"),
                    3 => ("(SELECT ", ")"),
                    4 => ("NOT ", ""),
                    _ => ("- ", ""),
                };
                tokens.Insert(end, Repeat(close, depth));
                tokens.Insert(at, Repeat(open, depth));
                break;
            }
            case 8:
            {
                // Repeat a piece many times: long chains, long lists, huge literals.
                int length = 1 + random.Next(Math.Min(6, tokens.Count - at));
                int times = random.Next(10) < 8 ? 2 + random.Next(50) : 500 + random.Next(10_000);
                var piece = string.Concat(tokens.GetRange(at, length));
                times = Math.Max(1, Math.Min(times, MaxLength / Math.Max(1, piece.Length + 12)));
                var separator = random.Next(5) switch { 0 => " OR ", 1 => " + ", 2 => ", ", 3 => " UNION ALL ", _ => "" };
                var sb = new StringBuilder();
                for (int i = 0; i < times; i++) sb.Append(separator).Append(piece);
                tokens.Insert(at + length, sb.ToString());
                break;
            }
            case 9:
                tokens.RemoveRange(at, tokens.Count - at);
                break;
            case 10:
            {
                // Change one character: an unbalanced quote, a stray symbol, a digit.
                var t = tokens[at];
                if (t.Length == 0) break;
                int i = random.Next(t.Length);
                const string chars = "'\"`()[];,.*+-/\\0123456789eE$#\u0000\u00a0";
                tokens[at] = t[..i] + chars[random.Next(chars.Length)] + t[(i + 1)..];
                break;
            }
            default:
                tokens.Insert(at, random.Next(2) == 0 ? "(" : ")");
                break;
        }
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    /// <summary>Rough tokens, whitespace kept as its own tokens so the text joins back unchanged.</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            char c = text[i];
            if (char.IsWhiteSpace(c)) while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            else if (char.IsLetterOrDigit(c) || c == '_') while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))) i++;
            else if (c is '\'' or '`' or '"')
            {
                i++;
                while (i < text.Length && text[i] != c) i++;
                i = Math.Min(text.Length, i + 1);
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-') while (i < text.Length && text[i] != '\n') i++;
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
            }
            else i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }
}
