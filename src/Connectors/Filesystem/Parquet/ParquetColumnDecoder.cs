using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.File.Values.Primitives;
using Parquet.Meta;
using Parquet.Schema;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// Reads one column of a file's row groups into Arrow arrays of a table column's type: the values are read raw in their
/// physical form (Parquet.Net's typed bulk read into one array) and scattered into the Arrow buffers by the definition
/// levels, converting units where the file's annotation differs from the table's type (TIME in µs, TIMESTAMP in ms, a
/// DECIMAL of smaller scale...). <see cref="Check"/> refuses, before any row is read, a file column that cannot hold the
/// table column's values.
/// </summary>
internal sealed class ParquetColumnDecoder
{
    private readonly string _file;
    private readonly DataField _field;
    private readonly SchemaElement _element;
    private readonly ParquetPhysical _physical;
    private readonly SqlType _type;
    private readonly ColumnKind _kind;
    private readonly IArrowType _arrowType;
    private readonly TimeZoneInfo _int96Zone;

    private ParquetColumnDecoder(string file, DataField field, SchemaElement element, ParquetPhysical physical, SqlType type, IArrowType arrowType,
        TimeZoneInfo int96Zone)
    {
        _int96Zone = int96Zone;
        _file = file;
        _field = field;
        _element = element;
        _physical = physical;
        _type = type;
        _kind = ColumnKinds.Of(type);
        _arrowType = arrowType;
    }

    public string Name => _element.Name;
    public SchemaElement Element => _element;
    public ParquetPhysical Physical => _physical;

    /// <summary>A decoder of the file column <paramref name="fileColumn"/> as <paramref name="type"/>, or an error naming the
    /// file, the column and both types. An INT96 timestamp is read as its instant's wall clock in <paramref name="int96Zone"/>
    /// (Flink's <c>parquet.utc-timezone</c>).</summary>
    public static ParquetColumnDecoder Check(string file, ParquetSchemaTree fileColumn, SqlType type, IArrowType arrowType, TimeZoneInfo int96Zone)
    {
        if (fileColumn.IsRepeated) throw Mismatch(file, fileColumn.Element, type, "it is nested or repeated");
        var decoder = CheckLeaf(file, fileColumn.Element, fileColumn.IsOptional, type, arrowType, int96Zone);
        _ = new ParquetSchema(decoder.Field);
        return decoder;
    }

    /// <summary>The field values are read through (a physical CLR type); a nested leaf's is placed in the column's mirror
    /// schema by <see cref="ParquetNestedColumnReader"/>.</summary>
    public DataField Field => _field;

    /// <summary>A decoder of the leaf <paramref name="element"/> of a file's schema (nullable: it is optional) as
    /// <paramref name="type"/>, for a flat column (<see cref="Check"/>) or a leaf of a nested one; its <see cref="Field"/>
    /// is not yet in a schema.</summary>
    public static ParquetColumnDecoder CheckLeaf(string file, SchemaElement element, bool nullable, SqlType type, IArrowType arrowType, TimeZoneInfo int96Zone)
    {
        var physical = ParquetColumnType.PhysicalOf(element) ?? throw Mismatch(file, element, type, "its physical type is not supported");
        var kind = ColumnKinds.Of(type);
        var logical = element.LogicalType;
        bool ok = kind switch
        {
            ColumnKind.Boolean => physical == ParquetPhysical.Boolean,
            ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 => physical == ParquetPhysical.Int32 && !IsTemporalOrDecimal(element),
            ColumnKind.Int64 => physical is ParquetPhysical.Int32 or ParquetPhysical.Int64 && !IsTemporalOrDecimal(element),
            ColumnKind.Float32 => physical == ParquetPhysical.Float,
            ColumnKind.Float64 => physical is ParquetPhysical.Float or ParquetPhysical.Double,
            ColumnKind.Date32 => physical == ParquetPhysical.Int32 && (logical?.DATE is not null || element.ConvertedType == ConvertedType.DATE),
            ColumnKind.Time32Millis => TimeUnitOf(element) is not null,
            ColumnKind.TimestampMicros or ColumnKind.TimestampNanos => physical == ParquetPhysical.Int64 && TimestampUnitOf(element) is not null
                || physical == ParquetPhysical.Int96,
            ColumnKind.Decimal128 => DecimalScaleOf(element) is int scale && scale <= type.Scale
                && physical is ParquetPhysical.Int32 or ParquetPhysical.Int64 or ParquetPhysical.ByteArray,
            ColumnKind.Utf8 => physical == ParquetPhysical.ByteArray && !IsTemporalOrDecimal(element),
            ColumnKind.Binary => physical == ParquetPhysical.ByteArray && !IsTemporalOrDecimal(element),
            _ => false,
        };
        if (!ok) throw Mismatch(file, element, type, null);
        DataField read = physical switch
        {
            ParquetPhysical.Boolean => new DataField<bool>(element.Name, nullable),
            ParquetPhysical.Int32 => new DataField<int>(element.Name, nullable),
            ParquetPhysical.Int64 => new DataField<long>(element.Name, nullable),
            ParquetPhysical.Float => new DataField<float>(element.Name, nullable),
            ParquetPhysical.Double => new DataField<double>(element.Name, nullable),
            // Parquet.Net decodes INT96 into DateTime (100 ns ticks) or, as an INTERVAL's three int32s, bit for bit: see FromInt96.
            ParquetPhysical.Int96 => new DataField<Interval>(element.Name, nullable),
            _ => new DataField<byte[]>(element.Name, nullable),
        };
        return new ParquetColumnDecoder(file, read, element, physical, type, arrowType, int96Zone);
    }

