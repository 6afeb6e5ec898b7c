using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Columns;

/// <summary>A column of fixed-width values of storage type <typeparamref name="T"/> (integers, floating point, DECIMAL).</summary>
public abstract class FixedColumnBuilder<T> : ColumnBuilder where T : unmanaged
{
    private byte[] _values = System.Array.Empty<byte>();
    private ValidityBuilder _validity;
    private int _capacity;

    private protected FixedColumnBuilder(IArrowType type, int capacity) : base(type) => _capacity = Math.Max(capacity, 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void Put(T value)
    {
        int row = Length;
        if ((row + 1) * Unsafe.SizeOf<T>() > _values.Length) Grow(row + 1);
        Unsafe.WriteUnaligned(ref _values[row * Unsafe.SizeOf<T>()], value);
        Length = row + 1;
    }

    public override void AppendNull()
    {
        int row = Length;
        Put(default);
        _validity.SetNull(row);
    }

    /// <summary>Appends <paramref name="values"/>, all valid.</summary>
    public void AppendValues(ReadOnlySpan<T> values)
    {
        Reserve(values.Length);
        MemoryMarshal.AsBytes(values).CopyTo(_values.AsSpan(Length * Unsafe.SizeOf<T>()));
        Length += values.Length;
    }

    public override void AppendRows(ArrayData source, ReadOnlySpan<int> rows)
    {
        Reserve(rows.Length);
        var src = MemoryMarshal.Cast<byte, T>(source.Buffers[1].Span).Slice(source.Offset);
        var dst = MemoryMarshal.Cast<byte, T>(_values.AsSpan()).Slice(Length, rows.Length);
        for (int j = 0; j < rows.Length; j++) dst[j] = src[rows[j]];
        _validity.CopyFrom(source, rows, 0, rows.Length, Length);
        Length += rows.Length;
    }

    public override void AppendRange(ArrayData source, int start, int count)
    {
        Reserve(count);
        MemoryMarshal.Cast<byte, T>(source.Buffers[1].Span).Slice(source.Offset + start, count)
            .CopyTo(MemoryMarshal.Cast<byte, T>(_values.AsSpan()).Slice(Length));
        _validity.CopyFrom(source, ReadOnlySpan<int>.Empty, start, count, Length);
        Length += count;
    }

    public override void Truncate(int length)
    {
        if (length >= Length) return;
        _validity.Truncate(length, Length);
        Length = length;
    }

    public override ArrayData BuildData()
    {
        var (validity, nulls) = _validity.Build(Length);
        var data = new ArrayData(Type, Length, nulls, 0, [validity, new ArrowBuffer(_values)], System.Array.Empty<ArrayData>());
        // The next column starts at the size this one reached: a reader filling batches of the same size grows once.
        _capacity = Math.Max(_capacity, Length);
        _values = System.Array.Empty<byte>();
        Length = 0;
        return data;
    }

    private void Reserve(int count)
    {
        if ((Length + count) * Unsafe.SizeOf<T>() > _values.Length) Grow(Length + count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int rows)
    {
        int current = _values.Length / Unsafe.SizeOf<T>();
        int size = Math.Max(rows, current == 0 ? _capacity : current * 2);
        System.Array.Resize(ref _values, size * Unsafe.SizeOf<T>());
    }
}
