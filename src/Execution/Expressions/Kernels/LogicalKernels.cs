using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>AND OR NOT</c> with SQL's three-valued logic, computed on whole bitmaps 64 rows at a time
/// (FALSE AND NULL = FALSE, TRUE OR NULL = TRUE), and the never-NULL tests <c>IS [NOT] NULL/TRUE/FALSE</c>.
/// The right side of AND/OR runs only where the left does not decide (so it may fail on the other rows).
/// </summary>
internal static class LogicalKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands)
    {
        switch (name)
        {
            case "AND" or "OR":
                {
                    var booleans = new VectorExpression[operands.Length];
                    for (int i = 0; i < operands.Length; i++) booleans[i] = Boolean(operands[i]);
                    return Balanced(name == "AND", booleans, 0, booleans.Length, call.Type);
                }
            case "NOT": return new Unary(UnaryTest.Not, Boolean(operands[0]), call.Type);
            case "IS NULL": return new Unary(UnaryTest.IsNull, operands[0], SqlType.Boolean.AsNotNull());
            case "IS NOT NULL": return new Unary(UnaryTest.IsNotNull, operands[0], SqlType.Boolean.AsNotNull());
            case "IS TRUE": return new Unary(UnaryTest.IsTrue, Boolean(operands[0]), SqlType.Boolean.AsNotNull());
            case "IS NOT TRUE": return new Unary(UnaryTest.IsNotTrue, Boolean(operands[0]), SqlType.Boolean.AsNotNull());
            case "IS FALSE": return new Unary(UnaryTest.IsFalse, Boolean(operands[0]), SqlType.Boolean.AsNotNull());
            case "IS NOT FALSE": return new Unary(UnaryTest.IsNotFalse, Boolean(operands[0]), SqlType.Boolean.AsNotNull());
            default: return null;
        }
    }

    /// <summary>
    /// Many operands as a balanced tree of two-operand kernels (left to right for two or three), so evaluating thousands of
    /// OR-ed terms recurses log2(n) deep on the subtask's thread, not n. The order of evaluation stays left to right: each
    /// right side still runs only where everything to its left did not decide.
    /// </summary>
    internal static VectorExpression Balanced(bool and, VectorExpression[] operands, int start, int end, SqlType type)
    {
        if (end - start == 1) return operands[start];
        int middle = start + (end - start + 1) / 2;
        return new AndOr(and, Balanced(and, operands, start, middle, type), Balanced(and, operands, middle, end, type), type);
    }

    private static VectorExpression Boolean(VectorExpression e) => ExpressionCompiler.Coerce(e, SqlType.Boolean);

    /// <summary>Value bits and validity bits of a boolean column at offset 0 (validity all ones when it has no nulls).</summary>
    internal static (byte[] Values, byte[] Valid) Bits(IArrowArray array, int length)
    {
        var values = new byte[Bitmaps.ByteLength(Math.Max(length, 1))];
        if (array is BooleanArray b)
        {
            var source = b.ValueBuffer.Span;
            if ((b.Offset & 7) == 0) source.Slice(b.Offset >> 3, Bitmaps.ByteLength(length)).CopyTo(values);
            else for (int i = 0; i < length; i++) if (b.GetValue(i) == true) Bitmaps.Set(values, i);
        }
        var valid = Bitmaps.Validity(array) ?? Bitmaps.AllValid(Math.Max(length, 1));
        return (values, valid);
    }

    private enum UnaryTest { Not, IsNull, IsNotNull, IsTrue, IsNotTrue, IsFalse, IsNotFalse }

    private sealed class Unary(UnaryTest test, VectorExpression operand, SqlType type) : VectorExpression(type)
    {
        public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
        {
            int n = input.Length;
            var array = operand.Evaluate(input, context);
            var (d, v) = test is UnaryTest.IsNull or UnaryTest.IsNotNull
                ? (new byte[Bitmaps.ByteLength(Math.Max(n, 1))], Bitmaps.Validity(array) ?? Bitmaps.AllValid(Math.Max(n, 1)))
                : Bits(array, n);
            var result = new byte[d.Length];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = test switch
                {
                    UnaryTest.Not => (byte)~d[i],
                    UnaryTest.IsNull => (byte)~v[i],
                    UnaryTest.IsNotNull => v[i],
                    UnaryTest.IsTrue => (byte)(v[i] & d[i]),
                    UnaryTest.IsNotTrue => (byte)~(v[i] & d[i]),
                    UnaryTest.IsFalse => (byte)(v[i] & ~d[i]),
                    _ => (byte)~(v[i] & ~d[i]),
                };
            }
            return ArrayBuild.Boolean(result, test == UnaryTest.Not ? Bitmaps.Validity(array) : null, n);
        }
    }

    private sealed class AndOr(bool and, VectorExpression left, VectorExpression right, SqlType type) : VectorExpression(type)
    {
        public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
        {
            int n = input.Length;
            var (ld, lv) = Bits(left.Evaluate(input, context), n);
            var (rd, rv) = Bits(EvaluateRight(input, context, ld, lv, n), n);
            var data = new byte[ld.Length];
            var valid = new byte[ld.Length];
            Combine(and, ld, lv, rd, rv, data, valid);
            return ArrayBuild.Boolean(data, valid, n);
        }

        private IArrowArray EvaluateRight(RecordBatch input, EvaluationContext context, byte[] ld, byte[] lv, int n)
        {
            try
            {
                return right.Evaluate(input, context);
            }
            catch (ExpressionEvaluationException)
            {
                // Only rows the left side does not decide need the right side (AND: left not FALSE; OR: left not TRUE).
                var needed = new bool[n];
                int count = 0;
                for (int i = 0; i < n; i++)
                {
                    bool known = Bitmaps.Get(lv, i);
                    bool value = Bitmaps.Get(ld, i);
                    bool decided = known && (and ? !value : value);
                    if (!decided) { needed[i] = true; count++; }
                }
                if (count == n) throw;
                var reader = SelectiveEvaluation.Evaluate(right, input, context, needed, count);
                var writer = ColumnBuilder.Create(SqlType.Boolean, n);
                for (int i = 0; i < n; i++) writer.AppendFrom(reader, i);
                return writer.Build();
            }
        }

        private static void Combine(bool and, byte[] ld, byte[] lv, byte[] rd, byte[] rv, byte[] data, byte[] valid)
        {
            for (int i = 0; i < data.Length; i++)
            {
                int a = ld[i] & lv[i], b = rd[i] & rv[i]; // known TRUE
                if (and)
                {
                    int aFalse = lv[i] & ~ld[i], bFalse = rv[i] & ~rd[i];
                    data[i] = (byte)(a & b);
                    valid[i] = (byte)((lv[i] & rv[i]) | aFalse | bFalse);
                }
                else
                {
                    data[i] = (byte)(a | b);
                    valid[i] = (byte)((lv[i] & rv[i]) | a | b);
                }
            }
        }
    }
}
