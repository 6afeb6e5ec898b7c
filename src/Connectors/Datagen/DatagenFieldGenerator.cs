using System.Globalization;
using StreamSql.Connectors.Common;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Datagen;

/// <summary>
/// Appends generated values of one column. <paramref name="index"/> in <see cref="Append"/> is the row's index within
/// the split set by <see cref="StartSplit"/>.
/// </summary>
internal abstract class DatagenFieldGenerator
{
    public abstract void Append(ColumnBuilder column, Random random, long index);

    /// <summary>Rows that follow come from <paramref name="split"/> (sequences continue from its bases).</summary>
    public virtual void StartSplit(DatagenSplit split)
    {
    }

    /// <param name="sequenceSlot">For a sequence: its index among the table's sequence columns (its base in a <see cref="DatagenSplit"/>).</param>
    public static DatagenFieldGenerator Create(DatagenFieldSpec spec, int sequenceSlot, Func<long> nowMicros, TimeZoneInfo zone)
    {
        var type = spec.Type;
        if (spec.IsSequence) return new SequenceGenerator(type, sequenceSlot);
        return type.Kind switch
        {
            SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map => new NestedGenerator(spec,
                spec.Children.Select(c => (Create(c, -1, nowMicros, zone), c.Type.Nullable ? c.NullRate : 0)).ToArray()),
            SqlTypeKind.Boolean => new BooleanGenerator(),
            SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt
                or SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth => new IntegerGenerator(Bound(spec.Min, DatagenFieldSpec.IntegerRange(type).Min), Bound(spec.Max, DatagenFieldSpec.IntegerRange(type).Max)),
            // Flink's defaults: Java's MIN_VALUE (the smallest positive) to MAX_VALUE.
            SqlTypeKind.Float => new DoubleGenerator(DoubleBound(spec.Min, float.Epsilon), DoubleBound(spec.Max, float.MaxValue)),
            SqlTypeKind.Double => new DoubleGenerator(DoubleBound(spec.Min, double.Epsilon), DoubleBound(spec.Max, double.MaxValue)),
            SqlTypeKind.Decimal => DecimalGenerator.For(type, spec.Min, spec.Max),
            SqlTypeKind.Char or SqlTypeKind.VarChar => new HexStringGenerator(spec.Length, spec.VariableLength),
            SqlTypeKind.Binary or SqlTypeKind.VarBinary => new BytesGenerator(spec.Length, spec.VariableLength),
            _ => new TemporalGenerator(type, (long)spec.MaxPast.TotalMicroseconds, nowMicros, zone),
        };
    }

    private static long Bound(string? text, long fallback) => text is null ? fallback : (long)decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double DoubleBound(string? text, double fallback) => text is null ? fallback : double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private sealed class BooleanGenerator : DatagenFieldGenerator
    {
        public override void Append(ColumnBuilder column, Random random, long index) => column.AppendBoolean(random.Next(2) == 1);
    }

    private sealed class IntegerGenerator(long min, long max) : DatagenFieldGenerator
    {
        private readonly ulong _span = unchecked((ulong)(max - min));

        public override void Append(ColumnBuilder column, Random random, long index)
        {
            ulong bits = unchecked((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));
            ulong offset = _span == ulong.MaxValue ? bits : bits % (_span + 1);
            column.AppendInt64(unchecked(min + (long)offset));
        }
    }

    private sealed class DoubleGenerator(double min, double max) : DatagenFieldGenerator
    {
        public override void Append(ColumnBuilder column, Random random, long index) => column.AppendDouble(min + random.NextDouble() * (max - min));
    }

    /// <summary>
    /// Flink's <c>DecimalDataRandomGenerator</c>: a uniform double between min and max (by default ± the largest value
    /// of DECIMAL(p, s)), cut to p significant digits and brought to scale s, so every precision up to 38 is covered.
    /// </summary>
    private sealed class DecimalGenerator(double min, double max, int precision, int scale) : DatagenFieldGenerator
    {
        private readonly Int128 _largest = DecimalValue.PowerOfTen(precision) - 1;

        public static DecimalGenerator For(SqlType type, string? minText, string? maxText)
        {
            double largest = Math.Pow(10, type.Precision - type.Scale) - Math.Pow(10, -type.Scale);
            double min = minText is null ? -largest : Math.Max(-largest, double.Parse(minText, NumberStyles.Float, CultureInfo.InvariantCulture));
            double max = maxText is null ? largest : Math.Min(largest, double.Parse(maxText, NumberStyles.Float, CultureInfo.InvariantCulture));
            return new DecimalGenerator(min, max, type.Precision, type.Scale);
        }

        public override void Append(ColumnBuilder column, Random random, long index)
        {
            double value = min + random.NextDouble() * (max - min);
            Span<char> text = stackalloc char[40];
            value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
            // Truncated (Flink's RoundingMode.DOWN); only the double nearest to the bound itself can land just outside.
            var status = DecimalValue.TryParse(text[..length], precision, scale, out var parsed, halfUp: false);
            column.AppendUnscaled(status == DecimalParseStatus.Ok ? parsed.Unscaled : value < 0 ? -_largest : _largest);
        }
    }

