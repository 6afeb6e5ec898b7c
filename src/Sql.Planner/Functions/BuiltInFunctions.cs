using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// The built-in scalar functions and operators: names, signatures, operand coercion and result types (Flink semantics).
/// <para>How the binder forms calls (the runtime's kernels expect exactly these shapes):</para>
/// <list type="bullet">
/// <item>Operators use their SQL spelling as name: <c>+ - * / % = &lt;&gt; &lt; &lt;= &gt; &gt;= AND OR NOT || </c>,
///   unary minus is <c>NEGATE</c>; <c>IS NULL</c>, <c>IS NOT NULL</c>, <c>IS TRUE</c>, <c>IS NOT TRUE</c>, <c>IS FALSE</c>,
///   <c>IS NOT FALSE</c>, <c>IS DISTINCT FROM</c>, <c>IS NOT DISTINCT FROM</c>.</item>
/// <item><c>CAST</c>/<c>TRY_CAST</c>: one operand; the call's type is the target type (checked with <see cref="CanCast"/>).</item>
/// <item><c>CASE</c>: operands (cond1, value1, cond2, value2, ..., else); a missing ELSE is a typed NULL literal.
///   A simple CASE (<c>CASE x WHEN v</c>) is rewritten to conditions <c>x = v</c>.</item>
/// <item><c>IN</c>: (operand, value1, value2, ...); <c>NOT IN</c> is <c>NOT(IN(...))</c>. BETWEEN becomes <c>AND(&gt;=, &lt;=)</c>.</item>
/// <item><c>LIKE</c>: (string, pattern) or (string, pattern, escape); <c>SIMILAR TO</c> likewise.</item>
/// <item>Time units (EXTRACT, TIMESTAMPADD, TIMESTAMPDIFF, FLOOR/CEIL ... TO unit) are a VARCHAR NOT NULL literal
///   with the unit's upper-case name (<c>'YEAR'</c>) as the first operand (FLOOR/CEIL: the second).</item>
/// <item>TRIM: (mode, characters, string) with mode a literal <c>'BOTH'</c> | <c>'LEADING'</c> | <c>'TRAILING'</c>.</item>
/// <item>Interval literals are <c>INTERVAL DAY TO SECOND</c> (milliseconds) or <c>INTERVAL YEAR TO MONTH</c> (months);
///   <c>timestamp ± interval</c> and <c>date ± interval</c> are calls of <c>+</c>/<c>-</c>.</item>
/// </list>
/// </summary>
public static partial class BuiltInFunctions
{
    /// <summary>Resolves <paramref name="name"/> (case-insensitive) for arguments of the given types.</summary>
    /// <exception cref="FunctionResolutionException">No such function, or no signature fits; the message says which forms exist.</exception>
    public static ResolvedFunction Resolve(string name, IReadOnlyList<SqlType> argumentTypes) => ResolveCore(name, argumentTypes);

    /// <summary>Whether an explicit CAST from <paramref name="from"/> to <paramref name="to"/> is allowed (Flink's cast rules).</summary>
    public static bool CanCast(SqlType from, SqlType to) => CanCastCore(from, to);

    /// <summary>Whether <paramref name="name"/> names a scalar function or operator.</summary>
    public static bool IsScalar(string name) => IsScalarCore(name);

    /// <summary>Whether <paramref name="name"/> names an aggregate function (COUNT, SUM, ...). Aggregates are planned by the stateful operators.</summary>
    public static bool IsAggregate(string name) => IsAggregateCore(name);

    /// <summary>False for functions whose value changes between calls with the same input (RAND, CURRENT_TIMESTAMP, NOW, UUID, ...): never folded.</summary>
    public static bool IsDeterministic(string name) => IsDeterministicCore(name);

    /// <summary>Every function, for <c>SHOW FUNCTIONS</c>.</summary>
    public static IReadOnlyList<string> Names => NamesCore();

    /// <summary>The common type of several types (for CASE branches, UNION ALL columns, IN lists, comparisons), or null when there is none.</summary>
    public static SqlType? LeastRestrictive(IReadOnlyList<SqlType> types) => LeastRestrictiveCore(types);
}
