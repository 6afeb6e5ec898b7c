using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// <c>CROSS JOIN UNNEST(collection) [WITH ORDINALITY]</c>: each input row once per element of <see cref="Collection"/>
/// (an expression over the input: ARRAY, MULTISET or MAP), with the input row's kind; the output is the input's columns,
/// then the element's (one column, a ROW element's fields, or a MAP entry's key and value), then the 1-based ordinality
/// when <see cref="WithOrdinality"/>. NULL and empty collections produce no rows, or with <see cref="LeftOuter"/>
/// (<c>LEFT JOIN UNNEST</c>) one row whose element and ordinality columns are NULL. Stateless.
/// </summary>
public sealed record UnnestSpec(ScalarExpr Collection, bool WithOrdinality, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog, bool LeftOuter = false)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