    private sealed class HexStringGenerator(int length, bool variable) : DatagenFieldGenerator
    {
        public override void Append(ColumnBuilder column, Random random, long index)
        {
            int n = variable ? random.Next(1, length + 1) : length;
            var span = column.ReserveSpan(n);
            for (int i = 0; i < n; i++) span[i] = (byte)"0123456789abcdef"[random.Next(16)];
            column.CommitSpan(n);
        }
    }

    private sealed class BytesGenerator(int length, bool variable) : DatagenFieldGenerator
    {
        public override void Append(ColumnBuilder column, Random random, long index)
        {
            int n = variable ? random.Next(1, length + 1) : length;
            random.NextBytes(column.ReserveSpan(n));
            column.CommitSpan(n);
        }
    }

    /// <summary>DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ: now minus a random part of <c>max-past</c> (Flink's behaviour).</summary>
    private sealed class TemporalGenerator(SqlType type, long maxPastMicros, Func<long> nowMicros, TimeZoneInfo zone) : DatagenFieldGenerator
    {
        private readonly long _unit = type.Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz && type.Precision < 6
            ? (long)Math.Pow(10, 6 - type.Precision) : 1;

        // TIMESTAMP(7..9) columns count nanoseconds (TimestampEncoding); the clock gives microseconds.
        private readonly long _unitsPerMicro = type.IsTimestamp ? TimestampEncoding.UnitsPerMicro(type.Precision) : 1;

        public override void Append(ColumnBuilder column, Random random, long index)
        {
            long instant = nowMicros() - (maxPastMicros > 0 ? random.NextInt64(0, maxPastMicros + 1) : 0);
            // TIMESTAMP, DATE and TIME are wall-clock values in the session zone; TIMESTAMP_LTZ is the instant itself.
            long local = type.Kind == SqlTypeKind.TimestampLtz ? instant : instant + (long)zone.GetUtcOffset(DateTime.UnixEpoch.AddTicks(instant * 10)).TotalMicroseconds;
            switch (type.Kind)
            {
                case SqlTypeKind.Date: column.AppendInt64(Math.DivRem(local, 86_400_000_000L).Quotient - (local < 0 && local % 86_400_000_000L != 0 ? 1 : 0)); break;
                case SqlTypeKind.Time: column.AppendInt64(((local % 86_400_000_000L + 86_400_000_000L) % 86_400_000_000L) / 1000); break;
                default: column.AppendInt64((local - ((local % _unit) + _unit) % _unit) * _unitsPerMicro); break;
            }
        }
    }

    /// <summary>A ROW of generated fields; an ARRAY or MULTISET of <c>length</c> generated elements; a MAP of <c>length</c>
    /// generated entries (keys are not checked for repeats: with a narrow key range a MAP may hold a key twice, where
    /// Flink's hash map keeps one).</summary>
    private sealed class NestedGenerator(DatagenFieldSpec spec, (DatagenFieldGenerator Generator, double NullRate)[] parts) : DatagenFieldGenerator
    {
        public override void Append(ColumnBuilder column, Random random, long index)
        {
            switch (spec.Type.Kind)
            {
                case SqlTypeKind.Row:
                    for (int f = 0; f < parts.Length; f++) AppendPart(f, column.Children[f], random, index);
                    column.AppendStructValid();
                    break;
                case SqlTypeKind.Map:
                {
                    var entries = ((ListColumnBuilder)column).Values;
                    for (int e = 0; e < spec.Length; e++)
                    {
                        AppendPart(0, entries.Children[0], random, index);
                        AppendPart(1, entries.Children[1], random, index);
                        entries.AppendStructValid();
                    }
                    column.AppendListValid();
                    break;
                }
                default:
                {
                    var elements = ((ListColumnBuilder)column).Values;
                    for (int e = 0; e < spec.Length; e++) AppendPart(0, elements, random, index);
                    column.AppendListValid();
                    break;
                }
            }
        }

        private void AppendPart(int part, ColumnBuilder into, Random random, long index)
        {
            var (generator, nullRate) = parts[part];
            if (nullRate > 0 && random.NextDouble() < nullRate) into.AppendNull();
            else generator.Append(into, random, index);
        }
    }

    /// <summary>The split's base plus the row's index times the split's stride (the split's values of the sequence).</summary>
    private sealed class SequenceGenerator(SqlType type, int slot) : DatagenFieldGenerator
    {
        private decimal _base;
        private long _stride = 1;

        public override void StartSplit(DatagenSplit split)
        {
            _base = split.Bases[slot];
            _stride = split.Stride;
        }

        public override void Append(ColumnBuilder column, Random random, long index)
        {
            var value = _base + index * (decimal)_stride;
            switch (type.Kind)
            {
                case SqlTypeKind.Float or SqlTypeKind.Double: column.AppendDouble((double)value); break;
                case SqlTypeKind.Decimal: column.AppendDecimal(value); break;
                case SqlTypeKind.Char or SqlTypeKind.VarChar:
                    Span<char> buffer = stackalloc char[32];
                    ((long)value).TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
                    column.AppendString(buffer[..written]);
                    break;
                default: column.AppendInt64((long)value); break;
            }
        }
    }
}
