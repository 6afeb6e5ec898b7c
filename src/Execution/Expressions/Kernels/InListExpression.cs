using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>x IN (v1, v2, ...)</c>: a hash lookup when the list is literals, else OR-ed equalities (a balanced tree of them).
/// Three-valued: NULL when x is NULL, or when x is not found and the list holds a NULL.
/// </summary>
internal sealed class InListExpression : VectorExpression
{
    private readonly VectorExpression _operand;
    private readonly HashSet<long>? _longs;
    private readonly HashSet<double>? _doubles;
    private readonly HashSet<Int128>? _decimals;
    private readonly HashSet<string>? _strings;
    private readonly bool _listHasNull;

    private InListExpression(SqlType type, VectorExpression operand, ConstantExpression[] list) : base(type)
    {
        _operand = operand;
        var t = operand.Type;
        if (t.IsCharacterString || t.IsBinaryString) _strings = new HashSet<string>(StringComparer.Ordinal);
        else if (t.IsApproximate) _doubles = new HashSet<double>();
        else if (t.Kind == SqlTypeKind.Decimal) _decimals = new HashSet<Int128>();
        else _longs = new HashSet<long>();
        foreach (var c in list)
        {
            var reader = (ConstantReader)c.EvaluateReader(null!, null!);
            if (reader.IsNull(0)) { _listHasNull = true; continue; }
            if (_strings is not null) _strings.Add(t.IsBinaryString ? Convert.ToHexString(reader.GetBytes(0)) : reader.GetString(0));
            else if (_doubles is not null) _doubles.Add(reader.GetDouble(0));
            else if (_decimals is not null) _decimals.Add(reader.GetUnscaled(0));
            else _longs!.Add(reader.GetInt64(0));
        }
    }

    public static VectorExpression Create(Call call, VectorExpression[] operands)
    {
        var common = ExpressionCompiler.CommonType(operands);
        if (common.Kind == SqlTypeKind.Null) common = SqlType.Boolean;
        var coerced = new VectorExpression[operands.Length];
        for (int i = 0; i < coerced.Length; i++) coerced[i] = ExpressionCompiler.Coerce(operands[i], common);
        bool allConstant = true;
        for (int i = 1; i < coerced.Length; i++) allConstant &= coerced[i] is ConstantExpression;
        if (allConstant && common.Kind is not (SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Row or SqlTypeKind.Multiset))
        {
            var list = new ConstantExpression[coerced.Length - 1];
            for (int i = 1; i < coerced.Length; i++) list[i - 1] = (ConstantExpression)coerced[i];
            if (common.IsCharacterString && list.Length <= Utf8InList.MaxLiterals) return Utf8List(call.Type, coerced[0], list);
            return new InListExpression(call.Type, coerced[0], list);
        }
        var equalities = new VectorExpression[coerced.Length - 1];
        for (int i = 1; i < coerced.Length; i++)
            equalities[i - 1] = ComparisonKernels.Create(CompareOp.Eq, coerced[0], coerced[i], SqlType.Boolean);
        return LogicalKernels.Balanced(and: false, equalities, 0, equalities.Length, call.Type);
    }

    private static Utf8InList Utf8List(SqlType type, VectorExpression operand, ConstantExpression[] list)
    {
        var literals = new List<byte[]>();
        bool hasNull = false;
        foreach (var c in list)
        {
            var reader = (ConstantReader)c.EvaluateReader(null!, null!);
            if (reader.IsNull(0)) hasNull = true;
            else literals.Add(reader.GetUtf8(0).ToArray());
        }
        return new Utf8InList(operand, literals.ToArray(), hasNull, type);
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var reader = _operand.EvaluateReader(input, context);
        var writer = ColumnBuilder.Create(SqlType.Boolean, n);
        bool binary = _operand.Type.IsBinaryString;
        for (int i = 0; i < n; i++)
        {
            if (reader.IsNull(i)) { writer.AppendNull(); continue; }
            bool found = _strings is not null ? _strings.Contains(binary ? Convert.ToHexString(reader.GetBytes(i)) : reader.GetString(i))
                : _doubles is not null ? _doubles.Contains(reader.GetDouble(i))
                : _decimals is not null ? _decimals.Contains(reader.GetUnscaled(i))
                : _longs!.Contains(reader.GetInt64(i));
            if (found) writer.AppendBoolean(true);
            else if (_listHasNull) writer.AppendNull();
            else writer.AppendBoolean(false);
        }
        return writer.Build();
    }
}