    private static bool IsTemporalOrDecimal(SchemaElement e) =>
        e.LogicalType is { DATE: not null } or { TIME: not null } or { TIMESTAMP: not null } or { DECIMAL: not null }
        || e.ConvertedType is ConvertedType.DATE or ConvertedType.TIME_MILLIS or ConvertedType.TIME_MICROS
            or ConvertedType.TIMESTAMP_MILLIS or ConvertedType.TIMESTAMP_MICROS or ConvertedType.DECIMAL;

    /// <summary>Units per second of a TIME column (1e3, 1e6, 1e9), or null.</summary>
    private static long? TimeUnitOf(SchemaElement e)
    {
        if (e.LogicalType?.TIME is { } time) return UnitsPerSecond(time.Unit);
        return e.ConvertedType switch { ConvertedType.TIME_MILLIS => 1000, ConvertedType.TIME_MICROS => 1_000_000, _ => null };
    }

    /// <summary>Units per second of a TIMESTAMP column, or null.</summary>
    internal static long? TimestampUnitOf(SchemaElement e)
    {
        if (e.LogicalType?.TIMESTAMP is { } ts) return UnitsPerSecond(ts.Unit);
        return e.ConvertedType switch { ConvertedType.TIMESTAMP_MILLIS => 1000, ConvertedType.TIMESTAMP_MICROS => 1_000_000, _ => null };
    }

    private static long? UnitsPerSecond(global::Parquet.Meta.TimeUnit? unit) =>
        unit?.MILLIS is not null ? 1000 : unit?.MICROS is not null ? 1_000_000 : unit?.NANOS is not null ? 1_000_000_000 : null;

    internal static int? DecimalScaleOf(SchemaElement e) => e.LogicalType?.DECIMAL is { } d ? d.Scale : e.ConvertedType == ConvertedType.DECIMAL ? e.Scale ?? 0 : null;

    private static InvalidDataException Mismatch(string file, SchemaElement e, SqlType type, string? why) =>
        new($"Parquet file '{file}': column '{e.Name}' is {Describe(e)}, which cannot be read as the table's {type}"
            + (why is null ? "." : $" ({why})."));

    internal static string Describe(SchemaElement e)
    {
        var text = e.Type?.ToString() ?? "a group";
        var l = e.LogicalType;
        if (l?.STRING is not null) text += " (STRING)";
        else if (l?.DATE is not null) text += " (DATE)";
        else if (l?.TIME is not null) text += $" (TIME, {UnitsPerSecond(l.TIME.Unit)} per second)";
        else if (l?.TIMESTAMP is not null) text += $" (TIMESTAMP, {UnitsPerSecond(l.TIMESTAMP.Unit)} per second{(l.TIMESTAMP.IsAdjustedToUTC ? ", UTC" : "")})";
        else if (l?.DECIMAL is not null) text += $" (DECIMAL({l.DECIMAL.Precision}, {l.DECIMAL.Scale}))";
        else if (e.ConvertedType is { } c) text += $" ({c})";
        return text;
    }

