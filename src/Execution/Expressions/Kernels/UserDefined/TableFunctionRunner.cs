using System.Linq.Expressions;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Execution.Expressions.Kernels.UserDefined;

/// <summary>Runs a table function's <c>Eval</c> over the rows of a batch, gathering what it collects into column builders.</summary>
internal interface ITableFunctionRunner
{
    /// <summary>Calls <c>Eval</c> once per row of <paramref name="arguments"/> (NULL into a parameter of a non-nullable
    /// value type skips the call: no rows). With <paramref name="leftOuter"/> a row without collected rows gets one of
    /// NULLs. Returns the number of rows collected; <see cref="Parents"/> holds the input row of each.</summary>
    int Run(ColumnReader[] arguments, int rows, bool leftOuter);

    int[] Parents { get; }

    /// <summary>The collected columns of the last <see cref="Run"/>.</summary>
    IArrowArray[] Build();
}

/// <summary>The runner for functions collecting <typeparamref name="T"/>: <c>Eval</c> and the append of a collected
/// value are compiled once (no boxing, no per-row arrays); <see cref="Collect"/> is made the thread's collector for the
/// duration of a batch's calls.</summary>
internal sealed class TableFunctionRunner<T> : ITableFunctionRunner
{
    private readonly Action<ColumnReader[], int> _eval;
    private readonly Action<T, ColumnBuilder[]> _append;
    private readonly Action<T> _collect;
    private readonly TableFunctionRow _row;
    private ColumnBuilder[] _builders = [];
    private int[] _parents = new int[64];
    private int _count;
    private int _current;

    public TableFunctionRunner(EvalMethod eval, object target, TableFunctionRow row)
    {
        _row = row;
        _eval = CompileEval(eval, target);
        _append = CompileAppend(row);
        _collect = Collect;
    }

    public int[] Parents => _parents;

    public int Run(ColumnReader[] arguments, int rows, bool leftOuter)
    {
        _count = 0;
        _builders = new ColumnBuilder[_row.Fields.Count];
        for (int f = 0; f < _builders.Length; f++) _builders[f] = ColumnBuilder.Create(_row.Fields[f].Type, rows);
        var previous = TableFunctionCollector.Set(_collect);
        try
        {
            for (int r = 0; r < rows; r++)
            {
                _current = r;
                int before = _count;
                _eval(arguments, r);
                if (leftOuter && _count == before)
                {
                    AddParent(r);
                    foreach (var b in _builders) b.AppendNull();
                }
            }
        }
        finally
        {
            TableFunctionCollector.Set(previous);
        }
        return _count;
    }

    public IArrowArray[] Build()
    {
        var columns = new IArrowArray[_builders.Length];
        for (int f = 0; f < columns.Length; f++) columns[f] = _builders[f].Build();
        return columns;
    }

    private void Collect(T value)
    {
        AddParent(_current);
        _append(value, _builders);
    }

    private void AddParent(int row)
    {
        if (_count == _parents.Length) System.Array.Resize(ref _parents, _count * 2);
        _parents[_count++] = row;
    }

    /// <summary><c>(args, row) =&gt; target.Eval(read args...)</c>, returning before the call when a non-nullable value-type
    /// parameter would receive NULL.</summary>
    private static Action<ColumnReader[], int> CompileEval(EvalMethod eval, object target)
    {
        var args = Expression.Parameter(typeof(ColumnReader[]), "args");
        var row = Expression.Parameter(typeof(int), "row");
        var done = Expression.Label("done");
        var body = new List<Expression>();
        var values = ClrArgumentReads.Read(eval.Method.GetParameters(), args, row, done, body);
        body.Add(Expression.Call(Expression.Constant(target, eval.Method.DeclaringType!), eval.Method, values));
        body.Add(Expression.Label(done));
        return Expression.Lambda<Action<ColumnReader[], int>>(Expression.Block(body), args, row).Compile();
    }

    /// <summary><c>(value, builders) =&gt; append value (or each property of it) to its builder</c>; a null value or property
    /// is NULL, a null row of a class type an error (its columns may be NOT NULL).</summary>
    private static Action<T, ColumnBuilder[]> CompileAppend(TableFunctionRow row)
    {
        var value = Expression.Parameter(typeof(T), "value");
        var builders = Expression.Parameter(typeof(ColumnBuilder[]), "builders");
        var body = new List<Expression>();
        if (row.Properties is null)
        {
            body.Add(ClrArgumentReads.Append(value, Expression.ArrayIndex(builders, Expression.Constant(0))));
        }
        else
        {
            if (!typeof(T).IsValueType)
                body.Add(Expression.IfThen(Expression.Equal(value, Expression.Constant(null, typeof(T))),
                    Expression.Throw(Expression.Constant(new InvalidOperationException(
                        $"Collect(null): a row of {typeof(T).Name} cannot be null; collect a {typeof(T).Name} whose properties are null instead")))));
            for (int f = 0; f < row.Properties.Count; f++)
                body.Add(ClrArgumentReads.Append(Expression.Property(value, row.Properties[f]), Expression.ArrayIndex(builders, Expression.Constant(f))));
        }
        body.Add(Expression.Empty());
        return Expression.Lambda<Action<T, ColumnBuilder[]>>(Expression.Block(body), value, builders).Compile();
    }
}
