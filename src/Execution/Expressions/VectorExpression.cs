using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions;

/// <summary>A compiled expression that knows its SQL result type (every kernel of this compiler is one).</summary>
internal abstract class VectorExpression : IVectorExpression
{
    protected VectorExpression(SqlType type) => Type = type;

    /// <summary>The SQL type of the result column.</summary>
    public SqlType Type { get; }

    public abstract IArrowArray Evaluate(RecordBatch input, EvaluationContext context);

    /// <summary>Row-wise access to the result (constants avoid materialising a column).</summary>
    public virtual ColumnReader EvaluateReader(RecordBatch input, EvaluationContext context) =>
        ColumnReader.Create(Evaluate(input, context), Type);
}

/// <summary>Returns an input column as it is.</summary>
internal sealed class ColumnReferenceExpression(int index, SqlType type) : VectorExpression(type)
{
    public int Index { get; } = index;
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context) => input.Column(Index);
}

/// <summary>A literal broadcast to the batch length (the column is built once per batch length and reused).</summary>
internal sealed class ConstantExpression : VectorExpression
{
    private readonly ConstantReader _reader;
    private IArrowArray? _cached;

    public ConstantExpression(object? value, SqlType type) : base(type)
    {
        Value = value;
        _reader = new ConstantReader(value, type);
    }

    public object? Value { get; }
    public bool IsNull => Value is null;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int length = input.Length;
        if (_cached is not null && _cached.Length == length) return _cached;
        var writer = ColumnBuilder.Create(Type, length);
        for (int i = 0; i < length; i++) writer.AppendFrom(_reader, 0);
        return _cached = writer.Build();
    }

    public override ColumnReader EvaluateReader(RecordBatch input, EvaluationContext context) => _reader;

    public static ConstantExpression Of(Literal literal) => new(literal.Value, literal.Type);
}
