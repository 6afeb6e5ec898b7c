namespace StreamSql.Sql.Planner.Tests;

/// <summary>Flink's module statements over StreamSql's one module, core.</summary>
public sealed class ModuleTests
{
    private readonly PlannerFixture _f = new();

    [Fact]
    public void Show_modules_and_show_full_modules_list_core_as_used()
    {
        var plain = _f.Run<TableResult>("SHOW MODULES");
        Assert.Equal(["module name"], plain.ColumnNames);
        Assert.Equal(["core"], plain.Rows.Select(r => r[0]));
        var full = _f.Run<TableResult>("SHOW FULL MODULES");
        Assert.Equal(["module name", "used"], full.ColumnNames);
        Assert.Equal([("core", "TRUE")], full.Rows.Select(r => (r[0], r[1])));
    }

    [Fact]
    public void Use_modules_accepts_core_and_refuses_unknown_or_repeated_names()
    {
        Assert.IsType<CatalogChanged>(_f.Run("USE MODULES core"));
        var unknown = _f.Error("USE MODULES core, hive");
        Assert.Equal("No module with name 'hive' exists", unknown.Problem);
        Assert.Equal(19, unknown.Span.Column);
        Assert.Equal("Module 'core' appears more than once", _f.Error("USE MODULES core, core").Problem);
    }

    [Fact]
    public void Load_and_unload_refuse_as_flink_and_keep_core()
    {
        Assert.Equal("A module with name 'core' already exists", _f.Error("LOAD MODULE core").Problem);
        var hive = _f.Error("LOAD MODULE hive WITH ('hive-version' = '3.1.2')").Problem;
        Assert.Contains("Could not find any factory for identifier 'hive' that implements 'org.apache.flink.table.factories.ModuleFactory'", hive);
        Assert.EndsWith("Available factory identifiers are: core", hive);
        Assert.Equal("No module with name 'hive' exists", _f.Error("UNLOAD MODULE hive").Problem);
        Assert.Contains("UNLOAD MODULE core is not supported", _f.Error("UNLOAD MODULE core").Problem);
        Assert.IsType<QueryPlan>(_f.Run("SELECT UPPER('x')"));   // built-in functions still there
    }
}
