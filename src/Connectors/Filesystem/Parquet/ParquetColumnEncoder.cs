using System.Buffers;
using System.Buffers.Binary;
using Apache.Arrow;
using Parquet;
using Parquet.Schema;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// Writes one column of a row group from the batches buffered for it: the defined values are gathered into one typed
/// array (a block copy when a batch has no nulls) with the definition levels beside them, and handed to Parquet.Net
/// in one call. Strings and bytes are handed over as slices of the Arrow data buffers, not copied.
/// </summary>
internal sealed class ParquetColumnEncoder
{
    private int[] _definitions = System.Array.Empty<int>();
    private byte[] _decimalBytes = System.Array.Empty<byte>();

    /// <summary>Writes the column; for a STRING column returns its min and max (UTF-8 bytes, unsigned order), which
    /// Parquet.Net does not compute for raw byte arrays, or null when there is no value or a bound is too long to keep.</summary>
    public ValueTask<(byte[] Min, byte[] Max)?> WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, ParquetColumnType type, List<RecordBatch> batches,
        int column, int rows, CancellationToken cancellationToken)
    {
        var arrays = new IArrowArray[batches.Count];
        for (int i = 0; i < arrays.Length; i++) arrays[i] = batches[i].Column(column);
        if (_definitions.Length < rows) _definitions = new int[Math.Max(rows, _definitions.Length * 2)];
        return WriteAsync(rowGroup, field, type, arrays, rows, type.Type.Nullable ? _definitions : null, null, cancellationToken);
    }

    /// <summary>Writes a leaf of a nested column: <paramref name="values"/> are its defined values (no nulls), the levels
    /// say where they go (<see cref="ParquetNestedColumnWriter"/>).</summary>
    public ValueTask<(byte[] Min, byte[] Max)?> WriteLeafAsync(ParquetRowGroupWriter rowGroup, DataField field, ParquetColumnType type, IArrowArray values,
        ParquetLevels levels, CancellationToken cancellationToken) =>
        WriteAsync(rowGroup, field, type, [values], values.Length, null, levels, cancellationToken);

    private async ValueTask<(byte[] Min, byte[] Max)?> WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, ParquetColumnType type, IReadOnlyList<IArrowArray> batches,
        int rows, int[]? definitions, ParquetLevels? levels, CancellationToken cancellationToken)
    {
        switch (type.Kind)
        {
            case ColumnKind.Boolean: await WriteBooleanAsync(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Int8: await WriteFixedAsync<sbyte>(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Int16: await WriteFixedAsync<short>(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Int32 or ColumnKind.Date32 or ColumnKind.Time32Millis:
                await WriteFixedAsync<int>(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Int64 or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos:
                await WriteFixedAsync<long>(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Float32: await WriteFixedAsync<float>(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Float64: await WriteFixedAsync<double>(rowGroup, field, batches, rows, definitions, levels, cancellationToken); break;
            case ColumnKind.Decimal128:
                if (type.Physical == ParquetPhysical.Int32) await WriteNarrowDecimalAsync<int>(rowGroup, field, batches, rows, definitions, levels, cancellationToken);
                else if (type.Physical == ParquetPhysical.Int64) await WriteNarrowDecimalAsync<long>(rowGroup, field, batches, rows, definitions, levels, cancellationToken);
                else await WriteWideDecimalAsync(rowGroup, field, batches, rows, definitions, levels, cancellationToken);
                break;
            case ColumnKind.Utf8 or ColumnKind.Binary:
                return await WriteBytesAsync(rowGroup, field, batches, rows, definitions, levels, type.Kind == ColumnKind.Utf8, cancellationToken);
            default: throw new NotSupportedException($"Column '{type.Name}' of type {type.Type} cannot be written as parquet.");
        }
        return null;
    }

    /// <summary>Hands the values to Parquet.Net with the flat column's definitions or the nested leaf's levels.</summary>
    private static async Task Write<T>(ParquetRowGroupWriter rowGroup, DataField field, ReadOnlyMemory<T> values, int rows, int[]? definitions, ParquetLevels? levels,
        CancellationToken cancellationToken) where T : struct
    {
        if (levels is { } l)
            await rowGroup.WriteAllPartsAsync<T>(field, values, l.Definitions.AsMemory(0, l.Count), l.Repetitions.AsMemory(0, l.Count), cancellationToken);
        else
            await rowGroup.WriteAllPartsAsync<T>(field, values, definitions?.AsMemory(0, rows), null, cancellationToken);
    }

    /// <summary>Longest string bound kept in the statistics: longer ones would swell every footer (parquet-mr truncates at 64
    /// bytes too); a column with a longer min or max gets no string statistics.</summary>
    private const int MaxStatisticsBytes = 64;

    private static async ValueTask WriteFixedAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<IArrowArray> batches,
        int rows, int[]? definitions, ParquetLevels? levels, CancellationToken cancellationToken) where T : unmanaged
    {
        var values = ArrayPool<T>.Shared.Rent(Math.Max(rows, 1));
        try
        {
            int count = GatherFixed(batches, values, definitions);
            await Write<T>(rowGroup, field, values.AsMemory(0, count), rows, definitions, levels, cancellationToken);
        }
        finally { ArrayPool<T>.Shared.Return(values); }
    }

    private static int GatherFixed<T>(IReadOnlyList<IArrowArray> batches, T[] values, int[]? definitions) where T : unmanaged
    {
        int count = 0, row = 0;
        foreach (var batch in batches)
        {
            var view = new ColumnView(batch);
            var source = view.Values<T>();
            if (!view.HasNulls)
            {
                source.CopyTo(values.AsSpan(count));
                count += source.Length;
                definitions?.AsSpan(row, source.Length).Fill(1);
            }
            else
            {
                var validity = view.Validity;
                for (int i = 0; i < source.Length; i++)
                {
                    bool valid = validity.IsValid(i);
                    definitions![row + i] = valid ? 1 : 0;
                    if (valid) values[count++] = source[i];
                }
            }
            row += source.Length;
        }
        return count;
    }

    private static async ValueTask WriteBooleanAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<IArrowArray> batches,
        int rows, int[]? definitions, ParquetLevels? levels, CancellationToken cancellationToken)
    {
        var values = ArrayPool<bool>.Shared.Rent(Math.Max(rows, 1));
        try
        {
            int count = 0, row = 0;
            foreach (var batch in batches)
            {
                var view = new ColumnView(batch);
                var validity = view.Validity;
                for (int i = 0; i < view.Length; i++)
                {
                    bool valid = validity.IsValid(i);
                    if (definitions is not null) definitions[row + i] = valid ? 1 : 0;
                    if (valid) values[count++] = view.GetBoolean(i);
                }
                row += view.Length;
            }
            await Write<bool>(rowGroup, field, values.AsMemory(0, count), rows, definitions, levels, cancellationToken);
        }
        finally { ArrayPool<bool>.Shared.Return(values); }
    }

    private static async ValueTask WriteNarrowDecimalAsync<T>(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<IArrowArray> batches,
        int rows, int[]? definitions, ParquetLevels? levels, CancellationToken cancellationToken) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var values = ArrayPool<T>.Shared.Rent(Math.Max(rows, 1));
        try
        {
            int count = 0, row = 0;
            foreach (var batch in batches)
            {
                var view = new ColumnView(batch);
                var source = view.Values<Int128>();
                var validity = view.Validity;
                for (int i = 0; i < source.Length; i++)
                {
                    bool valid = validity.IsValid(i);
                    if (definitions is not null) definitions[row + i] = valid ? 1 : 0;
                    // The column's precision bounds the unscaled value, so it fits the narrower integer.
                    if (valid) values[count++] = T.CreateTruncating(source[i]);
                }
                row += source.Length;
            }
            await Write<T>(rowGroup, field, values.AsMemory(0, count), rows, definitions, levels, cancellationToken);
        }
        finally { ArrayPool<T>.Shared.Return(values); }
    }

    private async ValueTask WriteWideDecimalAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<IArrowArray> batches,
        int rows, int[]? definitions, ParquetLevels? levels, CancellationToken cancellationToken)
    {
        if (_decimalBytes.Length < rows * 16) _decimalBytes = new byte[Math.Max(rows * 16, _decimalBytes.Length * 2)];
        var values = ArrayPool<ReadOnlyMemory<byte>>.Shared.Rent(Math.Max(rows, 1));
        try
        {
            int count = 0, row = 0;
            foreach (var batch in batches)
            {
                var view = new ColumnView(batch);
                var source = view.Values<Int128>();
                var validity = view.Validity;
                for (int i = 0; i < source.Length; i++)
                {
                    bool valid = validity.IsValid(i);
                    if (definitions is not null) definitions[row + i] = valid ? 1 : 0;
                    if (!valid) continue;
                    // Parquet's DECIMAL on bytes: big-endian two's complement (all 16 bytes; readers take any length).
                    var slot = _decimalBytes.AsMemory(count * 16, 16);
                    BinaryPrimitives.WriteInt128BigEndian(slot.Span, source[i]);
                    values[count++] = slot;
                }
                row += source.Length;
            }
            await Write<ReadOnlyMemory<byte>>(rowGroup, field, values.AsMemory(0, count), rows, definitions, levels, cancellationToken);
        }
        finally { ArrayPool<ReadOnlyMemory<byte>>.Shared.Return(values, clearArray: true); }
    }

    private static async ValueTask<(byte[] Min, byte[] Max)?> WriteBytesAsync(ParquetRowGroupWriter rowGroup, DataField field, IReadOnlyList<IArrowArray> batches,
        int rows, int[]? definitions, ParquetLevels? levels, bool bounds, CancellationToken cancellationToken)
    {
        var values = ArrayPool<ReadOnlyMemory<byte>>.Shared.Rent(Math.Max(rows, 1));
        try
        {
            int count = 0, row = 0;
            foreach (var batch in batches)
            {
                var data = batch.Data;
                var view = new ColumnView(data);
                var offsets = view.Offsets;
                var bytes = data.Buffers.Length > 2 ? data.Buffers[2].Memory : ReadOnlyMemory<byte>.Empty;
                var validity = view.Validity;
                for (int i = 0; i < view.Length; i++)
                {
                    bool valid = validity.IsValid(i);
                    if (definitions is not null) definitions[row + i] = valid ? 1 : 0;
                    if (valid) values[count++] = bytes.Slice(offsets[i], offsets[i + 1] - offsets[i]);
                }
                row += view.Length;
            }
            await Write<ReadOnlyMemory<byte>>(rowGroup, field, values.AsMemory(0, count), rows, definitions, levels, cancellationToken);
            return bounds ? Bounds(values.AsSpan(0, count)) : null;
        }
        finally { ArrayPool<ReadOnlyMemory<byte>>.Shared.Return(values, clearArray: true); }
    }

    private static (byte[] Min, byte[] Max)? Bounds(ReadOnlySpan<ReadOnlyMemory<byte>> values)
    {
        if (values.Length == 0) return null;
        var min = values[0].Span;
        var max = min;
        for (int i = 1; i < values.Length; i++)
        {
            var value = values[i].Span;
            if (value.SequenceCompareTo(min) < 0) min = value;
            else if (value.SequenceCompareTo(max) > 0) max = value;
        }
        if (min.Length > MaxStatisticsBytes || max.Length > MaxStatisticsBytes) return null;
        return (min.ToArray(), max.ToArray());
    }
}

/// <summary>The definition and repetition levels of a nested column's leaf, the first <see cref="Count"/> of each array.</summary>
internal readonly record struct ParquetLevels(int[] Definitions, int[] Repetitions, int Count);
