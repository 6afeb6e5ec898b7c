using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Connectors.Common;

/// <summary>Reads single cells of Arrow columns in the representations of the BRIEF (for writers that format row by row).</summary>
internal static class ArrowCells
{
    public static bool IsNull(IArrowArray array, int row) => array.IsNull(row);

    /// <summary>Integer-like cells: TINYINT..BIGINT, DATE (days), TIME (ms), TIMESTAMP (µs), INTERVAL (ms or months).</summary>
    public static long GetLong(IArrowArray array, int row) => array switch
    {
        Int8Array a => a.GetValue(row)!.Value,
        Int16Array a => a.GetValue(row)!.Value,
        Int32Array a => a.GetValue(row)!.Value,
        Int64Array a => a.GetValue(row)!.Value,
        Date32Array a => a.Values[row],
        Time32Array a => a.Values[row],
        TimestampArray a => a.Values[row],
        DurationArray a => a.Values[row],
        _ => throw new NotSupportedException($"not an integer column: {array.Data.DataType.Name}"),
    };

    public static double GetDouble(IArrowArray array, int row) => array switch
    {
        FloatArray a => a.Values[row],
        DoubleArray a => a.Values[row],
        _ => throw new NotSupportedException($"not a floating column: {array.Data.DataType.Name}"),
    };

    public static bool GetBool(IArrowArray array, int row) => ((BooleanArray)array).GetValue(row)!.Value;

    public static string GetString(IArrowArray array, int row) => ((StringArray)array).GetString(row);

    public static ReadOnlySpan<byte> GetBytes(IArrowArray array, int row) => ((BinaryArray)array).GetBytes(row);

    public static bool IsLocalZoneTimestamp(IArrowType type) => type is TimestampType { Timezone: not null and not "" };
}
