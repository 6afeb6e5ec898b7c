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
    public static void And(IArrowArray a, IArrowArray b, Span<bool> same) => And(a.Data, b.Data, same);

    private static void And(ArrayData a, ArrayData b, Span<bool> same)
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

        /// <summary>Rows are equal when both are NULL, or neither is and every field is.</summary>
        public bool Struct()
        {
            var fields = new bool[_same.Length];
            _same.CopyTo(fields);
            for (int f = 0; f < a.Data.Children.Length; f++)
                And(a.Data.Children[f].Slice(a.Offset, _same.Length), b.Data.Children[f].Slice(b.Offset, _same.Length), fields);
            for (int i = 0; i < _same.Length; i++)
                if (_same[i] && !BothNull(i, out bool oneNull)) _same[i] = !oneNull && fields[i];
            return true;
        }

        /// <summary>ARRAY, MULTISET and MAP values are equal when both are NULL, or neither is and they have the same
        /// elements (entries) in the same order.</summary>
        public bool List()
        {
            var x = a.Offsets;
            var y = b.Offsets;
            bool[]? elements = null;
            for (int i = 0; i < _same.Length; i++)
            {
                if (!_same[i] || BothNull(i, out bool oneNull)) continue;
                int length = x[i + 1] - x[i];
                if (oneNull || length != y[i + 1] - y[i])
                {
                    _same[i] = false;
                    continue;
                }
                if (length == 0) continue;
                if (elements is null || elements.Length < length) elements = new bool[Math.Max(length, 16)];
                var span = elements.AsSpan(0, length);
                span.Fill(true);
                And(a.Data.Children[0].Slice(x[i], length), b.Data.Children[0].Slice(y[i], length), span);
                _same[i] = !span.Contains(false);
            }
            return true;
        }

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
