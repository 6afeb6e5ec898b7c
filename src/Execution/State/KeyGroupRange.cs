namespace StreamSql.Execution.State;

/// <summary>
/// The contiguous key groups <c>[Start, End]</c> one subtask owns (empty when <c>End &lt; Start</c>). Subtask i of n
/// owns Flink's <c>computeKeyGroupRangeForOperatorIndex</c>: <c>[ceil(i * max / n), floor(((i + 1) * max - 1) / n)]</c>,
/// the exact inverse of <see cref="Runtime.KeyGroups.SubtaskOf"/>.
/// </summary>
public readonly record struct KeyGroupRange(int Start, int End)
{
    public static KeyGroupRange Empty => new(0, -1);

    public static KeyGroupRange ForSubtask(int subtaskIndex, int parallelism, int maxParallelism)
    {
        if (parallelism <= 0 || parallelism > maxParallelism)
            throw new ArgumentOutOfRangeException(nameof(parallelism), $"parallelism {parallelism} must be between 1 and the max parallelism {maxParallelism}");
        if (subtaskIndex < 0 || subtaskIndex >= parallelism) throw new ArgumentOutOfRangeException(nameof(subtaskIndex));
        int start = (int)(((long)subtaskIndex * maxParallelism + parallelism - 1) / parallelism);
        int end = (int)((((long)subtaskIndex + 1) * maxParallelism - 1) / parallelism);
        return new KeyGroupRange(start, end);
    }

    public int Count => End < Start ? 0 : End - Start + 1;

    public bool IsEmpty => End < Start;

    public bool Contains(int keyGroup) => keyGroup >= Start && keyGroup <= End;

    public KeyGroupRange Intersect(KeyGroupRange other)
    {
        int start = Math.Max(Start, other.Start), end = Math.Min(End, other.End);
        return end < start ? Empty : new KeyGroupRange(start, end);
    }

    public bool Covers(KeyGroupRange other) => other.IsEmpty || (Start <= other.Start && End >= other.End);

    public override string ToString() => IsEmpty ? "[]" : $"[{Start}, {End}]";
}
