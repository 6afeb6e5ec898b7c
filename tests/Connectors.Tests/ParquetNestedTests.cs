using Apache.Arrow;
using DuckDB.NET.Data;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>ROW, ARRAY and MAP columns in parquet, nested in each other with NULLs at every level: written column by
/// column (leaf by leaf), read back by DuckDB with the same values, and read by us, also from files DuckDB wrote.</summary>
public sealed class ParquetNestedTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-pqn-" + Guid.NewGuid().ToString("N"));

    public ParquetNestedTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly SqlType Inner = SqlType.Row(["x", "tags"], [SqlType.Int, SqlType.Array(SqlType.String)]);

    private static readonly (string, SqlType)[] Columns =
    {
        ("id", SqlType.Int),
        ("r", SqlType.Row(["a", "b"], [SqlType.Int, SqlType.String])),
        ("arr", SqlType.Array(SqlType.Int)),
        ("m", SqlType.Map(SqlType.String, SqlType.BigInt)),
        ("deep", SqlType.Array(Inner)),
    };

    /// <summary>Rows: 0 values everywhere (and a NULL element, a NULL map value); 1 a row of NULLs and empty collections;
    /// 2 NULL columns; 3 NULL elements of a list of rows and an empty nested list.</summary>
    private static RecordBatch Rows()
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema(Columns.Select(c => new StreamSql.Sql.Planner.Types.Field(c.Item1, c.Item2)).ToList()));
        var b = schema.FieldsList.Select(f => ColumnBuilder.Create(f.DataType)).ToArray();
        var (r, arr, m, deep) = (b[1], (ListColumnBuilder)b[2], (ListColumnBuilder)b[3], (ListColumnBuilder)b[4]);
        var entries = m.Values;
        var inner = deep.Values;
        var tags = (ListColumnBuilder)inner.Children[1];
        void Inner(int? x, params string[]? t)
        {
            inner.AppendStructValid();
            if (x is { } v) inner.Children[0].AppendInt64(v); else inner.Children[0].AppendNull();
            if (t is null) tags.AppendNull();
            else
            {
                foreach (var s in t) tags.Values.AppendString(s);
                tags.AppendListValid();
            }
        }
        void Entry(string k, long? v)
        {
            entries.AppendStructValid();
            entries.Children[0].AppendString(k);
            if (v is { } x) entries.Children[1].AppendInt64(x); else entries.Children[1].AppendNull();
        }
        // Row 0
        b[0].AppendInt64(0);
        r.AppendStructValid(); r.Children[0].AppendInt64(1); r.Children[1].AppendString("x");
        arr.Values.AppendInt64(1); arr.Values.AppendInt64(2); arr.Values.AppendNull(); arr.AppendListValid();
        Entry("k1", 10); Entry("k2", null); m.AppendListValid();
        Inner(1, "a", "b"); Inner(2, null); deep.AppendListValid();
        // Row 1
        b[0].AppendInt64(1);
        r.AppendStructValid(); r.Children[0].AppendNull(); r.Children[1].AppendNull();
        arr.AppendListValid();
        m.AppendListValid();
        deep.AppendListValid();
        // Row 2
        b[0].AppendInt64(2);
        r.AppendNull(); arr.AppendNull(); m.AppendNull(); deep.AppendNull();
        // Row 3
        b[0].AppendInt64(3);
        r.AppendStructValid(); r.Children[0].AppendInt64(3); r.Children[1].AppendString("z");
        arr.Values.AppendNull(); arr.AppendListValid();
        Entry("k", 3); m.AppendListValid();
        inner.AppendNull(); Inner(null, []); deep.AppendListValid();
        return new RecordBatch(schema, b.Select(x => x.Build()).ToArray(), 4);
    }

    private static readonly string[] Expected =
    [
        """0|{"a":1,"b":"x"}|[1,2,null]|{"k1":10,"k2":null}|[{"x":1,"tags":["a","b"]},{"x":2,"tags":null}]""",
        """1|{"a":null,"b":null}|[]|{}|[]""",
        """2|NULL|NULL|NULL|NULL""",
        """3|{"a":3,"b":"z"}|[null]|{"k":3}|[null,{"x":null,"tags":[]}]""",
    ];

    private CatalogTable PqTable(string? path = null) =>
        Table("pq", Columns, ("connector", "filesystem"), ("path", path ?? _dir), ("format", "parquet"));

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

    private Task WriteAndCommit(params RecordBatch[] batches) => WriteAndCommit(batches, System.Array.Empty<(string, string)>());

    private async Task WriteAndCommit(RecordBatch[] batches, params (string, string)[] options)
    {
        var table = Table("pq", Columns, [("connector", "filesystem"), ("path", _dir), ("format", "parquet"), .. options]);
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        foreach (var batch in batches) await writer.WriteAsync(new Batch(batch), CancellationToken.None);
        await writer.CommitAsync(1, new[] { (await writer.PrepareCommitAsync(1, CancellationToken.None))! }, CancellationToken.None);
        await writer.DisposeAsync();
    }

    private const string DuckDbJson = "SELECT id::VARCHAR, to_json(r)::VARCHAR, to_json(arr)::VARCHAR, to_json(m)::VARCHAR, to_json(deep)::VARCHAR FROM read_parquet('{0}') ORDER BY id";

    [Fact]
    public async Task DuckDb_reads_nested_columns_we_write_with_the_same_values_and_types()
    {
        await WriteAndCommit(Rows());
        var glob = Path.Combine(_dir, "part-*");
        var types = DuckDbRows($"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{glob}'))").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("STRUCT(a INTEGER, b VARCHAR)", types["r"]);
        Assert.Equal("INTEGER[]", types["arr"]);
        Assert.Equal("MAP(VARCHAR, BIGINT)", types["m"]);
        Assert.Equal("STRUCT(x INTEGER, tags VARCHAR[])[]", types["deep"]);
        var rows = DuckDbRows(string.Format(DuckDbJson, glob)).Select(r => string.Join("|", r)).ToList();
        Assert.Equal(Expected, rows);
    }

    private static List<string> Cells(IEnumerable<RecordBatch> batches)
    {
        var cells = new List<string>();
        foreach (var b in batches)
            for (int r = 0; r < b.Length; r++)
                cells.Add(string.Join("|", Enumerable.Range(0, b.ColumnCount).Select(c => b.Column(c).IsNull(r) ? "NULL"
                    : ValueFormatter.Format(b.Column(c), r, Columns[c].Item2, TimeZoneInfo.Utc, ValueFormatStyle.Cast))));
        return cells;
    }

    [Fact]
    public async Task Nested_columns_round_trip_through_our_reader_also_across_row_groups()
    {
        var rows = Rows();
        await WriteAndCommit([rows, rows], ("parquet.block.size", "1")); // a row group per batch
        var read = Cells(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(PqTable())));
        Assert.Equal(Cells([rows]).Concat(Cells([rows])), read);
        Assert.Equal("0|(1, x)|[1, 2, NULL]|{k1=10, k2=NULL}|[(1, [a, b]), (2, NULL)]", read[0]);
    }

    [Fact]
    public async Task A_sliced_batch_of_nested_columns_is_written_from_its_offset()
    {
        await WriteAndCommit([Rows().Slice(1, 3), Rows().Slice(3, 1)]);
        var rows = DuckDbRows(string.Format(DuckDbJson, Path.Combine(_dir, "part-*"))).Select(r => string.Join("|", r)).ToList();
        Assert.Equal(new[] { Expected[1], Expected[2], Expected[3], Expected[3] }, rows);
    }

    [Fact]
    public async Task Nested_columns_duckdb_wrote_are_read_with_the_tables_types()
    {
        var file = Path.Combine(_dir, "duck.parquet");
        DuckDbRows($$"""
            COPY (SELECT id::INTEGER AS id, r::STRUCT(a INTEGER, b VARCHAR) AS r, arr::INTEGER[] AS arr, m::MAP(VARCHAR, BIGINT) AS m,
                deep::STRUCT(x INTEGER, tags VARCHAR[])[] AS deep FROM (VALUES
              (0, {'a': 1, 'b': 'x'}, [1, 2, NULL], MAP {'k1': 10, 'k2': NULL}, [{'x': 1, 'tags': ['a', 'b']}, {'x': 2, 'tags': NULL}]),
              (1, {'a': NULL, 'b': NULL}, [], MAP {}, []),
              (2, NULL, NULL, NULL, NULL),
              (3, {'a': 3, 'b': 'z'}, [NULL], MAP {'k': 3}, [NULL, {'x': NULL, 'tags': []}])) t(id, r, arr, m, deep))
            TO '{{file}}' (FORMAT PARQUET)
            """);
        Assert.Equal(Expected, DuckDbRows(string.Format(DuckDbJson, file)).Select(r => string.Join("|", r)));
        var read = Cells(await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(PqTable(file))));
        Assert.Equal(Cells([Rows()]), read);
    }

    [Fact]
    public async Task A_nested_column_whose_layout_differs_from_the_table_is_refused_naming_file_and_field()
    {
        await WriteAndCommit(Rows());
        var table = Table("pq", new[] { ("r", SqlType.Row(["a", "c"], [SqlType.Int, SqlType.String])) }, ("connector", "filesystem"), ("path", _dir), ("format", "parquet"));
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(table)));
        Assert.Contains("'r'", e.Message);
        Assert.Contains("no field 'c'", e.Message);
        var list = Table("pq", new[] { ("arr", SqlType.Map(SqlType.Int, SqlType.Int)) }, ("connector", "filesystem"), ("path", _dir), ("format", "parquet"));
        e = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(list)));
        Assert.Contains("not a MAP", e.Message);
    }

    private static readonly (string, SqlType)[] DeepColumns =
    {
        ("id", SqlType.Int),
        ("m", SqlType.Map(SqlType.String, SqlType.Array(SqlType.Int))),
        ("rr", SqlType.Row(["a", "b"], [SqlType.Row(["x", "s"], [SqlType.Int, SqlType.String]), SqlType.Int])),
        ("aa", SqlType.Array(SqlType.Array(SqlType.Int))),
        ("am", SqlType.Array(SqlType.Map(SqlType.String, SqlType.BigInt))),
        ("ar", SqlType.Array(SqlType.Row(["k", "t"], [SqlType.Int, SqlType.Array(SqlType.String)]))),
        ("bl", SqlType.Array(SqlType.Boolean)),
        ("dl", SqlType.Array(SqlType.Decimal(10, 2))),
    };

    private const string DeepJson = "SELECT id, to_json(m)::VARCHAR, to_json(rr)::VARCHAR, to_json(aa)::VARCHAR, to_json(am)::VARCHAR, "
        + "to_json(ar)::VARCHAR, to_json(bl)::VARCHAR, to_json(dl)::VARCHAR FROM read_parquet('{0}')";

    [Fact]
    public async Task Deeply_nested_columns_with_nulls_at_every_level_read_from_duckdb_and_written_back_are_the_same()
    {
        // DuckDB writes maps of arrays, rows of rows, arrays of arrays, of maps and of rows with arrays, NULL or empty at
        // every level, in several row groups; we read them and write them back, and DuckDB finds the same values in both.
        var source = Path.Combine(_dir, "deep.parquet");
        DuckDbRows($$"""
            COPY (SELECT i::INTEGER AS id,
                (CASE WHEN i % 13 = 0 THEN NULL WHEN i % 13 = 1 THEN MAP {}
                      ELSE MAP {'a': [i, NULL], 'b': CASE WHEN i % 3 = 0 THEN NULL ELSE [] END, 'c' || (i % 4): [i % 5]} END)::MAP(VARCHAR, INTEGER[]) AS m,
                (CASE WHEN i % 9 = 0 THEN NULL ELSE {'a': CASE WHEN i % 4 = 0 THEN NULL ELSE {'x': CASE WHEN i % 3 = 0 THEN NULL ELSE i END, 's': 's' || i} END,
                      'b': CASE WHEN i % 5 = 0 THEN NULL ELSE i END} END)::STRUCT(a STRUCT(x INTEGER, s VARCHAR), b INTEGER) AS rr,
                (CASE WHEN i % 11 = 0 THEN NULL WHEN i % 11 = 1 THEN []
                      ELSE [CASE WHEN i % 5 = 0 THEN NULL ELSE [i, NULL, i + 1] END, [], [i % 3]] END)::INTEGER[][] AS aa,
                (CASE WHEN i % 6 = 0 THEN NULL ELSE [MAP {'k': i}, NULL, MAP {}] END)::MAP(VARCHAR, BIGINT)[] AS am,
                (CASE WHEN i % 7 = 0 THEN NULL ELSE [{'k': i, 't': CASE WHEN i % 2 = 0 THEN NULL ELSE ['x' || i, NULL] END}, NULL] END)::STRUCT(k INTEGER, t VARCHAR[])[] AS ar,
                (CASE WHEN i % 8 = 0 THEN NULL ELSE [i % 2 = 0, NULL, i % 3 = 0] END)::BOOLEAN[] AS bl,
                (CASE WHEN i % 10 = 0 THEN NULL ELSE [i / 4, NULL, -i] END)::DECIMAL(10, 2)[] AS dl
              FROM range(0, 5000) t(i))
            TO '{{source}}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)
            """);
        var read = await ReadAll(new FilesystemConnector().CreateReader(), ReaderContext(Table("deep", DeepColumns, ("connector", "filesystem"),
            ("path", source), ("format", "parquet"))));
        Assert.Equal(5000, read.Sum(b => b.Length));

        var copy = Path.Combine(_dir, "copy");
        var table = Table("deep", DeepColumns, ("connector", "filesystem"), ("path", copy), ("format", "parquet"));
        var writer = new FilesystemConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(table), CancellationToken.None);
        foreach (var batch in read) await writer.WriteAsync(new Batch(batch), CancellationToken.None);
        await writer.CommitAsync(1, new[] { (await writer.PrepareCommitAsync(1, CancellationToken.None))! }, CancellationToken.None);
        await writer.DisposeAsync();

        var original = string.Format(DeepJson, source);
        var rewritten = string.Format(DeepJson, Path.Combine(copy, "part-*"));
        Assert.Equal("5000", DuckDbRows($"SELECT count(*)::VARCHAR FROM ({rewritten})").Single()[0]);
        Assert.Equal("0", DuckDbRows($"SELECT count(*)::VARCHAR FROM ({original} EXCEPT ALL {rewritten})").Single()[0]);
        Assert.Equal("0", DuckDbRows($"SELECT count(*)::VARCHAR FROM ({rewritten} EXCEPT ALL {original})").Single()[0]);
        // One row spelled out, so a wrong pair of files that agree would still fail here.
        var row = DuckDbRows($"SELECT * FROM ({rewritten}) WHERE id = 10").Single();
        Assert.Equal(new[] { "10", """{"a":[10,null],"b":[],"c2":[0]}""", """{"a":{"x":10,"s":"s10"},"b":null}""", "[null,[],[1]]", """[{"k":10},null,{}]""",
            """[{"k":10,"t":null},null]""", """[true,null,false]""", "NULL" }, row);
    }
}
