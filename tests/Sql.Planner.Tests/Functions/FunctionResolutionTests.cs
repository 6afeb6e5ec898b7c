using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests.Functions;

public sealed class FunctionResolutionTests
{
    private static readonly SqlType IntNN = SqlType.Int.AsNotNull();
    private static readonly SqlType BigIntNN = SqlType.BigInt.AsNotNull();

    [Fact]
    public void Int_plus_bigint_promotes_both_operands_to_bigint()
    {
        var r = BuiltInFunctions.Resolve("+", new[] { IntNN, BigIntNN });
        Assert.Equal(BigIntNN, r.ReturnType);
        Assert.Equal(new[] { BigIntNN, BigIntNN }, r.OperandTypes);
    }

    [Fact]
    public void Result_is_nullable_when_any_operand_is()
    {
        var r = BuiltInFunctions.Resolve("*", new[] { IntNN, SqlType.Int });
        Assert.Equal(SqlType.Int, r.ReturnType);
        Assert.True(r.OperandTypes[1].Nullable);
        Assert.False(r.OperandTypes[0].Nullable);
    }

    [Fact]
    public void Integer_division_stays_integer()
    {
        Assert.Equal(IntNN, BuiltInFunctions.Resolve("/", new[] { IntNN, IntNN }).ReturnType);
    }

    [Theory]
    [InlineData("+", 10, 2, 5, 1, 11, 2)]    // max int digits 8 + scale 2 + 1 carry
    [InlineData("*", 10, 2, 5, 1, 16, 3)]
    [InlineData("*", 19, 0, 10, 0, 30, 0)]
    [InlineData("*", 19, 0, 19, 0, 38, 0)]
    [InlineData("*", 38, 18, 10, 0, 38, 7)]
    [InlineData("/", 10, 2, 5, 1, 17, 8)]    // scale = max(6, 2 + 5 + 1), precision 10 - 2 + 1 + 8
    [InlineData("%", 10, 2, 5, 1, 6, 2)]
    [InlineData("+", 38, 10, 38, 10, 38, 9)] // adjusted: int digits 29, keep 9 fractional
    [InlineData("*", 38, 10, 38, 10, 38, 6)] // adjusted down to the minimal scale 6
    public void Decimal_arithmetic_follows_flink_precision_and_scale(string op, int p1, int s1, int p2, int s2, int p, int s)
    {
        var r = BuiltInFunctions.Resolve(op, new[] { SqlType.Decimal(p1, s1).AsNotNull(), SqlType.Decimal(p2, s2).AsNotNull() });
        Assert.Equal(SqlType.Decimal(p, s).AsNotNull(), r.ReturnType);
    }

    [Fact]
    public void Decimal_plus_int_treats_the_int_as_decimal_10_0()
    {
        var r = BuiltInFunctions.Resolve("+", new[] { SqlType.Decimal(5, 2), IntNN });
        Assert.Equal(SqlType.Decimal(13, 2), r.ReturnType);
        Assert.Equal(SqlType.Decimal(10, 0).AsNotNull(), r.OperandTypes[1]);
    }

    [Fact]
    public void Decimal_with_double_gives_double()
    {
        var r = BuiltInFunctions.Resolve("-", new[] { SqlType.Decimal(5, 2), SqlType.Double });
        Assert.Equal(SqlType.Double, r.ReturnType);
        Assert.All(r.OperandTypes, t => Assert.Equal(SqlTypeKind.Double, t.Kind));
    }

    [Fact]
    public void Mod_takes_the_type_of_its_second_operand()
    {
        Assert.Equal(IntNN, BuiltInFunctions.Resolve("MOD", new[] { BigIntNN, IntNN }).ReturnType);
        Assert.Equal(SmallIntNN, BuiltInFunctions.Resolve("%", new[] { IntNN, SmallIntNN }).ReturnType);
    }

    private static readonly SqlType SmallIntNN = SqlType.SmallInt.AsNotNull();

    [Fact]
    public void Comparison_of_exact_numbers_with_a_decimal_keeps_both_types()
    {
        // Flink compares them by value (DecimalDataUtils.compare): a common type could round or overflow one side.
        var r = BuiltInFunctions.Resolve("=", new[] { IntNN, SqlType.Decimal(5, 2) });
        Assert.Equal(SqlType.Boolean, r.ReturnType);
        Assert.Equal(IntNN, r.OperandTypes[0]);
        Assert.Equal(SqlType.Decimal(5, 2), r.OperandTypes[1]);
        var wide = BuiltInFunctions.Resolve("<", new[] { SqlType.Decimal(38, 0), SqlType.Decimal(38, 38) });
        Assert.Equal(new[] { SqlType.Decimal(38, 0), SqlType.Decimal(38, 38) }, wide.OperandTypes);
    }

