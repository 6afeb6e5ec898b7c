using System.Buffers.Binary;
using Parquet;
using Parquet.Meta;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>The comparison of a pushed-down filter <c>column op literal</c>.</summary>
internal enum ComparisonOp { Equal, Less, LessOrEqual, Greater, GreaterOrEqual }

/// <summary>One pushed-down filter on a decoded column (its index among the cursor's columns) against an integer (the
/// column's physical integer: days, µs, unscaled at the file's scale are the caller's business) or a floating literal.</summary>
internal sealed record ParquetColumnPredicate(int Column, ComparisonOp Op, long? Integer, double? Floating, byte[]? Bytes);

/// <summary>
/// Skips row groups by their min/max statistics: a row group is read only when every predicate may hold for some row
/// in [min, max]. Statistics that are missing or of a kind it does not know never skip anything.
/// </summary>
internal sealed class ParquetRowGroupFilter(IReadOnlyList<ParquetColumnPredicate> predicates)
{
    public bool MayMatch(ParquetRowGroupReader rowGroup, ParquetColumnDecoder[] decoders)
    {
        foreach (var p in predicates)
        {
            var decoder = decoders[p.Column];
            ColumnChunk? chunk = null;
            foreach (var c in rowGroup.RowGroup.Columns)
                if (c.MetaData?.PathInSchema is { Count: 1 } path && path[0] == decoder.Name) { chunk = c; break; }
            var stats = chunk?.MetaData?.Statistics;
            var min = stats?.MinValue;
            var max = stats?.MaxValue;
            if (min is null || max is null) continue;
            int low, high;
            switch (decoder.Physical)
            {
                case ParquetPhysical.Int32 when p.Integer is { } v && min.Length == 4 && max.Length == 4:
                    low = ((long)BinaryPrimitives.ReadInt32LittleEndian(min)).CompareTo(v);
                    high = ((long)BinaryPrimitives.ReadInt32LittleEndian(max)).CompareTo(v);
                    break;
                case ParquetPhysical.Int64 when p.Integer is { } v && min.Length == 8 && max.Length == 8:
                    low = BinaryPrimitives.ReadInt64LittleEndian(min).CompareTo(v);
                    high = BinaryPrimitives.ReadInt64LittleEndian(max).CompareTo(v);
                    break;
                case ParquetPhysical.Double when p.Floating is { } v && min.Length == 8 && max.Length == 8:
                    low = BinaryPrimitives.ReadDoubleLittleEndian(min).CompareTo(v);
                    high = BinaryPrimitives.ReadDoubleLittleEndian(max).CompareTo(v);
                    break;
                case ParquetPhysical.Float when p.Floating is { } v && min.Length == 4 && max.Length == 4:
                    low = ((double)BinaryPrimitives.ReadSingleLittleEndian(min)).CompareTo(v);
                    high = ((double)BinaryPrimitives.ReadSingleLittleEndian(max)).CompareTo(v);
                    break;
                case ParquetPhysical.ByteArray when p.Bytes is { } v && (decoder.Element.LogicalType?.STRING is not null || decoder.Element.ConvertedType == ConvertedType.UTF8):
                    low = min.AsSpan().SequenceCompareTo(v);
                    high = max.AsSpan().SequenceCompareTo(v);
                    break;
                default: continue;
            }
            bool may = p.Op switch
            {
                ComparisonOp.Equal => low <= 0 && high >= 0,
                ComparisonOp.Less => low < 0,
                ComparisonOp.LessOrEqual => low <= 0,
                ComparisonOp.Greater => high > 0,
                _ => high >= 0,
            };
            if (!may) return false;
        }
        return true;
    }
}
