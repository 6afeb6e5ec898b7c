using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Tests;

/// <summary>
/// The CSV encoder writes UTF-8 bytes straight from the columns; these tests hold it to Jackson's rules as a plain
/// character-by-character reference states them (<see cref="ReferenceLine"/>), over random values and every kind of
/// syntax: quoting, escaping without quotes, and syntax characters outside ASCII.
/// </summary>
public sealed class CsvRowEncoderTests
{
    private static readonly Schema Columns = new(
    [
        new Field("id", Int64Type.Default, true),
        new Field("n", Int32Type.Default, true),
        new Field("s", StringType.Default, true),
        new Field("ts", new TimestampType(TimeUnit.Microsecond, (string?)null), true),
        new Field("ts9", new TimestampType(TimeUnit.Nanosecond, (string?)null), true),
        new Field("ltz", new TimestampType(TimeUnit.Microsecond, "UTC"), true),
        new Field("b", BooleanType.Default, true),
    ], null);

    public static TheoryData<char, char?, char?, string?> Syntaxes => new()
    {
        { ',', '"', null, null },
        { ',', '"', '\\', "NULL" },
        { '|', null, '\\', null },
        { '\t', '\'', null, "" },
        { ';', null, null, "n/a" },
        { '§', '«', null, null },
        { ',', '"', '¤', null },
        { '€', null, '¤', "∅" },
    };

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public void Random_rows_are_written_as_the_character_reference_writes_them(char delimiter, char? quote, char? escape, string? nullLiteral)
    {
        var random = new Random(delimiter * 31 + (quote ?? 0));
        var batch = RandomBatch(random, 400);
        var encoder = new CsvRowEncoder(delimiter, quote, escape, nullLiteral);

        // Every row, then a sliced batch (non-zero offsets in every column) read by the same encoder.
        Assert.Equal(Expected(batch, delimiter, quote, escape, nullLiteral), Written(encoder, batch));
        var slice = new Batch(batch.Data.Slice(123, 200));
        Assert.Equal(Expected(slice, delimiter, quote, escape, nullLiteral), Written(encoder, slice));
    }

    [Fact]
    public void Timestamps_are_quoted_with_their_fraction_trimmed_and_text_quoted_by_length_in_characters()
    {
        var batch = Batch(
            ids: [1, 2],
            texts: ["ééééééééééééééééééééééé", "abcdefghijklmnopqrstuvwxy"], // 23 characters (46 bytes), 25 characters
            micros: [1_000_000L * 86_400 + 120_000, -1],
            nanos: [1_500_000_000L, 7]);
        var lines = Written(new CsvRowEncoder(',', '"', null, null), batch);

        Assert.Equal(
            "1,,ééééééééééééééééééééééé,\"1970-01-02 00:00:00.12\",\"1970-01-01 00:00:01.5\",,\n" +
            "2,,\"abcdefghijklmnopqrstuvwxy\",\"1969-12-31 23:59:59.999999\",\"1970-01-01 00:00:00.000000007\",,\n",
            lines);
    }

    private static string Written(CsvRowEncoder encoder, Batch batch)
    {
        using var output = new MemoryStream();
        for (int row = 0; row < batch.Length; row++) encoder.Write(batch, row, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string Expected(Batch batch, char delimiter, char? quote, char? escape, string? nullLiteral)
    {
        var text = new StringBuilder();
        for (int row = 0; row < batch.Length; row++) text.Append(ReferenceLine(batch, row, delimiter, quote, escape, nullLiteral ?? ""));
        return text.ToString();
    }

    /// <summary>Jackson's loose quoting check, character by character: longer than 24 characters, or a character
    /// below the largest of delimiter, quote and line end plus one, or the escape character; quotes and escapes doubled
    /// inside quotes; without a quote character, the escape before a delimiter, itself or a line end. Numbers and
    /// booleans are never checked.</summary>
    private static string ReferenceLine(Batch batch, int row, char delimiter, char? quote, char? escape, string nullLiteral)
    {
        var line = new StringBuilder();
        int minSafe = Math.Max(Math.Max(delimiter, quote ?? 0), '\n') + 1;
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            if (c > 0) line.Append(delimiter);
            var column = batch.Column(c);
            if (column.IsNull(row))
            {
                line.Append(nullLiteral);
                continue;
            }
            switch (column)
            {
                case Int64Array a: line.Append(a.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture)); continue;
                case Int32Array a: line.Append(a.GetValue(row)!.Value.ToString(CultureInfo.InvariantCulture)); continue;
                case BooleanArray a: line.Append(a.GetValue(row)!.Value ? "true" : "false"); continue;
            }
            string value = column switch
            {
                StringArray a => a.GetString(row),
                TimestampArray a => TimestampText(a, row),
                _ => throw new InvalidOperationException(column.GetType().Name),
            };
            if (quote is not { } q)
            {
                foreach (var ch in value)
                {
                    if (escape is { } e && (ch == delimiter || ch == e || ch == '\n')) line.Append(e);
                    line.Append(ch);
                }
                continue;
            }
            if (value.Length <= 24 && value.All(ch => ch >= minSafe && ch != escape))
            {
                line.Append(value);
                continue;
            }
            line.Append(q);
            foreach (var ch in value)
            {
                if (ch == q || ch == escape) line.Append(ch);
                line.Append(ch);
            }
            line.Append(q);
        }
        return line.Append('\n').ToString();
    }