    /// <summary>The column of one row group as an Arrow array of the table column's type.</summary>
    public ValueTask<IArrowArray> ReadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        int rows = checked((int)rowGroup.RowCount);
        return ReadAsync(rowGroup, new LeafLevels(rows, _field.IsNullable ? new int[rows] : null, null, 1), cancellationToken);
    }

    /// <summary>A nested column's leaf in one row group: its <paramref name="levels"/> filled in, and its defined values
    /// (the entries at the leaf's maximum definition level) as a dense Arrow array.</summary>
    public ValueTask<IArrowArray> ReadLeafAsync(ParquetRowGroupReader rowGroup, LeafLevels levels, CancellationToken cancellationToken) =>
        ReadAsync(rowGroup, levels, cancellationToken);

    private async ValueTask<IArrowArray> ReadAsync(ParquetRowGroupReader rowGroup, LeafLevels levels, CancellationToken cancellationToken)
    {
        try
        {
            return _physical switch
            {
                ParquetPhysical.Boolean => await ReadBooleanAsync(rowGroup, levels, cancellationToken).ConfigureAwait(false),
                ParquetPhysical.Int32 => FromInt32(await ReadDenseAsync<int>(rowGroup, levels, cancellationToken).ConfigureAwait(false), _outRows, _outDefinitions),
                ParquetPhysical.Int64 => FromInt64(await ReadDenseAsync<long>(rowGroup, levels, cancellationToken).ConfigureAwait(false), _outRows, _outDefinitions),
                ParquetPhysical.Float => _kind == ColumnKind.Float32
                    ? Scatter<float>(await ReadDenseAsync<float>(rowGroup, levels, cancellationToken).ConfigureAwait(false), _outRows, _outDefinitions)
                    : Scatter<double>(Widen(await ReadDenseAsync<float>(rowGroup, levels, cancellationToken).ConfigureAwait(false)), _outRows, _outDefinitions),
                ParquetPhysical.Double => Scatter<double>(await ReadDenseAsync<double>(rowGroup, levels, cancellationToken).ConfigureAwait(false), _outRows, _outDefinitions),
                ParquetPhysical.Int96 => FromInt96(await ReadDenseAsync<Interval>(rowGroup, levels, cancellationToken).ConfigureAwait(false), _outRows, _outDefinitions),
                _ => FromBytes(await ReadDenseAsync<ReadOnlyMemory<byte>>(rowGroup, levels, cancellationToken).ConfigureAwait(false), _outRows, _outDefinitions),
            };
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException($"Parquet file '{_file}': cannot read column '{Name}': {e.Message}", e);
        }
    }

    /// <summary>What the conversions scatter the values read last over: the flat column's rows and definitions, or for a
    /// nested leaf just its dense values.</summary>
    private int _outRows;
    private int[]? _outDefinitions;

    private async ValueTask<ArraySegment<T>> ReadDenseAsync<T>(ParquetRowGroupReader rowGroup, LeafLevels levels, CancellationToken cancellationToken) where T : struct
    {
        var values = new T[levels.Count];
        // Not a conditional: its null would convert to an empty Memory<int> through int[], which Parquet.Net takes as a buffer.
        // A nested leaf's level arrays are reused across row groups, so only their first Count entries are this one's.
        Memory<int>? repetitions = default, definitionLevels = default;
        if (levels.Repetitions is not null) repetitions = levels.Repetitions.AsMemory(0, levels.Count);
        if (levels.Definitions is not null) definitionLevels = levels.Definitions.AsMemory(0, levels.Count);
        await rowGroup.ReadRawAsync<T>(_field, values, definitionLevels, repetitions, cancellationToken).ConfigureAwait(false);
        int count = levels.Count;
        if (levels.Definitions is { } definitions)
        {
            count = 0;
            foreach (var d in definitions.AsSpan(0, levels.Count)) if (d == levels.MaxDefinition) count++;
        }
        bool leaf = levels.Repetitions is not null;
        _outRows = leaf ? count : levels.Count;
        _outDefinitions = leaf ? null : levels.Definitions;
        return new ArraySegment<T>(values, 0, count);
    }

    private static double[] Widen(ArraySegment<float> values)
    {
        var result = new double[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = values[i];
        return result;
    }

    private IArrowArray FromInt32(ArraySegment<int> dense, int rows, int[]? definitions)
    {
        switch (_kind)
        {
            case ColumnKind.Int8:
            {
                var narrow = new sbyte[dense.Count];
                for (int i = 0; i < narrow.Length; i++) narrow[i] = (sbyte)dense[i];
                return Scatter<sbyte>(narrow, rows, definitions);
            }
            case ColumnKind.Int16:
            {
                var narrow = new short[dense.Count];
                for (int i = 0; i < narrow.Length; i++) narrow[i] = (short)dense[i];
                return Scatter<short>(narrow, rows, definitions);
            }
            case ColumnKind.Int64:
            {
                var wide = new long[dense.Count];
                for (int i = 0; i < wide.Length; i++) wide[i] = dense[i];
                return Scatter<long>(wide, rows, definitions);
            }
            case ColumnKind.Time32Millis:
            {
                long perSecond = TimeUnitOf(_element) ?? 1000;
                if (perSecond != 1000) for (int i = 0; i < dense.Count; i++) dense[i] = (int)(dense[i] / (perSecond / 1000));
                return Scatter<int>(dense, rows, definitions);
            }
            case ColumnKind.Decimal128:
            {
                var unscaled = new Int128[dense.Count];
                var factor = ScaleFactor();
                for (int i = 0; i < unscaled.Length; i++) unscaled[i] = dense[i] * factor;
                return Scatter<Int128>(unscaled, rows, definitions);
            }
            default: return Scatter<int>(dense, rows, definitions);
        }
    }

    private IArrowArray FromInt64(ArraySegment<long> dense, int rows, int[]? definitions)
    {
        switch (_kind)
        {
            case ColumnKind.TimestampMicros or ColumnKind.TimestampNanos:
            {
                long from = TimestampUnitOf(_element)!.Value, to = _kind == ColumnKind.TimestampNanos ? 1_000_000_000 : 1_000_000;
                if (from < to) for (int i = 0; i < dense.Count; i++) dense[i] *= to / from;
                else if (from > to) for (int i = 0; i < dense.Count; i++) dense[i] = Math.DivRem(dense[i], from / to) is var (q, r) && r < 0 ? q - 1 : q;
                return Scatter<long>(dense, rows, definitions);
            }
            case ColumnKind.Time32Millis:
            {
                long perMilli = (TimeUnitOf(_element) ?? 1000) / 1000;
                var millis = new int[dense.Count];
                for (int i = 0; i < millis.Length; i++) millis[i] = (int)(dense[i] / perMilli);
                return Scatter<int>(millis, rows, definitions);
            }
            case ColumnKind.Decimal128:
            {
                var unscaled = new Int128[dense.Count];
                var factor = ScaleFactor();
                for (int i = 0; i < unscaled.Length; i++) unscaled[i] = dense[i] * factor;
                return Scatter<Int128>(unscaled, rows, definitions);
            }
            default: return Scatter<long>(dense, rows, definitions);
        }
    }

    /// <summary>Julian day number of 1970-01-01.</summary>
    private const long UnixEpochJulianDay = 2_440_588;

    /// <summary>INT96 instants (UTC, to the nanosecond) as the wall clock of <see cref="_int96Zone"/>, in the column's unit
    /// (floor division, so instants before 1970 keep their sub-unit digits as Flink's do). An INT96 is the nanosecond of the
    /// day (8 bytes, little-endian) then the Julian day (4 bytes); read as an INTERVAL its three little-endian int32s are
    /// the nanosecond's low and high halves and the day, every bit kept (DateTime would round to 100 ns).</summary>
    private IArrowArray FromInt96(ArraySegment<Interval> dense, int rows, int[]? definitions)
    {
        var values = new long[dense.Count];
        bool nanos = _kind == ColumnKind.TimestampNanos;
        bool utc = _int96Zone == TimeZoneInfo.Utc;
        for (int i = 0; i < values.Length; i++)
        {
            var raw = dense[i];
            long nanosOfDay = (uint)raw.Months | ((long)raw.Days << 32);
            long epochNanos = (raw.Millis - UnixEpochJulianDay) * 86_400_000_000_000L + nanosOfDay;
            if (!utc)
            {
                long seconds = Math.DivRem(epochNanos, 1_000_000_000L) is var (q, r) && r < 0 ? q - 1 : q;
                var instant = DateTime.UnixEpoch.AddSeconds(Math.Clamp(seconds, -62_135_596_800L, 253_402_300_799L));
                epochNanos += _int96Zone.GetUtcOffset(instant).Ticks * 100;
            }
            values[i] = nanos ? epochNanos : Math.DivRem(epochNanos, 1000) is var (q2, r2) && r2 < 0 ? q2 - 1 : q2;
        }
        return Scatter<long>(values, rows, definitions);
    }

    private Int128 ScaleFactor()
    {
        Int128 factor = 1;
        for (int s = DecimalScaleOf(_element) ?? 0; s < _type.Scale; s++) factor *= 10;
        return factor;
    }

    private IArrowArray FromBytes(ArraySegment<ReadOnlyMemory<byte>> dense, int rows, int[]? definitions)
    {
        if (_kind == ColumnKind.Decimal128)
        {
            var unscaled = new Int128[dense.Count];
            var factor = ScaleFactor();
            for (int i = 0; i < unscaled.Length; i++) unscaled[i] = BigEndianToInt128(dense[i].Span) * factor;
            return Scatter<Int128>(unscaled, rows, definitions);
        }
        var offsets = new int[rows + 1];
        long total = 0;
        for (int i = 0; i < dense.Count; i++) total += dense[i].Length;
        var data = new byte[checked((int)total)];
        int position = 0, next = 0;
        var validity = definitions is null ? null : new byte[(rows + 7) / 8];
        int nulls = 0;
        for (int row = 0; row < rows; row++)
        {
            offsets[row] = position;
            if (definitions is not null && definitions[row] == 0)
            {
                nulls++;
                continue;
            }
            if (validity is not null) validity[row >> 3] |= (byte)(1 << (row & 7));
            var value = dense[next++].Span;
            value.CopyTo(data.AsSpan(position));
            position += value.Length;
        }
        offsets[rows] = position;
        var validityBuffer = nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!);
        var arrayData = new ArrayData(_arrowType, rows, nulls, 0,
            [validityBuffer, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(data)]);
        return ArrowArrayFactory.BuildArray(arrayData);
    }

    private static Int128 BigEndianToInt128(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return 0;
        if (bytes.Length > 16) throw new InvalidDataException("a DECIMAL value longer than 16 bytes");
        Span<byte> full = stackalloc byte[16];
        full.Fill((bytes[0] & 0x80) != 0 ? (byte)0xFF : (byte)0);
        bytes.CopyTo(full[(16 - bytes.Length)..]);
        return BinaryPrimitives.ReadInt128BigEndian(full);
    }

    private async ValueTask<IArrowArray> ReadBooleanAsync(ParquetRowGroupReader rowGroup, LeafLevels levels, CancellationToken cancellationToken)
    {
        var dense = await ReadDenseAsync<bool>(rowGroup, levels, cancellationToken).ConfigureAwait(false);
        int rows = _outRows;
        var definitions = _outDefinitions;
        var bits = new byte[(rows + 7) / 8];
        var validity = definitions is null ? null : new byte[(rows + 7) / 8];
        int next = 0, nulls = 0;
        for (int row = 0; row < rows; row++)
        {
            if (definitions is not null && definitions[row] == 0)
            {
                nulls++;
                continue;
            }
            if (validity is not null) validity[row >> 3] |= (byte)(1 << (row & 7));
            if (dense[next++]) bits[row >> 3] |= (byte)(1 << (row & 7));
        }
        var validityBuffer = nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!);
        return ArrowArrayFactory.BuildArray(new ArrayData(_arrowType, rows, nulls, 0, [validityBuffer, new ArrowBuffer(bits)]));
    }

    /// <summary>Dense defined values spread over <paramref name="rows"/> rows by the definition levels.</summary>
    private IArrowArray Scatter<T>(ReadOnlySpan<T> dense, int rows, int[]? definitions) where T : unmanaged
    {
        var bytes = new byte[rows * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        var values = MemoryMarshal.Cast<byte, T>(bytes.AsSpan());
        int nulls = 0;
        byte[]? validity = null;
        if (definitions is null || dense.Length == rows) dense.CopyTo(values);
        else
        {
            validity = new byte[(rows + 7) / 8];
            int next = 0;
            for (int row = 0; row < rows; row++)
            {
                if (definitions[row] == 0)
                {
                    nulls++;
                    continue;
                }
                validity[row >> 3] |= (byte)(1 << (row & 7));
                values[row] = dense[next++];
            }
        }
        var validityBuffer = nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!);
        var buffer = new ArrowBuffer(bytes);
        return ArrowArrayFactory.BuildArray(new ArrayData(_arrowType, rows, nulls, 0, [validityBuffer, buffer]));
    }

    private IArrowArray Scatter<T>(ArraySegment<T> dense, int rows, int[]? definitions) where T : unmanaged =>
        Scatter<T>(dense.AsSpan(), rows, definitions);

    private IArrowArray Scatter<T>(T[] dense, int rows, int[]? definitions) where T : unmanaged =>
        Scatter<T>(dense.AsSpan(), rows, definitions);
}

/// <summary>The levels of one column chunk: <see cref="Count"/> entries (a flat column's rows), the definition levels
/// (null: a required flat column), the repetition levels (null: a flat column) and the level of a defined value.</summary>
internal readonly record struct LeafLevels(int Count, int[]? Definitions, int[]? Repetitions, int MaxDefinition);
