using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// <c>CROSS JOIN UNNEST(collection)</c> (<see cref="UnnestSpec"/>): the collection column is evaluated over the batch, the
/// (row, element) pairs listed from its offsets, and every output column is one gather: the input's columns by row,
/// the element's by element (a ROW element's fields and a MAP entry's key and value straight from the child columns).
/// <c>LEFT JOIN UNNEST</c> pairs a row without elements with element -1, which the element columns show as NULL.
/// </summary>
public sealed class UnnestOperator : StreamOperatorBase
{
    private readonly IVectorExpression _collection;
    private readonly SqlType _collectionType;
    private readonly bool _withOrdinality;
    private readonly bool _leftOuter;
    private readonly Schema _outputSchema;
    private readonly RowSchema _output;
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private int[] _parents = [];
    private int[] _elements = [];

    public UnnestOperator(UnnestSpec spec, RowSchema inputSchema)
    {
        _collection = ExpressionCompiler.Compile(spec.Collection, inputSchema);
        _collectionType = spec.Collection.Type;
        _withOrdinality = spec.WithOrdinality;
        _leftOuter = spec.LeftOuter;
        _output = spec.OutputSchema;
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var list = _collection.Evaluate(batch.Data, _evaluation).Data;
        int total = Pairs(list, n, out bool padded);
        if (total == 0) return default;

        var columns = new IArrowArray[_outputSchema.FieldsList.Count];
        int inputCount = batch.Data.ColumnCount;
        for (int c = 0; c < inputCount; c++) columns[c] = ArrayGather.Take(batch.Data.Column(c), _parents, total);
        int at = inputCount;
        var child = list.Children[0];
        if (_collectionType.Kind == SqlTypeKind.Map || _collectionType.Elements![0].Kind == SqlTypeKind.Row)
            for (int f = 0; f < child.Children.Length; f++) columns[at++] = Field(child, f, total, padded);
        else if (padded)
            columns[at++] = PaddedElements(child, 0, structs: null, total);
        else
            columns[at++] = ArrayGather.Take(ArrowArrayFactory.BuildArray(child), _elements, total);
        if (_withOrdinality) columns[at] = Ordinality(list, total);

        RowKind[]? kinds = null;
        if (batch.RowKinds is { } inputKinds)
        {
            kinds = new RowKind[total];
            for (int k = 0; k < total; k++) kinds[k] = inputKinds[_parents[k]];
        }
        return output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, total), kinds), cancellationToken);
    }

    /// <summary>Lists the (row, element) pairs of the batch in <see cref="_parents"/> and <see cref="_elements"/>; with
    /// <see cref="_leftOuter"/> a row without elements is paired with element -1 (<paramref name="padded"/>).</summary>
    private int Pairs(ArrayData list, int n, out bool padded)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(list.Buffers[1].Span).Slice(list.Offset, n + 1);
        var validity = list.NullCount == 0 ? default : new ValidityBits(list.Buffers[0].Span, list.Offset);
        int total = 0;
        padded = false;
        for (int i = 0; i < n; i++)
        {
            int count = list.NullCount == 0 || validity.IsValid(i) ? offsets[i + 1] - offsets[i] : 0;
            if (count == 0 && _leftOuter)
            {
                count = 1;
                padded = true;
            }
            total += count;
        }
        if (_parents.Length < total)
        {
            _parents = new int[total];
            _elements = new int[total];
        }
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            bool valid = list.NullCount == 0 || validity.IsValid(i);
            if (_leftOuter && (!valid || offsets[i + 1] == offsets[i]))
            {
                _parents[k] = i;
                _elements[k++] = -1;
                continue;
            }
            if (!valid) continue;
            for (int e = offsets[i]; e < offsets[i + 1]; e++)
            {
                _parents[k] = i;
                _elements[k++] = e;
            }
        }
        return total;
    }

    /// <summary>Element <c>_elements[k]</c> of <paramref name="values"/> (at <paramref name="shift"/> + element), or NULL
    /// for a padded pair (-1) or where the ROW element of <paramref name="structs"/> (when given) is NULL.</summary>
    private IArrowArray PaddedElements(ArrayData values, int shift, ArrayData? structs, int total)
    {
        bool structNulls = structs is { NullCount: > 0 };
        var validity = structNulls ? new ValidityBits(structs!.Buffers[0].Span, structs.Offset) : default;
        var builder = ColumnBuilder.Create(values.DataType, total);
        for (int k = 0; k < total; k++)
        {
            int e = _elements[k];
            if (e < 0 || structNulls && !validity.IsValid(e)) builder.AppendNull();
            else builder.AppendRange(values, shift + e, 1);
        }
        return builder.Build();
    }

    /// <summary>Field <paramref name="f"/> of the struct elements (a MAP's entries, or ROW elements: NULL where the row is).</summary>
    private IArrowArray Field(ArrayData structs, int f, int total, bool padded)
    {
        var field = structs.Children[f];
        if (padded)
            return PaddedElements(field, structs.Offset, structs, total);
        if (structs.NullCount == 0)
        {
            var shifted = new int[total];
            for (int k = 0; k < total; k++) shifted[k] = structs.Offset + _elements[k];
            return ArrayGather.Take(ArrowArrayFactory.BuildArray(field), shifted, total);
        }
        var validity = new ValidityBits(structs.Buffers[0].Span, structs.Offset);
        var builder = ColumnBuilder.Create(field.DataType, total);
        for (int k = 0; k < total; k++)
        {
            if (!validity.IsValid(_elements[k])) builder.AppendNull();
            else builder.AppendRange(field, structs.Offset + _elements[k], 1);
        }
        return builder.Build();
    }

    private IArrowArray Ordinality(ArrayData list, int total)
    {
        var offsets = MemoryMarshal.Cast<byte, int>(list.Buffers[1].Span).Slice(list.Offset);
        var builder = ColumnBuilder.Create(_output[_output.Count - 1].Type, total);
        for (int k = 0; k < total; k++)
        {
            if (_elements[k] < 0) builder.AppendNull();
            else builder.AppendInt64(_elements[k] - offsets[_parents[k]] + 1);
        }
        return builder.Build();
    }
}
