using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>A TIMESTAMP / TIMESTAMP_LTZ column's values as microseconds since the epoch (read in place when they are).</summary>
internal static class TimeValues
{
    public static ReadOnlySpan<long> Micros(IArrowArray column)
    {
        var data = column.Data;
        var values = MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span).Slice(column.Offset, column.Length);
        if (data.DataType is TimestampType { Unit: TimeUnit.Microsecond } || data.DataType.TypeId == ArrowTypeId.Int64) return values;
        long divisor = data.DataType is TimestampType { Unit: TimeUnit.Nanosecond } ? 1000 : 1;
        long multiplier = data.DataType is TimestampType { Unit: TimeUnit.Millisecond } ? 1000 : data.DataType is TimestampType { Unit: TimeUnit.Second } ? 1_000_000 : 1;
        var converted = new long[values.Length];
        for (int i = 0; i < values.Length; i++) converted[i] = values[i] / divisor * multiplier;
        return converted;
    }
}
