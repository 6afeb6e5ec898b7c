using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates.HyperLogLog;

/// <summary>
/// <c>APPROX_COUNT_DISTINCT(x)</c> as Flink's <c>ApproxCountDistinctAggFunctions</c>: each group's HyperLogLog++ sketch
/// (<see cref="HyperLogLogPlusPlus"/>: 1639 words, Flink's <c>HllBuffer</c> layout) folds in the hash of every non-NULL
/// value (<see cref="ApproxDistinctHashes"/>); the result is the sketch's estimate, BIGINT NOT NULL (0 for no values).
/// Merging (window slices, sessions) takes each register's maximum. A sketch cannot take a value back out, so there is
/// no retraction (the planner refuses an updating input).
/// <para>The sketches live in one paged column, group g's words at [g·1639, g·1639 + 1639), copied on write a page at a
/// time for snapshots; a state row holds the group's non-zero words (count, then index delta and word of each). Beside
/// them each group keeps how many registers hold each value (derived, never snapshot: rebuilt when a sketch is read back
/// or merged), so an estimate costs 52 steps instead of 16384 (<see cref="HyperLogLogPlusPlus.EstimateFromHistogram"/>).</para>
/// </summary>
public sealed class ApproxCountDistinctAccumulator : IGroupsAccumulator
{
    private const int Words = HyperLogLogPlusPlus.WordCount;
    private const int HistogramStride = 64;

    private readonly PagedColumn<long> _words;
    // Counts of registers per value, group g's at [g·64, g·64 + 52); its own epoch, as no snapshot reads it.
    private readonly PagedColumn<int> _histogram = new(new SnapshotEpoch());
    private readonly ApproxDistinctHashes _hashes;
    private readonly long[] _scratch = new long[Words];

    public ApproxCountDistinctAccumulator(SnapshotEpoch epoch, SqlType argumentType)
    {
        _words = new PagedColumn<long>(epoch);
        _hashes = new ApproxDistinctHashes(argumentType);
    }

    public SqlType ResultType { get; } = SqlType.BigInt.AsNotNull();

    public bool SupportsRetraction => false;

    public long AllocatedBytes => _words.AllocatedBytes + _histogram.AllocatedBytes;

    public void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var column = arguments[0];
        if (column.Data.DataType.TypeId == Apache.Arrow.Types.ArrowTypeId.Null) return;
        var hashes = _hashes.Of(column);
        var validity = ArgumentValues.Validity(column, out int offset);
        for (int i = 0; i < groups.Length; i++)
        {
            if ((!filter.IsEmpty && !filter[i]) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            int g = groups[i];
            HyperLogLogPlusPlus.Locate(hashes[i], out int word, out int shift, out long value);
            long old = HyperLogLogPlusPlus.Raise(ref _words[Start(g) + word], shift, value);
            if (old < 0) continue;
            int histogram = g * HistogramStride;
            if (old > 0) _histogram[histogram + (int)old]--;
            _histogram[histogram + (int)value]++;
        }
    }

    public void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        throw new InvalidOperationException("APPROX_COUNT_DISTINCT cannot take back a value (it has no retraction)");

