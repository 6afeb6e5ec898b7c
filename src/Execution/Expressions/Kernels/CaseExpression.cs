using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// CASE WHEN c1 THEN v1 ... ELSE e END, a column at a time: each condition is evaluated once over the batch and
/// turned into a mask of the undecided rows it takes (64 rows a word); each branch that some row takes is evaluated
/// once, and the result assembled from the branches by their masks — for a string result its bytes copied straight
/// from the branches' buffers (a literal's bytes) into the result's. A condition or branch that fails over the whole
/// batch is evaluated again over only the rows that need it (<see cref="SelectiveEvaluation"/>), so
/// <c>CASE WHEN x &lt;&gt; 0 THEN 10 / x END</c> never divides by zero.
/// </summary>
internal sealed class CaseExpression(SqlType type, VectorExpression[] conditions, VectorExpression[] values, VectorExpression otherwise) : VectorExpression(type)
{
    private readonly bool _utf8 = ColumnKinds.Of(type) == ColumnKind.Utf8;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        int words = (n + 63) >> 6;
        int branches = values.Length + 1;
        var taken = new ulong[branches][];
        var counts = new int[branches];
        var undecided = new ulong[words];
        undecided.AsSpan().Fill(ulong.MaxValue);
        if ((n & 63) != 0) undecided[^1] = (1UL << (n & 63)) - 1;
        int remaining = n;
        for (int k = 0; k < conditions.Length && remaining > 0; k++)
        {
            var mask = TrueRows(conditions[k], input, context, undecided, remaining);
            int count = 0;
            for (int w = 0; w < words; w++)
            {
                mask[w] &= undecided[w];
                undecided[w] &= ~mask[w];
                count += BitOperations.PopCount(mask[w]);
            }
            taken[k] = mask;
            counts[k] = count;
            remaining -= count;
        }
        taken[values.Length] = undecided;
        counts[values.Length] = remaining;

