using System.Buffers.Binary;
using Parquet;
using Parquet.Meta;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>The comparison of a pushed-down filter <c>column op literal</c>; <see cref="In"/> holds for any of its literals.</summary>
internal enum ComparisonOp { Equal, Less, LessOrEqual, Greater, GreaterOrEqual, In }

/// <summary>A literal of a pushed-down filter: an integer (the column's physical integer: days, µs, unscaled at the file's
/// scale are the caller's business), a floating value, or the UTF-8 bytes of a string.</summary>
internal readonly record struct ParquetLiteral(long? Integer, double? Floating, byte[]? Bytes);

/// <summary>One pushed-down filter on a decoded column (its index among the cursor's columns): one literal, or the list of
/// an <c>IN</c>.</summary>
internal sealed record ParquetColumnPredicate(int Column, ComparisonOp Op, IReadOnlyList<ParquetLiteral> Values);

/// <summary>
/// Skips row groups by their min/max statistics: a row group is read only when every predicate may hold for some row
/// in [min, max]. Strings compare as their UTF-8 bytes, unsigned (code point order, Parquet's order for STRING). Statistics
/// that are missing or of a kind it does not know never skip anything.
/// </summary>
internal sealed class ParquetRowGroupFilter(IReadOnlyList<ParquetColumnPredicate> predicates)
{
    public bool MayMatch(ParquetRowGroupReader rowGroup, ParquetColumnDecoder?[] decoders)
    {
        foreach (var p in predicates)
        {
            if (decoders[p.Column] is not { } decoder) continue;
            ColumnChunk? chunk = null;
            foreach (var c in rowGroup.RowGroup.Columns)
                if (c.MetaData?.PathInSchema is { Count: 1 } path && path[0] == decoder.Name) { chunk = c; break; }
            var stats = chunk?.MetaData?.Statistics;
            var min = stats?.MinValue;
            var max = stats?.MaxValue;
            if (min is null || max is null) continue;
            bool may = false;
            foreach (var value in p.Values)
            {
                if (Compare(decoder, min, max, value) is not var (low, high))
                {
                    may = true;
                    break;
                }
                may = p.Op switch
                {
                    ComparisonOp.Equal or ComparisonOp.In => low <= 0 && high >= 0,
                    ComparisonOp.Less => low < 0,
                    ComparisonOp.LessOrEqual => low <= 0,
                    ComparisonOp.Greater => high > 0,
                    _ => high >= 0,
                };
                if (may) break;
            }
            if (!may) return false;
        }
        return true;
    }

    /// <summary>The row group's min and max compared with <paramref name="value"/>, or null when the statistics cannot say.</summary>
    private static (int Low, int High)? Compare(ParquetColumnDecoder decoder, byte[] min, byte[] max, ParquetLiteral value)
    {
        switch (decoder.Physical)
        {
            case ParquetPhysical.Int32 when value.Integer is { } v && min.Length == 4 && max.Length == 4:
                return (((long)BinaryPrimitives.ReadInt32LittleEndian(min)).CompareTo(v), ((long)BinaryPrimitives.ReadInt32LittleEndian(max)).CompareTo(v));
            case ParquetPhysical.Int64 when value.Integer is { } v && min.Length == 8 && max.Length == 8:
                return (BinaryPrimitives.ReadInt64LittleEndian(min).CompareTo(v), BinaryPrimitives.ReadInt64LittleEndian(max).CompareTo(v));
            case ParquetPhysical.Double when value.Floating is { } v && min.Length == 8 && max.Length == 8:
                return (BinaryPrimitives.ReadDoubleLittleEndian(min).CompareTo(v), BinaryPrimitives.ReadDoubleLittleEndian(max).CompareTo(v));
            case ParquetPhysical.Float when value.Floating is { } v && min.Length == 4 && max.Length == 4:
                return (((double)BinaryPrimitives.ReadSingleLittleEndian(min)).CompareTo(v), ((double)BinaryPrimitives.ReadSingleLittleEndian(max)).CompareTo(v));
            case ParquetPhysical.ByteArray when value.Bytes is { } v && (decoder.Element.LogicalType?.STRING is not null || decoder.Element.ConvertedType == ConvertedType.UTF8):
                return (min.AsSpan().SequenceCompareTo(v), max.AsSpan().SequenceCompareTo(v));
            default:
                return null;
        }
    }
}
