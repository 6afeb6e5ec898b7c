using System.Reflection;
using System.Text;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using StreamSql.Connectors.Filesystem;
using StreamSql.Connectors.Filesystem.Parquet;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;
using Field = Parquet.Schema.Field;

namespace StreamSql.Connectors.Tests;

/// <summary>Lists in the two-level layouts older writers (Spark, Hive, parquet-avro) used, read as Parquet's
/// backward-compatibility rules say: a repeated primitive or a repeated group of several fields is the element itself
/// (required), as is a repeated group of one field named <c>array</c> or <c>&lt;list&gt;_tuple</c>.</summary>
public sealed class ParquetLegacyListTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-pql-" + Guid.NewGuid().ToString("N"));

    public ParquetLegacyListTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly PropertyInfo Nullable = typeof(Field).GetProperty(nameof(Field.IsNullable))!;

    /// <summary>A required group (Parquet.Net makes groups optional).</summary>
    private static StructField Required(string name, params Field[] fields)
    {
        var group = new StructField(name, fields);
        Nullable.GetSetMethod(nonPublic: true)!.Invoke(group, [false]);
        return group;
    }

    /// <summary>
    /// A file with three two-level lists, four rows each:
    /// <c>optional group a1 (LIST) { repeated int32 element; }</c>: [1, 2], [], NULL, [3];
    /// <c>optional group a2 (LIST) { repeated group array { optional int32 x; optional binary s (UTF8); } }</c>:
    /// [(1, a), (NULL, b)], NULL, [], [(3, NULL)];
    /// <c>optional group a3 (LIST) { repeated group a3_tuple { optional int32 v; } }</c>: [(5)], [(NULL), (6)], NULL, [].
    /// Parquet.Net writes a2 and a3 three-level with a required middle group (the same levels); the footer then drops the
    /// <c>list</c> group and makes the element group repeated, as the old writers laid it out.
    /// </summary>
    private async Task<string> WriteLegacyFileAsync()
    {
        var file = Path.Combine(_dir, "legacy.parquet");
        var a1 = new DataField("element", typeof(int), false, true);
        var x = new DataField<int>("x", true);
        var s = new DataField<byte[]>("s", true);
        var v = new DataField<int>("v", true);
        var schema = new ParquetSchema(new StructField("a1", a1), new ListField("a2", Required("array", x, s)), new ListField("a3", Required("a3_tuple", v)));
        using (var stream = File.Create(file))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.None });
            using (var rowGroup = writer.CreateRowGroup())
            {
                await rowGroup.WriteAllPartsAsync<int>(a1, new[] { 1, 2, 3 }, new[] { 2, 2, 1, 0, 2 }, new[] { 0, 1, 0, 0, 0 }, CancellationToken.None);
                await rowGroup.WriteAllPartsAsync<int>(x, new[] { 1, 3 }, new[] { 3, 2, 0, 1, 3 }, new[] { 0, 1, 0, 0, 0 }, CancellationToken.None);
                await rowGroup.WriteAllPartsAsync<ReadOnlyMemory<byte>>(s, new ReadOnlyMemory<byte>[] { "a"u8.ToArray(), "b"u8.ToArray() }, new[] { 3, 3, 0, 1, 2 }, new[] { 0, 1, 0, 0, 0 }, CancellationToken.None);
                await rowGroup.WriteAllPartsAsync<int>(v, new[] { 5, 6 }, new[] { 3, 2, 3, 0, 1 }, new[] { 0, 0, 1, 0, 0 }, CancellationToken.None);
            }
            var all = ParquetFooter.Schema(writer);
            foreach (var name in new[] { "a1", "a2", "a3" })
            {
                var group = all.First(e => e.Name == name);
                group.ConvertedType = ConvertedType.LIST;
                group.LogicalType = new LogicalType { LIST = new ListType() };
            }
            foreach (var element in new[] { "array", "a3_tuple" })
            {
                int at = all.FindIndex(e => e.Name == element);
                all[at].RepetitionType = FieldRepetitionType.REPEATED;
                all.RemoveAt(at - 1); // the repeated "list" group above it
            }
            foreach (var chunk in ParquetFooter.LastRowGroup(writer).Columns)
                chunk.MetaData!.PathInSchema = chunk.MetaData.PathInSchema.Where(p => p != "list").ToList();
        }
        return file;
    }

    private static List<string[]> DuckDbRows(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    private static readonly (string, SqlType)[] Columns =
    {
        ("a1", SqlType.Array(SqlType.Int)),
        ("a2", SqlType.Array(SqlType.Row(["x", "s"], [SqlType.Int, SqlType.String]))),
        ("a3", SqlType.Array(SqlType.Row(["v"], [SqlType.Int]))),
    };

    [Fact]
    public async Task Two_level_lists_of_primitives_and_of_groups_are_read_as_duckdb_reads_them()
    {
        var file = await WriteLegacyFileAsync();
        // DuckDB reads a1 and a2 by the same rules: the file is what old writers made. (It reads a3 as a list of v, against
        // the rule for a repeated group named <list>_tuple, which parquet-java and Spark follow.)
        var duck = DuckDbRows($"SELECT to_json(a1)::VARCHAR, to_json(a2)::VARCHAR FROM read_parquet('{file}')");
        Assert.Equal(new[]
        {
            new[] { "[1,2]", """[{"x":1,"s":"a"},{"x":null,"s":"b"}]""" },
            new[] { "[]", "NULL" },
            new[] { "NULL", "[]" },
            new[] { "[3]", """[{"x":3,"s":null}]""" },
        }, duck);

        var table = Table("legacy", Columns, ("connector", "filesystem"), ("path", file), ("format", "parquet"));
        var batches = await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table));
        var cells = new List<string>();
        foreach (var b in batches)
            for (int r = 0; r < b.Length; r++)
                cells.Add(string.Join("|", Enumerable.Range(0, b.ColumnCount).Select(c => b.Column(c).IsNull(r) ? "NULL"
                    : ValueFormatter.Format(b.Column(c), r, Columns[c].Item2, TimeZoneInfo.Utc, ValueFormatStyle.Cast))));
        Assert.Equal(new[]
        {
            "[1, 2]|[(1, a), (NULL, b)]|[(5)]",
            "[]|NULL|[(NULL), (6)]",
            "NULL|[]|NULL",
            "[3]|[(3, NULL)]|[]",
        }, cells);
    }
}
