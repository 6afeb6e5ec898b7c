using StreamSql.Sql.Planner.Catalog;

namespace StreamSql.Sql.Planner.Tests;

public sealed class UserFunctionTests
{
    private readonly PlannerFixture _f = new();

    private static string ClassOf<T>() => typeof(T).FullName!;

    [Fact]
    public void Create_function_registers_the_class_and_show_lists_it()
    {
        _f.Run($"CREATE FUNCTION repeat_text AS '{ClassOf<RepeatText>()}'");
        Assert.Equal(new[] { "repeat_text" }, _f.Run<TableResult>("SHOW USER FUNCTIONS").Rows.Select(r => r[0]).ToArray());
        Assert.Contains(_f.Run<TableResult>("SHOW FUNCTIONS").Rows, r => r[0] == "repeat_text");
        Assert.Contains(_f.Run<TableResult>("SHOW FUNCTIONS").Rows, r => r[0] == "UPPER");
    }

    [Fact]
    public void A_call_binds_to_the_eval_overload_of_its_argument_types_with_widening()
    {
        _f.Run(PlannerFixture.Bids + $"CREATE TEMPORARY FUNCTION repeat_text AS '{ClassOf<RepeatText>()}';");
        // INT literal 2 widens into the long parameter; the result is STRING, nullable.
        string plan = _f.Explain("SELECT repeat_text(channel, 2) AS r FROM bids");
        Assert.Contains("repeat_text(channel, 2)", plan);
        var error = _f.Error("SELECT repeat_text(price, channel) FROM bids");
        Assert.Contains("Cannot apply 'repeat_text' to arguments of type (BIGINT, STRING)", error.Problem);
        Assert.Contains("Eval(STRING, BIGINT)", error.Problem);
        Assert.Equal((1, 8), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void A_catalog_function_does_not_shadow_a_built_in_but_a_temporary_system_function_does()
    {
        _f.Run(PlannerFixture.Bids + $"CREATE FUNCTION upper AS '{ClassOf<Shout>()}';");
        Assert.Contains("UPPER(channel)", _f.Explain("SELECT UPPER(channel) FROM bids"));
        _f.Run($"CREATE TEMPORARY SYSTEM FUNCTION upper AS '{ClassOf<Shout>()}'");
        Assert.Contains("upper(channel)", _f.Explain("SELECT UPPER(channel) FROM bids"));
        Assert.Equal(typeof(Shout), _f.Catalog.Functions.FindSystem("UPPER")!.Implementation);
    }

    [Fact]
    public void Create_function_errors_name_the_class_and_what_is_wrong()
    {
        var missing = _f.Error("CREATE FUNCTION f AS 'com.github.nexmark.flink.udf.CountChar'");
        Assert.Contains("Class 'com.github.nexmark.flink.udf.CountChar' was not found in the loaded .NET assemblies", missing.Problem);
        Assert.Contains("USING JAR", missing.Problem);

        var noEval = _f.Error($"CREATE FUNCTION f AS '{ClassOf<NoEval>()}'");
        Assert.Contains("has no public method named Eval", noEval.Problem);

        var badType = _f.Error($"CREATE FUNCTION f AS '{ClassOf<TakesAGuid>()}'");
        Assert.Contains("has type Guid, which has no SQL type", badType.Problem);

        var python = _f.Error($"CREATE FUNCTION f AS 'm.f' LANGUAGE PYTHON");
        Assert.StartsWith("Not supported yet: Python functions", python.Problem);

        var jar = _f.Error($"CREATE FUNCTION f AS 'x.Y' USING JAR '/nonexistent/udf.dll'");
        Assert.Contains("Assembly '/nonexistent/udf.dll' of USING JAR does not exist", jar.Problem);
    }

    [Fact]
    public void Add_jar_loads_a_dotnet_assembly_and_only_lists_a_java_archive()
    {
        string assembly = typeof(RepeatText).Assembly.Location;
        Assert.Equal("Execute statement succeeded.", ((CatalogChanged)_f.Run($"ADD JAR '{assembly}'")).Message);
        _f.Run($"CREATE FUNCTION repeat_text AS '{ClassOf<RepeatText>()}'");
        Assert.NotNull(_f.Catalog.Functions.FindCatalog("REPEAT_TEXT"));

        var java = (CatalogChanged)_f.Run("ADD JAR '/opt/flink/lib/flink-sql-connector-kafka.jar'");
        Assert.StartsWith("Execute statement succeeded. The Java archive is listed but not loaded", java.Message);
        var jars = (TableResult)_f.Run("SHOW JARS");
        Assert.Equal(["jars"], jars.ColumnNames);
        Assert.Equal([assembly, "/opt/flink/lib/flink-sql-connector-kafka.jar"], jars.Rows.Select(r => r[0]));

        _f.Run("REMOVE JAR '/opt/flink/lib/flink-sql-connector-kafka.jar'");
        Assert.Single(((TableResult)_f.Run("SHOW JARS")).Rows);
        Assert.Contains("it was not added in this session", _f.Error("REMOVE JAR '/opt/flink/lib/flink-sql-connector-kafka.jar'").Problem);
        Assert.Contains("Jar '/nonexistent/udf.dll' does not exist", _f.Error("ADD JAR '/nonexistent/udf.dll'").Problem);
    }

    [Fact]
    public void Using_jar_loads_the_class_from_that_assembly()
    {
        string assembly = typeof(RepeatText).Assembly.Location;
        _f.Run($"CREATE FUNCTION repeat_text AS '{ClassOf<RepeatText>()}' LANGUAGE JAVA USING JAR '{assembly}'");
        Assert.NotNull(_f.Catalog.Functions.FindCatalog("REPEAT_TEXT"));
        var wrong = _f.Error($"CREATE FUNCTION other AS 'No.Such.Class' USING JAR '{assembly}'");
        Assert.Contains("was not found in the assemblies of USING JAR", wrong.Problem);
    }

    [Fact]
    public void Create_and_drop_follow_flink_existence_rules()
    {
        _f.Run($"CREATE TEMPORARY SYSTEM FUNCTION s AS '{ClassOf<Shout>()}'");
        Assert.Equal("Could not register temporary system function. A function named 's' does already exist.",
            _f.Error($"CREATE TEMPORARY SYSTEM FUNCTION s AS '{ClassOf<Shout>()}'").Problem);
        _f.Run($"CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS s AS '{ClassOf<Shout>()}'");

        _f.Run($"CREATE FUNCTION c AS '{ClassOf<Shout>()}'");
        Assert.Equal($"Function {TableCatalog.DefaultCatalog}.{TableCatalog.DefaultDatabase}.c already exists",
            _f.Error($"CREATE FUNCTION c AS '{ClassOf<Shout>()}'").Problem);
        Assert.Contains("it is a permanent function", _f.Error("DROP TEMPORARY FUNCTION c").Problem);
        _f.Run("DROP FUNCTION c");
        Assert.Contains("doesn't exist", _f.Error("DROP FUNCTION c").Problem);
        _f.Run("DROP FUNCTION IF EXISTS c");
        _f.Run("DROP TEMPORARY SYSTEM FUNCTION s");
        Assert.Equal("Temporary system function s doesn't exist", _f.Error("DROP TEMPORARY SYSTEM FUNCTION s").Problem);
        Assert.Empty(_f.Run<TableResult>("SHOW USER FUNCTIONS").Rows);
    }
}

public sealed class RepeatText
{
    public string? Eval(string? text, long times) => text is null ? null : string.Concat(Enumerable.Repeat(text, (int)times));
}

public sealed class Shout
{
    public string? Eval(string? text) => text?.ToUpperInvariant() + "!";
}

public sealed class NoEval
{
    public string Compute(string text) => text;
}

public sealed class TakesAGuid
{
    public string Eval(Guid id) => id.ToString();
}
