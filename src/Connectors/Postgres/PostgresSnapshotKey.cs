using System.Globalization;
using System.Text;
using Npgsql;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// The primary key of the PostgreSQL table a snapshot is read by: the snapshot goes in key order, so a snapshot cut short
/// can continue after the last key it emitted, and a change read from the stream can be placed before or after that key.
/// Both sides must order keys alike, so only key types whose order is known here qualify: integers (numeric order) and
/// text, varchar, uuid and date (the byte order of their text form; text columns are ordered <c>COLLATE "C"</c>, which
/// is that order). A table without such a key is still read in batches, but a snapshot cut short cannot continue.
/// </summary>
internal sealed class PostgresSnapshotKey
{
    private static readonly HashSet<string> IntegerTypes = new(StringComparer.Ordinal) { "int2", "int4", "int8" };
    private static readonly HashSet<string> TextTypes = new(StringComparer.Ordinal) { "text", "varchar" };
    private static readonly HashSet<string> OrdinalTypes = new(StringComparer.Ordinal) { "uuid", "date" };

    private readonly bool[] _integer;
    private readonly bool[] _collated;
    private readonly string[] _sqlTypes;

    private PostgresSnapshotKey(IReadOnlyList<string> columns, bool[] integer, bool[] collated, string[] sqlTypes)
    {
        Columns = columns;
        _integer = integer;
        _collated = collated;
        _sqlTypes = sqlTypes;
    }

    /// <summary>The key's column names, in key order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The primary key of <paramref name="schema"/>.<paramref name="table"/>, or null when it has none or one of a
    /// type this class cannot order (<paramref name="why"/> says which).</summary>
    public static async Task<(PostgresSnapshotKey? Key, string Why)> LoadAsync(NpgsqlConnection connection, string schema, string table, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE i.indisprimary AND n.nspname = $1 AND c.relname = $2
            ORDER BY array_position(i.indkey::int2[], a.attnum)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        var columns = new List<string>();
        var integer = new List<bool>();
        var collated = new List<bool>();
        var sqlTypes = new List<string>();
        string? unsupported = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                string name = reader.GetString(0), type = reader.GetString(1);
                if (!IntegerTypes.Contains(type) && !TextTypes.Contains(type) && !OrdinalTypes.Contains(type))
                    unsupported ??= $"its primary key column '{name}' is of type {reader.GetString(2)}";
                columns.Add(name);
                integer.Add(IntegerTypes.Contains(type));
                collated.Add(TextTypes.Contains(type));
                sqlTypes.Add(reader.GetString(2));
            }
        }
        if (columns.Count == 0) return (null, "it has no primary key");
        if (unsupported is not null) return (null, unsupported + " (resumable keys: integers, text, varchar, uuid, date)");
        return (new PostgresSnapshotKey(columns, integer.ToArray(), collated.ToArray(), sqlTypes.ToArray()), "");
    }

    /// <summary>The alias the snapshot query gives the table, so key columns never clash with the select list's names.</summary>
    public const string TableAlias = "r";

    private static string Column(string name) => TableAlias + "." + JdbcTargetTable.QuoteIdentifier(name);

    /// <summary>The key columns as text, to append to a snapshot's select list.</summary>
    public string SelectText => string.Join(", ", Columns.Select(c => Column(c) + "::text"));

    /// <summary><c>ORDER BY</c> clause of the snapshot.</summary>
    public string OrderBy => "ORDER BY " + string.Join(", ", Columns.Select((c, i) => Collated(Column(c), i)));

    /// <summary>A <c>WHERE</c> condition: the key is above the parameters <c>$1</c>..<c>$n</c> (its text forms).</summary>
    public string After =>
        "(" + string.Join(", ", Columns.Select((c, i) => Collated(Column(c), i))) + ") > (" +
        string.Join(", ", Columns.Select((_, i) => Collated($"CAST(${i + 1} AS {_sqlTypes[i]})", i))) + ")";

    private string Collated(string expression, int column) => _collated[column] ? expression + " COLLATE \"C\"" : expression;

    /// <summary>Orders two keys (text forms, in key column order) as the snapshot's <see cref="OrderBy"/> does.</summary>
    public int Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (int i = 0; i < _integer.Length; i++)
        {
            int c = _integer[i]
                ? long.Parse(a[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).CompareTo(long.Parse(b[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
                : Encoding.UTF8.GetBytes(a[i]).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b[i]));
            if (c != 0) return c;
        }
        return 0;
    }
}
