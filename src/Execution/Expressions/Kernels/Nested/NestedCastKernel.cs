using Apache.Arrow;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary>A CAST between ROW, ARRAY, MULTISET and MAP types (Flink casts them element by element): the offsets and
/// validity stay, each child column goes through the cast of its element type, a column at a time. Under TRY_CAST a
/// field or element that does not convert makes the whole value NULL (Flink wraps the whole cast in one try), so the
/// rows whose leaves failed are carried up and cleared at every level.</summary>
internal sealed class NestedCastKernel : VectorExpression
{
    private readonly VectorExpression _operand;
    private readonly Converter _converter;

    public NestedCastKernel(VectorExpression operand, SqlType target, bool tryCast) : base(target)
    {
        _operand = operand;
        _converter = Converter.For(operand.Type, target, tryCast);
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context) =>
        ArrowArrayFactory.BuildArray(_converter.Convert(_operand.Evaluate(input, context).Data, context, out _));

    /// <summary>Converts one column of a source type to the target type (recursively for the children).</summary>
    private sealed class Converter
    {
        private readonly Apache.Arrow.Types.IArrowType _target;
        private readonly Converter[] _children;
        private readonly VectorExpression? _leaf;
        private readonly Schema? _leafSchema;
        private readonly bool _tryCast;
        private readonly bool _listLike;

        private Converter(Apache.Arrow.Types.IArrowType target, Converter[] children, VectorExpression? leaf, Schema? leafSchema, bool tryCast, bool listLike)
        {
            _target = target;
            _children = children;
            _leaf = leaf;
            _leafSchema = leafSchema;
            _tryCast = tryCast;
            _listLike = listLike;
        }

        public static Converter For(SqlType from, SqlType to, bool tryCast)
        {
            var arrow = ArrowTypeMapping.ToArrow(to);
            switch (to.Kind)
            {
                case SqlTypeKind.Row when from.Kind == SqlTypeKind.Row:
                    var fields = new Converter[to.Elements!.Count];
                    for (int f = 0; f < fields.Length; f++) fields[f] = For(from.Elements![f], to.Elements[f], tryCast);
                    return new Converter(arrow, fields, null, null, tryCast, listLike: false);
                case SqlTypeKind.Array or SqlTypeKind.Multiset when from.Kind is SqlTypeKind.Array or SqlTypeKind.Multiset:
                    return new Converter(arrow, [For(from.Elements![0], to.Elements![0], tryCast)], null, null, tryCast, listLike: true);
                case SqlTypeKind.Map when from.Kind == SqlTypeKind.Map:
                    var entriesFrom = SqlType.Row(["key", "value"], [from.Elements![0], from.Elements[1]]);
                    var entriesTo = SqlType.Row(["key", "value"], [to.Elements![0].AsNotNull(), to.Elements[1]]);
                    var entries = For(entriesFrom, entriesTo, tryCast);
                    return new Converter(arrow, [new Converter(((Apache.Arrow.Types.MapType)arrow).KeyValueType, entries._children, null, null, tryCast, listLike: false)], null, null, tryCast, listLike: true);
                default:
                    var column = new ColumnReferenceExpression(0, from.WithNullable(true));
                    var leaf = CastKernels.Create(column, to.WithNullable(true), tryCast, source: null);
                    var schema = new Schema([new Apache.Arrow.Field("v", ArrowTypeMapping.ToArrow(from), true)], null);
                    return new Converter(arrow, [], leaf, schema, tryCast, listLike: false);
            }
        }

        /// <summary>The converted column; <paramref name="failed"/> (indexed like <paramref name="data"/>'s slots, offset
        /// included) marks the values TRY_CAST could not convert, or is null when none failed.</summary>
        public ArrayData Convert(ArrayData data, EvaluationContext context, out bool[]? failed)
        {
            failed = null;
            if (_leaf is not null)
            {
                var source = ArrowArrayFactory.BuildArray(data);
                var batch = new RecordBatch(_leafSchema!, [source], data.Length);
                var converted = _leaf.Evaluate(batch, context);
                if (_tryCast && converted.NullCount > source.NullCount)
                    for (int i = 0; i < data.Length; i++)
                        if (converted.IsNull(i) && !source.IsNull(i)) (failed ??= new bool[data.Offset + data.Length])[data.Offset + i] = true;
                return converted.Data;
            }
            var children = new ArrayData[_children.Length];
            bool[]? childFailed = null;
            for (int c = 0; c < children.Length; c++)
            {
                children[c] = _children[c].Convert(data.Children[c], context, out var f);
                if (f is null) continue;
                childFailed ??= new bool[f.Length];
                for (int j = 0; j < f.Length; j++) childFailed[j] |= f[j];
            }
            if (childFailed is null)
                return new ArrayData(_target, data.Length, data.NullCount, data.Offset, data.Buffers, children);
            var offsets = _listLike ? data.Buffers[1].Span.CastTo<int>() : default;
            for (int i = 0; i < data.Length; i++)
            {
                int slot = data.Offset + i;
                int from = _listLike ? offsets[slot] : slot, to = _listLike ? offsets[slot + 1] : slot + 1;
                for (int j = from; j < to && j < childFailed.Length; j++)
                    if (childFailed[j]) { (failed ??= new bool[data.Offset + data.Length])[slot] = true; break; }
            }
            if (failed is null)
                return new ArrayData(_target, data.Length, data.NullCount, data.Offset, data.Buffers, children);
            return new ArrayData(_target, data.Length, -1, data.Offset, WithoutFailed(data, failed), children);
        }

        /// <summary>The buffers with the failed slots cleared in a new validity bitmap.</summary>
        private static ArrowBuffer[] WithoutFailed(ArrayData data, bool[] failed)
        {
            var validity = new ArrowBuffer.BitmapBuilder(data.Offset + data.Length);
            var old = data.Buffers[0];
            for (int slot = 0; slot < data.Offset + data.Length; slot++)
            {
                bool valid = (old.IsEmpty || BitUtility.GetBit(old.Span, slot)) && !(slot < failed.Length && failed[slot]);
                validity.Append(valid);
            }
            var buffers = (ArrowBuffer[])data.Buffers.Clone();
            buffers[0] = validity.Build();
            return buffers;
        }
    }
}
