using StreamSql.Execution.Batches;

namespace StreamSql;

/// <summary>
/// A query result as a table: the changelog applied to the rows seen so far, as Flink's SQL client does in its
/// <c>table</c> result mode. <c>+I</c> and <c>+U</c> add a row; <c>-U</c> and <c>-D</c> remove one row with equal values
/// (Flink's retract semantics: the row to remove is identified by all its fields). Rows keep the order they were added in.
/// </summary>
public sealed class MaterializedRows
{
    private readonly List<ChangelogRow?> _rows = new();
    private readonly Dictionary<RowKey, Stack<int>> _positions = new();
    private int _count;

    /// <summary>How many rows the table has now.</summary>
    public int Count => _count;

    /// <summary>Applies one change.</summary>
    /// <exception cref="InvalidOperationException">A retraction of a row the table does not have: the changelog is not
    /// consistent (a bug upstream, never silently ignored).</exception>
    public void Apply(ChangelogRow row)
    {
        var key = new RowKey(row.Values);
        if (row.Kind is RowKind.Insert or RowKind.UpdateAfter)
        {
            if (!_positions.TryGetValue(key, out var positions)) _positions[key] = positions = new Stack<int>();
            positions.Push(_rows.Count);
            _rows.Add(new ChangelogRow(RowKind.Insert, row.Values.ToArray()));
            _count++;
            return;
        }
        if (!_positions.TryGetValue(key, out var existing) || existing.Count == 0)
            throw new InvalidOperationException($"The result retracts {row}, a row it does not have.");
        _rows[existing.Pop()] = null;
        if (existing.Count == 0) _positions.Remove(key);
        _count--;
    }

    /// <summary>The table's rows (each as an insert), in the order they were added.</summary>
    public IReadOnlyList<ChangelogRow> Rows
    {
        get
        {
            var rows = new List<ChangelogRow>(_count);
            foreach (var row in _rows)
                if (row is not null) rows.Add(row);
            return rows;
        }
    }

    /// <summary>Row identity by value, as Flink compares rows (NULLs equal, numbers and strings by value).</summary>
    private readonly struct RowKey(IReadOnlyList<object?> values) : IEquatable<RowKey>
    {
        private readonly IReadOnlyList<object?> _values = values;

        public bool Equals(RowKey other)
        {
            if (_values.Count != other._values.Count) return false;
            for (int i = 0; i < _values.Count; i++)
                if (!ValueEquals(_values[i], other._values[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var v in _values) hash.Add(v switch { byte[] bytes => bytes.Length, object?[] items => items.Length, _ => v });
            return hash.ToHashCode();
        }

        // ARRAY, MULTISET and ROW values come as object?[]: equal element by element, as Flink's GenericArrayData is.
        private static bool ValueEquals(object? a, object? b) => (a, b) switch
        {
            (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
            (object?[] x, object?[] y) => ElementsEqual(x, y),
            _ => Equals(a, b),
        };

        private static bool ElementsEqual(object?[] x, object?[] y)
        {
            if (x.Length != y.Length) return false;
            for (int i = 0; i < x.Length; i++)
                if (!ValueEquals(x[i], y[i])) return false;
            return true;
        }
    }
}
