using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>Temporal functions (Flink's result types: EXTRACT and YEAR..SECOND are BIGINT, TO_TIMESTAMP is TIMESTAMP(3),
/// CURRENT_TIMESTAMP/NOW are TIMESTAMP_LTZ(3) NOT NULL, PROCTIME() a TIMESTAMP_LTZ(3) processing-time attribute).</summary>
internal static class TimeFunctions
{
    private static bool IsDateField(object? unit) =>
        unit is "DOW" or "DOY" or "ISODOW" or "ISOYEAR" or "EPOCH" or "DECADE" or "CENTURY" or "MILLENNIUM";

    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("EXTRACT", FunctionKind.Scalar, "'EXTRACT(<TIME_UNIT> FROM <DATETIME>)', 'EXTRACT(<TIME_UNIT> FROM <INTERVAL>)'", a =>
            // The day-of and year-derived fields (DOW, EPOCH, ...) do not apply to an interval; NANOSECOND not to a DATE
            // (Flink's ExtractFunctionITCase: "NANOSECOND can not be applied").
            a.Count == 2 && a[1].Kind == SqlTypeKind.Date && a.LiteralValue(0) is "NANOSECOND"
                ? throw new FunctionResolutionException("NANOSECOND can not be applied to a DATE value")
                // A TIME has no date fields (ScalarFunctionsValidationTest: EXTRACT(YEAR FROM TIME '00:00:00') is refused).
                : a.Count == 2 && a[1].Kind == SqlTypeKind.Time && (IsDateField(a.LiteralValue(0)) || a.LiteralValue(0) is "YEAR" or "QUARTER" or "MONTH" or "WEEK" or "DAY")
                ? null
                : a.Count == 2 && a[0].IsCharacterString && (IsDateTime(a[1]) || a[1].IsInterval && !IsDateField(a.LiteralValue(0)))
                ? new ResolvedFunction(a.Name, new[] { a[0], Own(a[1], SqlType.Timestamp(3)) }, SqlType.BigInt.WithNullable(Nullable(a)))
                : null);
        foreach (var name in new[] { "YEAR", "QUARTER", "MONTH", "WEEK", "DAYOFYEAR", "DAYOFMONTH", "DAYOFWEEK" })
            yield return new(name, FunctionKind.Scalar, $"'{name}(<DATE>)', '{name}(<TIMESTAMP>)'", a =>
                a.Count == 1 && IsDateOrTimestamp(a[0]) ? Keep(a, SqlType.BigInt, nullAs: _ => SqlType.Date) : null);
        foreach (var name in new[] { "HOUR", "MINUTE", "SECOND" })
            // Calcite's HOUR(x) is EXTRACT(HOUR FROM x), so a day-time interval is read too (ScalarFunctionsTest: HOUR(f19)).
            yield return new(name, FunctionKind.Scalar, $"'{name}(<TIME>)', '{name}(<TIMESTAMP>)', '{name}(<INTERVAL>)'", a =>
                a.Count == 1 && (IsTimestamp(a[0]) || a[0].Kind == SqlTypeKind.Time || a[0].IsInterval) ? Keep(a, SqlType.BigInt, nullAs: _ => SqlType.Timestamp(3)) : null);
        yield return new("DATE_FORMAT", FunctionKind.Scalar, "'DATE_FORMAT(<TIMESTAMP>, <STRING>)', 'DATE_FORMAT(<STRING>, <STRING>)'", a =>
            a.Count == 2 && (IsTimestamp(a[0]) || a[0].IsCharacterString || a[0].Kind == SqlTypeKind.Date) && IsString(a[1])
                ? Keep(a, StringType, alwaysNullable: true) : null);
        yield return new("TO_TIMESTAMP", FunctionKind.Scalar, "'TO_TIMESTAMP(<STRING>)', 'TO_TIMESTAMP(<STRING>, <STRING>)'", a =>
            a.Count is 1 or 2 && AllMatch(a, IsString) ? Keep(a, SqlType.Timestamp(3), alwaysNullable: true) : null);
        yield return new("TO_TIMESTAMP_LTZ", FunctionKind.Scalar,
            "'TO_TIMESTAMP_LTZ(<NUMERIC>)', 'TO_TIMESTAMP_LTZ(<NUMERIC>, <INTEGER>)', 'TO_TIMESTAMP_LTZ(<STRING>)', 'TO_TIMESTAMP_LTZ(<STRING>, <STRING>)', 'TO_TIMESTAMP_LTZ(<STRING>, <STRING>, <STRING>)'", ToTimestampLtz);
        yield return new("TO_DATE", FunctionKind.Scalar, "'TO_DATE(<STRING>)', 'TO_DATE(<STRING>, <STRING>)'", a =>
            a.Count is 1 or 2 && AllMatch(a, IsString) ? Keep(a, SqlType.Date, alwaysNullable: true) : null);
        yield return new("FROM_UNIXTIME", FunctionKind.Scalar, "'FROM_UNIXTIME(<INTEGER>)', 'FROM_UNIXTIME(<INTEGER>, <STRING>)'", a =>
            a.Count is 1 or 2 && IsNumeric(a[0]) && (a.Count == 1 || IsString(a[1]))
                ? (a.Count == 1 ? Coerce(a, StringType.WithNullable(true), SqlType.BigInt) : Coerce(a, StringType.WithNullable(true), SqlType.BigInt, StringType))
                : null);
        yield return new("UNIX_TIMESTAMP", FunctionKind.Scalar, "'UNIX_TIMESTAMP()', 'UNIX_TIMESTAMP(<STRING>)', 'UNIX_TIMESTAMP(<STRING>, <STRING>)'", a =>
            a.Count == 0 ? new ResolvedFunction(a.Name, Array.Empty<SqlType>(), SqlType.BigInt.AsNotNull())
            : a.Count <= 2 && AllMatch(a, IsString) ? Keep(a, SqlType.BigInt) : null, Deterministic: false);
        // The watermark the evaluating operator last received (NULL before the first), in the rowtime's type.
        // Flink's wording (Calcite's for a wrong operand count, its type inference's for any other operand), then why.
        yield return new("CURRENT_WATERMARK", FunctionKind.Scalar, "'CURRENT_WATERMARK(<ROWTIME_ATTRIBUTE>)'", a =>
        {
            if (a.Count != 1)
                throw new FunctionResolutionException(
                    $"No match found for function signature CURRENT_WATERMARK({string.Join(", ", a.Types.Select(Signatures.Describe))}).\n" +
                    "Supported signatures are:\nCURRENT_WATERMARK(<TIMESTAMP_WITHOUT_TIME_ZONE *ROWTIME*>)\n" +
                    "CURRENT_WATERMARK(<TIMESTAMP_WITH_LOCAL_TIME_ZONE *ROWTIME*>)");
            if (!a[0].IsTimestamp || !a[0].IsRowtime)
                throw new FunctionResolutionException($"Invalid function call:\nCURRENT_WATERMARK({a[0]})\n" +
                    "The argument of CURRENT_WATERMARK must be a rowtime attribute (a column with a WATERMARK declared on it).");
            return new ResolvedFunction(a.Name, new[] { a[0] }, a[0].WithoutTimeAttribute().WithNullable(true));
        }, Deterministic: false);
        yield return Niladic("CURRENT_TIMESTAMP", SqlType.TimestampLtz(3));
        yield return Niladic("NOW", SqlType.TimestampLtz(3));
        yield return Niladic("CURRENT_ROW_TIMESTAMP", SqlType.TimestampLtz(3));
        yield return Niladic("LOCALTIMESTAMP", SqlType.Timestamp(3));
        yield return Niladic("CURRENT_DATE", SqlType.Date);
        yield return Niladic("CURRENT_TIME", SqlType.Time(0));
        yield return Niladic("LOCALTIME", SqlType.Time(0));
        yield return Niladic("PROCTIME", SqlType.TimestampLtz(3) with { IsProctime = true });
        yield return new("TIMESTAMPADD", FunctionKind.Scalar, "'TIMESTAMPADD(<TIME_UNIT>, <INTEGER>, <DATETIME>)'", a =>
            a.Count != 3 || !a[0].IsCharacterString || !IsInteger(a[1]) || !IsDateTime(a[2]) ? null
            // Calcite: a DATE plus hours, minutes or seconds is a TIMESTAMP (of the default precision, 6), not a DATE
            // (ScalarFunctionsTest: TIMESTAMPADD(HOUR, -1, DATE '2016-06-15') is 2016-06-14 23:00:00.000000).
            : a[2].Kind == SqlTypeKind.Date && a.LiteralValue(0) is "HOUR" or "MINUTE" or "SECOND" or "MILLISECOND" or "MICROSECOND" or "NANOSECOND"
                ? new ResolvedFunction(a.Name, new[] { a[0], As(SqlType.Int, a[1]), As(SqlType.Timestamp(6), a[2]) }, SqlType.Timestamp(6).WithNullable(Nullable(a)))
            : new ResolvedFunction(a.Name, new[] { a[0], As(SqlType.Int, a[1]), Own(a[2], SqlType.Timestamp(3)) },
                (IsNull(a[2]) ? SqlType.Timestamp(3) : a[2].WithoutTimeAttribute()).WithNullable(Nullable(a))));
        yield return new("TIMESTAMPDIFF", FunctionKind.Scalar, "'TIMESTAMPDIFF(<TIME_UNIT>, <DATETIME>, <DATETIME>)'", TimestampDiff);
        yield return new("CONVERT_TZ", FunctionKind.Scalar, "'CONVERT_TZ(<STRING>, <STRING>, <STRING>)'", a =>
            a.Count == 3 && AllMatch(a, IsString) ? Keep(a, StringType, alwaysNullable: true) : null);
    }

    private static FunctionDefinition Niladic(string name, SqlType type) =>
        new(name, FunctionKind.Scalar, $"'{name}()'",
            a => a.Count == 0 ? new ResolvedFunction(a.Name, Array.Empty<SqlType>(), type.AsNotNull()) : null, Deterministic: false);

    private static ResolvedFunction? ToTimestampLtz(CallArguments a)
    {
        var result = SqlType.TimestampLtz(3);
        if (a.Count is 1 or 2 && IsNumeric(a[0]) && (a.Count == 1 || IsInteger(a[1])))
        {
            var operands = a.Count == 1 ? new[] { Own(a[0], SqlType.BigInt) } : new[] { Own(a[0], SqlType.BigInt), As(SqlType.Int, a[1]) };
            // Nullable whatever the arguments, as Flink's (FORCE_NULLABLE in 1.x, TIMESTAMP_LTZ(3) in 2.x): DESC shows TRUE.
            return new ResolvedFunction(a.Name, operands, result.WithNullable(true));
        }
        if (a.Count is >= 1 and <= 3 && AllMatch(a, IsString)) return Keep(a, result, alwaysNullable: true);
        return null;
    }

    private static ResolvedFunction? TimestampDiff(CallArguments a)
    {
        if (a.Count != 3 || !a[0].IsCharacterString || !IsDateTime(a[1]) || !IsDateTime(a[2])) return null;
        // Flink's code generator (ScalarOperatorGens): a TIMESTAMP_LTZ is only subtracted from a TIMESTAMP_LTZ.
        if ((a[1].Kind == SqlTypeKind.TimestampLtz || a[2].Kind == SqlTypeKind.TimestampLtz) && a[1].Kind != a[2].Kind && !IsNull(a[1]) && !IsNull(a[2]))
            throw new FunctionResolutionException("TIMESTAMP_LTZ only supports diff between the same type.");
        var x = IsNull(a[1]) ? a[2] : a[1];
        var y = IsNull(a[2]) ? x : a[2];
        // Both sides as the same kind so the kernel subtracts like with like.
        var common = x.Kind == y.Kind ? TypeRules.LeastRestrictive(new[] { x, y }) : TypeRules.LeastRestrictive(new[] { x, y });
        if (common is null || common.Kind == SqlTypeKind.Null) common = SqlType.Timestamp(3);
        return new ResolvedFunction(a.Name, new[] { a[0], As(common, a[1]), As(common, a[2]) }, SqlType.Int.WithNullable(Nullable(a)));
    }
}
