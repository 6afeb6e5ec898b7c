using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>Computes one output value from the operands' values of a row (given readers and the writer).</summary>
internal delegate void RowFunction(ColumnReader[] args, int row, ColumnBuilder output);

/// <summary>
/// A function evaluated value by value over typed readers: the home of string, time and conversion functions whose
/// per-value work dwarfs the loop. Null-intolerant by default: a NULL operand gives NULL without calling the body.
/// </summary>
internal sealed class RowwiseExpression : VectorExpression
{
    private readonly VectorExpression[] _operands;
    private readonly Func<EvaluationContext, RowFunction> _bind;
    private readonly bool _nullIntolerant;

    /// <param name="bind">Makes the row body for a context (time zone, clock); called once per batch.</param>
    public RowwiseExpression(SqlType type, VectorExpression[] operands, Func<EvaluationContext, RowFunction> bind, bool nullIntolerant = true)
        : base(type)
    {
        _operands = operands;
        _bind = bind;
        _nullIntolerant = nullIntolerant;
    }

    public RowwiseExpression(SqlType type, VectorExpression[] operands, RowFunction body, bool nullIntolerant = true)
        : this(type, operands, _ => body, nullIntolerant) { }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int length = input.Length;
        var readers = new ColumnReader[_operands.Length];
        for (int i = 0; i < readers.Length; i++) readers[i] = _operands[i].EvaluateReader(input, context);
        var writer = ColumnBuilder.Create(Type, length);
        var body = _bind(context);
        for (int row = 0; row < length; row++)
        {
            if (_nullIntolerant && AnyNull(readers, row)) { writer.AppendNull(); continue; }
            body(readers, row, writer);
        }
        return writer.Build();
    }

    private static bool AnyNull(ColumnReader[] readers, int row)
    {
        foreach (var r in readers)
            if (r.IsNull(row)) return true;
        return false;
    }
}