    public IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var values = new long[groups.Length];
        Span<int> counts = stackalloc int[HyperLogLogPlusPlus.RegisterValues];
        for (int i = 0; i < groups.Length; i++)
        {
            int histogram = groups[i] * HistogramStride;
            for (int r = 0; r < counts.Length; r++) counts[r] = _histogram[histogram + r];
            values[i] = HyperLogLogPlusPlus.EstimateFromHistogram(counts) ?? HyperLogLogPlusPlus.Estimate(Gather(groups[i]));
        }
        return ResultArrays.Integers(ResultType, values, ReadOnlySpan<bool>.Empty);
    }

    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        if (from.Length != into.Length) throw new ArgumentException("from and into differ in length");
        PrepareWrite(into);
        for (int i = 0; i < from.Length; i++)
        {
            int source = Start(from[i]), target = Start(into[i]);
            for (int w = 0; w < Words; w++)
            {
                ref long word = ref _words[target + w];
                word = HyperLogLogPlusPlus.MergeWord(word, _words[source + w]);
            }
            RebuildHistogram(into[i]);
        }
    }

    /// <summary>Counts the group's registers by value again from its words.</summary>
    private void RebuildHistogram(int group)
    {
        int start = Start(group), histogram = group * HistogramStride;
        for (int r = 0; r < HistogramStride; r++) _histogram[histogram + r] = 0;
        for (int w = 0; w < Words; w++)
        {
            long word = _words[start + w];
            if (word == 0) continue;
            for (int i = 0, shift = 0; i < HyperLogLogPlusPlus.RegistersPerWord && w * HyperLogLogPlusPlus.RegistersPerWord + i < HyperLogLogPlusPlus.RegisterCount;
                 i++, shift += HyperLogLogPlusPlus.RegisterBits)
            {
                int value = (int)((ulong)word >> shift) & ((1 << HyperLogLogPlusPlus.RegisterBits) - 1);
                if (value > 0) _histogram[histogram + value]++;
            }
        }
    }

    public void EnsureCapacity(int groups)
    {
        _words.EnsureCapacity(Start(groups));
        _histogram.EnsureCapacity(groups * HistogramStride);
    }

    public void PrepareWrite(ReadOnlySpan<int> groups)
    {
        foreach (int g in groups)
            if (g >= 0) _words.PrepareWrite(Start(g), Start(g) + Words);
    }

    public void Reset(int group)
    {
        int start = Start(group);
        _words.PrepareWrite(start, start + Words);
        for (int w = 0; w < Words; w++) _words[start + w] = 0;
        for (int r = 0; r < HistogramStride; r++) _histogram[group * HistogramStride + r] = 0;
    }

    public void WriteState(int group, StateRowWriter writer) => Write(new PagedColumnView<long>(), _words, group, writer);

    public void ReadState(int group, ref StateRowReader reader)
    {
        Reset(group);
        int start = Start(group);
        int count = checked((int)reader.ReadVarULong());
        int w = -1;
        for (int i = 0; i < count; i++)
        {
            w += checked((int)reader.ReadVarULong()) + 1;
            if ((uint)w >= Words) throw new InvalidDataException($"APPROX_COUNT_DISTINCT state names word {w} of a {Words}-word sketch");
            _words[start + w] = (long)reader.ReadVarULong();
        }
        RebuildHistogram(group);
    }

    public IGroupColumnSnapshot Capture() => new Snapshot(_words.Capture());

    private static int Start(int group) =>
        group <= int.MaxValue / Words
            ? group * Words
            : throw new InvalidOperationException($"APPROX_COUNT_DISTINCT keeps at most {int.MaxValue / Words} groups per subtask (16 KB each)");

    /// <summary>The group's words, copied into a scratch buffer (a sketch may straddle two pages).</summary>
    private ReadOnlySpan<long> Gather(int group)
    {
        int start = Start(group);
        for (int w = 0; w < Words; w++) _scratch[w] = _words[start + w];
        return _scratch;
    }

    /// <summary>Writes group <paramref name="group"/>'s non-zero words, from the live column or a captured view.</summary>
    private static void Write(PagedColumnView<long> view, PagedColumn<long>? live, int group, StateRowWriter writer)
    {
        int start = Start(group);
        int count = 0;
        for (int w = 0; w < Words; w++)
            if ((live is null ? view[start + w] : live.Get(start + w)) != 0) count++;
        writer.WriteVarULong((ulong)count);
        int previous = -1;
        for (int w = 0; w < Words; w++)
        {
            long word = live is null ? view[start + w] : live.Get(start + w);
            if (word == 0) continue;
            writer.WriteVarULong((ulong)(w - previous - 1));
            writer.WriteVarULong((ulong)word);
            previous = w;
        }
    }

    private sealed class Snapshot(PagedColumnView<long> view) : IGroupColumnSnapshot
    {
        public void WriteState(int group, StateRowWriter writer) => Write(view, null, group, writer);
    }
}
