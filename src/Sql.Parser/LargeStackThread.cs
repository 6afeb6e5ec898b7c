using System.Runtime.ExceptionServices;

namespace StreamSql.Sql.Parser;

/// <summary>
/// Runs front-end work (parsing, binding, planning, EXPLAIN) on a thread of its own with a large stack, whatever thread the
/// caller is on. A stack overflow cannot be caught in .NET — it ends the process, and with it every running job — and
/// recursive descent over nested SQL needs far more stack than a thread-pool thread has: ANTLR's generated parser alone
/// takes 8 to 13 KB per nesting level, so a 1 MB thread-pool stack overflows near 100 levels. A thread of our own gives a
/// known budget: <see cref="StackSize"/> holds <see cref="NestingLimit.MaxDepth"/> levels of the costliest shape measured
/// several times over, independent of how deep the caller already is.
/// </summary>
/// <remarks>The stack is reserved address space: the pages an input does not reach are never committed, and a thread
/// costs some tens of microseconds to start, which planning a statement dwarfs.</remarks>
public static class LargeStackThread
{
    /// <summary>The stack of the front-end thread: 64 MB.</summary>
    public const int StackSize = 64 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> on a new thread with a <see cref="StackSize"/> stack and returns its result;
    /// whatever it throws is rethrown here with its original stack trace.</summary>
    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackSize)
        {
            IsBackground = true,
            Name = "StreamSql front end",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
