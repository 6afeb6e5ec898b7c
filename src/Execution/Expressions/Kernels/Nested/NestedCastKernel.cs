using Apache.Arrow;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary>A CAST between ROW, ARRAY, MULTISET and MAP types (Flink casts them element by element): the offsets and
/// validity stay, each child column goes through the cast of its element type, a column at a time.</summary>
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
        ArrowArrayFactory.BuildArray(_converter.Convert(_operand.Evaluate(input, context).Data, context));

    /// <summary>Converts one column of a source type to the target type (recursively for the children).</summary>
    private sealed class Converter
    {
        private readonly Apache.Arrow.Types.IArrowType _target;
        private readonly Converter[] _children;
        private readonly VectorExpression? _leaf;
        private readonly Schema? _leafSchema;

        private Converter(Apache.Arrow.Types.IArrowType target, Converter[] children, VectorExpression? leaf, Schema? leafSchema)
        {
            _target = target;
            _children = children;
            _leaf = leaf;
            _leafSchema = leafSchema;
        }

        public static Converter For(SqlType from, SqlType to, bool tryCast)
        {
            var arrow = ArrowTypeMapping.ToArrow(to);
            switch (to.Kind)
            {
                case SqlTypeKind.Row when from.Kind == SqlTypeKind.Row:
                    var fields = new Converter[to.Elements!.Count];
                    for (int f = 0; f < fields.Length; f++) fields[f] = For(from.Elements![f], to.Elements[f], tryCast);
                    return new Converter(arrow, fields, null, null);
                case SqlTypeKind.Array or SqlTypeKind.Multiset when from.Kind is SqlTypeKind.Array or SqlTypeKind.Multiset:
                    return new Converter(arrow, [For(from.Elements![0], to.Elements![0], tryCast)], null, null);
                case SqlTypeKind.Map when from.Kind == SqlTypeKind.Map:
                    var entriesFrom = SqlType.Row(["key", "value"], [from.Elements![0], from.Elements[1]]);
                    var entriesTo = SqlType.Row(["key", "value"], [to.Elements![0].AsNotNull(), to.Elements[1]]);
                    var entries = For(entriesFrom, entriesTo, tryCast);
                    return new Converter(arrow, [new Converter(((Apache.Arrow.Types.MapType)arrow).KeyValueType, entries._children, null, null)], null, null);
                default:
                    var column = new ColumnReferenceExpression(0, from.WithNullable(true));
                    var leaf = CastKernels.Create(column, to.WithNullable(true), tryCast, source: null);
                    var schema = new Schema([new Apache.Arrow.Field("v", ArrowTypeMapping.ToArrow(from), true)], null);
                    return new Converter(arrow, [], leaf, schema);
            }
        }

        public ArrayData Convert(ArrayData data, EvaluationContext context)
        {
            if (_leaf is not null)
            {
                var batch = new RecordBatch(_leafSchema!, [ArrowArrayFactory.BuildArray(data)], data.Length);
                return _leaf.Evaluate(batch, context).Data;
            }
            var children = new ArrayData[_children.Length];
            for (int c = 0; c < children.Length; c++) children[c] = _children[c].Convert(data.Children[c], context);
            return new ArrayData(_target, data.Length, data.NullCount, data.Offset, data.Buffers, children);
        }
    }
}
