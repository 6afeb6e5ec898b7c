using System.Globalization;
using StreamSql.Connectors.Common;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Datagen;

/// <summary>The parsed <c>fields.&lt;column&gt;.*</c> options of one column.</summary>
internal sealed record DatagenFieldSpec(
    string Column,
    SqlType Type,
    bool IsSequence,
    string? Min,
    string? Max,
    string? Start,
    string? End,
    TimeSpan MaxPast,
    int Length,
    bool VariableLength,
    double NullRate)
{
    /// <summary>Parses and checks the options of every physical column; throws on options for unknown columns or bad values.</summary>
    public static Dictionary<string, DatagenFieldSpec> ParseAll(CatalogTable table)
    {
        var options = new TableOptions(table);
        var physical = table.PhysicalSchema;
        var raw = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, value) in table.Options)
        {
            if (!key.StartsWith(DatagenOptions.FieldsPrefix, StringComparison.Ordinal)) continue;
            var rest = key[DatagenOptions.FieldsPrefix.Length..];
            int dot = rest.LastIndexOf('.');
            if (dot <= 0)
                throw new Sql.Planner.Connectors.ConnectorOptionException(key, $"Invalid option '{key}' of table '{table.Name}': expected 'fields.<column>.<option>'.");
            var column = rest[..dot];
            var name = rest[(dot + 1)..];
            if (physical.IndexOf(column) < 0 || !string.Equals(physical[physical.IndexOf(column)].Name, column, StringComparison.Ordinal))
                throw new Sql.Planner.Connectors.ConnectorOptionException(key,
                    $"Option '{key}' of table '{table.Name}' refers to column '{column}', which is not a physical column of the table.");
            if (!DatagenOptions.FieldOptionNames.Contains(name))
                throw new Sql.Planner.Connectors.ConnectorOptionException(key,
                    $"Unsupported option '{key}' of table '{table.Name}'. Field options are: {string.Join(", ", DatagenOptions.FieldOptionNames)}.");
            if (!raw.TryGetValue(column, out var map)) raw[column] = map = new Dictionary<string, string>(StringComparer.Ordinal);
            map[name] = value;
        }

        var specs = new Dictionary<string, DatagenFieldSpec>(StringComparer.Ordinal);
        foreach (var field in physical.Fields)
        {
            raw.TryGetValue(field.Name, out var map);
            map ??= new Dictionary<string, string>();
            specs[field.Name] = Parse(options, field, map);
        }
        return specs;
    }

    private static DatagenFieldSpec Parse(TableOptions options, Field field, Dictionary<string, string> map)
    {
        string Key(string name) => $"{DatagenOptions.FieldsPrefix}{field.Name}.{name}";
        string? Get(string name) => map.TryGetValue(name, out var v) ? v : null;

        var kindText = Get(DatagenOptions.Kind) ?? "random";
        bool sequence;
        switch (kindText.Trim().ToLowerInvariant())
        {
            case "random": sequence = false; break;
            case "sequence": sequence = true; break;
            default: throw options.Invalid(Key(DatagenOptions.Kind), $"'{kindText}' is not one of: random, sequence");
        }

        var type = field.Type;
        if (!IsSupported(type))
            throw new Sql.Planner.Connectors.ConnectorOptionException(Key(DatagenOptions.Kind),
                $"The datagen connector cannot generate column '{field.Name}' of type {type} (table '{options.TableName}').");

        if (sequence)
        {
            if (!(type.IsNumeric || type.IsCharacterString))
                throw options.Invalid(Key(DatagenOptions.Kind), $"a sequence can only generate numbers or strings, not {type}");
            if (Get(DatagenOptions.Start) is null) throw options.Missing(Key(DatagenOptions.Start));
            if (Get(DatagenOptions.End) is null) throw options.Missing(Key(DatagenOptions.End));
            var s = ParseNumber(options, Key(DatagenOptions.Start), Get(DatagenOptions.Start)!, type);
            var e = ParseNumber(options, Key(DatagenOptions.End), Get(DatagenOptions.End)!, type);
            if (e < s) throw options.Invalid(Key(DatagenOptions.End), $"end ({e}) is smaller than start ({s})");
        }
        foreach (var bound in new[] { DatagenOptions.Min, DatagenOptions.Max })
            if (Get(bound) is { } text)
            {
                // Random DECIMAL/FLOAT/DOUBLE values come from a double (as Flink's generators): any double is a bound.
                if (type.IsApproximate || type.Kind == SqlTypeKind.Decimal)
                {
                    if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        throw options.Invalid(Key(bound), $"'{text}' is not a number");
                }
                else ParseNumber(options, Key(bound), text, type);
            }

        int length = DatagenOptions.DefaultStringLength;
        if (Get(DatagenOptions.Length) is { } lengthText)
        {
            length = Parse(options, Key(DatagenOptions.Length), lengthText, ConfigParsers.ParseInt);
            if (length < 0) throw options.Invalid(Key(DatagenOptions.Length), "must not be negative");
        }
        if (type.Kind is SqlTypeKind.Char or SqlTypeKind.Binary) length = type.Precision;
        else if (type.Kind is SqlTypeKind.VarChar or SqlTypeKind.VarBinary) length = Math.Min(length, type.Precision);

        var maxPast = Get(DatagenOptions.MaxPast) is { } pastText
            ? Parse(options, Key(DatagenOptions.MaxPast), pastText, ConfigParsers.ParseDuration)
            : TimeSpan.Zero;
        var varLen = Get(DatagenOptions.VarLen) is { } varText && Parse(options, Key(DatagenOptions.VarLen), varText, ConfigParsers.ParseBoolean);
        double nullRate = 0;
        if (Get(DatagenOptions.NullRate) is { } rateText)
        {
            nullRate = Parse(options, Key(DatagenOptions.NullRate), rateText, ConfigParsers.ParseDouble);
            if (nullRate is < 0 or > 1) throw options.Invalid(Key(DatagenOptions.NullRate), "must be between 0.0 and 1.0");
        }

        return new DatagenFieldSpec(field.Name, type, sequence, Get(DatagenOptions.Min), Get(DatagenOptions.Max),
            Get(DatagenOptions.Start), Get(DatagenOptions.End), maxPast, length, varLen, nullRate);
    }

    private static bool IsSupported(SqlType type) => type.Kind is SqlTypeKind.Boolean or SqlTypeKind.TinyInt or SqlTypeKind.SmallInt
        or SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal or SqlTypeKind.Char
        or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Date or SqlTypeKind.Time
        or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth;

    /// <summary>Parses a min/max/start/end as a decimal, checking it suits <paramref name="type"/>.</summary>
    internal static decimal ParseNumber(TableOptions options, string key, string text, SqlType type)
    {
        if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw options.Invalid(key, $"'{text}' is not a number");
        if (type.IsExactInteger || type.IsCharacterString || type.IsInterval || type.IsDateTime)
        {
            if (value != decimal.Truncate(value)) throw options.Invalid(key, $"'{text}' is not an integer");
            var (lo, hi) = IntegerRange(type);
            if (value < lo || value > hi) throw options.Invalid(key, $"{text} is out of range for {type}");
        }
        return value;
    }

    internal static (long Min, long Max) IntegerRange(SqlType type) => type.Kind switch
    {
        SqlTypeKind.TinyInt => (sbyte.MinValue, sbyte.MaxValue),
        SqlTypeKind.SmallInt => (short.MinValue, short.MaxValue),
        SqlTypeKind.Int or SqlTypeKind.IntervalYearMonth => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    private static T Parse<T>(TableOptions options, string key, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw options.Invalid(key, e.Message);
        }
    }
}
