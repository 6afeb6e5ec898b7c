using System.Globalization;
using StreamSql.Connectors.Common;

namespace StreamSql.Connectors.Datagen;

/// <summary>
/// Rows a bounded datagen source still has to emit: <see cref="Count"/> rows whose sequence columns start at
/// <see cref="Bases"/> (one per sequence column of the table, in column order) and go up by <see cref="Stride"/> per row.
/// Subtask s of P starts with one split, its share of every sequence interleaved with the other subtasks' (start + s,
/// start + s + P, ...: Flink's SequenceGenerator deals the values out so, which keeps the subtasks' rows, and so their
/// event times, abreast) and of <c>number-of-rows</c>; random columns carry nothing, their values are random anyway.
/// </summary>
internal sealed record DatagenSplit(decimal[] Bases, long Count, long Stride)
{
    /// <summary>Position format: version, bounded flag, sequence column count, splits (count, stride, bases).
    /// Version 1 (contiguous ranges, before the subtasks' values were interleaved) had no stride: it is 1.</summary>
    public const byte FormatVersion = 2;

    private const byte ContiguousFormatVersion = 1;

    /// <summary>The split of subtask <paramref name="subtask"/> of <paramref name="parallelism"/>, or null when the source is unbounded.</summary>
    public static DatagenSplit? Initial(IReadOnlyList<DatagenFieldSpec> sequences, long? numberOfRows, int subtask, int parallelism)
    {
        if (sequences.Count == 0 && numberOfRows is null) return null;
        long count = long.MaxValue;
        var bases = new decimal[sequences.Count];
        for (int i = 0; i < sequences.Count; i++)
        {
            var (start, end) = Range(sequences[i]);
            var total = end - start + 1;
            var share = decimal.Floor(total / parallelism);
            var remainder = total - share * parallelism;
            count = Math.Min(count, (long)(share + (subtask < remainder ? 1 : 0)));
            bases[i] = start + subtask;
        }
        if (numberOfRows is { } rows)
            count = Math.Min(count, rows / parallelism + (subtask < rows % parallelism ? 1 : 0));
        return new DatagenSplit(bases, count, parallelism);
    }

    /// <summary>The first value of <paramref name="sequence"/>.</summary>
    public static decimal Start(DatagenFieldSpec sequence) => Range(sequence).Start;

