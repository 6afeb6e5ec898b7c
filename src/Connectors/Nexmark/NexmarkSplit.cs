using StreamSql.Connectors.Common;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// A residue class of event numbers still to generate: events <c>First + k * Stride</c> for k in [<see cref="Next"/>,
/// <see cref="Limit"/>); <see cref="Limit"/> = <see cref="long.MaxValue"/> when unbounded. Subtask s of P starts with
/// the class (s, P) limited to its share of <c>events.num</c>. Events are deterministic by number, so any subtask can
/// continue any class.
/// </summary>
internal struct NexmarkSplit
{
    /// <summary>Position format: version, base time (ms), splits (first, stride, next, limit).</summary>
    public const byte FormatVersion = 1;

    public long First;
    public long Stride;
    public long Next;
    public long Limit;

    public NexmarkSplit(long first, long stride, long next, long limit)
    {
        First = first;
        Stride = stride;
        Next = next;
        Limit = limit;
    }

    public readonly bool Unbounded => Limit == long.MaxValue;

    public readonly long Remaining => Unbounded ? long.MaxValue : Limit - Next;

    public readonly long NextEvent => First + Next * Stride;

    /// <summary>The class of subtask <paramref name="subtask"/> of <paramref name="parallelism"/>; <paramref name="events"/> 0 = unbounded.</summary>
    public static NexmarkSplit Initial(long events, int subtask, int parallelism) =>
        new(subtask, parallelism, 0, events > 0 ? events / parallelism + (subtask < events % parallelism ? 1 : 0) : long.MaxValue);

    /// <summary>
    /// The classes new subtask <paramref name="subtask"/> of <paramref name="parallelism"/> continues, out of the old
    /// subtasks' unfinished classes (in subtask order). With at least as many classes as subtasks, class c goes to
    /// subtask c mod P'; with fewer, every class is cut into P' finer classes (every P'-th of its remaining events) and
    /// each subtask takes one of each, so no subtask idles. Either way the new subtasks together continue every class once.
    /// </summary>
    public static List<NexmarkSplit> ShareOf(IReadOnlyList<NexmarkSplit> classes, int subtask, int parallelism)
    {
        var mine = new List<NexmarkSplit>();
        if (classes.Count >= parallelism)
        {
            for (int c = subtask; c < classes.Count; c += parallelism) mine.Add(classes[c]);
            return mine;
        }
        foreach (var split in classes)
        {
            // Events First + (Next + subtask + j * P') * Stride for j ≥ 0.
            long first = checked(split.First + (split.Next + subtask) * split.Stride);
            long stride = checked(split.Stride * parallelism);
            long limit = split.Unbounded ? long.MaxValue : Math.Max(0, (split.Limit - split.Next - subtask + parallelism - 1) / parallelism);
            if (limit > 0) mine.Add(new NexmarkSplit(first, stride, 0, limit));
        }
        return mine;
    }

    public static byte[] Encode(long baseTimeMillis, ReadOnlySpan<NexmarkSplit> splits)
    {
        var writer = new PositionWriter(FormatVersion);
        writer.WriteLong(baseTimeMillis);
        int live = 0;
        foreach (var s in splits) if (s.Remaining > 0) live++;
        writer.WriteInt(live);
        foreach (var s in splits)
        {
            if (s.Remaining == 0) continue;
            writer.WriteLong(s.First);
            writer.WriteLong(s.Stride);
            writer.WriteLong(s.Next);
            writer.WriteLong(s.Limit);
        }
        return writer.ToArray();
    }

    /// <summary>Reads a position: the event time of event 0 and the unfinished classes.</summary>
    public static (long BaseTimeMillis, List<NexmarkSplit> Splits) Decode(byte[] position, string table, int oldSubtask)
    {
        var reader = new PositionReader(position, "nexmark", table, oldSubtask, FormatVersion);
        long baseTime = reader.ReadLong();
        int count = reader.ReadCount(32);
        var splits = new List<NexmarkSplit>(count);
        for (int i = 0; i < count; i++)
        {
            var split = new NexmarkSplit(reader.ReadLong(), reader.ReadLong(), reader.ReadLong(), reader.ReadLong());
            if (split.First < 0 || split.Stride <= 0 || split.Next < 0 || split.Next > split.Limit)
                throw reader.Invalid($"a split has first {split.First}, stride {split.Stride}, next {split.Next}, limit {split.Limit}");
            if (!split.Unbounded && split.Limit > 0 && (split.Limit - 1) > (long.MaxValue - split.First) / split.Stride)
                throw reader.Invalid($"a split's events go beyond the largest event number (first {split.First}, stride {split.Stride}, limit {split.Limit})");
            splits.Add(split);
        }
        reader.End();
        return (baseTime, splits);
    }
}