        var arrays = new IArrowArray?[branches];
        var readers = new ColumnReader?[branches];
        bool direct = _utf8;
        for (int k = 0; k < branches; k++)
        {
            if (counts[k] == 0) continue;
            var branch = Branch(k);
            if (branch is ConstantExpression) continue;
            if (!TryEvaluateWhole(branch, input, context, counts[k], out arrays[k]))
            {
                readers[k] = SelectiveEvaluation.Subset(branch, input, context, Flags(taken[k], n), counts[k]);
                direct = false;
            }
        }
        return direct ? AssembleUtf8(input, context, taken, counts, arrays, n) : AssembleRows(input, context, taken, counts, arrays, readers, n);
    }

    private VectorExpression Branch(int k) => k < values.Length ? values[k] : otherwise;

    /// <summary>The rows where <paramref name="condition"/> is TRUE (only the undecided ones are meaningful).</summary>
    private static ulong[] TrueRows(VectorExpression condition, RecordBatch input, EvaluationContext context, ulong[] undecided, int remaining)
    {
        int n = input.Length;
        var mask = new ulong[undecided.Length];
        ColumnReader reader;
        if (condition is ConstantExpression) reader = condition.EvaluateReader(input, context);
        else if (!TryEvaluateWhole(condition, input, context, remaining, out var array))
            reader = SelectiveEvaluation.Subset(condition, input, context, Flags(undecided, n), remaining);
        else if (array is BooleanArray { Offset: 0 } booleans)
        {
            var bits = booleans.ValueBuffer.Span;
            var validity = booleans.NullCount == 0 ? ReadOnlySpan<byte>.Empty : booleans.NullBitmapBuffer.Span;
            for (int w = 0; w < mask.Length; w++)
                mask[w] = validity.IsEmpty ? Word(bits, w, n) : Word(bits, w, n) & Word(validity, w, n);
            return mask;
        }
        else reader = ColumnReader.Create(array!, condition.Type);
        for (int w = 0; w < mask.Length; w++)
        {
            for (ulong open = undecided[w]; open != 0; open &= open - 1)
            {
                int i = (w << 6) + BitOperations.TrailingZeroCount(open);
                if (!reader.IsNull(i) && reader.GetBoolean(i)) mask[w] |= 1UL << (i & 63);
            }
        }
        return mask;
    }

    /// <summary>The expression over the whole batch; false when that fails while fewer rows need it (they are then
    /// evaluated alone), the error itself when every row needs it.</summary>
    private static bool TryEvaluateWhole(VectorExpression expression, RecordBatch input, EvaluationContext context, int needed, out IArrowArray? array)
    {
        try
        {
            array = expression.Evaluate(input, context);
            return true;
        }
        catch (ExpressionEvaluationException) when (needed < input.Length)
        {
            array = null;
            return false;
        }
    }

    /// <summary>Word <paramref name="w"/> of a bitmap of <paramref name="n"/> bits (its buffer may end mid-word).</summary>
    private static ulong Word(ReadOnlySpan<byte> bits, int w, int n)
    {
        int at = w << 3;
        if (at + 8 <= bits.Length) return MemoryMarshal.Read<ulong>(bits[at..]);
        ulong word = 0;
        int bytes = Math.Min(bits.Length, (n + 7) >> 3);
        for (int b = at; b < bytes; b++) word |= (ulong)bits[b] << ((b - at) << 3);
        return word;
    }

    private static bool[] Flags(ulong[] mask, int n)
    {
        var flags = new bool[n];
        for (int w = 0; w < mask.Length; w++)
            for (ulong bits = mask[w]; bits != 0; bits &= bits - 1)
                flags[(w << 6) + BitOperations.TrailingZeroCount(bits)] = true;
        return flags;
    }

    /// <summary>A string result: each row's length from its branch, then each branch's bytes copied for its rows.</summary>
    private StringArray AssembleUtf8(RecordBatch input, EvaluationContext context, ulong[][] taken, int[] counts, IArrowArray?[] arrays, int n)
    {
        var starts = ArrayPool<int>.Shared.Rent(n);
        var lengths = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (int k = 0; k < taken.Length; k++)
            {
                if (counts[k] == 0) continue;
                var column = arrays[k] is { } array ? Utf8Column.Of(array) : Utf8Column.Of(Branch(k), input, context, out _);
                var mask = taken[k];
                for (int w = 0; w < mask.Length; w++)
                {
                    for (ulong bits = mask[w]; bits != 0; bits &= bits - 1)
                    {
                        int i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                        if (column.IsNull(i))
                        {
                            lengths[i] = Utf8Parts.Null;
                            continue;
                        }
                        var value = column[i];
                        lengths[i] = value.Length;
                        starts[i] = column.IsConstant ? 0 : column.Offsets[i];
                    }
                }
            }
            var parts = new Utf8Parts(lengths.AsSpan(0, n), n);
            var bytes = parts.Bytes.AsSpan();
            for (int k = 0; k < taken.Length; k++)
            {
                if (counts[k] == 0) continue;
                var column = arrays[k] is { } array ? Utf8Column.Of(array) : Utf8Column.Of(Branch(k), input, context, out _);
                var data = column.Data;
                var mask = taken[k];
                for (int w = 0; w < mask.Length; w++)
                {
                    for (ulong bits = mask[w]; bits != 0; bits &= bits - 1)
                    {
                        int i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                        int length = lengths[i];
                        if (length > 0) data.Slice(starts[i], length).CopyTo(bytes.Slice(parts.OffsetOf(i)));
                    }
                }
            }
            GC.KeepAlive(arrays);
            return parts.Build();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(lengths);
        }
    }

    /// <summary>Any other result: each row appended from its branch's reader.</summary>
    private IArrowArray AssembleRows(RecordBatch input, EvaluationContext context, ulong[][] taken, int[] counts, IArrowArray?[] arrays, ColumnReader?[] readers, int n)
    {
        var choice = new int[n];
        for (int k = 0; k < taken.Length; k++)
        {
            if (counts[k] == 0) continue;
            readers[k] ??= arrays[k] is { } array ? ColumnReader.Create(array, Branch(k).Type) : Branch(k).EvaluateReader(input, context);
            var mask = taken[k];
            for (int w = 0; w < mask.Length; w++)
                for (ulong bits = mask[w]; bits != 0; bits &= bits - 1)
                    choice[(w << 6) + BitOperations.TrailingZeroCount(bits)] = k;
        }
        var writer = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++) writer.AppendFrom(readers[choice[i]]!, i);
        return writer.Build();
    }
}