    private static (decimal Start, decimal End) Range(DatagenFieldSpec sequence) =>
        (decimal.Parse(sequence.Start!, NumberStyles.Float, CultureInfo.InvariantCulture), decimal.Parse(sequence.End!, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>This split without its first <paramref name="rows"/> rows.</summary>
    public DatagenSplit Skip(long rows)
    {
        if (rows == 0) return this;
        var bases = new decimal[Bases.Length];
        for (int i = 0; i < bases.Length; i++) bases[i] = Bases[i] + rows * (decimal)Stride;
        return new DatagenSplit(bases, Count - rows, Stride);
    }

    /// <summary>
    /// The share of new subtask <paramref name="subtask"/> of <paramref name="parallelism"/> in <paramref name="remaining"/>
    /// (the old subtasks' splits): the rows an uninterrupted run at the new parallelism would have given it, i.e. those
    /// whose index in the sequence (the first sequence column's value minus <paramref name="firstStart"/>) is
    /// <paramref name="subtask"/> modulo <paramref name="parallelism"/>, at most one split (a larger stride) of each old
    /// split. So every remaining row goes to exactly one new subtask, the rows of all subtasks stay abreast, and a value
    /// lands on the subtask it would have been on without the restore (rows of one key keep coming from one subtask when
    /// the key follows the sequence, as in an uninterrupted run). Without sequence columns (<paramref name="firstStart"/>
    /// null: only <c>number-of-rows</c>) every split is dealt out row by row.
    /// </summary>
    public static List<DatagenSplit> ShareOf(IReadOnlyList<DatagenSplit> remaining, int subtask, int parallelism, decimal? firstStart)
    {
        var mine = new List<DatagenSplit>();
        foreach (var split in remaining)
        {
            if (split.Count == 0) continue;
            // The first row k of the split that is this subtask's, and the step between its rows that are.
            long first = -1, step = parallelism;
            if (firstStart is { } start)
            {
                long index = (long)((split.Bases[0] - start) % parallelism), stride = split.Stride % parallelism;
                for (long k = 0; k < parallelism && k < split.Count; k++)
                {
                    if ((index + k * stride) % parallelism != subtask) continue;
                    if (first < 0)
                    {
                        first = k;
                        continue;
                    }
                    step = k - first;
                    break;
                }
            }
            else if (subtask < split.Count)
            {
                first = subtask;
            }
            if (first < 0) continue;
            var bases = new decimal[split.Bases.Length];
            for (int i = 0; i < bases.Length; i++) bases[i] = split.Bases[i] + first * (decimal)split.Stride;
            mine.Add(new DatagenSplit(bases, (split.Count - first + step - 1) / step, checked(split.Stride * step)));
        }
        return mine;
    }

    /// <summary>A bounded subtask's position: its splits, the first one already shortened by what was emitted.</summary>
    public static byte[] Encode(IReadOnlyList<DatagenSplit>? splits, int sequenceColumns)
    {
        var writer = new PositionWriter(FormatVersion);
        writer.WriteByte(splits is null ? (byte)0 : (byte)1);
        writer.WriteInt(sequenceColumns);
        if (splits is null) return writer.ToArray();
        writer.WriteInt(splits.Count);
        foreach (var split in splits)
        {
            writer.WriteLong(split.Count);
            writer.WriteLong(split.Stride);
            foreach (var b in split.Bases) writer.WriteDecimal(b);
        }
        return writer.ToArray();
    }

    /// <summary>
    /// Reads a position: the splits, or null for an unbounded source. Checks it suits the table: bounded or not alike,
    /// the same number of sequence columns, every split's values within its sequence's start..end.
    /// </summary>
    public static List<DatagenSplit>? Decode(byte[] position, string table, int oldSubtask, IReadOnlyList<DatagenFieldSpec> sequences, bool bounded)
    {
        int sequenceColumns = sequences.Count;
        var reader = new PositionReader(position, "datagen", table, oldSubtask, ContiguousFormatVersion, FormatVersion);
        bool strided = reader.Version >= FormatVersion;
        bool isBounded = reader.ReadByte() switch
        {
            0 => false,
            1 => true,
            var b => throw reader.Invalid($"unknown kind {b}"),
        };
        int columns = reader.ReadInt();
        if (isBounded != bounded || columns != sequenceColumns)
            throw reader.Invalid($"it is for a {(isBounded ? "bounded" : "unbounded")} source with {columns} sequence columns, the table now has "
                + $"{(bounded ? "a bounded" : "an unbounded")} source with {sequenceColumns}");
        if (!isBounded)
        {
            reader.End();
            return null;
        }
        int count = reader.ReadCount((strided ? 16 : 8) + 16 * columns);
        var splits = new List<DatagenSplit>(count);
        for (int i = 0; i < count; i++)
        {
            long rows = reader.ReadLong();
            if (rows < 0) throw reader.Invalid($"a split has {rows} rows");
            long stride = strided ? reader.ReadLong() : 1;
            if (stride < 1) throw reader.Invalid($"a split has the stride {stride}");
            var bases = new decimal[columns];
            for (int c = 0; c < columns; c++)
            {
                bases[c] = reader.ReadDecimal();
                var (start, end) = Range(sequences[c]);
                if (rows > 0 && (bases[c] < start || bases[c] > end || (end - bases[c]) / stride < rows - 1))
                    throw reader.Invalid($"a split of {rows} rows starting at {bases[c]} by {stride} does not fit column '{sequences[c].Column}''s sequence {start}..{end}");
            }
            splits.Add(new DatagenSplit(bases, rows, stride));
        }
        reader.End();
        return splits;
    }
}