    [Theory]
    [InlineData(38, 0, 38, 38, 38, 0)]   // whole digits win over fraction digits
    [InlineData(10, 2, 5, 4, 12, 4)]
    [InlineData(38, 10, 20, 15, 38, 10)]
    [InlineData(3, 3, 2, 2, 3, 3)]
    public void The_common_decimal_type_keeps_whole_digits_first(int p1, int s1, int p2, int s2, int p, int s)
    {
        var r = BuiltInFunctions.Resolve("COALESCE", new[] { SqlType.Decimal(p1, s1), SqlType.Decimal(p2, s2) });
        Assert.Equal(SqlType.Decimal(p, s), r.ReturnType.WithNullable(true));
    }

    [Fact]
    public void Equating_a_string_with_a_number_is_an_error_in_flinks_words()
    {
        // ScalarOperatorGens.checkImplicitConversionValidity: the type roots, left first.
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("=", new[] { SqlType.String, SqlType.Int }));
        Assert.Equal("implicit type conversion between VARCHAR and INTEGER is not supported now", e.Message);
        e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("<>", new[] { SqlType.Decimal(10, 2), SqlType.Char(3) }));
        Assert.Equal("implicit type conversion between DECIMAL and CHAR is not supported now", e.Message);
    }

    [Fact]
    public void Ordering_a_string_against_a_number_is_an_error_naming_the_types_and_forms()
    {
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("<", new[] { SqlType.String, SqlType.Int }));
        Assert.Contains("'<VARCHAR(2147483647)> < <INTEGER>'", e.Message);
        Assert.Contains("Supported form(s): '<COMPARABLE_TYPE> < <COMPARABLE_TYPE>'", e.Message);
    }

    [Fact]
    public void Wrong_argument_types_list_the_supported_forms()
    {
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("upper", new[] { SqlType.Int }));
        Assert.Equal("Cannot apply 'UPPER' to arguments of type 'UPPER(<INTEGER>)'. Supported form(s): 'UPPER(<STRING>)'", e.Message);
    }

    [Fact]
    public void Unknown_function_says_no_match()
    {
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("frobnicate", new[] { SqlType.Int }));
        Assert.Contains("No match found for function signature frobnicate(<NUMERIC>)", e.Message);
    }

    [Fact]
    public void Case_branches_get_the_least_restrictive_type()
    {
        var r = BuiltInFunctions.Resolve("CASE", new[] { SqlType.Boolean, IntNN, SqlType.Boolean, SqlType.Decimal(5, 2).AsNotNull(), SqlType.Null });
        Assert.Equal(SqlType.Decimal(12, 2), r.ReturnType);
        Assert.Equal(SqlType.Decimal(12, 2).AsNotNull(), r.OperandTypes[1]);
        Assert.Equal(SqlType.Boolean, r.OperandTypes[0]);
    }

    [Fact]
    public void Case_mixing_string_and_number_is_an_error()
    {
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("CASE", new[] { SqlType.Boolean, SqlType.String, IntNN }));
        Assert.Contains("Illegal mixing of types", e.Message);
    }

    [Fact]
    public void Coalesce_is_not_null_when_any_operand_is_not_null()
    {
        Assert.Equal(BigIntNN, BuiltInFunctions.Resolve("COALESCE", new[] { SqlType.Int, BigIntNN }).ReturnType);
        Assert.Equal(SqlType.BigInt, BuiltInFunctions.Resolve("COALESCE", new[] { SqlType.Int, SqlType.BigInt }).ReturnType);
    }

    [Fact]
    public void IfNull_is_nullable_only_when_the_replacement_is()
    {
        Assert.Equal(IntNN, BuiltInFunctions.Resolve("IFNULL", new[] { SqlType.Int, IntNN }).ReturnType);
    }

    [Fact]
    public void Is_null_and_is_distinct_from_are_never_null()
    {
        Assert.Equal(SqlType.Boolean.AsNotNull(), BuiltInFunctions.Resolve("IS NULL", new[] { SqlType.Int }).ReturnType);
        Assert.Equal(SqlType.Boolean.AsNotNull(), BuiltInFunctions.Resolve("IS DISTINCT FROM", new[] { SqlType.Int, SqlType.BigInt }).ReturnType);
    }

    [Fact]
    public void In_list_coerces_to_common_type()
    {
        var r = BuiltInFunctions.Resolve("IN", new[] { IntNN, BigIntNN, IntNN });
        Assert.All(r.OperandTypes, t => Assert.Equal(SqlTypeKind.BigInt, t.Kind));
        Assert.Equal(SqlType.Boolean.AsNotNull(), r.ReturnType);
    }

    [Fact]
    public void String_functions_keep_the_operands_length_and_take_int_lengths()
    {
        var r = BuiltInFunctions.Resolve("SUBSTR", new[] { SqlType.VarChar(10), BigIntNN, SmallIntNN });
        Assert.Equal("SUBSTRING", r.Name);
        Assert.Equal(SqlType.VarChar(10), r.ReturnType);
        Assert.Equal(IntNN, r.OperandTypes[1]);
        Assert.Equal(IntNN, r.OperandTypes[2]);
        Assert.Equal(SqlType.Int.AsNotNull(), BuiltInFunctions.Resolve("CHAR_LENGTH", new[] { SqlType.String.AsNotNull() }).ReturnType);
        Assert.True(BuiltInFunctions.Resolve("REGEXP_EXTRACT", new[] { SqlType.String.AsNotNull(), SqlType.String.AsNotNull() }).ReturnType.Nullable);
    }

    public static TheoryData<string, SqlType[], SqlType> StringResultTypes() => new()
    {
        // Calcite's ARG0_NULLABLE: the operand's type.
        { "UPPER", [SqlType.Char(5).AsNotNull()], SqlType.Char(5).AsNotNull() },
        { "INITCAP", [SqlType.VarChar(3)], SqlType.VarChar(3) },
        // FlinkReturnTypes.ARG0_VARCHAR_FORCE_NULLABLE: the operand's length as VARCHAR, nullable.
        { "SUBSTRING", [SqlType.Char(5).AsNotNull(), IntNN], SqlType.VarChar(5) },
        { "LEFT", [SqlType.VarChar(7).AsNotNull(), IntNN], SqlType.VarChar(7) },
        { "RIGHT", [SqlType.String.AsNotNull(), IntNN], SqlType.String },
        // ARG0 + TO_NULLABLE + TO_VARYING.
        { "LTRIM", [SqlType.Char(4).AsNotNull()], SqlType.VarChar(4).AsNotNull() },
        { "RTRIM", [SqlType.VarChar(9)], SqlType.VarChar(9) },
        // DYADIC_STRING_SUM_PRECISION_NULLABLE_VARYING.
        { "OVERLAY", [SqlType.VarChar(5).AsNotNull(), SqlType.Char(11).AsNotNull(), IntNN], SqlType.VarChar(16).AsNotNull() },
        { "OVERLAY", [SqlType.String.AsNotNull(), SqlType.Char(1).AsNotNull(), IntNN], SqlType.String.AsNotNull() },
        // explicit(CHAR, n) / explicit(VARCHAR, 128) + TO_NULLABLE.
        { "MD5", [SqlType.VarChar(5).AsNotNull()], SqlType.Char(32).AsNotNull() },
        { "SHA512", [SqlType.Bytes], SqlType.Char(128) },
        { "SHA2", [SqlType.VarChar(5).AsNotNull(), IntNN], SqlType.VarChar(128).AsNotNull() },
        { "UUID", [], SqlType.Char(36).AsNotNull() },
        // explicit(VARCHAR): STRING.
        { "REPLACE", [SqlType.VarChar(5).AsNotNull(), SqlType.Char(1).AsNotNull(), SqlType.Char(1).AsNotNull()], SqlType.String.AsNotNull() },
        { "CONCAT", [SqlType.VarChar(5).AsNotNull(), SqlType.Char(1).AsNotNull()], SqlType.String.AsNotNull() },
        { "REVERSE", [SqlType.VarChar(5).AsNotNull()], SqlType.String },
    };

    [Theory]
    [MemberData(nameof(StringResultTypes))]
    public void String_function_result_types_are_flinks(string function, SqlType[] operands, SqlType expected)
    {
        Assert.Equal(expected, BuiltInFunctions.Resolve(function, operands).ReturnType);
    }

    [Fact]
    public void Round_of_decimal_uses_the_literal_digit_count()
    {
        var operands = new ScalarExpr[] { new InputRef(0, SqlType.Decimal(10, 4)), new Literal(2L, IntNN) };
        Assert.Equal(SqlType.Decimal(9, 2), BuiltInFunctions.Resolve("ROUND", operands).ReturnType);
        Assert.Equal(SqlType.Double, BuiltInFunctions.Resolve("ROUND", new[] { SqlType.Double, IntNN }).ReturnType);
    }

    [Fact]
    public void Timestamp_plus_interval_is_a_timestamp_without_time_attribute()
    {
        var rowtime = SqlType.Timestamp(3) with { IsRowtime = true };
        var r = BuiltInFunctions.Resolve("+", new[] { rowtime, SqlType.IntervalDayTime.AsNotNull() });
        Assert.Equal(SqlType.Timestamp(3), r.ReturnType);
    }

    [Fact]
    public void Time_functions_have_flink_result_types()
    {
        Assert.Equal(SqlType.TimestampLtz(3).AsNotNull(), BuiltInFunctions.Resolve("CURRENT_TIMESTAMP", Array.Empty<SqlType>()).ReturnType);
        Assert.True(BuiltInFunctions.Resolve("PROCTIME", Array.Empty<SqlType>()).ReturnType.IsProctime);
        Assert.Equal(SqlType.BigInt, BuiltInFunctions.Resolve("EXTRACT", new[] { SqlType.VarChar(4).AsNotNull(), SqlType.Timestamp(3) }).ReturnType);
        Assert.Equal(SqlType.Timestamp(3), BuiltInFunctions.Resolve("TO_TIMESTAMP", new[] { SqlType.String.AsNotNull() }).ReturnType);
        Assert.Equal(SqlType.Int, BuiltInFunctions.Resolve("TIMESTAMPDIFF", new[] { SqlType.VarChar(3).AsNotNull(), SqlType.Timestamp(3), SqlType.Timestamp(3) }).ReturnType);
    }

    [Theory]
    [InlineData(SqlTypeKind.Int, SqlTypeKind.Decimal, true)]
    [InlineData(SqlTypeKind.VarChar, SqlTypeKind.Int, true)]
    [InlineData(SqlTypeKind.VarChar, SqlTypeKind.Timestamp, true)]
    [InlineData(SqlTypeKind.Timestamp, SqlTypeKind.VarChar, true)]
    [InlineData(SqlTypeKind.Timestamp, SqlTypeKind.Date, true)]
    [InlineData(SqlTypeKind.Date, SqlTypeKind.TimestampLtz, true)]
    [InlineData(SqlTypeKind.Int, SqlTypeKind.Boolean, true)]
    [InlineData(SqlTypeKind.Double, SqlTypeKind.Boolean, false)]
    [InlineData(SqlTypeKind.BigInt, SqlTypeKind.Timestamp, false)]
    // Numbers are seconds since the epoch as TIMESTAMP_LTZ (Flink's NumericToTimestampCastRule), never a TIMESTAMP.
    [InlineData(SqlTypeKind.BigInt, SqlTypeKind.TimestampLtz, true)]
    [InlineData(SqlTypeKind.Double, SqlTypeKind.TimestampLtz, true)]
    [InlineData(SqlTypeKind.Date, SqlTypeKind.Time, false)]
    [InlineData(SqlTypeKind.Boolean, SqlTypeKind.Date, false)]
    public void Cast_matrix(SqlTypeKind from, SqlTypeKind to, bool allowed)
    {
        Assert.Equal(allowed, BuiltInFunctions.CanCast(new SqlType(from), new SqlType(to)));
    }

    [Fact]
    public void Try_cast_is_always_nullable_and_a_refused_cast_names_both_types()
    {
        Assert.True(BuiltInFunctions.Resolve("TRY_CAST", new[] { SqlType.String.AsNotNull(), IntNN }).ReturnType.Nullable);
        Assert.False(BuiltInFunctions.Resolve("CAST", new[] { SqlType.String.AsNotNull(), IntNN }).ReturnType.Nullable);
        var e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("CAST", new[] { SqlType.Boolean.AsNotNull(), SqlType.Date }));
        Assert.Contains("BOOLEAN", e.Message);
        Assert.Contains("DATE", e.Message);
        // Between numbers and timestamps Flink (ScalarOperatorGens) names the function to use instead, not the types.
        e = Assert.Throws<FunctionResolutionException>(() => BuiltInFunctions.Resolve("CAST", new[] { BigIntNN, SqlType.Timestamp(3) }));
        Assert.Equal("The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use " +
            "TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.", e.Message);
    }

    [Fact]
    public void Kinds_determinism_and_names()
    {
        Assert.True(BuiltInFunctions.IsAggregate("count"));
        Assert.False(BuiltInFunctions.IsScalar("COUNT"));
        Assert.True(BuiltInFunctions.IsScalar("upper"));
        Assert.True(BuiltInFunctions.IsScalar("CEILING"));
        Assert.False(BuiltInFunctions.IsDeterministic("RAND"));
        Assert.False(BuiltInFunctions.IsDeterministic("NOW"));
        Assert.True(BuiltInFunctions.IsDeterministic("UPPER"));
        Assert.Contains("REGEXP_EXTRACT", BuiltInFunctions.Names);
        Assert.DoesNotContain("+", BuiltInFunctions.Names);
    }

    [Fact]
    public void Least_restrictive_of_chars_of_different_length_is_varchar()
    {
        Assert.Equal(SqlType.VarChar(3).AsNotNull(), BuiltInFunctions.LeastRestrictive(new[] { SqlType.Char(1).AsNotNull(), SqlType.Char(3).AsNotNull() }));
        Assert.Null(BuiltInFunctions.LeastRestrictive(new[] { SqlType.String, SqlType.Int }));
        Assert.Equal(SqlType.TimestampLtz(3), BuiltInFunctions.LeastRestrictive(new[] { SqlType.Timestamp(3), SqlType.TimestampLtz(3) }));
    }
}
