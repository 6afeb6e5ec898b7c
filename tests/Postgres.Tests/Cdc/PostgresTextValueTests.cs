using Apache.Arrow;
using StreamSql.Connectors.Postgres;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>pgoutput's text values decoded into the engine's representation (no server needed).</summary>
public sealed class PostgresTextValueTests
{
    private static IArrowArray One(SqlType type, string text)
    {
        var builder = ColumnBuilder.Create(type);
        PostgresTextValue.Append(builder, type, text);
        return builder.Build();
    }

    [Fact]
    public void Text_forms_of_each_type_become_engine_values()
    {
        Assert.True(((BooleanArray)One(SqlType.Boolean, "t")).GetValue(0));
        Assert.Equal(-42, ((Int32Array)One(SqlType.Int, "-42")).GetValue(0));
        Assert.Equal(1.5e300, ((DoubleArray)One(SqlType.Double, "1.5e+300")).GetValue(0));
        Assert.Equal(12.35m, ((Decimal128Array)One(SqlType.Decimal(10, 2), "12.345")).GetValue(0));
        Assert.Equal(new byte[] { 0xde, 0xad }, ((BinaryArray)One(SqlType.Bytes, "\\xdead")).GetBytes(0).ToArray());
        Assert.Equal(20_790, ((Date32Array)One(SqlType.Date, "2026-12-03")).GetValue(0));
        Assert.Equal(36_000_250, ((Time32Array)One(SqlType.Time(3), "10:00:00.25")).GetValue(0));
        long micros = (new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks) / 10 + 250_000;
        Assert.Equal(micros, ((TimestampArray)One(SqlType.Timestamp(6), "2026-12-03 10:00:00.25")).Values[0]);
        Assert.Equal(micros - 3_600_000_000L, ((TimestampArray)One(SqlType.TimestampLtz(6), "2026-12-03 10:00:00.25+01")).Values[0]);
        Assert.Equal(micros * 1000, ((TimestampArray)One(SqlType.Timestamp(9), "2026-12-03 10:00:00.25")).Values[0]);
    }

    [Fact]
    public void A_value_that_does_not_fit_its_type_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => One(SqlType.Decimal(3, 0), "12345"));
        Assert.Throws<FormatException>(() => One(SqlType.Bytes, "dead"));
    }

    [Fact]
    public void A_position_round_trips_and_foreign_bytes_are_refused()
    {
        var position = PostgresCdcPosition.Streaming(0x0000_0001_2345_6789UL, []);
        Assert.Equal(position, PostgresCdcPosition.Decode(position.Encode(), "t"));
        var snapshot = new PostgresCdcPosition(PostgresCdcPhase.Snapshot, 42,
            [new PostgresSnapshotSegment(42, null, ["7", "zürich"]), new PostgresSnapshotSegment(99, ["7", "zürich"], ["9", ""]), new PostgresSnapshotSegment(120, ["9", ""], null)]);
        Assert.Equal(snapshot, PostgresCdcPosition.Decode(snapshot.Encode(), "t"));
        Assert.NotEqual(snapshot, PostgresCdcPosition.Decode(position.Encode(), "t"));
        // Version 1 (started flag, LSN) is still read.
        Assert.Equal(PostgresCdcPosition.Streaming(0x1234, []), PostgresCdcPosition.Decode([1, 1, 0, 0, 0, 0, 0, 0, 0x12, 0x34], "t"));
        Assert.Equal(PostgresCdcPosition.NotStarted, PostgresCdcPosition.Decode([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], "t"));
        Assert.Throws<InvalidDataException>(() => PostgresCdcPosition.Decode([9, 9, 9], "t"));
        var truncated = snapshot.Encode();
        Assert.Throws<InvalidDataException>(() => PostgresCdcPosition.Decode(truncated[..^3], "t"));
    }

    [Fact]
    public void Segments_keep_their_lower_keys_so_they_need_not_follow_each_other_and_version_2_positions_are_still_read()
    {
        var gaps = new PostgresCdcPosition(PostgresCdcPhase.Snapshot, 42,
            [new PostgresSnapshotSegment(42, null, ["100"]), new PostgresSnapshotSegment(42, ["200"], ["300"]), new PostgresSnapshotSegment(77, ["300"], null)]);
        Assert.Equal(gaps, PostgresCdcPosition.Decode(gaps.Encode(), "t"));
        Assert.NotEqual(gaps, PostgresCdcPosition.Decode(new PostgresCdcPosition(PostgresCdcPhase.Snapshot, 42,
            [new PostgresSnapshotSegment(42, null, ["100"]), new PostgresSnapshotSegment(42, ["100"], ["300"]), new PostgresSnapshotSegment(77, ["300"], null)]).Encode(), "t"));

        // Version 2: per segment its LSN and upper key; each starts where the one before ended.
        var v2 = new List<byte> { 2, (byte)PostgresCdcPhase.Snapshot, 0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 2 };
        v2.AddRange(new byte[] { 0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 1, 0, 0, 0, 1, (byte)'7' });
        v2.AddRange(new byte[] { 0, 0, 0, 0, 0, 0, 0, 99, 0xff, 0xff, 0xff, 0xff });
        Assert.Equal(new PostgresCdcPosition(PostgresCdcPhase.Snapshot, 42, [new PostgresSnapshotSegment(42, null, ["7"]), new PostgresSnapshotSegment(99, ["7"], null)]),
            PostgresCdcPosition.Decode([.. v2], "t"));
        Assert.Throws<InvalidDataException>(() => PostgresCdcPosition.Decode([.. v2.Take(v2.Count - 2)], "t"));
    }
}
