using System.Numerics;
using System.Runtime.CompilerServices;
using Apache.Arrow;

namespace StreamSql.Execution.Columns;

/// <summary>
/// Row-by-row equality of two columns of one type, as Flink's record equaliser compares results (on their binary form):
/// NULL equals NULL, a NULL never equals a value, FLOAT/DOUBLE compare bits (NaN equals NaN, -0.0 differs from 0.0),
/// strings and bytes compare bytes.
/// </summary>
public static class ColumnEquality
{
    /// <summary>For every row i below <paramref name="same"/>'s length: <c>same[i] &amp;= a[i] equals b[i]</c>.</summary>
    public static void And(IArrowArray a, IArrowArray b, Span<bool> same)
    {
        var left = new ColumnView(a);
        var right = new ColumnView(b);
        if (left.Kind != right.Kind) throw new ArgumentException($"cannot compare a {left.Kind} column with a {right.Kind} column");
        ColumnKinds.Accept<RowsEqual, bool>(left.Kind, new RowsEqual(left, right, same));
    }

    private readonly ref struct RowsEqual(ColumnView a, ColumnView b, Span<bool> same) : IColumnVisitor<bool>
    {
        private readonly Span<bool> _same = same;

        public bool Null() => true;

        public bool Boolean()
        {
            for (int i = 0; i < _same.Length; i++)
                if (_same[i] && !BothNull(i, out bool oneNull)) _same[i] = !oneNull && a.GetBoolean(i) == b.GetBoolean(i);
            return true;
        }

        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T> => Fixed<T>();

        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var x = a.Values<T>();
            var y = b.Values<T>();
            for (int i = 0; i < _same.Length; i++)
            {
                if (!_same[i] || BothNull(i, out bool oneNull)) continue;
                T u = x[i], v = y[i];
                _same[i] = !oneNull && Bits(u) == Bits(v);
            }
            return true;
        }

        public bool Decimal() => Fixed<Int128>();

        public bool Bytes(bool utf8)
        {
            for (int i = 0; i < _same.Length; i++)
                if (_same[i] && !BothNull(i, out bool oneNull)) _same[i] = !oneNull && a.GetBytes(i).SequenceEqual(b.GetBytes(i));
            return true;
        }

        public bool Struct() => throw new NotSupportedException("aggregate results of type ROW are not compared");
        public bool List() => throw new NotSupportedException("aggregate results of type ARRAY/MAP are not compared");

        private bool Fixed<T>() where T : unmanaged, IEquatable<T>
        {
            var x = a.Values<T>();
            var y = b.Values<T>();
            bool nullable = a.HasNulls || b.HasNulls;
            for (int i = 0; i < _same.Length; i++)
            {
                if (!_same[i]) continue;
                if (nullable)
                {
                    if (BothNull(i, out bool oneNull)) continue;
                    if (oneNull)
                    {
                        _same[i] = false;
                        continue;
                    }
                }
                _same[i] = x[i].Equals(y[i]);
            }
            return true;
        }

        /// <summary>Whether both rows are NULL; <paramref name="oneNull"/>: exactly one is.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool BothNull(int i, out bool oneNull)
        {
            bool x = a.IsNull(i), y = b.IsNull(i);
            oneNull = x != y;
            return x && y;
        }

        private static long Bits<T>(T value) where T : unmanaged =>
            Unsafe.SizeOf<T>() == 8 ? Unsafe.As<T, long>(ref value) : Unsafe.As<T, int>(ref value);
    }
}
