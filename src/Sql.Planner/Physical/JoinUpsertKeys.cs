using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The upsert keys of a regular join's output, as Flink's <c>FlinkRelMdUpsertKeys</c> derives them for a join: only an
/// input upsert key that contains that side's join keys stays a key (rows are shuffled by the join keys, so only such a key
/// keeps each row's changes on one subtask); the output is keyed by a left key joined with a right key; by a left key alone
/// when each left row matches at most one right row (some right upsert key lies within the right join keys) and the left
/// side is never NULL-padded, and the same the other way round; and each key also holds with a column swapped for the one
/// an equi-join condition makes it equal to, on a side that is never NULL-padded.
/// </summary>
internal static class JoinUpsertKeys
{
    /// <summary>Flink's bound on the keys the column swapping may generate.</summary>
    private const int MaxEnrichedKeys = 128;

    /// <param name="leftKeys">The left input's upsert keys.</param>
    /// <param name="rightKeys">The right input's upsert keys (right column indexes).</param>
    /// <param name="leftJoinKeys">The left join keys, pairwise equal to <paramref name="rightJoinKeys"/>.</param>
    public static IReadOnlyList<IReadOnlyList<int>> Of(JoinType type, int leftWidth, IReadOnlyList<IReadOnlyList<int>> leftKeys,
        IReadOnlyList<IReadOnlyList<int>> rightKeys, IReadOnlyList<int> leftJoinKeys, IReadOnlyList<int> rightJoinKeys)
    {
        if (type is JoinType.Semi or JoinType.Anti) return KeysContaining(leftKeys, leftJoinKeys);
        bool nullsOnLeft = LogicalJoin.PadsLeft(type), nullsOnRight = LogicalJoin.PadsRight(type);
        var left = KeysContaining(leftKeys, leftJoinKeys);
        var right = KeysContaining(rightKeys, rightJoinKeys).Select(k => k.Select(c => c + leftWidth).ToList()).ToList();
        var keys = new KeySet();
        foreach (var r in right)
            foreach (var l in left)
                keys.Add(l.Concat(r));
        if (IsSideUnique(rightKeys, rightJoinKeys) && !nullsOnLeft)
            foreach (var l in left) keys.Add(l);
        if (IsSideUnique(leftKeys, leftJoinKeys) && !nullsOnRight)
            foreach (var r in right) keys.Add(r);
        return Enrich(keys, leftJoinKeys.Select((l, i) => (l, rightJoinKeys[i] + leftWidth)).ToList(), !nullsOnLeft, !nullsOnRight);
    }

    /// <summary>Whether some upsert key of <paramref name="keys"/> contains every join key: the input may then send a join
    /// its updates without <c>-U</c> (Flink's <c>inputUniqueKeyContainsJoinKey</c>).</summary>
    public static bool AnyContainsJoinKeys(IReadOnlyList<IReadOnlyList<int>> keys, IReadOnlyList<int> joinKeys) =>
        KeysContaining(keys, joinKeys).Count > 0;

    /// <summary>The upsert keys that contain every column of <paramref name="distributionKeys"/> (join keys, partition keys):
    /// the keys that stay keys once rows are shuffled by those columns (Flink's <c>filterKeys</c>,
    /// <c>getUpsertKeysInKeyGroupRange</c>).</summary>
    public static List<IReadOnlyList<int>> KeysContaining(IReadOnlyList<IReadOnlyList<int>> keys, IReadOnlyList<int> distributionKeys) =>
        keys.Where(k => distributionKeys.All(k.Contains)).ToList();

    /// <summary>Whether the join keys contain an upsert key: each row matches at most one row of this side.</summary>
    private static bool IsSideUnique(IReadOnlyList<IReadOnlyList<int>> keys, IReadOnlyList<int> joinKeys) =>
        keys.Any(k => k.All(joinKeys.Contains));

    /// <summary>Flink's <c>enrichKeysWithEquivalences</c>: each key also with a right column swapped for its equal left one
    /// (when the left is never padded), and the other way round, to a fixpoint.</summary>
    private static IReadOnlyList<IReadOnlyList<int>> Enrich(KeySet seed, List<(int Left, int Right)> pairs, bool rightToLeft, bool leftToRight)
    {
        var seen = new KeySet();
        var queue = new Queue<IReadOnlyList<int>>();
        void Enqueue(IEnumerable<int> key)
        {
            if (seen.Count < MaxEnrichedKeys && seen.Add(key) is { } added) queue.Enqueue(added);
        }
        foreach (var key in seed.Keys) Enqueue(key);
        while (queue.Count > 0 && seen.Count < MaxEnrichedKeys)
        {
            var key = queue.Dequeue();
            foreach (var (l, r) in pairs)
            {
                if (rightToLeft && key.Contains(r)) Enqueue(key.Where(c => c != r).Append(l));
                if (leftToRight && key.Contains(l)) Enqueue(key.Where(c => c != l).Append(r));
            }
        }
        return seen.Keys;
    }

    /// <summary>Distinct column sets, each kept sorted, in the order first added.</summary>
    private sealed class KeySet
    {
        private readonly HashSet<string> _seen = [];
        public List<IReadOnlyList<int>> Keys { get; } = [];
        public int Count => Keys.Count;

        /// <returns>The key as stored, or null when it was there already.</returns>
        public IReadOnlyList<int>? Add(IEnumerable<int> columns)
        {
            var key = columns.Distinct().Order().ToList();
            if (!_seen.Add(string.Join(",", key))) return null;
            Keys.Add(key);
            return key;
        }
    }
}
