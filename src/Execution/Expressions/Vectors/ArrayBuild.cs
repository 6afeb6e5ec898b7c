using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>Wraps freshly computed buffers as Arrow arrays without copying.</summary>
internal static class ArrayBuild
{
    /// <summary>A fixed-width array over <paramref name="values"/> (little-endian values, offset 0).</summary>
    public static IArrowArray Primitive(IArrowType type, byte[] values, byte[]? validity, int length)
    {
        int nulls = Bitmaps.NullCount(validity, length);
        var data = new ArrayData(type, length, nulls, 0,
            new[] { nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!), new ArrowBuffer(values) });
        return ArrowArrayFactory.BuildArray(data);
    }

    /// <summary>Allocates the value buffer for <paramref name="length"/> values of <typeparamref name="T"/>.</summary>
    public static byte[] Values<T>(int length) where T : unmanaged => new byte[Math.Max(length, 1) * Unsafe.SizeOf<T>()];

    public static Span<T> As<T>(byte[] buffer) where T : unmanaged => MemoryMarshal.Cast<byte, T>(buffer.AsSpan());

    public static BooleanArray Boolean(byte[] bits, byte[]? validity, int length) =>
        (BooleanArray)Primitive(BooleanType.Default, bits, validity, length);

    /// <summary>An array of <paramref name="length"/> nulls of the given type.</summary>
    public static IArrowArray Nulls(Sql.Planner.Types.SqlType type, int length)
    {
        var writer = ColumnBuilder.Create(type, length);
        for (int i = 0; i < length; i++) writer.AppendNull();
        return writer.Build();
    }
}
