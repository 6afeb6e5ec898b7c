using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// Evaluates an expression only where its value is needed, so a failing branch on rows that do not use it raises no
/// error (<c>CASE WHEN x &lt;&gt; 0 THEN 10 / x END</c>). The whole batch is tried first (the common case costs
/// nothing extra); only if that fails are the needed rows selected and evaluated alone.
/// </summary>
internal static class SelectiveEvaluation
{
    /// <summary>The expression's value for the rows flagged in <paramref name="needed"/>: a reader indexed by row number.</summary>
    public static ColumnReader Evaluate(VectorExpression expression, RecordBatch input, EvaluationContext context, bool[] needed, int neededCount)
    {
        if (expression is ConstantExpression) return expression.EvaluateReader(input, context);
        try
        {
            return expression.EvaluateReader(input, context);
        }
        catch (ExpressionEvaluationException) when (neededCount < input.Length)
        {
            return Subset(expression, input, context, needed, neededCount);
        }
    }

    /// <summary>The expression evaluated over only the rows flagged in <paramref name="needed"/> (after the whole batch
    /// failed): a reader indexed by row number, NULL on the other rows.</summary>
    public static ColumnReader Subset(VectorExpression expression, RecordBatch input, EvaluationContext context, bool[] needed, int neededCount)
    {
        {
            var rows = new int[neededCount];
            int n = 0;
            for (int i = 0; i < needed.Length && n < neededCount; i++)
                if (needed[i]) rows[n++] = i;
            if (n == 0) return new ConstantReader(null, expression.Type);
            var subset = ArrayGather.Take(input, rows, n);
            var partial = expression.EvaluateReader(subset, context);
            return new RemappedReader(partial, rows, input.Length);
        }
    }

    /// <summary>Reads row r of the full batch from position p of a subset result (rows not in the subset are NULL).</summary>
    private sealed class RemappedReader : ColumnReader
    {
        private readonly ColumnReader _inner;
        private readonly int[] _positions;

        public RemappedReader(ColumnReader inner, int[] rows, int length) : base(inner.Type)
        {
            _inner = inner;
            _positions = new int[length];
            System.Array.Fill(_positions, -1);
            for (int p = 0; p < rows.Length; p++) _positions[rows[p]] = p;
        }

        public override bool IsNull(int row) => _positions[row] < 0 || _inner.IsNull(_positions[row]);
        public override bool GetBoolean(int row) => _inner.GetBoolean(_positions[row]);
        public override long GetInt64(int row) => _inner.GetInt64(_positions[row]);
        public override double GetDouble(int row) => _inner.GetDouble(_positions[row]);
        public override Int128 GetUnscaled(int row) => _inner.GetUnscaled(_positions[row]);
        public override string GetString(int row) => _inner.GetString(_positions[row]);
        public override ReadOnlySpan<byte> GetUtf8(int row) => _inner.GetUtf8(_positions[row]);
        public override ReadOnlySpan<byte> GetBytes(int row) => _inner.GetBytes(_positions[row]);
        public override bool TryLocate(int row, out ArrayData data, out int index) => _inner.TryLocate(_positions[row], out data, out index);
    }
}