    /// <summary>Flink's SQL timestamp text from .NET's own calendar: <c>yyyy-MM-dd HH:mm:ss</c>, the fraction without
    /// trailing zeros, <c>Z</c> for a zoned column.</summary>
    private static string TimestampText(TimestampArray array, int row)
    {
        var type = (TimestampType)array.Data.DataType;
        long value = array.Values[row];
        long nanos = type.Unit == TimeUnit.Nanosecond ? value : value * 1000;
        long seconds = Math.DivRem(nanos, 1_000_000_000L, out long fraction);
        if (fraction < 0) { seconds--; fraction += 1_000_000_000L; }
        var text = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (fraction != 0) text += "." + fraction.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.IsNullOrEmpty(type.Timezone) ? text : text + "Z";
    }

    private static Batch RandomBatch(Random random, int rows)
    {
        string[] pieces = ["a", "Z", "0", " ", ",", "\"", "'", "|", "\\", "\t", "\n", ";", "-", "é", "€", "§", "«", "¤", "∅", "😀", "xyzxyzxyz"];
        var ids = new Int64Array.Builder();
        var ints = new Int32Array.Builder();
        var texts = new StringArray.Builder();
        var ts = new Int64Array.Builder();
        var ts9 = new Int64Array.Builder();
        var ltz = new Int64Array.Builder();
        var bools = new BooleanArray.Builder();
        for (int i = 0; i < rows; i++)
        {
            if (random.Next(10) == 0) ids.AppendNull(); else ids.Append(random.NextInt64(long.MinValue, long.MaxValue));
            if (random.Next(10) == 0) ints.AppendNull(); else ints.Append(random.Next(int.MinValue, int.MaxValue));
            if (random.Next(10) == 0) texts.AppendNull();
            else
            {
                var text = new StringBuilder();
                for (int n = random.Next(12); n > 0; n--) text.Append(pieces[random.Next(pieces.Length)]);
                texts.Append(text.ToString());
            }
            AppendTimestamp(ts, random, micros: true);
            AppendTimestamp(ts9, random, micros: false);
            AppendTimestamp(ltz, random, micros: true);
            if (random.Next(10) == 0) bools.AppendNull(); else bools.Append(random.Next(2) == 0);
        }
        return new Batch(new RecordBatch(Columns, [ids.Build(), ints.Build(), texts.Build(), Timestamps(3, ts), Timestamps(4, ts9), Timestamps(5, ltz), bools.Build()], rows));
    }

    /// <summary>The raw values of <paramref name="values"/> as a timestamp column of the schema's column <paramref name="column"/>.</summary>
    private static TimestampArray Timestamps(int column, Int64Array.Builder values)
    {
        var data = values.Build().Data;
        return new TimestampArray(new ArrayData(Columns.GetFieldByIndex(column).DataType, data.Length, data.NullCount, 0, data.Buffers));
    }

    private static void AppendTimestamp(Int64Array.Builder builder, Random random, bool micros)
    {
        if (random.Next(10) == 0)
        {
            builder.AppendNull();
            return;
        }
        // Whole seconds, milliseconds or any sub-second value, before and after the epoch (nanoseconds: within 1677..2262).
        long seconds = random.NextInt64(-5_000_000_000L, 9_000_000_000L);
        if (!micros) seconds = random.NextInt64(-9_000_000_000L, 9_000_000_000L);
        long perSecond = micros ? 1_000_000L : 1_000_000_000L;
        long fraction = random.Next(3) switch { 0 => 0, 1 => random.Next(1000) * (perSecond / 1000), _ => random.NextInt64(perSecond) };
        builder.Append(seconds * perSecond + fraction);
    }

    private static Batch Batch(long[] ids, string[] texts, long[] micros, long[] nanos)
    {
        var idArray = new Int64Array.Builder().AppendRange(ids).Build();
        var ints = new Int32Array.Builder();
        var ltz = new Int64Array.Builder();
        var bools = new BooleanArray.Builder();
        for (int i = 0; i < ids.Length; i++)
        {
            ints.AppendNull();
            ltz.AppendNull();
            bools.AppendNull();
        }
        var ts = new Int64Array.Builder().AppendRange(micros);
        var ts9 = new Int64Array.Builder().AppendRange(nanos);
        return new Batch(new RecordBatch(Columns, [idArray, ints.Build(), new StringArray.Builder().AppendRange(texts).Build(),
            Timestamps(3, ts), Timestamps(4, ts9), Timestamps(5, ltz), bools.Build()], ids.Length));
    }
}
