using Apache.Arrow;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>An evaluated ARRAY column: its offsets and validity (<see cref="ListColumn"/>), its element column and a typed
/// reader of the elements. Element <c>e</c> of row <c>i</c> is at <c>Start(i) + e</c> of <see cref="Elements"/>.</summary>
internal readonly ref struct ArrayColumn
{
    public ArrayColumn(VectorExpression operand, RecordBatch input, EvaluationContext context)
    {
        List = new ListColumn(operand.Evaluate(input, context).Data);
        Elements = List.Child;
        Reader = ColumnReader.Create(ArrowArrayFactory.BuildArray(Elements), operand.Type.Elements![0]);
    }

    public ListColumn List { get; }
    public ArrayData Elements { get; }
    public ColumnReader Reader { get; }

    public bool IsNull(int row) => List.IsNull(row);
    public int Start(int row) => List.Start(row);
    public int Count(int row) => List.Count(row);
}

/// <summary>The element positions a kernel picks for one row, gathered into the result's element builder at once.</summary>
internal sealed class Picks
{
    private int[] _items = new int[16];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Add(int position)
    {
        if (Count == _items.Length) System.Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = position;
    }

    public int this[int index] => _items[index];

    public Span<int> AsSpan() => _items.AsSpan(0, Count);
}
