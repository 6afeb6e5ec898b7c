using StreamSql.Sql.Planner.Types;

namespace StreamSql.Shell.Tests;

public sealed class TableauWriterTests
{
    [Fact]
    public void Streaming_tableau_has_an_op_column_and_widths_from_the_types()
    {
        var output = new StringWriter();
        var names = new[] { "id", "name", "ok" };
        var types = new[] { SqlType.Int, SqlType.String, SqlType.Boolean };
        var writer = TableauWriter.ForStream(output, names, types, maxColumnWidth: 10, withRowKind: true);

        writer.WriteHeader(names, withRowKind: true);
        writer.WriteRow(new[] { "+I", "1", "Alice", "TRUE" });
        writer.WriteRow(new[] { "-U", "22", "a name longer than ten", "<NULL>" });
        writer.WriteBorder();

        var expected =
            "+----+-------------+------------+--------+\n" +
            "| op |          id |       name |     ok |\n" +
            "+----+-------------+------------+--------+\n" +
            "| +I |           1 |      Alice |   TRUE |\n" +
            "| -U |          22 | a name ... | <NULL> |\n" +
            "+----+-------------+------------+--------+\n";
        Assert.Equal(expected, output.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(SqlTypeKind.TinyInt, 0, 4)]
    [InlineData(SqlTypeKind.SmallInt, 0, 6)]
    [InlineData(SqlTypeKind.BigInt, 0, 20)]
    [InlineData(SqlTypeKind.Date, 0, 10)]
    [InlineData(SqlTypeKind.Timestamp, 3, 23)]
    [InlineData(SqlTypeKind.Timestamp, 0, 19)]
    [InlineData(SqlTypeKind.TimestampLtz, 6, 26)]
    [InlineData(SqlTypeKind.Time, 0, 8)]
    [InlineData(SqlTypeKind.Decimal, 10, 12)]
    [InlineData(SqlTypeKind.VarChar, 100, 30)]
    public void Type_widths_follow_flink(SqlTypeKind kind, int precision, int width)
    {
        Assert.Equal(width, TableauWriter.WidthOfType(new SqlType(kind, Precision: precision), 30));
    }

    [Fact]
    public void Wide_characters_take_two_columns()
    {
        Assert.Equal(4, TableauWriter.DisplayWidth("中文"));
        Assert.Equal(3, TableauWriter.DisplayWidth("abc"));
    }

    [Fact]
    public void A_finished_table_takes_widths_from_its_content_and_counts_rows()
    {
        var output = new StringWriter();
        var printer = new ResultPrinter(output, TextWriter.Null);

        printer.PrintTable(new[] { "table name" }, new IReadOnlyList<string?>[] { new[] { "bids" }, new[] { "a_longer_name_than_header" } });

        var expected =
            "+---------------------------+\n" +
            "|                table name |\n" +
            "+---------------------------+\n" +
            "|                      bids |\n" +
            "| a_longer_name_than_header |\n" +
            "+---------------------------+\n" +
            "2 rows in set\n";
        Assert.Equal(expected, output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_empty_table_is_an_empty_set_and_one_row_is_singular()
    {
        var output = new StringWriter();
        var printer = new ResultPrinter(output, TextWriter.Null);
        printer.PrintTable(new[] { "x" }, Array.Empty<IReadOnlyList<string?>>());
        printer.PrintTable(new[] { "x" }, new IReadOnlyList<string?>[] { new string?[] { null } });

        var text = output.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith("Empty set\n", text);
        Assert.EndsWith("|   |\n+---+\n1 row in set\n", text);
    }
}
