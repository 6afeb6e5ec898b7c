using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Tests.State;

/// <summary>
/// <see cref="DistinctArgumentRows"/> encodes a whole column of one integer or string argument at a time; its keys must be
/// the bytes the row-by-row <see cref="SortableEncoding"/> path writes (the keys are state: checkpoints hold them), NULL rows
/// absent, for sliced arrays too, and each hash the value hash of its key.
/// </summary>
public sealed class DistinctArgumentRowsTests
{
    public static TheoryData<string> Columns => new() { "int64", "int32", "int16", "int8", "date32", "timestamp", "utf8", "binary" };

    [Theory, MemberData(nameof(Columns))]
    public void Column_keys_equal_the_row_by_row_encoding(string kind)
    {
        var random = new Random(kind.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var whole = Build(kind, random, 300);
        foreach (var column in new[] { whole, ArrowArrayFactory.Slice(whole, 37, 200) })
        {
            var rows = new DistinctArgumentRows();
            rows.Encode([column], nullIsValue: false);
            var expected = new StateRowWriter();
            for (int i = 0; i < column.Length; i++)
            {
                expected.Clear();
                int mark = expected.BeginLengthPrefixed();
                bool present = SortableEncoding.TryWrite(column, i, expected);
                Assert.Equal(present, rows.Present(i));
                Assert.Equal(column.IsNull(i), !present);
                if (!present) continue;
                expected.EndLengthPrefixed(mark);
                Assert.Equal(expected.Written.ToArray(), rows.Key(i).ToArray());
                Assert.Equal(GroupValueCounts.ValueHash(expected.Written), rows.Hash(i));
            }
        }
    }

    private static IArrowArray Build(string kind, Random random, int length)
    {
        bool Null() => random.Next(7) == 0;
        switch (kind)
        {
            case "int64":
            {
                var b = new Int64Array.Builder();
                for (int i = 0; i < length; i++) if (Null()) b.AppendNull(); else b.Append(random.NextInt64(long.MinValue, long.MaxValue));
                return b.Build();
            }
            case "int32":
            {
                var b = new Int32Array.Builder();
                for (int i = 0; i < length; i++) if (Null()) b.AppendNull(); else b.Append(random.Next(int.MinValue, int.MaxValue));
                return b.Build();
            }
            case "int16":
            {
                var b = new Int16Array.Builder();
                for (int i = 0; i < length; i++) if (Null()) b.AppendNull(); else b.Append((short)random.Next(short.MinValue, short.MaxValue));
                return b.Build();
            }
            case "int8":
            {
                var b = new Int8Array.Builder();
                for (int i = 0; i < length; i++) if (Null()) b.AppendNull(); else b.Append((sbyte)random.Next(sbyte.MinValue, sbyte.MaxValue));
                return b.Build();
            }
            case "date32":
            {
                var b = new Date32Array.Builder();
                for (int i = 0; i < length; i++) if (Null()) b.AppendNull(); else b.Append(new DateTime(1900, 1, 1).AddDays(random.Next(80_000)));
                return b.Build();
            }
            case "timestamp":
            {
                var b = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
                for (int i = 0; i < length; i++)
                    if (Null()) b.AppendNull(); else b.Append(DateTimeOffset.UnixEpoch.AddTicks(random.NextInt64(-1_000_000_000_000_000, 1_000_000_000_000_000)));
                return b.Build();
            }
            case "utf8":
            {
                var b = new StringArray.Builder();
                // Some values longer than 127 bytes: a two-byte length prefix.
                for (int i = 0; i < length; i++) if (Null()) b.AppendNull(); else b.Append(new string((char)('a' + random.Next(26)), random.Next(0, 200)) + "é");
                return b.Build();
            }
            default:
            {
                var b = new BinaryArray.Builder();
                for (int i = 0; i < length; i++)
                {
                    if (Null()) { b.AppendNull(); continue; }
                    var bytes = new byte[random.Next(0, 20)];
                    random.NextBytes(bytes);
                    b.Append(bytes.AsSpan());
                }
                return b.Build();
            }
        }
    }
}
