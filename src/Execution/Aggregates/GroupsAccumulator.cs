using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// The plumbing every accumulator shares: its state is a list of <see cref="StateVector"/>s (one typed value per group
/// each), grown, reset, copied-on-write, snapshot and restored together; a group's state row is their values in order.
/// </summary>
public abstract class GroupsAccumulator : IGroupsAccumulator
{
    private readonly List<StateVector> _vectors = new();

    protected GroupsAccumulator(SqlType resultType, bool retracting)
    {
        ResultType = resultType;
        SupportsRetraction = retracting;
    }

    public SqlType ResultType { get; }

    public bool SupportsRetraction { get; }

    /// <summary>Registers a state vector (in the constructor; the order is the state row's).</summary>
    protected T State<T>(T vector) where T : StateVector
    {
        _vectors.Add(vector);
        return vector;
    }

    internal ArgumentValues Values { get; } = new();

    public abstract void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter);

    public virtual void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        throw new InvalidOperationException($"{GetType().Name} was built for an insert-only input and cannot retract");

    protected void CheckRetraction()
    {
        if (!SupportsRetraction) throw new InvalidOperationException($"{GetType().Name} was built for an insert-only input and cannot retract");
    }

    public abstract IArrowArray Evaluate(ReadOnlySpan<int> groups);

    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        if (from.Length != into.Length) throw new ArgumentException("from and into differ in length");
        PrepareWrite(into);
        MergeCore(from, into);
    }

    /// <summary>Folds <paramref name="from"/>[i] into <paramref name="into"/>[i] (their pages are writable).</summary>
    protected abstract void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into);

    public virtual void EnsureCapacity(int groups)
    {
        foreach (var v in _vectors) v.EnsureCapacity(groups);
    }

    public virtual void PrepareWrite(ReadOnlySpan<int> groups)
    {
        foreach (var v in _vectors) v.PrepareWrite(groups);
    }

    public virtual void Reset(int group)
    {
        foreach (var v in _vectors) v.Reset(group);
    }

    public virtual void WriteState(int group, StateRowWriter writer)
    {
        foreach (var v in _vectors) v.Write(group, writer);
    }

    public virtual void ReadState(int group, ref StateRowReader reader)
    {
        foreach (var v in _vectors) v.Read(group, ref reader);
    }

    public virtual IGroupColumnSnapshot Capture()
    {
        var views = new IStateVectorView[_vectors.Count];
        for (int i = 0; i < views.Length; i++) views[i] = _vectors[i].Capture();
        return new VectorsSnapshot(views);
    }

    public virtual long AllocatedBytes
    {
        get
        {
            long bytes = 0;
            foreach (var v in _vectors) bytes += v.AllocatedBytes;
            return bytes;
        }
    }

    /// <summary>Whether row <paramref name="row"/> is selected by <paramref name="filter"/> (empty = every row).</summary>
    protected static bool Selected(ReadOnlySpan<bool> filter, int row) => filter.IsEmpty || filter[row];

    private sealed class VectorsSnapshot(IStateVectorView[] views) : IVectorsColumnSnapshot
    {
        public IReadOnlyList<IStateVectorView> Views => views;

        public void WriteState(int group, StateRowWriter writer)
        {
            foreach (var v in views) v.Write(group, writer);
        }
    }
}
