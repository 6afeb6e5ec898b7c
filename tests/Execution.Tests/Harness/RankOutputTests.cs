using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.State;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;
using SqlField = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Harness;

/// <summary><see cref="RankOutput"/> decodes serialized rows of every key type back into the values they came from.</summary>
public sealed class RankOutputTests
{
    private static readonly SqlType[] Types =
    [
        SqlType.BigInt, SqlType.Int, SqlType.Boolean, SqlType.Double, SqlType.Float, SqlType.Decimal(38, 2), SqlType.String,
        SqlType.Bytes, SqlType.Timestamp(3), SqlType.Date,
    ];

    [Fact]
    public void Rows_appended_in_any_order_build_a_batch_of_the_same_values()
    {
        const int Rows = 300;
        var random = new Random(20261204);
        var columns = new IArrowArray[Types.Length];
        for (int c = 0; c < Types.Length; c++)
        {
            var builder = ColumnBuilder.Create(Types[c], Rows);
            for (int r = 0; r < Rows; r++)
            {
                if (random.Next(5) == 0)
                {
                    builder.AppendNull();
                    continue;
                }
                switch (Types[c].Kind)
                {
                    case SqlTypeKind.Boolean: builder.AppendBoolean(random.Next(2) == 0); break;
                    case SqlTypeKind.Double or SqlTypeKind.Float: builder.AppendDouble(random.Next(-1000, 1000) / 8.0); break;
                    case SqlTypeKind.Decimal: builder.AppendUnscaled((Int128)random.NextInt64() * random.NextInt64()); break;
                    case SqlTypeKind.VarChar or SqlTypeKind.VarBinary:
                        var bytes = new byte[random.Next(0, 300)];
                        random.NextBytes(bytes);
                        if (Types[c].Kind == SqlTypeKind.VarChar) for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)('a' + bytes[i] % 26);
                        builder.AppendUtf8(bytes);
                        break;
                    case SqlTypeKind.Int or SqlTypeKind.Date: builder.AppendInt64(random.Next(int.MinValue, int.MaxValue)); break;
                    default: builder.AppendInt64(random.NextInt64(long.MinValue, long.MaxValue)); break;
                }
            }
            columns[c] = builder.Build();
        }
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(Types.Select((t, i) => new SqlField("c" + i, t)).ToList()));
        var input = new RecordBatch(schema, columns, Rows);
        var serializer = new KeySerializer(Enumerable.Range(0, Types.Length).ToArray());
        var rows = new SerializedKeys();
        serializer.SerializeBatch(input, rows);

        var order = Enumerable.Range(0, Rows).OrderBy(_ => random.Next()).ToArray();
        var output = new RankOutput(Types, rankNumber: true, capacity: 4);
        foreach (int r in order) output.Append(r % 2 == 0 ? RowKind.UpdateAfter : RowKind.Delete, rows[r], r + 1);
        var batch = output.Build(ArrowTypeMapping.ToArrowSchema(new RowSchema(
            Types.Select((t, i) => new SqlField("c" + i, t)).Append(new SqlField("rn", SqlType.BigInt.WithNullable(false))).ToList())));

        Assert.Equal(Rows, batch.Length);
        Assert.Equal(0, output.Count);
        var again = new SerializedKeys();
        new KeySerializer(Enumerable.Range(0, Types.Length).ToArray()).SerializeBatch(batch.Data, again);
        var ranks = (Int64Array)batch.Data.Column(Types.Length);
        for (int i = 0; i < Rows; i++)
        {
            int r = order[i];
            Assert.Equal(rows[r].ToArray(), again[i].ToArray());
            Assert.Equal(r + 1, ranks.GetValue(i));
            Assert.Equal(r % 2 == 0 ? RowKind.UpdateAfter : RowKind.Delete, batch.KindAt(i));
        }
    }
}
