using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>Builds batches with Arrow builders, binds calls like the binder does (resolve, then CAST operands whose
/// type differs) and reads results back as plain values.</summary>
internal sealed class ExpressionTestKit
{
    private readonly List<Field> _fields = new();
    private readonly List<IArrowArray> _columns = new();
    public EvaluationContext Context { get; set; } = EvaluationContext.Utc;

    public RowSchema Schema => new(_fields);

    public RecordBatch Batch => new(ArrowTypeMapping.ToArrowSchema(Schema), _columns, _columns.Count == 0 ? 1 : _columns[0].Length);

    public InputRef Column(string name, SqlType type, IArrowArray values)
    {
        _fields.Add(new Field(name, type));
        _columns.Add(values);
        return new InputRef(_fields.Count - 1, type);
    }

    public InputRef Longs(params long?[] values) => Column("c" + _fields.Count, SqlType.BigInt, Build(new Int64Array.Builder(), values));
    public InputRef Ints(params int?[] values) => Column("c" + _fields.Count, SqlType.Int, Build(new Int32Array.Builder(), values));
    public InputRef Doubles(params double?[] values) => Column("c" + _fields.Count, SqlType.Double, Build(new DoubleArray.Builder(), values));
    public InputRef Bools(params bool?[] values) => Column("c" + _fields.Count, SqlType.Boolean, Build(new BooleanArray.Builder(), values));

    public InputRef Strings(params string?[] values)
    {
        var b = new StringArray.Builder();
        foreach (var v in values) { if (v is null) b.AppendNull(); else b.Append(v); }
        return Column("c" + _fields.Count, SqlType.String, b.Build());
    }

    public InputRef Decimals(int precision, int scale, params decimal?[] values)
    {
        var b = new Decimal128Array.Builder(new Decimal128Type(precision, scale));
        foreach (var v in values) { if (v is null) b.AppendNull(); else b.Append(v.Value); }
        return Column("c" + _fields.Count, SqlType.Decimal(precision, scale), b.Build());
    }

    /// <summary>A DECIMAL(p, s) column from exact texts (any of the 38 digits; null = NULL).</summary>
    public InputRef ExactDecimals(int precision, int scale, params string?[] values)
    {
        var type = SqlType.Decimal(precision, scale);
        var literals = new object?[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            Assert.Equal(DecimalParseStatus.Ok, DecimalValue.TryParse(values[i], precision, scale, out var value));
            literals[i] = value;
        }
        return Column("c" + _fields.Count, type, Batches.LiteralColumnBuilder.Build(type, literals));
    }

    public InputRef Timestamps(int precision, params string?[] values) => TimestampColumn(SqlType.Timestamp(precision), null, values);
    public InputRef TimestampsLtz(int precision, params string?[] utcValues) => TimestampColumn(SqlType.TimestampLtz(precision), "UTC", utcValues);

    /// <summary>A TIMESTAMP(p)/TIMESTAMP_LTZ(p) column from <c>yyyy-MM-dd HH:mm:ss[.fffffffff]</c> texts, in the type's
    /// unit (µs, ns for p 7–9); digits beyond p are kept, as a source would keep them.</summary>
    private InputRef TimestampColumn(SqlType type, string? zone, string?[] values)
    {
        var raw = new object?[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is null) continue;
            Assert.True(StreamSql.Execution.Expressions.Kernels.TextParsing.TryParseTimestamp(values[i]!, out long micros, out int nanos), values[i]);
            raw[i] = TimestampEncoding.IsNanos(type.Precision) ? micros * 1000 + nanos : micros;
        }
        _ = zone;
        return Column("c" + _fields.Count, type, Batches.LiteralColumnBuilder.Build(type, raw));
    }

    public InputRef Dates(params string?[] values)
    {
        var b = new Date32Array.Builder();
        foreach (var v in values) { if (v is null) b.AppendNull(); else b.Append(DateTime.Parse(v, System.Globalization.CultureInfo.InvariantCulture)); }
        return Column("c" + _fields.Count, SqlType.Date, b.Build());
    }

    private static IArrowArray Build<T, TArray, TBuilder>(IArrowArrayBuilder<T, TArray, TBuilder> builder, T?[] values)
        where T : struct where TArray : IArrowArray where TBuilder : IArrowArrayBuilder<TArray>
    {
        foreach (var v in values) { if (v is null) builder.AppendNull(); else builder.Append(v.Value); }
        return builder.Build(default);
    }

    public static Literal Lit(object? value, SqlType type) => new(value, type.WithNullable(value is null));
    public static Literal Lit(long value) => new(value, SqlType.Int.AsNotNull());
    public static Literal Lit(string value) => new(value, SqlType.Char(value.Length).AsNotNull());
    public static Literal Lit(double value) => new(value, SqlType.Double.AsNotNull());
    public static Literal Lit(bool value) => new(value, SqlType.Boolean.AsNotNull());
    public static Literal Unit(string unit) => new(unit, SqlType.VarChar(unit.Length).AsNotNull());

    /// <summary>A call as the binder forms it.</summary>
    public static Call Fn(string name, params ScalarExpr[] operands)
    {
        var resolved = BuiltInFunctions.Resolve(name, operands);
        var coerced = new ScalarExpr[operands.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            var want = resolved.OperandTypes[i];
            var have = operands[i].Type;
            coerced[i] = have.WithNullable(true).WithoutTimeAttribute().Equals(want.WithNullable(true).WithoutTimeAttribute()) || have.Kind == SqlTypeKind.Null && want.Kind == SqlTypeKind.Null
                ? operands[i]
                : new Call("CAST", new[] { operands[i] }, want.WithNullable(have.Nullable || have.Kind == SqlTypeKind.Null));
        }
        return new Call(resolved.Name, coerced, resolved.ReturnType);
    }

    public static Call Cast(ScalarExpr operand, SqlType target, bool tryCast = false) =>
        new(tryCast ? "TRY_CAST" : "CAST", new[] { operand }, tryCast ? target.WithNullable(true) : target.WithNullable(operand.Type.Nullable));

    public IArrowArray Evaluate(ScalarExpr expression) =>
        ExpressionCompiler.Compile(expression, Schema).Evaluate(Batch, Context);

    /// <summary>The result as text per row (CAST-to-string form; null for NULL).</summary>
    public string?[] Eval(ScalarExpr expression)
    {
        var array = Evaluate(expression);
        var result = new string?[array.Length];
        for (int i = 0; i < array.Length; i++)
            result[i] = array.IsNull(i) ? null : ValueFormatter.Format(array, i, expression.Type, Context.TimeZone);
        return result;
    }

    public string? EvalOne(ScalarExpr expression) => Eval(expression)[0];
}
