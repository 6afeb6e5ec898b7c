using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests.Functions;

public sealed class MoreResolutionTests
{
    [Fact]
    public void Concat_ws_is_nullable_only_through_its_separator()
    {
        var r = BuiltInFunctions.Resolve("CONCAT_WS", new[] { SqlType.String.AsNotNull(), SqlType.String, SqlType.String });
        Assert.False(r.ReturnType.Nullable);
    }

    [Fact]
    public void Like_takes_strings_and_an_optional_escape()
    {
        Assert.Equal(SqlType.Boolean.AsNotNull(), BuiltInFunctions.Resolve("LIKE", new[] { SqlType.String.AsNotNull(), SqlType.Char(2).AsNotNull() }).ReturnType);
        Assert.Equal(SqlType.Boolean, BuiltInFunctions.Resolve("LIKE", new[] { SqlType.String, SqlType.Char(2).AsNotNull(), SqlType.Char(1).AsNotNull() }).ReturnType);
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("LIKE", new[] { SqlType.Int, SqlType.String }));
        Assert.Contains("'<INTEGER> LIKE <VARCHAR(2147483647)>'", e.Message);
    }

    [Fact]
    public void Null_literal_operands_take_the_other_side_type()
    {
        var r = BuiltInFunctions.Resolve("+", new[] { SqlType.Null, SqlType.BigInt.AsNotNull() });
        Assert.Equal(SqlType.BigInt, r.ReturnType);
        Assert.Equal(SqlTypeKind.BigInt, r.OperandTypes[0].Kind);
        var eq = BuiltInFunctions.Resolve("=", new[] { SqlType.String, SqlType.Null });
        Assert.Equal(SqlTypeKind.VarChar, eq.OperandTypes[1].Kind);
    }

    [Fact]
    public void Negate_and_abs_keep_the_type()
    {
        Assert.Equal(SqlType.Decimal(5, 2), BuiltInFunctions.Resolve("NEGATE", new[] { SqlType.Decimal(5, 2) }).ReturnType);
        Assert.Equal(SqlType.SmallInt.AsNotNull(), BuiltInFunctions.Resolve("ABS", new[] { SqlType.SmallInt.AsNotNull() }).ReturnType);
        Assert.Equal(SqlType.Double, BuiltInFunctions.Resolve("SQRT", new[] { SqlType.Int }).ReturnType);
    }

    [Fact]
    public void Logical_operators_need_booleans()
    {
        Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("AND", new[] { SqlType.Boolean, SqlType.Int }));
        Assert.Equal(SqlType.Boolean.AsNotNull(), BuiltInFunctions.Resolve("IS NOT TRUE", new[] { SqlType.Boolean }).ReturnType);
    }

    [Fact]
    public void Floor_to_unit_keeps_the_timestamp_type()
    {
        var ts = SqlType.Timestamp(3);
        Assert.Equal(ts, BuiltInFunctions.Resolve("FLOOR", new[] { ts, SqlType.VarChar(4).AsNotNull() }).ReturnType);
        Assert.Equal(SqlType.Decimal(4, 0), BuiltInFunctions.Resolve("CEIL", new[] { SqlType.Decimal(5, 2) }).ReturnType);
    }

    [Fact]
    public void Aggregates_are_not_resolvable_as_scalars()
    {
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("SUM", new[] { SqlType.Int }));
        Assert.Contains("aggregate", e.Message);
    }
}
