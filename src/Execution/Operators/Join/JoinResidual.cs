using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// A join's residual (non-equi) condition, evaluated over every candidate pair of a batch in one vectorized call over the
/// joined row's columns it reads (Nexmark q4's <c>BETWEEN</c> reads three of seven): the arriving side's gathered with the
/// take kernel, the other side's from its stored rows, each of which the batch's pairs share decoded once
/// (<see cref="DistinctEntries"/>). The decoded rows are handed back, with each pair's position among them: the output
/// gathers the other side's columns from them instead of decoding the stored rows a second time.
/// </summary>
internal sealed class JoinResidual
{
    private readonly IVectorExpression _condition;
    private readonly Schema _schema;
    /// <summary>The joined row's columns the condition reads, in order (the condition is compiled over these alone).</summary>
    private readonly int[] _read;
    private readonly int _leftCount;
    /// <summary>Per arriving side, builders of the other side's columns, kept batch after batch (a built column leaves its
    /// builder sized for the next).</summary>
    private readonly ColumnBuilder[]?[] _theirs = new ColumnBuilder[]?[2];
    private readonly DistinctEntries _distinct = new();
    /// <summary>Per candidate pair, whether it passed (<see cref="Evaluate"/>'s result, valid until the next call).</summary>
    private bool[] _passed = [];
    /// <summary>Per column read, the buffer its pairs' values are gathered into (<see cref="ArrayGather.TakeInto"/>).</summary>
    private readonly byte[][] _gathered;

    /// <param name="condition">The condition over the joined row (<paramref name="joinedSchema"/>: the left side's
    /// <paramref name="leftCount"/> columns, then the right side's).</param>
    public JoinResidual(ScalarExpr condition, RowSchema joinedSchema, int leftCount)
    {
        var read = new SortedSet<int>();
        CollectInputs(condition, read);
        _read = read.ToArray();
        _gathered = new byte[_read.Length][];
        for (int i = 0; i < _gathered.Length; i++) _gathered[i] = [];
        var position = new int[joinedSchema.Count];
        for (int i = 0; i < _read.Length; i++) position[_read[i]] = i;
        var schema = new RowSchema(_read.Select(c => joinedSchema[c]).ToArray());
        _condition = ExpressionCompiler.Compile(Remap(condition, position), schema);
        _schema = ArrowTypeMapping.ToArrowSchema(schema);
        _leftCount = leftCount;
    }

    /// <summary>Per candidate pair (valid until the next call): TRUE passes, FALSE and NULL do not. <paramref name="theirRows"/>: the other side's
    /// columns, one row per distinct stored entry among the pairs (<see cref="ColumnBuilder.BuildTransient"/> arrays, valid
    /// until the next call: to be gathered from, never passed on); <paramref name="theirPositions"/>: per pair, its entry's row
    /// there (valid until the next call).</summary>
    public bool[] Evaluate(int input, RecordBatch data, JoinCandidates candidates, JoinRecords other, SqlType[] otherTypes,
        KeyDecoder otherDecoder, EvaluationContext context, out IArrowArray[] theirRows, out int[] theirPositions)
    {
        int count = candidates.Count;
        // The pairs' distinct entries: known when the pairs were listed per distinct key, else found here.
        bool known = candidates.DistinctCount >= 0;
        int distinct = known ? candidates.DistinctCount : _distinct.Collect(candidates.Entries.AsSpan(0, count));
        // Sized by the distinct rows, not the pairs: a builder's every column is a new array each batch.
        var builders = _theirs[input] ??= otherTypes.Select(t => ColumnBuilder.Create(t, distinct)).ToArray();
        var entries = known ? candidates.Distinct : _distinct.Entries;
        const int RowsAhead = 8;
        for (int i = 0; i < Math.Min(RowsAhead, distinct); i++) other.PrefetchRow(entries[i]);
        for (int i = 0; i < distinct; i++)
        {
            if (i + RowsAhead < distinct) other.PrefetchRow(entries[i + RowsAhead]);
            otherDecoder.DecodeInto(other.Row(entries[i]), builders);
        }
        theirRows = new IArrowArray[builders.Length];
        // Read here and by the output's gathers only, within this batch: over the builders' kept buffers.
        for (int c = 0; c < theirRows.Length; c++) theirRows[c] = builders[c].BuildTransient();
        theirPositions = known ? candidates.Positions : _distinct.Positions;

        var columns = new IArrowArray[_read.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            int column = _read[i];
            bool left = column < _leftCount;
            int sideColumn = left ? column : column - _leftCount;
            // The gathered inputs live only through this evaluation: fixed-width ones are gathered into kept buffers.
            columns[i] = left == (input == 0)
                ? JoinGather.TakeInto(data.Column(sideColumn), candidates.Rows, count, ref _gathered[i])
                : JoinGather.TakeInto(theirRows[sideColumn], theirPositions, count, ref _gathered[i]);
        }
        var mask = (BooleanArray)_condition.Evaluate(new RecordBatch(_schema, columns, count), context);
        return Passed(mask, count);
    }

    /// <summary>Per bitmap byte, its eight bits as eight flag bytes (0 or 1) in one little-endian word.</summary>
    private static readonly ulong[] FlagBytes = MakeFlagBytes();

    private static ulong[] MakeFlagBytes()
    {
        var table = new ulong[256];
        for (int b = 0; b < 256; b++)
            for (int bit = 0; bit < 8; bit++)
                if ((b & (1 << bit)) != 0) table[b] |= 1UL << (8 * bit);
        return table;
    }

    /// <summary>The mask's TRUE rows, read from its value and validity bitmaps, into the array kept for them.</summary>
    private bool[] Passed(BooleanArray mask, int count)
    {
        if (_passed.Length < count) _passed = new bool[Math.Max(count, _passed.Length * 2)];
        var passed = _passed;
        var values = mask.ValueBuffer.Span;
        int offset = mask.Offset;
        if (mask.NullCount == 0)
        {
            int i = 0;
            if ((offset & 7) == 0 && BitConverter.IsLittleEndian)
            {
                // Eight flags per mask byte, written as one 64-bit word each (flag bytes are 0 or 1).
                var words = System.Runtime.InteropServices.MemoryMarshal.Cast<bool, ulong>(passed.AsSpan(0, count & ~7));
                var bytes = values.Slice(offset >> 3, words.Length);
                for (int w = 0; w < words.Length; w++) words[w] = FlagBytes[bytes[w]];
                i = words.Length * 8;
            }
            for (; i < count; i++) passed[i] = BitUtility.GetBit(values, offset + i);
            return passed;
        }
        var validity = mask.NullBitmapBuffer.Span;
        for (int i = 0; i < count; i++) passed[i] = BitUtility.GetBit(values, offset + i) && BitUtility.GetBit(validity, offset + i);
        return passed;
    }

    private static void CollectInputs(ScalarExpr expression, ISet<int> read)
    {
        switch (expression)
        {
            case InputRef r:
                read.Add(r.Index);
                break;
            case Call call:
                foreach (var operand in call.Operands) CollectInputs(operand, read);
                break;
        }
    }

    private static ScalarExpr Remap(ScalarExpr expression, int[] position) => expression switch
    {
        InputRef r => r with { Index = position[r.Index] },
        Call call => call with { Operands = call.Operands.Select(o => Remap(o, position)).ToArray() },
        _ => expression,
    };
}
