using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Flink 1.17+'s ALTER TABLE schema changes on a catalog table, with Flink's messages.</summary>
public sealed class AlterTableSchemaTests
{
    /// <summary>Flink's AlterSchemaConverter starts every refusal so.</summary>
    private const string Failed = "Failed to execute ALTER TABLE statement.\n";

    private readonly PlannerFixture _f = new();

    public AlterTableSchemaTests() => _f.Run("""
        CREATE TABLE t (
          id INT,
          name STRING COMMENT 'who',
          ts TIMESTAMP(3),
          doubled AS id * 2,
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
        ) WITH ('connector' = 'datagen', 'number-of-rows' = '5')
        """);

    private CatalogTable T => _f.Catalog.FindTable("t")!;

    private string Columns => string.Join(", ", T.Columns.Select(c => $"{c.Name} {c.Type}"));

    [Fact]
    public void Add_places_columns_last_first_or_after_another()
    {
        _f.Run("ALTER TABLE t ADD (score DOUBLE COMMENT 'points', rank_no INT FIRST, tag STRING AFTER id, tripled AS id * 3)");
        Assert.Equal(["rank_no", "id", "tag", "name", "ts", "doubled", "score", "tripled"], T.Columns.Select(c => c.Name));
        Assert.Equal("points", T.Columns.Single(c => c.Name == "score").Comment);
        Assert.Equal(SqlTypeKind.Int, T.Columns.Single(c => c.Name == "tripled").Type.Kind);
        Assert.IsType<QueryPlan>(_f.Run("SELECT tripled, tag FROM t"));
        Assert.Equal("ts", T.Watermark!.RowtimeColumn);   // the rest of the table is kept
        Assert.Equal("5", T.Options["number-of-rows"]);

        _f.Run("ALTER TABLE t ADD extra BIGINT");
        Assert.Equal("extra", T.Columns[^1].Name);
    }

    [Fact]
    public void Add_refuses_an_existing_column_and_an_unknown_after_as_flink()
    {
        Assert.Equal(Failed + "Try to add a column `name` which already exists in the table.", _f.Error("ALTER TABLE t ADD name INT").Problem);
        Assert.Equal(Failed + "Referenced column `nope` by 'AFTER' does not exist in the table.", _f.Error("ALTER TABLE t ADD x INT AFTER nope").Problem);
        Assert.Equal(Failed + "Encounter duplicate column `x`.", _f.Error("ALTER TABLE t ADD (x INT, x STRING)").Problem);
        Assert.Equal(["id", "name", "ts", "doubled"], T.Columns.Select(c => c.Name));   // nothing changed
    }

    [Fact]
    public void Modify_changes_type_and_position_keeps_the_comment_and_rebinds_computed_columns()
    {
        _f.Run("ALTER TABLE t MODIFY (id BIGINT AFTER ts, name VARCHAR(10))");
        Assert.Equal("name VARCHAR(10), ts TIMESTAMP(3) *ROWTIME*, id BIGINT, doubled BIGINT", Columns);
        Assert.Equal("who", T.Columns[0].Comment);
        _f.Run("ALTER TABLE t MODIFY name STRING COMMENT 'renamed' FIRST");
        Assert.Equal("renamed", T.Columns[0].Comment);
        Assert.Equal(Failed + "Try to modify a column `nope` which does not exist in the table.", _f.Error("ALTER TABLE t MODIFY nope INT").Problem);
    }

    [Fact]
    public void Modify_to_a_type_a_computed_column_cannot_use_is_refused_at_the_statement()
    {
        var e = _f.Error("ALTER TABLE t MODIFY id BOOLEAN");
        Assert.Contains("*", e.Problem);
        Assert.Equal(SqlTypeKind.Int, T.Columns[0].Type.Kind);
    }

