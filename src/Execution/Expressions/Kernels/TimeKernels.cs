using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Temporal functions. TIMESTAMP_LTZ values are read in the session time zone (EXTRACT, DATE_FORMAT, FLOOR); the
/// current time comes from the context's clock (so tests control it); UNIX_TIMESTAMP is in seconds and returns
/// <c>Long.MIN_VALUE</c> for text it cannot parse, as Flink; DAYOFWEEK is 1 = Sunday .. 7 = Saturday.
/// </summary>
internal static class TimeKernels
{
    /// <summary>The epoch milliseconds of 0000-01-01 00:00:00 and 9999-12-31 23:59:59.999, Flink's TIMESTAMP range.</summary>
    private const long MinEpochMillis = -62167219200000L, MaxEpochMillis = 253402300799999L;

    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] ops)
    {
        var t = call.Type;
        switch (name)
        {
            case "EXTRACT":
                {
                    var unit = UnitOf(ops[0]);
                    return Extract(unit, t, ops[1]);
                }
            case "YEAR" or "QUARTER" or "MONTH" or "WEEK" or "DAYOFYEAR" or "DAYOFMONTH" or "DAYOFWEEK" or "HOUR" or "MINUTE" or "SECOND":
                return Extract(name switch { "DAYOFYEAR" => "DOY", "DAYOFMONTH" => "DAY", "DAYOFWEEK" => "DOW", _ => name }, t, ops[0]);
            case "DATE_FORMAT":
                {
                    var source = ops[0];
                    var format = FormatCache(ops[1]);
                    // Flink reads a string with SimpleDateFormat("yyyy-MM-dd HH:mm:ss"): NULL when that does not parse.
                    if (source.Type.IsCharacterString)
                        return new RowwiseExpression(t, ops, (a, r, w) =>
                        {
                            if (JavaDateFormat.DefaultTimestamp.TryParseLenient(a[0].GetString(r), out long parsed)) w.AppendString(format(a[1], r).Format(parsed));
                            else w.AppendNull();
                        });
                    return new RowwiseExpression(t, new[] { source, ops[1] }, context =>
                    {
                        // Rows of a batch mostly fall in a few seconds: a pattern without fields below the second
                        // (q10's 'yyyy-MM-dd', 'HH:mm') is printed once per second and format.
                        JavaDateFormat? printedFormat = null;
                        long printedSecond = 0;
                        string printed = "";
                        return (a, r, w) =>
                        {
                            long local = LocalValue(a[0], r, context, out long perMicro);
                            long micros = TemporalText.FloorDiv(local, perMicro);
                            var f = format(a[1], r);
                            if (!f.PrintsWholeSeconds)
                            {
                                w.AppendString(f.Format(micros, (int)(local - micros * perMicro)));
                                return;
                            }
                            long second = TemporalText.FloorDiv(micros, TemporalText.MicrosPerSecond);
                            if (second != printedSecond || !ReferenceEquals(f, printedFormat))
                            {
                                printed = f.Format(second * TemporalText.MicrosPerSecond);
                                printedSecond = second;
                                printedFormat = f;
                            }
                            w.AppendString(printed);
                        };
                    });
                }
            case "TO_TIMESTAMP":
                {
                    var format = ops.Length > 1 ? FormatCache(ops[1]) : null;
                    return new RowwiseExpression(t, ops, (a, r, w) =>
                    {
                        var text = a[0].GetString(r);
                        bool ok = format is null ? TextParsing.TryParseTimestamp(text, out long micros) : format(a[1], r).TryParse(text, out micros);
                        if (ok) w.AppendInt64(CastKernels.TruncateMicros(micros, t.Precision)); else w.AppendNull();
                    });
                }
            case "TO_DATE":
                {
                    var format = ops.Length > 1 ? FormatCache(ops[1]) : null;
                    return new RowwiseExpression(t, ops, (a, r, w) =>
                    {
                        var text = a[0].GetString(r);
                        if (format is null) { if (TextParsing.TryParseDate(text, out int days)) w.AppendInt64(days); else w.AppendNull(); return; }
                        if (format(a[1], r).TryParseLenient(text, out long micros)) w.AppendInt64(TemporalText.FloorDiv(micros, TemporalText.MicrosPerDay)); else w.AppendNull();
                    });
                }
            case "TO_TIMESTAMP_LTZ":
                if (ops[0].Type.IsCharacterString)
                {
                    // Flink's ToTimestampLtzFunction: the text is a time in UTC unless a third operand names the zone
                    // (not the session's zone); without a format, TO_TIMESTAMP's default 'yyyy-MM-dd HH:mm:ss[.S...]'.
                    var format = ops.Length > 1 ? FormatCache(ops[1]) : null;
                    return new RowwiseExpression(t, ops, (a, r, w) =>
                    {
                        var text = a[0].GetString(r);
                        bool ok = format is null ? TextParsing.TryParseTimestamp(text, out long micros) : format(a[1], r).TryParse(text, out micros);
                        if (!ok) { w.AppendNull(); return; }
                        if (a.Length > 2) micros = TemporalText.ToUtcMicros(micros, Execution.SessionTimeZone.Resolve(a[2].GetString(r)));
                        w.AppendInt64(CastKernels.TruncateMicros(micros, t.Precision));
                    });
                }
                return new RowwiseExpression(t, ops, (a, r, w) =>
                {
                    long precision = a.Length > 1 ? a[1].GetInt64(r) : 3;
                    if (precision is not (0 or 3 or 6 or 9))
                        throw new ExpressionEvaluationException($"The precision value '{precision}' for function TO_TIMESTAMP_LTZ(numeric, precision) is unsupported, the supported value is '0' for second or '3' for millisecond.");
                    // Flink's DateTimeUtils.toTimestampData: an epoch outside 0000-01-01 .. 9999-12-31 is NULL.
                    if (a[0].Type.IsApproximate || a[0].Type.Kind == SqlTypeKind.Decimal)
                    {
                        double millis = a[0].GetDouble(r) * (precision == 0 ? 1000 : 1);
                        if (!(millis >= MinEpochMillis && millis <= MaxEpochMillis)) { w.AppendNull(); return; }
                        w.AppendInt64((long)(millis * 1000));
                        return;
                    }
                    long n = a[0].GetInt64(r);
                    if (precision is 0 or 3)
                    {
                        long scale = precision == 0 ? 1000 : 1;
                        if (n < MinEpochMillis / scale || n > MaxEpochMillis / scale) { w.AppendNull(); return; }
                        w.AppendInt64(n * scale * 1000);
                        return;
                    }
                    w.AppendInt64(precision == 6 ? n : n / 1000);
                });
            case "FROM_UNIXTIME":
                {
                    var format = ops.Length > 1 ? FormatCache(ops[1]) : null;
                    return new RowwiseExpression(t, ops, context => (a, r, w) =>
                    {
                        long micros = TemporalText.ToLocalMicros(a[0].GetInt64(r) * TemporalText.MicrosPerSecond, context.TimeZone);
                        w.AppendString((format is null ? JavaDateFormat.DefaultTimestamp : format(a[1], r)).Format(micros));
                    });
                }
            case "UNIX_TIMESTAMP":
                {
                    if (ops.Length == 0)
                        return new RowwiseExpression(t, ops, context => (a, r, w) => w.AppendInt64(TemporalText.FloorDiv(context.Clock.NowMicros(), TemporalText.MicrosPerSecond)), nullIntolerant: false);
                    var format = ops.Length > 1 ? FormatCache(ops[1]) : (_, _) => JavaDateFormat.DefaultTimestamp;
                    return new RowwiseExpression(t, ops, context => (a, r, w) =>
                    {
                        if (!format(a.Length > 1 ? a[1] : a[0], r).TryParseLenient(a[0].GetString(r), out long micros, out long? offset)) { w.AppendInt64(long.MinValue); return; }
                        long utc = offset is { } zoneOffset ? micros - zoneOffset : TemporalText.ToUtcMicros(micros, context.TimeZone);
                        w.AppendInt64(TemporalText.FloorDiv(utc, TemporalText.MicrosPerSecond));
                    });
                }
            case "CURRENT_WATERMARK":
                return new RowwiseExpression(t, ops, context =>
                {
                    long? watermark = context.CurrentWatermark;
                    return (a, r, w) =>
                    {
                        if (watermark is { } value) w.AppendInt64(value);
                        else w.AppendNull();
                    };
                }, nullIntolerant: false);
            case "CURRENT_TIMESTAMP" or "NOW" or "CURRENT_ROW_TIMESTAMP" or "PROCTIME":
                return new RowwiseExpression(t, ops, context => (a, r, w) => w.AppendInt64(CastKernels.TruncateMicros(context.Clock.NowMicros(), 3)), nullIntolerant: false);
            case "LOCALTIMESTAMP":
                return new RowwiseExpression(t, ops, context => (a, r, w) =>
                    w.AppendInt64(CastKernels.TruncateMicros(TemporalText.ToLocalMicros(context.Clock.NowMicros(), context.TimeZone), 3)), nullIntolerant: false);
            case "CURRENT_DATE":
                return new RowwiseExpression(t, ops, context => (a, r, w) =>
                    w.AppendInt64(TemporalText.FloorDiv(TemporalText.ToLocalMicros(context.Clock.NowMicros(), context.TimeZone), TemporalText.MicrosPerDay)), nullIntolerant: false);
            case "CURRENT_TIME" or "LOCALTIME":
                return new RowwiseExpression(t, ops, context => (a, r, w) =>
                {
                    long local = TemporalText.ToLocalMicros(context.Clock.NowMicros(), context.TimeZone);
                    long ofDay = local - TemporalText.FloorDiv(local, TemporalText.MicrosPerDay) * TemporalText.MicrosPerDay;
                    w.AppendInt64(ofDay / 1_000_000 * 1000);
                }, nullIntolerant: false);
            case "TIMESTAMPADD": return TimestampAdd(UnitOf(ops[0]), t, ops[1], ops[2]);
            case "TIMESTAMPDIFF": return TimestampDiff(UnitOf(ops[0]), t, ops[1], ops[2]);
            case "CONVERT_TZ":
                return new RowwiseExpression(t, ops, (a, r, w) =>
                {
                    if (!TextParsing.TryParseTimestamp(a[0].GetString(r), out long micros)) { w.AppendNull(); return; }
                    var from = Execution.SessionTimeZone.Resolve(a[1].GetString(r));
                    var to = Execution.SessionTimeZone.Resolve(a[2].GetString(r));
                    w.AppendString(TemporalText.FormatTimestamp(TemporalText.ToLocalMicros(TemporalText.ToUtcMicros(micros, from), to), 0));
                });
            default:
                return null;
        }
    }

    private static string UnitOf(VectorExpression unit) =>
        unit is ConstantExpression { Value: string s } ? s.ToUpperInvariant() : throw new NotSupportedException("the time unit must be a literal");

    private static Func<ColumnReader, int, JavaDateFormat> FormatCache(VectorExpression pattern)
    {
        if (pattern is ConstantExpression { Value: string literal })
        {
            var format = JavaDateFormat.Of(literal);
            return (_, _) => format;
        }
        var cache = new Dictionary<string, JavaDateFormat>();
        return (reader, row) =>
        {
            var text = reader.GetString(row);
            if (!cache.TryGetValue(text, out var f))
            {
                if (cache.Count > 64) cache.Clear();
                cache[text] = f = JavaDateFormat.Of(text);
            }
            return f;
        };
    }

    /// <summary>The value as whole wall-clock microseconds: TIMESTAMP as is, TIMESTAMP_LTZ in the session zone, DATE at
    /// midnight, TIME on 1970-01-01 (the nanoseconds of a TIMESTAMP(7..9) dropped).</summary>
    private static long LocalMicros(ColumnReader reader, int row, EvaluationContext context) =>
        TemporalText.FloorDiv(LocalValue(reader, row, context, out long perMicro), perMicro);

    /// <summary>The wall-clock value in the operand type's own unit (<paramref name="unitsPerMicro"/> per microsecond:
    /// 1000 for TIMESTAMP(7..9), else 1; DATE and TIME as microseconds).</summary>
    private static long LocalValue(ColumnReader reader, int row, EvaluationContext context, out long unitsPerMicro)
    {
        var type = reader.Type;
        unitsPerMicro = type.IsTimestamp ? TimestampEncoding.UnitsPerMicro(type.Precision) : 1;
        return type.Kind switch
        {
            SqlTypeKind.TimestampLtz => TemporalText.ToLocal(reader.GetInt64(row), type.Precision, context.TimeZone),
            SqlTypeKind.Date => reader.GetInt64(row) * TemporalText.MicrosPerDay,
            SqlTypeKind.Time => reader.GetInt64(row) * 1000,
            _ => reader.GetInt64(row),
        };
    }

    private static VectorExpression Extract(string unit, SqlType type, VectorExpression source)
    {
        if (source.Type.IsInterval)
            return new RowwiseExpression(type, new[] { source }, (a, r, w) => w.AppendInt64(ExtractInterval(unit, a[0].GetInt64(r), a[0].Type.Kind == SqlTypeKind.IntervalYearMonth)));
        if (unit == "NANOSECOND")
            // Flink's (ExtractFunctionITCase): the nanoseconds within the second, every digit of a TIMESTAMP(7..9) kept.
            return new RowwiseExpression(type, new[] { source }, context => (a, r, w) =>
            {
                long local = LocalValue(a[0], r, context, out long perMicro);
                long micros = TemporalText.FloorDiv(local, perMicro);
                long ofSecond = micros - TemporalText.FloorDiv(micros, 1_000_000) * 1_000_000;
                w.AppendInt64(ofSecond * 1000 + (local - micros * perMicro) * (1000 / perMicro));
            });
        return new RowwiseExpression(type, new[] { source }, context => (a, r, w) =>
        {
            long micros = LocalMicros(a[0], r, context);
            w.AppendInt64(ExtractField(unit, micros));
        });
    }

    internal static long ExtractField(string unit, long micros)
    {
        long days = TemporalText.FloorDiv(micros, TemporalText.MicrosPerDay);
        long ofDay = micros - days * TemporalText.MicrosPerDay;
        var date = DateOnly.FromDayNumber(719_162 + (int)days);
        return unit switch
        {
            "YEAR" => date.Year,
            "QUARTER" => (date.Month + 2) / 3,
            "MONTH" => date.Month,
            "WEEK" => System.Globalization.ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue)),
            "DAY" => date.Day,
            "DOY" => date.DayOfYear,
            "DOW" => (int)date.DayOfWeek + 1,
            "ISODOW" => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek,
            "ISOYEAR" => System.Globalization.ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)),
            "HOUR" => ofDay / 3_600_000_000,
            "MINUTE" => ofDay / 60_000_000 % 60,
            "SECOND" => ofDay / 1_000_000 % 60,
            // Within the second, as Flink's ExtractFunctionITCase has them (not Calcite's within the minute).
            "MILLISECOND" => ofDay / 1000 % 1000,
            "MICROSECOND" => ofDay % 1_000_000,
            // Flink's utcTs / 1000: toward zero, so a moment before 1970 with a fraction rounds up.
            "EPOCH" => micros / TemporalText.MicrosPerSecond,
            "DECADE" => date.Year / 10,
            "CENTURY" => (date.Year + 99) / 100,
            "MILLENNIUM" => (date.Year + 999) / 1000,
            _ => throw new NotSupportedException($"EXTRACT of {unit}"),
        };
    }

    private static long ExtractInterval(string unit, long value, bool months)
    {
        if (months) return unit switch { "YEAR" => value / 12, "MONTH" => value % 12, "QUARTER" => value % 12 / 3 + 1, _ => 0 };
        return unit switch
        {
            "DAY" => value / 86_400_000,
            "HOUR" => value / 3_600_000 % 24,
            "MINUTE" => value / 60_000 % 60,
            "SECOND" => value / 1000 % 60,
            "MILLISECOND" => value % 60_000,
            "EPOCH" => value / 1000,
            _ => 0,
        };
    }

    private static VectorExpression TimestampAdd(string unit, SqlType type, VectorExpression amount, VectorExpression datetime)
    {
        var target = ExpressionCompiler.Coerce(datetime, type);
        long perMicro = type.IsTimestamp ? TimestampEncoding.UnitsPerMicro(type.Precision) : 1;
        return new RowwiseExpression(type, new[] { amount, target }, context => (a, r, w) =>
        {
            long n = a[0].GetInt64(r);
            long value = a[1].GetInt64(r);
            bool ltz = type.Kind == SqlTypeKind.TimestampLtz;
            // In the type's unit: microseconds, or nanoseconds for TIMESTAMP(7..9).
            long local = type.Kind switch
            {
                SqlTypeKind.Date => value * TemporalText.MicrosPerDay,
                SqlTypeKind.Time => value * 1000,
                _ => ltz ? TemporalText.ToLocal(value, type.Precision, context.TimeZone) : value,
            };
            long result = unit switch
            {
                "YEAR" => TemporalArithmetic.AddMonths(local, (int)(n * 12), perMicro),
                "QUARTER" => TemporalArithmetic.AddMonths(local, (int)(n * 3), perMicro),
                "MONTH" => TemporalArithmetic.AddMonths(local, (int)n, perMicro),
                "WEEK" => local + n * 7 * TemporalText.MicrosPerDay * perMicro,
                "DAY" => local + n * TemporalText.MicrosPerDay * perMicro,
                "HOUR" => local + n * 3_600_000_000 * perMicro,
                "MINUTE" => local + n * 60_000_000 * perMicro,
                "SECOND" => local + n * 1_000_000 * perMicro,
                "MILLISECOND" => local + n * 1000 * perMicro,
                "MICROSECOND" => local + n * perMicro,
                _ => throw new NotSupportedException($"TIMESTAMPADD unit {unit}"),
            };
            w.AppendInt64(type.Kind switch
            {
                SqlTypeKind.Date => TemporalText.FloorDiv(result, TemporalText.MicrosPerDay),
                SqlTypeKind.Time => ((result / 1000) % 86_400_000 + 86_400_000) % 86_400_000,
                _ => ltz ? TemporalText.ToUtc(result, type.Precision, context.TimeZone) : result,
            });
        });
    }

    private static VectorExpression TimestampDiff(string unit, SqlType type, VectorExpression start, VectorExpression end) =>
        new RowwiseExpression(type, new[] { start, end }, context => (a, r, w) =>
        {
            long s = LocalValue(a[0], r, context, out long perMicro);
            long e = LocalValue(a[1], r, context, out long endPerMicro);
            if (endPerMicro != perMicro) { s = LocalMicros(a[0], r, context); e = LocalMicros(a[1], r, context); perMicro = 1; }
            long result;
            switch (unit)
            {
                case "YEAR" or "QUARTER" or "MONTH":
                    {
                        long months = MonthsBetween(s, e, TemporalText.MicrosPerDay * perMicro);
                        result = unit == "YEAR" ? months / 12 : unit == "QUARTER" ? months / 3 : months;
                        break;
                    }
                default:
                    {
                        long unitMicros = unit switch
                        {
                            "WEEK" => 7 * TemporalText.MicrosPerDay,
                            "DAY" => TemporalText.MicrosPerDay,
                            "HOUR" => 3_600_000_000,
                            "MINUTE" => 60_000_000,
                            "SECOND" => 1_000_000,
                            "MILLISECOND" => 1000,
                            "MICROSECOND" => 1,
                            _ => throw new NotSupportedException($"TIMESTAMPDIFF unit {unit}"),
                        };
                        result = (e - s) / (unitMicros * perMicro);
                        break;
                    }
            }
            w.AppendInt64(result);
        });

    /// <summary>Months from <paramref name="start"/> to <paramref name="end"/> as Flink's
    /// <c>DateTimeUtils.subtractMonths(end, start)</c> counts them: the most months that added to the start's date (the
    /// day clamped to the month's end) do not pass the end's date, one fewer when that lands on the end's date at an
    /// earlier time of day. So 2020-01-31 to 2020-02-29 is one month, and so is 2020-03-31 to 2020-04-30.</summary>
    private static long MonthsBetween(long start, long end, long unitsPerDay)
    {
        long startDay = TemporalText.FloorDiv(start, unitsPerDay), endDay = TemporalText.FloorDiv(end, unitsPerDay);
        long months = MonthsBetweenDays(startDay, endDay);
        if (AddMonthsToDay(startDay, months) == endDay && end - endDay * unitsPerDay < start - startDay * unitsPerDay)
            months--;
        return months;
    }

    private static long MonthsBetweenDays(long startDay, long endDay)
    {
        if (endDay < startDay) return -MonthsBetweenDays(endDay, startDay);
        long months = (endDay - startDay) / 31; // no month is longer, so this does not pass the answer
        while (true)
        {
            if (AddMonthsToDay(startDay, months) >= endDay || AddMonthsToDay(startDay, months + 1) > endDay) return months;
            months++;
        }
    }

    private static long AddMonthsToDay(long day, long months) =>
        DateOnly.FromDayNumber(719_162 + (int)day).AddMonths((int)months).DayNumber - 719_162L;

    /// <summary>FLOOR/CEIL(datetime TO unit) with operands (datetime, 'UNIT').</summary>
    internal static VectorExpression FloorCeil(bool floor, SqlType type, VectorExpression[] ops)
    {
        var unit = UnitOf(ops[1]);
        var source = ExpressionCompiler.Coerce(ops[0], type);
        long perMicro = type.IsTimestamp ? TimestampEncoding.UnitsPerMicro(type.Precision) : 1;
        return new RowwiseExpression(type, new[] { source }, context => (a, r, w) =>
        {
            bool ltz = type.Kind == SqlTypeKind.TimestampLtz;
            long raw = a[0].GetInt64(r);
            long local = type.Kind switch
            {
                SqlTypeKind.Date => raw * TemporalText.MicrosPerDay,
                SqlTypeKind.Time => raw * 1000,
                _ => ltz ? TemporalText.ToLocal(raw, type.Precision, context.TimeZone) : raw,
            };
            // Every unit is at least a millisecond, so the floor is whole microseconds even for TIMESTAMP(7..9).
            long down = FloorTo(unit, TemporalText.FloorDiv(local, perMicro)) * perMicro;
            // Calcite's julianDateFloor, which Flink's CEIL of a DATE (and of a timestamp to DECADE, CENTURY or MILLENNIUM)
            // uses, moves up even a value already on the boundary for DAY (of a DATE) and those three frames
            // (TimeFunctionsITCase: CEIL(DATE '1990-10-14' TO DAY) is 1990-10-15).
            bool alwaysUp = unit is "DECADE" or "CENTURY" or "MILLENNIUM" || unit == "DAY" && type.Kind == SqlTypeKind.Date;
            // Flink's timestampCeil takes a timestamp's MONTH, QUARTER and YEAR ceiling from its date alone (julianDateFloor
            // of the day): CEIL(TIMESTAMP '2018-03-01 21:00:01' TO MONTH) is 2018-03-01 00:00:00 (TemporalTypesTest).
            long onBoundary = unit is "MONTH" or "QUARTER" or "YEAR" && type.Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz
                ? TemporalText.FloorDiv(local, TemporalText.MicrosPerDay * perMicro) * TemporalText.MicrosPerDay * perMicro
                : local;
            long result = floor || down == onBoundary && !alwaysUp ? down : Next(unit, down / perMicro) * perMicro;
            w.AppendInt64(type.Kind switch
            {
                SqlTypeKind.Date => TemporalText.FloorDiv(result, TemporalText.MicrosPerDay),
                SqlTypeKind.Time => result / 1000,
                _ => ltz ? TemporalText.ToUtc(result, type.Precision, context.TimeZone) : result,
            });
        });
    }

    private static long FloorTo(string unit, long micros)
    {
        long days = TemporalText.FloorDiv(micros, TemporalText.MicrosPerDay);
        var date = DateOnly.FromDayNumber(719_162 + (int)days);
        long Day(DateOnly d) => (d.DayNumber - 719_162L) * TemporalText.MicrosPerDay;
        return unit switch
        {
            // Calcite's frames: a decade starts in a year divisible by 10, a century in 1901, 2001, ..., a millennium in
            // 1001, 2001, ...
            "MILLENNIUM" => Day(new DateOnly((date.Year + 999) / 1000 * 1000 - 999, 1, 1)),
            "CENTURY" => Day(new DateOnly((date.Year + 99) / 100 * 100 - 99, 1, 1)),
            "DECADE" => Day(new DateOnly(date.Year / 10 * 10, 1, 1)),
            "YEAR" => Day(new DateOnly(date.Year, 1, 1)),
            "QUARTER" => Day(new DateOnly(date.Year, (date.Month - 1) / 3 * 3 + 1, 1)),
            "MONTH" => Day(new DateOnly(date.Year, date.Month, 1)),
            "WEEK" => Day(date.AddDays(-(int)date.DayOfWeek)),
            "DAY" => days * TemporalText.MicrosPerDay,
            "HOUR" => TemporalText.FloorDiv(micros, 3_600_000_000) * 3_600_000_000,
            "MINUTE" => TemporalText.FloorDiv(micros, 60_000_000) * 60_000_000,
            "SECOND" => TemporalText.FloorDiv(micros, 1_000_000) * 1_000_000,
            "MILLISECOND" => TemporalText.FloorDiv(micros, 1000) * 1000,
            _ => throw new NotSupportedException($"FLOOR/CEIL to {unit}"),
        };
    }

    private static long Next(string unit, long floored) => unit switch
    {
        "MILLENNIUM" => TemporalArithmetic.AddMonths(floored, 12_000),
        "CENTURY" => TemporalArithmetic.AddMonths(floored, 1200),
        "DECADE" => TemporalArithmetic.AddMonths(floored, 120),
        "YEAR" => TemporalArithmetic.AddMonths(floored, 12),
        "QUARTER" => TemporalArithmetic.AddMonths(floored, 3),
        "MONTH" => TemporalArithmetic.AddMonths(floored, 1),
        "WEEK" => floored + 7 * TemporalText.MicrosPerDay,
        "DAY" => floored + TemporalText.MicrosPerDay,
        "HOUR" => floored + 3_600_000_000,
        "MINUTE" => floored + 60_000_000,
        "SECOND" => floored + 1_000_000,
        _ => floored + 1000,
    };
}
