using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace StreamSql.Execution.Columns;

/// <summary>A column of fixed-width values of storage type <typeparamref name="T"/> (integers, floating point, DECIMAL).</summary>
public abstract class FixedColumnBuilder<T> : ColumnBuilder where T : unmanaged
{
    private byte[] _values = System.Array.Empty<byte>();
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
        Validity.SetNull(row);
    }

    /// <summary>Appends <paramref name="values"/>, all valid.</summary>
    public void AppendValues(ReadOnlySpan<T> values)
    {
        Reserve(values.Length);
        MemoryMarshal.AsBytes(values).CopyTo(_values.AsSpan(Length * Unsafe.SizeOf<T>()));
        Length += values.Length;
    }

    private protected override void CopyValues(ArrayData source, ReadOnlySpan<int> rows, int start, int count)
    {
        Reserve(count);
        var src = MemoryMarshal.Cast<byte, T>(source.Buffers[1].Span).Slice(source.Offset);
        var dst = MemoryMarshal.Cast<byte, T>(_values.AsSpan()).Slice(Length, count);
        if (rows.IsEmpty) src.Slice(start, count).CopyTo(dst);
        else for (int j = 0; j < count; j++) dst[j] = src[rows[j]];
        Length += count;
    }

    public override ArrayData BuildData()
    {
        var (validity, nulls) = Validity.Build(Length);
        var data = new ArrayData(Type, Length, nulls, 0, [validity, new ArrowBuffer(_values)], System.Array.Empty<ArrayData>());
        // The next column starts at the size this one reached: a reader filling batches of the same size grows once.
        _capacity = Math.Max(_capacity, Length);
        _values = System.Array.Empty<byte>();
        Length = 0;
        return data;
    }

    public override IArrowArray BuildTransient()
    {
        var (validity, nulls) = Validity.Build(Length);
        var values = new ArrowBuffer(new ReadOnlyMemory<byte>(_values, 0, Length * Unsafe.SizeOf<T>()));
        var data = new ArrayData(Type, Length, nulls, 0, [validity, values], System.Array.Empty<ArrayData>());
        Length = 0;
        return ArrowArrayFactory.BuildArray(data);
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