    [Fact]
    public void Drop_columns_checks_references_as_flink()
    {
        Assert.Equal(Failed + "The column `id` is referenced by computed column `doubled`.", _f.Error("ALTER TABLE t DROP id").Problem);
        Assert.Equal(Failed + "The column `ts` is referenced by watermark expression.", _f.Error("ALTER TABLE t DROP ts").Problem);
        Assert.Equal(Failed + "The column `nope` does not exist in the base table.", _f.Error("ALTER TABLE t DROP (name, nope)").Problem);
        Assert.Equal(Failed + "Duplicate column `name`.", _f.Error("ALTER TABLE t DROP (name, name)").Problem);
        _f.Run("ALTER TABLE t DROP (id, doubled)");   // the computed column goes with the column it uses
        Assert.Equal(["name", "ts"], T.Columns.Select(c => c.Name));
        _f.Run("ALTER TABLE t DROP COLUMN name");
        Assert.Equal(["ts"], T.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Rename_column_renames_in_the_primary_key_and_checks_references()
    {
        _f.Run("ALTER TABLE t ADD PRIMARY KEY (name) NOT ENFORCED");
        _f.Run("ALTER TABLE t RENAME name TO who");
        Assert.Equal(["who"], T.PrimaryKey);
        Assert.Equal("who", T.Columns[1].Comment);
        Assert.Equal(Failed + "The column `id` already existed in table schema.", _f.Error("ALTER TABLE t RENAME who TO id").Problem);
        Assert.Equal(Failed + "The column `id` is referenced by computed column `doubled`.", _f.Error("ALTER TABLE t RENAME id TO key").Problem);
        Assert.Equal(Failed + "The column `nope` does not exist in the base table.", _f.Error("ALTER TABLE t RENAME nope TO other").Problem);
    }

    [Fact]
    public void Primary_key_add_drop_and_modify()
    {
        _f.Run("ALTER TABLE t ADD PRIMARY KEY (id) NOT ENFORCED");
        Assert.Equal(["id"], T.PrimaryKey);
        Assert.False(T.Columns[0].Type.Nullable);
        Assert.Equal(Failed + "The base table has already defined the primary key constraint [`id`]. You might want to drop it before adding a new one.",
            _f.Error("ALTER TABLE t ADD PRIMARY KEY (name) NOT ENFORCED").Problem);
        Assert.Equal(Failed + "The column `id` is used as the primary key.", _f.Error("ALTER TABLE t DROP (doubled, id)").Problem);
        _f.Run("ALTER TABLE t MODIFY PRIMARY KEY (id, name) NOT ENFORCED");
        Assert.Equal(["id", "name"], T.PrimaryKey);
        _f.Run("ALTER TABLE t DROP PRIMARY KEY");
        Assert.Empty(T.PrimaryKey);
        Assert.Equal(Failed + "The base table does not define any primary key.", _f.Error("ALTER TABLE t DROP PRIMARY KEY").Problem);
        Assert.Equal(Failed + "The base table does not define any primary key constraint. You might want to add a new one.",
            _f.Error("ALTER TABLE t MODIFY PRIMARY KEY (id) NOT ENFORCED").Problem);
    }

    [Fact]
    public void Drop_constraint_names_the_key_as_flink_named_it()
    {
        _f.Run("ALTER TABLE t ADD CONSTRAINT by_id PRIMARY KEY (id) NOT ENFORCED");
        Assert.Equal("by_id", T.PrimaryKeyConstraintName);
        Assert.Equal(Failed + "The base table does not define a primary key constraint named 'other'. Available constraint name: ['by_id'].",
            _f.Error("ALTER TABLE t DROP CONSTRAINT other").Problem);
        _f.Run("ALTER TABLE t DROP CONSTRAINT by_id");
        Assert.Empty(T.PrimaryKey);
        Assert.Equal(Failed + "The base table does not define any primary key.", _f.Error("ALTER TABLE t DROP CONSTRAINT by_id").Problem);

        // An unnamed key is named PK_ + the Java hash code of its column list, and is dropped by that name.
        _f.Run("ALTER TABLE t ADD PRIMARY KEY (id) NOT ENFORCED");
        Assert.Equal("PK_3386", T.PrimaryKeyConstraintName);
        _f.Run("ALTER TABLE t DROP CONSTRAINT PK_3386");
        Assert.Empty(T.PrimaryKey);
    }

    [Fact]
    public void Watermark_add_drop_and_modify()
    {
        Assert.Equal(Failed + "The base table has already defined the watermark strategy `ts` AS `ts` - INTERVAL '1' SECOND. You might want to drop it before adding a new one.",
            _f.Error("ALTER TABLE t ADD WATERMARK FOR ts AS ts").Problem);
        _f.Run("ALTER TABLE t MODIFY WATERMARK FOR ts AS ts - INTERVAL '5' SECOND");
        Assert.Contains("5", T.Watermark!.ExpressionText);
        _f.Run("ALTER TABLE t DROP WATERMARK");
        Assert.Null(T.Watermark);
        Assert.False(T.Columns[2].Type.IsRowtime);
        Assert.Equal(Failed + "The base table does not define any watermark strategy.", _f.Error("ALTER TABLE t DROP WATERMARK").Problem);
        Assert.Equal(Failed + "The base table does not define any watermark. You might want to add a new one.",
            _f.Error("ALTER TABLE t MODIFY WATERMARK FOR ts AS ts").Problem);
        _f.Run("ALTER TABLE t ADD WATERMARK FOR ts AS ts");
        Assert.True(T.Columns[2].Type.IsRowtime);
        Assert.Contains("rowtime attribute field 'nope'", _f.Error("ALTER TABLE t MODIFY WATERMARK FOR nope AS nope").Problem);
    }

    [Fact]
    public void Computed_columns_survive_later_changes_through_their_printed_text()
    {
        _f.Run("ALTER TABLE t ADD band AS CASE id WHEN 1, 2 THEN 'low' ELSE 'high' END COMMENT 'by id'");
        Assert.Equal("CASE `id` WHEN 1, 2 THEN 'low' ELSE 'high' END", T.Columns[^1] is ComputedColumn c ? c.ExpressionText : null);
        _f.Run("ALTER TABLE t ADD other INT FIRST");
        var band = Assert.IsType<ComputedColumn>(T.Columns[^1]);
        Assert.Equal(("band", "by id", SqlTypeKind.VarChar), (band.Name, band.Comment, band.Type.Kind));
        Assert.Equal("CASE `id` WHEN 1, 2 THEN 'low' ELSE 'high' END", band.ExpressionText);
    }
}
