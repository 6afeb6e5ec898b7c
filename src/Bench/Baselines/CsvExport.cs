using System.Buffers.Text;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Bench.Baselines;

/// <summary>Writes Arrow batches as CSV for DuckDB to load: strings quoted (quotes doubled), NULL as <c>\N</c>,
/// timestamps as <c>yyyy-MM-dd HH:mm:ss.ffffff</c> (UTC), straight from the buffers.</summary>
internal static class CsvExport
{
    public static void Write(string path, IReadOnlyList<RecordBatch> batches)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var line = new byte[1 << 16];
        foreach (var batch in batches)
        {
            for (int row = 0; row < batch.Length; row++)
            {
                int at = 0;
                for (int c = 0; c < batch.ColumnCount; c++)
                {
                    if (c > 0) Put(ref line, ref at, (byte)',');
                    var column = batch.Column(c);
                    if (column.IsNull(row))
                    {
                        Put(ref line, ref at, (byte)'\\');
                        Put(ref line, ref at, (byte)'N');
                        continue;
                    }
                    switch (column)
                    {
                        case Int64Array a: Number(ref line, ref at, a.GetValue(row)!.Value); break;
                        case Int32Array a: Number(ref line, ref at, a.GetValue(row)!.Value); break;
                        case StringArray a: Quoted(ref line, ref at, a.GetBytes(row)); break;
                        case TimestampArray a: Timestamp(ref line, ref at, a.GetValue(row)!.Value, ((TimestampType)a.Data.DataType).Unit); break;
                        default: throw new NotSupportedException($"cannot export Arrow {column.Data.DataType.Name} to CSV");
                    }
                }
                Put(ref line, ref at, (byte)'\n');
                file.Write(line, 0, at);
            }
        }
    }

    private static void Ensure(ref byte[] line, int at, int more)
    {
        if (at + more > line.Length) System.Array.Resize(ref line, Math.Max(line.Length * 2, at + more));
    }

    private static void Put(ref byte[] line, ref int at, byte b)
    {
        Ensure(ref line, at, 1);
        line[at++] = b;
    }

    private static void Number(ref byte[] line, ref int at, long value)
    {
        Ensure(ref line, at, 24);
        Utf8Formatter.TryFormat(value, line.AsSpan(at), out int written);
        at += written;
    }

    private static void Quoted(ref byte[] line, ref int at, ReadOnlySpan<byte> text)
    {
        Ensure(ref line, at, text.Length * 2 + 2);
        line[at++] = (byte)'"';
        foreach (var b in text)
        {
            if (b == (byte)'"') line[at++] = b;
            line[at++] = b;
        }
        line[at++] = (byte)'"';
    }

    private static void Timestamp(ref byte[] line, ref int at, long value, TimeUnit unit)
    {
        long micros = unit == TimeUnit.Nanosecond ? value / 1000 : unit == TimeUnit.Millisecond ? value * 1000 : value;
        var time = DateTime.UnixEpoch.AddTicks(micros * 10);
        Ensure(ref line, at, 32);
        time.TryFormat(line.AsSpan(at), out int written, "yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
        at += written;
    }
}
